import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBAppender, DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import {
  type FieldSpec,
  isCustomTableName,
  type MeasuredTableRef,
  type MetricDefinition,
} from '@scorebook/contract';
import { type Policy, segmentMetricId } from '@scorebook/policy';
import { messageOf, type Problem } from '@scorebook/problems';
import { BusinessClock, type Zone, type ZonedPeriod } from '@scorebook/time';
import type { Agent } from '../check/row-checks.ts';
import type { ConversationIndex } from '../derive/conversation-index.ts';
import { toBusinessHours } from '../derive/derive-facts.ts';
import type { MessagePartitions } from '../derive/message-partitions.ts';
import { EvaluationError } from '../evaluation-error.ts';
import { type EvidenceRows, type MeasuredMetric, valueOfCounts } from '../measure/accumulate.ts';
import type { MetricValue } from '../measure/compile-metrics.ts';
import { Row } from '../row.ts';
import { inputTableName, type MeasureSql, measureSql, type SqlTable } from './compile-measure.ts';
import { DUCKDB, type SqlDialect } from './dialect.ts';
import { SQL_ERRORS } from './sql-errors.ts';

/** What {@link SqlMeasure.open} works with. */
export interface SqlMeasureInput {
  /** The metrics measured, in order: the catalog's, then segment metrics. */
  metrics: readonly MetricDefinition[];
  /** Fields of each measured table with their types (typed extras and derived fields included). */
  fieldsOf: (table: MeasuredTableRef) => Readonly<Record<string, FieldSpec>>;
  policy: Policy;
  zone: Zone;
  period: ZonedPeriod;
  agents: readonly Agent[];
  /** Whether the metric (by index) keeps evidence for the agent (by index): it scores it. */
  wantsEvidence: (agent: number, metric: number) => boolean;
  cap: number;
  /** DuckDB's worker threads; by default every core. */
  threads?: number;
}

/**
 * The measure stage on embedded DuckDB (`evaluate --engine duckdb`, `docs/scale.md` §6): the
 * rows the TypeScript stages accepted, appealed and did not exclude are appended to DuckDB
 * tables as they stream past; {@link finish} derives responses and conversation facts and
 * measures every metric per agent in SQL, and gives back what scoring and explaining read.
 */
export class SqlMeasure {
  readonly #input: SqlMeasureInput;
  readonly #sql: MeasureSql;
  readonly #instance: DuckDBInstance;
  readonly #connection: DuckDBConnection;
  readonly #temp: string;
  #closed = false;
  readonly #appenders = new Map<string, { appender: DuckDBAppender; table: SqlTable; rows: number }>();
  // The first start and last close of the conversations, when resolution time is measured.
  #spanFirst = Number.POSITIVE_INFINITY;
  #spanLast = Number.NEGATIVE_INFINITY;

  private constructor(
    input: SqlMeasureInput,
    sql: MeasureSql,
    instance: DuckDBInstance,
    connection: DuckDBConnection,
    temp: string,
  ) {
    this.#input = input;
    this.#sql = sql;
    this.#instance = instance;
    this.#connection = connection;
    this.#temp = temp;
  }

  /**
   * Compiles the policy's measure stage and opens an in-memory DuckDB (spilling to a temporary
   * folder beyond its memory limit) with its tables. Throws {@link EvaluationError} with every
   * metric the SQL engine does not compute, before any row is read.
   */
  static async open(input: SqlMeasureInput, dialect: SqlDialect = DUCKDB): Promise<SqlMeasure> {
    const sql = measureSql({
      metrics: input.metrics,
      fieldsOf: input.fieldsOf,
      zone: input.zone,
      period: input.period,
      businessHours: input.policy.business_hours !== null,
      cap: input.cap,
      dialect,
    });
    if (sql.refusals.length > 0) throw new EvaluationError(refusalProblems(sql, input.policy, dialect));
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const temp = mkdtempSync(join(tmpdir(), 'scorebook-duckdb-'));
    const instance = await DuckDBInstance.create(':memory:', {
      temp_directory: temp,
      preserve_insertion_order: 'false',
      ...(input.threads === undefined ? {} : { threads: String(input.threads) }),
    });
    const connection = await instance.connect();
    const measure = new SqlMeasure(input, sql, instance, connection, temp);
    for (const table of sql.tables) {
      const columns = table.columns.map((c) => `${dialect.ident(c.name)} ${dialect.type(c.type)}`);
      await connection.run(`CREATE TABLE ${table.name} (${columns.join(', ')})`);
      measure.#appenders.set(table.name, {
        appender: await connection.createAppender(table.name),
        table,
        rows: 0,
      });
    }
    return measure;
  }

  /** Appends a row of the period of a measured input table (not conversations), credited to an agent. */
  add(table: MeasuredTableRef, row: Row, agent: number): void {
    if (table === 'responses' || table === 'conversations' || table === 'messages')
      throw new Error(`${table} rows are not appended as measured rows in SQL`);
    // A metric on a custom table is refused when the engine opens (SQL_CUSTOM_TABLE_UNSUPPORTED).
    if (isCustomTableName(table)) throw new Error(`custom table ${table} rows reached the SQL engine`);
    this.#append(inputTableName(table), (name) => {
      if (name === 'agent') return agent;
      if (name === 'file') return row.file;
      if (name === 'line') return row.line;
      return row.values[name] ?? null;
    });
  }

  /** Appends a conversation of the period (its second read), by its index in the conversation index. */
  addConversation(row: Row, index: number, agent: number): void {
    if (this.#sql.resolution) {
      const { started_at, closed_at } = row.values;
      if (typeof started_at === 'number' && typeof closed_at === 'number') {
        this.#spanFirst = Math.min(this.#spanFirst, started_at);
        this.#spanLast = Math.max(this.#spanLast, closed_at);
      }
    }
    this.#append(inputTableName('conversations'), (name) => {
      if (name === 'agent') return agent;
      if (name === 'idx') return index;
      if (name === 'file') return row.file;
      if (name === 'line') return row.line;
      return row.values[name] ?? null;
    });
  }

  /**
   * Loads the messages kept for derivation, the conversations, the agents, the converted
   * conversations and the calendar of openings; runs the derivation and the metrics; returns
   * one measured metric per metric, in order. Closes the database.
   */
  async finish(
    conversations: ConversationIndex,
    messages: MessagePartitions,
    converted: ReadonlySet<string>,
  ): Promise<MeasuredMetric[]> {
    try {
      return await this.#finish(conversations, messages, converted);
    } finally {
      this.close();
    }
  }

  /** Closes the database and removes its temporary folder (also after a failed run). */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const { appender } of this.#appenders.values()) {
      try {
        appender.closeSync();
      } catch {
        // An appender already closed by finish.
      }
    }
    this.#appenders.clear();
    this.#connection.closeSync();
    this.#instance.closeSync();
    rmSync(this.#temp, { recursive: true, force: true });
  }

  async #finish(
    conversations: ConversationIndex,
    messages: MessagePartitions,
    converted: ReadonlySet<string>,
  ): Promise<MeasuredMetric[]> {
    const input = this.#input;
    const messageSpan = this.#appendMessages(conversations, messages);
    // The calendar covers every customer block and, when measured, every resolution span.
    const first = Math.min(messageSpan.first, this.#spanFirst);
    const last = Math.max(messageSpan.last, this.#spanLast);
    for (let c = 0; c < conversations.size; c++)
      this.#appendRow('conv_index', [c, conversations.idAt(c), conversations.channelAt(c)]);
    for (const a of input.agents) this.#appendRow('agents', [a.index, a.agent_id]);
    for (const id of converted) this.#appendRow('converted', [id]);
    const hours = input.policy.business_hours;
    if (hours !== null && first <= last) {
      const clock = new BusinessClock(toBusinessHours(hours), input.zone);
      for (let day = clock.dayOf(first); day <= clock.dayOf(last); day++)
        for (const [open, close] of clock.openings(day)) this.#appendRow('calendar', [open, close]);
    }
    input.metrics.forEach((_, metric) => {
      for (const a of input.agents)
        if (input.wantsEvidence(a.index, metric)) this.#appendRow('wanted', [metric, a.index]);
    });
    for (const { appender } of this.#appenders.values()) appender.closeSync();
    this.#appenders.clear();
    for (const statement of this.#sql.derive) await this.#connection.run(statement);

    const tallies = input.metrics.map(() => new Map<number, Tally>());
    const read = await this.#connection.runAndReadAll(this.#sql.values);
    for (const r of read.getRowObjectsJS()) {
      const byAgent = tallies[Number(r.metric)];
      if (byAgent === undefined) continue;
      const agent = Number(r.agent);
      const t = byAgent.get(agent) ?? { n: 0, s: 0, o: 0, pv: null };
      t.n += Number(r.n);
      t.s += Number(r.s ?? 0);
      t.o += Number(r.o);
      if (r.pv !== null && r.pv !== undefined) t.pv = Number(r.pv);
      byAgent.set(agent, t);
    }
    return Promise.all(
      input.metrics.map(async (definition, i) => {
        const evidence = await this.#evidence(definition, this.#sql.evidence[i] ?? null);
        return sqlMetric(definition, tallies[i] ?? new Map(), evidence, (agent) =>
          input.wantsEvidence(agent, i),
        );
      }),
    );
  }

  // The messages, partition by partition in order (conversations in index order, each one's
  // messages in reading order), appended value by value in the column order of the `messages`
  // table of compile-measure.ts (the hot loop of loading); `pos` numbers them in that order. The
  // first and last instants bound the calendar.
  #appendMessages(
    conversations: ConversationIndex,
    messages: MessagePartitions,
  ): { first: number; last: number } {
    const target = this.#appenders.get('messages');
    if (target === undefined) throw new Error('no table messages');
    const { appender } = target;
    let first = Number.POSITIVE_INFINITY;
    let last = Number.NEGATIVE_INFINITY;
    let pos = 0;
    for (let p = 0; p * messages.conversationsPerPartition < conversations.size; p++) {
      const store = messages.take(p);
      for (let i = 0; i < store.length; i++) {
        const t = store.sentAt(i);
        if (t < first) first = t;
        if (t > last) last = t;
        appender.appendDouble(pos++);
        appender.appendInteger(store.conversation(i));
        appender.appendDouble(t);
        appender.appendInteger(store.sender(i));
        appender.appendInteger(store.agent(i));
        appender.appendInteger(store.file(i));
        appender.appendInteger(store.line(i));
        appender.endRow();
      }
    }
    target.rows += pos;
    return { first, last };
  }

  async #evidence(definition: MetricDefinition, query: string | null): Promise<Map<number, EvidenceRows>> {
    const out = new Map<number, EvidenceRows>();
    if (query === null || definition.kind === 'formula' || definition.kind === 'rating') return out;
    const shape = evidenceShape(definition);
    const fields = Object.keys(this.#input.fieldsOf(shape.table));
    const read = await this.#connection.runAndReadAll(query);
    for (const r of read.getRowObjectsJS()) {
      const agent = Number(r.agent);
      let kept = out.get(agent);
      if (kept === undefined) {
        kept = { ...shape, total: Number(r.total), rows: [] };
        out.set(agent, kept);
      }
      const values: Record<string, unknown> = {};
      // A field the SQL does not have stays absent, as on a row that was not given it.
      for (const f of fields) if (Object.hasOwn(r, f)) values[f] = r[f] ?? null;
      kept.rows.push(new Row(values, Number(r.file), Number(r.line)));
    }
    return out;
  }

  #appendRow(table: string, values: readonly unknown[]): void {
    this.#append(table, (_, c) => values[c] ?? null);
  }

  // One row, column by column; a value that is not of its column's type stops the run (it
  // would be a wrong number, not a refusal of the user's).
  #append(table: string, cell: (column: string, index: number) => unknown): void {
    const target = this.#appenders.get(table);
    if (target === undefined) throw new Error(`no table ${table}`);
    const { appender } = target;
    target.table.columns.forEach((column, c) => {
      const v = column.name === 'seq' ? target.rows : cell(column.name, c);
      if (v === null || v === undefined) {
        appender.appendNull();
        return;
      }
      switch (column.type) {
        case 'integer':
          if (typeof v !== 'number') break;
          appender.appendInteger(v);
          return;
        case 'double':
          if (typeof v !== 'number') break;
          appender.appendDouble(v);
          return;
        case 'boolean':
          if (typeof v !== 'boolean') break;
          appender.appendBoolean(v);
          return;
        default:
          if (typeof v !== 'string') break;
          appender.appendVarchar(v);
          return;
      }
      throw new Error(`${table}.${column.name}: ${JSON.stringify(v)} is not a ${column.type}`);
    });
    appender.endRow();
    target.rows++;
  }
}

interface Tally {
  n: number;
  s: number;
  o: number;
  pv: number | null;
}

// The same value and sample as the TypeScript tally gives from the same counts (`valueOfCounts`).
function sqlValue(d: MetricDefinition, t: Tally | undefined): MetricValue {
  return valueOfCounts(d, t?.n ?? 0, t?.s ?? 0, t?.o ?? 0, () => t?.pv ?? null);
}

// The role and table of a metric's evidence, as the TypeScript tally keeps it.
function evidenceShape(d: Exclude<MetricDefinition, { kind: 'formula' | 'rating' }>): {
  role: EvidenceRows['role'];
  table: MeasuredTableRef;
} {
  const table =
    d.kind === 'ratio' ? (d.better === 'lower' ? d.numerator.table : d.denominator.table) : d.table;
  const role = (d.kind === 'count' || d.kind === 'sum') && d.better === 'higher' ? 'counted' : 'against';
  return { role, table };
}

function sqlMetric(
  definition: MetricDefinition,
  tallies: ReadonlyMap<number, Tally>,
  evidence: ReadonlyMap<number, EvidenceRows>,
  wanted: (agent: number) => boolean,
): MeasuredMetric {
  return {
    definition,
    value: (agent) => sqlValue(definition, tallies.get(agent)),
    evidence: (agent) => {
      if (definition.kind === 'formula' || definition.kind === 'rating') return null;
      return (
        evidence.get(agent) ?? (wanted(agent) ? { ...evidenceShape(definition), total: 0, rows: [] } : null)
      );
    },
  };
}

// Each refused metric with the policy line that scores it (or the policy file).
function refusalProblems(sql: MeasureSql, policy: Policy, dialect: SqlDialect): Problem[] {
  const items = policy.scorecards.flatMap((s) => s.scored);
  const segmentIds = (item: (typeof items)[number]) =>
    item.segments === null
      ? []
      : item.segments.segments.map((s) => segmentMetricId(item.metric, item.segments?.field ?? '', s.value));
  const lineOf = (metric: string) =>
    items.find((i) => i.metric === metric || segmentIds(i).includes(metric))?.source ?? null;
  return sql.refusals.map((r) => {
    const at = lineOf(r.metric);
    const message =
      r.code === 'SQL_METRIC_KIND_UNSUPPORTED'
        ? messageOf(SQL_ERRORS, r.code, { metric: r.metric, kind: r.kind, engine: dialect.name })
        : r.code === 'SQL_CUSTOM_TABLE_UNSUPPORTED' || r.code === 'SQL_METRIC_TABLE_UNSUPPORTED'
          ? messageOf(SQL_ERRORS, r.code, { metric: r.metric, table: r.table, engine: dialect.name })
          : messageOf(SQL_ERRORS, r.code, {
              metric: r.metric,
              condition: r.condition,
              why: r.why,
              engine: dialect.name,
            });
    return {
      code: r.code,
      severity: 'error',
      message,
      file: at?.file ?? policy.file,
      line: at?.line ?? null,
      column: at?.column ?? null,
      ...(at === null ? {} : { path: at.path }),
    };
  });
}
