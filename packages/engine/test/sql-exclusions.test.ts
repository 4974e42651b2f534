import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { Condition } from '@scorebook/conditions';
import type { FieldSpec, InputTableName } from '@scorebook/contract';
import type { Exclusion } from '@scorebook/policy';
import { formatInstantUtc, Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { Exclusions, type ExclusionsPart } from '../src/exclude/exclusions.ts';
import { Row } from '../src/row.ts';
import { type AppendTarget, appendRow, cellOf } from '../src/sql/append-row.ts';
import {
  type ExclusionRefusal,
  type ExclusionsSql,
  type ExclusionsSqlInput,
  type ExclusionTableSql,
  exclusionsSql,
} from '../src/sql/compile-exclusions.ts';
import { DUCKDB } from '../src/sql/dialect.ts';
import { exclusionPart } from '../src/sql/sql-exclusions.ts';
import { random } from './random.ts';

const zone = new Zone('America/New_York');
const FIELDS: Record<string, FieldSpec> = {
  complaint_id: { type: 'id' },
  agent_id: { type: 'id' },
  filed_at: { type: 'timestamp' },
  day: { type: 'date' },
  category: { type: 'string' },
  note: { type: 'string' },
  amount: { type: 'number' },
  severity: { type: 'int' },
  upheld: { type: 'bool' },
};
const SURVEY_FIELDS: Record<string, FieldSpec> = {
  survey_id: { type: 'id' },
  agent_id: { type: 'id' },
  answered_at: { type: 'timestamp' },
  score: { type: 'number' },
  channel: { type: 'string' },
};
const fieldsOf = (table: InputTableName) => (table === 'surveys' ? SURVEY_FIELDS : FIELDS);
// An instant some rows have exactly, for `equal` on a timestamp (its ISO text in UTC).
const EXACT = Date.parse('2026-11-02T15:30:00.000Z');

let line = 0;
function exclusion(id: string, table: Exclude<InputTableName, 'agents'>, when: Condition): Exclusion {
  line += 1;
  return {
    id,
    table,
    reason: id,
    reason_en: null,
    when,
    source: { file: 'policy.yaml', line, column: 5, path: `exclusions[${line}]` },
  };
}

// Exclusions of every condition kind, in an order where later ones catch rows earlier ones miss.
const EXCLUSIONS: Exclusion[] = [
  exclusion('defect', 'complaints', {
    all: [{ fact: 'category', operator: 'equal', value: 'product_defect' }],
  }),
  exclusion('logistics', 'complaints', {
    fact: 'category',
    operator: 'textIn',
    value: ['ＬＯＧＩＳＴＩＣＳ!', 'Delivery', 7],
  }),
  exclusion('refund-words', 'complaints', {
    fact: 'note',
    operator: 'containsAny',
    value: ['退款', 'REFUND', '  '],
  }),
  exclusion('big', 'complaints', {
    any: [
      { fact: 'amount', operator: 'greaterThan', value: 80 },
      { fact: 'severity', operator: 'lessThanInclusive', value: 0 },
    ],
  }),
  exclusion('early-small', 'complaints', {
    all: [
      { fact: 'filed_at', operator: 'before', value: '2026-11-03' },
      { fact: 'amount', operator: 'lessThan', value: 20 },
      { not: { fact: 'upheld', operator: 'equal', value: true } },
    ],
  }),
  exclusion('exact', 'complaints', {
    any: [
      { fact: 'filed_at', operator: 'equal', value: formatInstantUtc(EXACT) },
      { fact: 'filed_at', operator: 'equal', value: '2026-11-02T15:30:00Z' },
      { fact: 'severity', operator: 'equal', value: '3' },
    ],
  }),
  exclusion('late-listed', 'complaints', {
    all: [
      { fact: 'filed_at', operator: 'after', value: '2026-11-20T12:00:00Z' },
      { fact: 'category', operator: 'in', value: ['billing', 'other', null, 4] },
      { fact: 'severity', operator: 'greaterThanInclusive', value: 2 },
    ],
  }),
  exclusion('no-note', 'complaints', {
    all: [
      { fact: 'note', operator: 'equal', value: null },
      { fact: 'category', operator: 'notIn', value: ['billing'] },
      { fact: 'day', operator: 'notEqual', value: '2026-11-10' },
      { any: [] },
    ],
  }),
  exclusion('never', 'complaints', {
    any: [
      { fact: 'category', operator: 'contains', value: 'b' },
      { fact: 'upheld', operator: 'lessThan', value: 1 },
      { fact: 'note', operator: 'textIn', value: [] },
      { fact: 'note', operator: 'containsAny', value: ['!!'] },
      { fact: 'upheld', operator: 'equal', value: 'true' },
    ],
  }),
  exclusion('most-flagged', 'complaints', {
    all: [
      { fact: 'category', operator: 'doesNotContain', value: 'x' },
      { fact: 'upheld', operator: 'equal', value: false },
    ],
  }),
  exclusion('unflagged', 'complaints', {
    all: [
      { not: { fact: 'category', operator: 'contains', value: 'x' } },
      { fact: 'upheld', operator: 'equal', value: false },
    ],
  }),
  exclusion('low-survey', 'surveys', { fact: 'score', operator: 'lessThan', value: 3 }),
  exclusion('sms', 'surveys', { fact: 'channel', operator: 'equal', value: 'sms' }),
];

const CATEGORIES = [
  'product_defect',
  'Logistics',
  ' logistics…',
  'ｌｏｇｉｓｔｉｃｓ',
  'delivery!',
  'LOGISTICS x',
  ...['billing', 'other', 'service', 'rude', 'slow', 'wrong_item', 'late', 'price', null],
];
const NOTES = ['要求退款', 'Refund please', 'ＲＥＦＵＮＤ', 'refunded?', 'thanks', '', '   ', null];

function complaint(next: () => number, n: number): Row {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const filed =
    next() < 0.1 ? EXACT : Date.parse('2026-10-28T00:00:00Z') + Math.floor(next() * 40 * 86_400) * 1000;
  return new Row(
    {
      complaint_id: `k${n}`,
      agent_id: pick(['a1', 'a2', 'a3', null]),
      filed_at: next() < 0.05 ? null : filed,
      day: pick(['2026-11-10', '2026-11-11', null]),
      category: pick(CATEGORIES),
      note: pick(NOTES),
      amount: next() < 0.1 ? null : Math.floor(next() * 1000) / 10,
      severity: next() < 0.1 ? null : Math.floor(next() * 5),
      upheld: next() < 0.1 ? null : next() < 0.5,
    },
    Math.floor(n / 40),
    2 + (n % 40),
  );
}

function survey(next: () => number, n: number): Row {
  return new Row(
    {
      survey_id: `s${n}`,
      agent_id: next() < 0.9 ? `a${1 + Math.floor(next() * 3)}` : null,
      answered_at: Date.parse('2026-11-01T00:00:00Z') + Math.floor(next() * 30 * 86_400) * 1000,
      score: next() < 0.1 ? null : Math.floor(next() * 11),
      channel: next() < 0.3 ? 'sms' : 'chat',
    },
    7,
    2 + n,
  );
}

// The exclusions decided on an in-memory DuckDB of their own: rows appended as the reading pass
// would hand them over (SqlMeasure does the same on its database).
class SqlExclusions {
  readonly refusals: readonly ExclusionRefusal[];
  readonly #tables: Map<InputTableName, ExclusionTableSql>;
  readonly #instance: DuckDBInstance;
  readonly #connection: DuckDBConnection;
  readonly #targets = new Map<InputTableName, AppendTarget>();
  #decided = false;

  private constructor(sql: ExclusionsSql, instance: DuckDBInstance, connection: DuckDBConnection) {
    this.#tables = new Map(sql.tables.map((t) => [t.table, t]));
    this.refusals = sql.refusals;
    this.#instance = instance;
    this.#connection = connection;
  }

  static async open(input: Omit<ExclusionsSqlInput, 'dialect'>): Promise<SqlExclusions> {
    const sql = exclusionsSql({ ...input, dialect: DUCKDB });
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const out = new SqlExclusions(sql, instance, connection);
    for (const { table, load } of sql.tables) {
      const columns = load.columns.map((c) => `${DUCKDB.ident(c.name)} ${DUCKDB.type(c.type)}`);
      await connection.run(`CREATE TABLE ${load.name} (${columns.join(', ')})`);
      out.#targets.set(table, { appender: await connection.createAppender(load.name), table: load, rows: 0 });
    }
    return out;
  }

  add(table: InputTableName, row: Row, agent: number, inPeriod: boolean): void {
    const target = this.#targets.get(table);
    if (target === undefined) throw new Error(`no exclusions on ${table}`);
    appendRow(target, (name) =>
      name === 'agent'
        ? agent
        : name === 'file'
          ? row.file
          : name === 'line'
            ? row.line
            : name === 'in_period'
              ? inPeriod
              : cellOf(row, name),
    );
  }

  // Each row's excluded_by, in the order added.
  async decisions(table: InputTableName): Promise<Array<string | null>> {
    await this.#decide();
    const read = await this.#connection.runAndReadAll(
      `SELECT excluded_by FROM decided_${table} ORDER BY seq`,
    );
    return read.getRowObjectsJS().map((r) => (typeof r.excluded_by === 'string' ? r.excluded_by : null));
  }

  async parts(): Promise<Map<InputTableName, ExclusionsPart>> {
    await this.#decide();
    const out = new Map<InputTableName, ExclusionsPart>();
    for (const [table, sql] of this.#tables)
      out.set(table, await exclusionPart(this.#connection, sql, Object.keys(fieldsOf(table))));
    return out;
  }

  close(): void {
    if (!this.#decided) for (const { appender } of this.#targets.values()) appender.closeSync();
    this.#connection.closeSync();
    this.#instance.closeSync();
  }

  async #decide(): Promise<void> {
    if (this.#decided) return;
    this.#decided = true;
    for (const { appender } of this.#targets.values()) appender.closeSync();
    for (const { decide } of this.#tables.values()) await this.#connection.run(decide);
  }
}

describe('exclusions in SQL', () => {
  it.each([
    [1, 3],
    [2, 3],
    [3, 3],
    [4, 0],
  ])(
    'decide, count and keep evidence as the TypeScript exclusions do (random rows, seed %i, cap %i)',
    async (seed, cap) => {
      const next = random(seed);
      const ts = new Exclusions({ exclusions: EXCLUSIONS }, fieldsOf, zone, cap);
      // What one table's rows alone count (`part` gives an agent's evidence of every table).
      const alone = new Map<InputTableName, Exclusions>();
      const sql = await SqlExclusions.open({ exclusions: EXCLUSIONS, fieldsOf, zone, cap });
      try {
        expect(sql.refusals).toEqual([]);
        const expected = new Map<InputTableName, Array<string | null>>();
        const tables = [
          ['complaints', 400, complaint],
          ['surveys', 200, survey],
        ] as const;
        for (const [table, count, make] of tables) {
          const decided: Array<string | null> = [];
          const own = new Exclusions({ exclusions: EXCLUSIONS }, fieldsOf, zone, cap);
          alone.set(table, own);
          for (let n = 0; n < count; n++) {
            const row = make(next, n);
            const agent =
              typeof row.values.agent_id === 'string' ? Number(row.values.agent_id.slice(1)) - 1 : -1;
            const inPeriod = next() < 0.85;
            const match = ts.match(table, row);
            decided.push(match?.id ?? null);
            if (match !== null && inPeriod) {
              ts.count(table, match, row, agent);
              own.count(table, match, row, agent);
            }
            sql.add(table, row, agent, inPeriod);
          }
          expected.set(table, decided);
        }
        const parts = await sql.parts();
        for (const [table] of tables) {
          const decisions = await sql.decisions(table);
          expect(decisions).toEqual(expected.get(table));
          expect(parts.get(table)).toEqual(alone.get(table)?.part(table));
        }
        // Every exclusion but those that never hold (contains/doesNotContain on a value) removes rows, and policy order decides between them.
        const complaints = new Set(expected.get('complaints'));
        for (const e of EXCLUSIONS.filter((e) => e.table === 'complaints'))
          expect([e.id, complaints.has(e.id)]).toEqual([e.id, e.id !== 'never' && e.id !== 'most-flagged']);
        expect(complaints.has(null)).toBe(true);
        // Absorbed into an empty Exclusions, the SQL parts give every agent's counts and evidence.
        const absorbed = new Exclusions({ exclusions: EXCLUSIONS }, fieldsOf, zone, cap);
        for (const [table, part] of parts) absorbed.absorb(table, part);
        for (const agent of [0, 1, 2]) {
          expect(absorbed.ofAgent(agent).evidence).toEqual(ts.ofAgent(agent).evidence);
          expect([...absorbed.ofAgent(agent).counts]).toEqual([...ts.ofAgent(agent).counts]);
        }
        expect([...absorbed.counts]).toEqual([...ts.counts]);
        // Counted for every agent whatever the cap (with cap 0: counts, no evidence).
        expect(ts.ofAgent(0).counts.size).toBeGreaterThan(0);
      } finally {
        sql.close();
      }
    },
  );

  it('compiles excluded_by as a CASE in policy order and refuses what it does not compute, by table', () => {
    const sql = exclusionsSql({
      exclusions: [
        exclusion('a', 'surveys', { fact: 'channel', operator: 'equal', value: 'sms' }),
        exclusion('b', 'surveys', { fact: 'score', operator: 'lessThan', value: 3 }),
        exclusion('c', 'complaints', { fact: 'day', operator: 'before', value: '2026-11-10' }),
        exclusion('d', 'complaints', { fact: 'category', operator: 'equal', value: { fact: 'note' } }),
      ],
      fieldsOf,
      zone,
      cap: 20,
      dialect: DUCKDB,
    });
    expect(sql.tables.map((t) => t.table)).toEqual(['surveys']);
    expect(sql.tables[0]?.decide).toBe(
      `CREATE TABLE decided_surveys AS SELECT *, CASE WHEN coalesce("channel" = 'sms', FALSE) THEN 'a' WHEN coalesce("score" < CAST('3' AS DOUBLE), FALSE) THEN 'b' ELSE NULL END AS excluded_by FROM ex_surveys`,
    );
    expect(sql.refusals.map((r) => [r.exclusion, r.table, r.why])).toEqual([
      ['c', 'complaints', 'instant_type'],
      ['d', 'complaints', 'fact_reference'],
    ]);
  });
});
