import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import {
  type FieldSpec,
  INPUT_TABLES,
  type InputTableName,
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
import type { ExclusionsPart } from '../exclude/exclusions.ts';
import { type EvidenceRows, type MeasuredMetric, valueOfCounts } from '../measure/accumulate.ts';
import type { MetricValue } from '../measure/compile-metrics.ts';
import type { RaterTotal } from '../measure/rating-tally.ts';
import { Row } from '../row.ts';
import { type AppendTarget, appendRow, cellOf } from './append-row.ts';
import { type ExclusionTableSql, exclusionsSql } from './compile-exclusions.ts';
import { inputTableName, type MeasureSql, measureSql, type RowTable } from './compile-measure.ts';
import { DUCKDB, type SqlDialect } from './dialect.ts';
import { SQL_ERRORS } from './sql-errors.ts';
import { exclusionPart } from './sql-exclusions.ts';
import { type LeftOutRows, SqlRating } from './sql-rating.ts';

/** What {@link SqlMeasure.open} works with. */
export interface SqlMeasureInput {
  /** The metrics measured, in order: the catalog's, then segment metrics. */
  metrics: readonly MetricDefinition[];
  /** Fields of each measured table and of `ratings` with their types (typed extras and derived fields included). */
  fieldsOf: (table: MeasuredTableRef | 'ratings') => Readonly<Record<string, FieldSpec>>;
  /** Fields of each input table with their types, as the exclusions' conditions read them. */
  inputFieldsOf: (table: InputTableName) => Readonly<Record<string, FieldSpec>>;
  policy: Policy;
  zone: Zone;
  period: ZonedPeriod;
  agents: readonly Agent[];
  /** Whether the metric (by index) keeps evidence for the agent (by index): it scores it. */
  wantsEvidence: (agent: number, metric: number) => boolean;
  cap: number;
  /** DuckDB's worker threads; by default every core. */
  threads?: number;
  /** Given each SQL statement as it is run, in order (`evaluate --sql-out`). */
  onStatement?: (statement: string) => void;
}

/**
 * DuckDB's memory limit (its buffer manager's; beyond it, its tables and operators spill to the
 * temporary folder): a quarter of the memory available ({@link availableMemoryBytes}: the
 * machine's, or its cgroup's limit), at least 1 GiB and at most 4 GiB, in MiB.
 * DuckDB's own default, 80% of the machine's memory, left the TypeScript side (up to ~4 GB on
 * a 10,000-agent month) and the machine no room: 22 GB of 24 were resident.
 */
export function memoryLimitMiB(totalBytes: number): number {
  return Math.min(4096, Math.max(1024, Math.floor(totalBytes / 4 / 2 ** 20)));
}

/** Where cgroup v2 writes the memory a container may use: bytes, or `max` for no limit. */
const CGROUP_MEMORY_MAX = '/sys/fs/cgroup/memory.max';

/**
 * The memory this process may use: the machine's (`totalmem`), or the cgroup's limit
 * (`/sys/fs/cgroup/memory.max`, cgroup v2) when one is set below it — a container given 2 GiB on
 * a 64 GiB host has 2 GiB. `max`, an unreadable or missing file, or anything but a whole number
 * of bytes leaves the machine's.
 */
export function availableMemoryBytes(
  total: number = totalmem(),
  readLimit: () => string | null = readCgroupMemoryMax,
): number {
  const text = readLimit()?.trim() ?? '';
  if (!/^\d+$/.test(text)) return total;
  const limit = Number(text);
  return limit > 0 && limit < total ? limit : total;
}

function readCgroupMemoryMax(): string | null {
  try {
    return readFileSync(CGROUP_MEMORY_MAX, 'utf8');
  } catch {
    return null;
  }
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
  // The tables whose exclusions are decided here, in reading order (none when one is refused).
  readonly #exclusions: readonly ExclusionTableSql[];
  readonly #instance: DuckDBInstance;
  readonly #connection: DuckDBConnection;
  readonly #temp: string;
  #closed = false;
  readonly #appenders = new Map<string, AppendTarget>();
  // The first start and last close of the conversations, when resolution time is measured.
  #spanFirst = Number.POSITIVE_INFINITY;
  #spanLast = Number.NEGATIVE_INFINITY;

  private constructor(
    input: SqlMeasureInput,
    sql: MeasureSql,
    exclusions: readonly ExclusionTableSql[],
    instance: DuckDBInstance,
    connection: DuckDBConnection,
    temp: string,
  ) {
    this.#input = input;
    this.#sql = sql;
    this.#exclusions = exclusions;
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
    // Exclusions are decided in SQL when every one of them compiles; otherwise all of them stay
    // in the TypeScript reading pass (docs/scale.md §5.3), so that no policy is refused for them.
    const compiled = exclusionsSql({
      exclusions: input.policy.exclusions,
      fieldsOf: input.inputFieldsOf,
      zone: input.zone,
      cap: input.cap,
      dialect,
    });
    const exclusions =
      compiled.refusals.length > 0
        ? []
        : INPUT_TABLES.flatMap((t) => compiled.tables.filter((e) => e.table === t));
    const sql = measureSql({
      decidedInSql: new Set(exclusions.map((e) => e.table)),
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
      memory_limit: `${memoryLimitMiB(availableMemoryBytes())}MiB`,
      preserve_insertion_order: 'false',
      ...(input.threads === undefined ? {} : { threads: String(input.threads) }),
    });
    const connected = await instance.connect();
    const connection = input.onStatement === undefined ? connected : recording(connected, input.onStatement);
    const measure = new SqlMeasure(input, sql, exclusions, instance, connection, temp);
    for (const table of [...sql.tables, ...exclusions.map((e) => e.load)]) {
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

  /**
   * Appends a row of the period of a measured input table (not conversations; messages, custom
   * tables only when a metric reads them), credited to an agent.
   */
  add(table: MeasuredTableRef, row: Row, agent: number): void {
    if (table === 'responses' || table === 'conversations')
      throw new Error(`${table} rows are not appended as measured rows in SQL`);
    this.#appendRow(table, row, agent);
  }

  /**
   * True when the policy's exclusions are decided here: the TypeScript stages then apply none,
   * hand every row of a table with exclusions to {@link addExcludable}, and measured rows
   * excluded or not.
   */
  get decidesExclusions(): boolean {
    return this.#exclusions.length > 0;
  }

  /** True when the table has exclusions decided here. */
  decides(table: InputTableName): boolean {
    return this.#exclusions.some((e) => e.table === table);
  }

  /**
   * Appends an accepted row of a table with exclusions that no appeal removed, in and out of the
   * period, credited to an agent (−1: none), for its exclusions to be decided in SQL.
   */
  addExcludable(table: InputTableName, row: Row, agent: number, inPeriod: boolean): void {
    const target = this.#appenders.get(`ex_${table}`);
    if (target === undefined) throw new Error(`no exclusions are decided in SQL on ${table}`);
    appendRow(target, (name) => {
      if (name === 'agent') return agent;
      if (name === 'file') return row.file;
      if (name === 'line') return row.line;
      if (name === 'in_period') return inPeriod;
      return cellOf(row, name);
    });
  }

  /** Appends an accepted `ratings` row of the period, credited to the rated agent. */
  addRating(row: Row, agent: number): void {
    this.#appendRow('ratings', row, agent);
  }

  #appendRow(table: RowTable, row: Row, agent: number): void {
    this.#append(inputTableName(table), (name) => {
      if (name === 'agent') return agent;
      if (name === 'file') return row.file;
      if (name === 'line') return row.line;
      return cellOf(row, name);
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
      return cellOf(row, name);
    });
  }

  /**
   * Loads the messages kept for derivation, the conversations, the agents, the converted
   * conversations (the ids of those the conversation index marks converted) and the calendar of
   * openings; decides the exclusions, runs the derivation
   * and the metrics; returns one measured metric per metric, in order, and what the exclusions
   * decided here removed of each table, in reading order of the tables. Closes the database.
   */
  async finish(
    conversations: ConversationIndex,
    messages: MessagePartitions,
  ): Promise<{ metrics: MeasuredMetric[]; excluded: Array<[InputTableName, ExclusionsPart]> }> {
    try {
      return await this.#finish(conversations, messages);
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
  ): Promise<{ metrics: MeasuredMetric[]; excluded: Array<[InputTableName, ExclusionsPart]> }> {
    const input = this.#input;
    const messageSpan = this.#appendMessages(conversations, messages);
    // The calendar covers every customer block and, when measured, every resolution span.
    const first = Math.min(messageSpan.first, this.#spanFirst);
    const last = Math.max(messageSpan.last, this.#spanLast);
    for (let c = 0; c < conversations.size; c++) {
      const id = conversations.idAt(c);
      this.#appendValues('conv_index', [c, id, conversations.channelAt(c)]);
      if (conversations.convertedAt(c)) this.#appendValues('converted', [id]);
    }
    for (const a of input.agents) this.#appendValues('agents', [a.index, a.agent_id]);
    const hours = input.policy.business_hours;
    if (hours !== null && first <= last) {
      const clock = new BusinessClock(toBusinessHours(hours), input.zone);
      for (let day = clock.dayOf(first); day <= clock.dayOf(last); day++)
        for (const [open, close] of clock.openings(day)) this.#appendValues('calendar', [open, close]);
    }
    input.metrics.forEach((_, metric) => {
      for (const a of input.agents)
        if (input.wantsEvidence(a.index, metric)) this.#appendValues('wanted', [metric, a.index]);
    });
    for (const { appender } of this.#appenders.values()) appender.closeSync();
    this.#appenders.clear();
    for (const { decide } of this.#exclusions) await this.#connection.run(decide);
    const excluded: Array<[InputTableName, ExclusionsPart]> = [];
    for (const e of this.#exclusions)
      excluded.push([
        e.table,
        await exclusionPart(this.#connection, e, Object.keys(input.inputFieldsOf(e.table))),
      ]);
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
    const metrics = await Promise.all(
      input.metrics.map(async (definition, i) => {
        if (definition.kind === 'rating') return this.#rating(definition, i);
        const evidence = await this.#evidence(definition, this.#sql.evidence[i] ?? null);
        return sqlMetric(definition, tallies[i] ?? new Map(), evidence, (agent) =>
          input.wantsEvidence(agent, i),
        );
      }),
    );
    return { metrics, excluded };
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
    for (const { agent, total, row } of await this.#rows(query, shape.table)) {
      let kept = out.get(agent);
      if (kept === undefined) {
        kept = { ...shape, total, rows: [] };
        out.set(agent, kept);
      }
      kept.rows.push(row);
    }
    return out;
  }

  // A rating metric: its raters' totals from SQL, combined in TypeScript (`ratingOfRaters`).
  async #rating(definition: Extract<MetricDefinition, { kind: 'rating' }>, i: number): Promise<SqlRating> {
    const totals = new Map<number, Array<RaterTotal & { first: number }>>();
    const raters = this.#sql.raters[i];
    const evidence = this.#sql.evidence[i];
    if (raters === null || raters === undefined || evidence === null || evidence === undefined)
      throw new Error(`no rating SQL for ${definition.id}`);
    for (const r of (await this.#connection.runAndReadAll(raters)).getRowObjectsJS()) {
      const agent = Number(r.agent);
      const list = totals.get(agent) ?? [];
      list.push({
        role: String(r.role),
        rater: String(r.rater),
        ratings: Number(r.n),
        sum: Number(r.s),
        first: Number(r.first),
      });
      totals.set(agent, list);
    }
    // Each role's raters in the order of their first counted rating, as the TypeScript tally meets them.
    const ordered = new Map(
      [...totals].map(([agent, list]) => [agent, list.sort((a, b) => a.first - b.first)]),
    );
    const counted = new Map<number, { total: number; rows: Row[] }>();
    const leftOut = new Map<number, LeftOutRows>();
    for (const { agent, total, row, raw } of await this.#rows(evidence, 'ratings')) {
      if (raw.left_out === true) {
        const kept = leftOut.get(agent) ?? { total, rows: [] };
        kept.rows.push({ reason: raw.reason === 'self' ? 'self' : 'role_not_weighted', row });
        leftOut.set(agent, kept);
      } else {
        const kept = counted.get(agent) ?? { total, rows: [] };
        kept.rows.push(row);
        counted.set(agent, kept);
      }
    }
    return new SqlRating({
      definition,
      totals: ordered,
      counted,
      leftOut,
      wantsEvidence: (agent) => this.#input.wantsEvidence(agent, i),
      cap: this.#input.cap,
    });
  }

  // The rows an evidence query gives, as rows of the table with their agent and total (a field
  // the SQL does not have stays absent, as on a row that was not given it).
  async #rows(
    query: string,
    table: MeasuredTableRef | 'ratings',
  ): Promise<Array<{ agent: number; total: number; row: Row; raw: Record<string, unknown> }>> {
    const fields = Object.keys(this.#input.fieldsOf(table));
    const read = await this.#connection.runAndReadAll(query);
    return read.getRowObjectsJS().map((r) => {
      const values: Record<string, unknown> = {};
      for (const f of fields) if (Object.hasOwn(r, f)) values[f] = r[f] ?? null;
      return {
        agent: Number(r.agent),
        total: Number(r.total),
        row: new Row(values, Number(r.file), Number(r.line)),
        raw: r,
      };
    });
  }

  #appendValues(table: string, values: readonly unknown[]): void {
    this.#append(table, (_, c) => values[c] ?? null);
  }

  #append(table: string, cell: (column: string, index: number) => unknown): void {
    const target = this.#appenders.get(table);
    if (target === undefined) throw new Error(`no table ${table}`);
    appendRow(target, cell);
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
  const counts = d.kind === 'count' || d.kind === 'sum' || d.kind === 'distinct_count';
  const role = counts && d.better === 'higher' ? 'counted' : 'against';
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

/**
 * The connection, each statement it runs (`run`, `runAndReadAll`) given to `onStatement` first;
 * everything else as it is.
 */
function recording(connection: DuckDBConnection, onStatement: (statement: string) => void): DuckDBConnection {
  return new Proxy(connection, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      if (key !== 'run' && key !== 'runAndReadAll') return value.bind(target);
      return (statement: string, ...rest: unknown[]) => {
        onStatement(statement);
        return value.call(target, statement, ...rest);
      };
    },
  });
}
