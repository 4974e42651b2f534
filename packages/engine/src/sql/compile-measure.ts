import {
  DERIVED_CONVERSATION_FIELDS,
  type FieldSpec,
  MEASURED_TABLES,
  type MeasuredTableName,
  type MeasuredTableRef,
  type MetricDefinition,
} from '@scorebook/contract';
import type { Zone } from '@scorebook/time';
import { AGENT, CUSTOMER } from '../derive/message-store.ts';
import { readsConversationField } from '../derive/reads-field.ts';
import { customTablesOf } from '../read/custom-tables.ts';
import { readsMessages } from '../read/message-tallies.ts';
import {
  ConditionRefused,
  conditionSql,
  type NormalizedText,
  normalizedColumn,
  sqlTypeOf,
} from './compile-condition.ts';
import type { SqlDialect, SqlType } from './dialect.ts';
import type { SqlRefusal } from './sql-errors.ts';

/** A table the engine creates and fills row by row. */
export interface SqlTable {
  name: string;
  columns: ReadonlyArray<{ name: string; type: SqlType }>;
}

/** A metric the SQL engine refuses to compute, and why. */
export type MetricRefusal =
  | { metric: string; code: 'SQL_METRIC_KIND_UNSUPPORTED'; kind: string }
  | { metric: string; code: 'SQL_CONDITION_UNSUPPORTED'; condition: string; why: SqlRefusal };

/** A table whose rows the engine appends as the TypeScript stages leave them (`in_<table>`). */
export type RowTable = Exclude<MeasuredTableRef, 'responses'> | 'ratings';

/** What {@link measureSql} compiles from. */
export interface MeasureSqlInput {
  /** The metrics measured, in order (the catalog's, then segment metrics). */
  metrics: readonly MetricDefinition[];
  /** Fields of each measured table (custom ones and `ratings` too) with their types (derived ones included). */
  fieldsOf: (table: MeasuredTableRef | 'ratings') => Readonly<Record<string, FieldSpec>>;
  zone: Zone;
  /** The period's instants: responses count by the start of their customer block. */
  period: { startMs: number; endMs: number };
  /** True when the policy has business hours: the `calendar` table holds their openings. */
  businessHours: boolean;
  /** Evidence rows kept per metric and agent. */
  cap: number;
  dialect: SqlDialect;
  /**
   * The input tables whose exclusions are decided in SQL (`compile-exclusions.ts`: a table
   * `decided_<table>` with `excluded_by` per loaded row, made before the derivation): their rows are
   * loaded excluded or not, and the measured views, the messages and the converted
   * conversations leave out what an exclusion removed. None by default.
   */
  decidedInSql?: ReadonlySet<string>;
}

/** The SQL of the measure stage, statement by statement (`docs/scale.md` §6). */
export interface MeasureSql {
  /** Tables created empty and filled by the engine, in this order. */
  tables: SqlTable[];
  /** Derivation: customer blocks, responses, conversation facts, measured views, in order. */
  derive: string[];
  /**
   * One query over every metric: rows `(metric, agent, n, s, o, pv)` — per metric and agent,
   * the count, sum and ratio denominator to add up, and a percentile's value. A metric and an
   * agent may come in more than one row (a ratio's two sides); values add.
   */
  values: string;
  /**
   * Per metric, the query of its evidence for the agents in `wanted`: the measured table's
   * columns, `agent`, `k` (1-based rank, at most `cap`) and `total`; null when it keeps none.
   */
  evidence: Array<string | null>;
  /**
   * Per metric, for a `rating` only (else null): the query of its raters' totals, rows `(agent,
   * role, rater, n, s, first)` — per agent, weighted role and rater, the ratings counted, their
   * scores added in reading order, and the `seq` of the first. Its evidence query gives the
   * counted ratings (`left_out` FALSE) and those left out by `self` or `role_not_weighted`
   * (`left_out` TRUE, with `reason`), each ranked `k` with its `total`.
   */
  raters: Array<string | null>;
  refusals: MetricRefusal[];
  /**
   * True when a metric reads `resolution_seconds`: the conversations view has that column (absent
   * otherwise, as on the TypeScript engine's rows), and with business hours the calendar must
   * cover every conversation's `started_at` to `closed_at`.
   */
  resolution: boolean;
}

// The measured input tables always created; `in_messages` only when a metric reads messages.
const INPUT_MEASURED = MEASURED_TABLES.filter(
  (t): t is Exclude<MeasuredTableName, 'responses' | 'messages'> => t !== 'responses' && t !== 'messages',
);
const DERIVED_CONVERSATION = Object.keys(DERIVED_CONVERSATION_FIELDS);
// The derived conversation fields `m_conversations` computes; any other is refused by name.
const DERIVED_IN_SQL = [
  'inquiry',
  'replied',
  'unanswered_since',
  'first_response_seconds',
  'handle_seconds',
  'on_time',
  'converted',
  'resolution_seconds',
];
const NOT_IN_SQL = new Set(DERIVED_CONVERSATION.filter((f) => !DERIVED_IN_SQL.includes(f)));
const PLACE: SqlTable['columns'] = [
  { name: 'seq', type: 'double' },
  { name: 'agent', type: 'integer' },
  { name: 'file', type: 'integer' },
  { name: 'line', type: 'integer' },
];

function plain(name: string, ...columns: Array<[string, SqlType]>): SqlTable {
  return { name, columns: columns.map(([column, type]) => ({ name: column, type })) };
}

/** The name of the table a measured input table's rows are appended to. */
export function inputTableName(table: RowTable): string {
  return `in_${table}`;
}

/**
 * Compiles the measure stage of a policy into SQL: the tables rows are loaded into, the
 * derivation of customer blocks and responses (business seconds by a join with the calendar of
 * openings) and of conversation facts, every metric's per-agent tallies and evidence. Metrics
 * it cannot compute exactly are listed in `refusals` instead (the run is then refused).
 */
export function measureSql(given: MeasureSqlInput): MeasureSql {
  // Conditions see only the fields the SQL has: one on a derived field it lacks is refused.
  const input: MeasureSqlInput = {
    ...given,
    fieldsOf: (table) =>
      table === 'conversations'
        ? Object.fromEntries(Object.entries(given.fieldsOf(table)).filter(([f]) => !NOT_IN_SQL.has(f)))
        : given.fieldsOf(table),
  };
  const { dialect: d, period } = input;
  const id = d.ident;
  const col = (table: RowTable) =>
    Object.entries(input.fieldsOf(table))
      .filter(([name]) => table !== 'conversations' || !DERIVED_CONVERSATION.includes(name))
      .map(([name, spec]) => ({ name, type: sqlTypeOf(spec.type) }));
  // The fields whose normalised text a textIn or containsAny reads, per table: each gets a
  // column `normalized:<field>` that the loader fills (DuckDB has no NFKC).
  const normalizedFields = new Map<MeasuredTableRef | 'ratings', Set<string>>();
  const normalizedOf =
    (table: MeasuredTableRef | 'ratings'): NormalizedText =>
    (field) => {
      const fields = normalizedFields.get(table) ?? new Set<string>();
      fields.add(field);
      normalizedFields.set(table, fields);
      return id(normalizedColumn(field));
    };
  const compiled = input.metrics.map((metric, i) => compileOrRefuse(metric, i, input, normalizedOf));
  // The contract's measured tables always; the agents' messages, the custom tables metrics read
  // and the ratings only when a metric reads them.
  const rowTables: RowTable[] = [
    ...INPUT_MEASURED,
    ...(input.metrics.some(readsMessages) ? (['messages'] as const) : []),
    ...customTablesOf(input.metrics),
    ...(input.metrics.some((m) => m.kind === 'rating') ? (['ratings'] as const) : []),
  ];
  const tables: SqlTable[] = [
    ...rowTables.map((t) => ({
      name: inputTableName(t),
      columns: [
        ...PLACE,
        ...(t === 'conversations' ? [{ name: 'idx', type: 'integer' as const }] : []),
        ...col(t),
        ...[...(normalizedFields.get(t) ?? [])].map((f) => ({
          name: normalizedColumn(f),
          type: 'text' as const,
        })),
      ],
    })),
    plain(
      'messages',
      ['pos', 'double'],
      ['conv', 'integer'],
      ['sent_at', 'double'],
      ['sender', 'integer'],
      ['agent', 'integer'],
      ['file', 'integer'],
      ['line', 'integer'],
    ),
    plain('conv_index', ['idx', 'integer'], ['conversation_id', 'text'], ['channel', 'text']),
    plain('agents', ['agent', 'integer'], ['agent_id', 'text']),
    plain('converted', ['conversation_id', 'text']),
    plain('calendar', ['open', 'double'], ['close', 'double']),
    plain('wanted', ['metric', 'integer'], ['agent', 'integer']),
  ];
  // Business milliseconds of each answered block: the overlaps with the calendar's openings. A
  // block that overlaps none joins a NULL opening, which adds 0 (DuckDB's greatest and least
  // skip NULLs, so the overlap is not written with them there).
  const overlap = `CASE WHEN c.${id('open')} IS NULL THEN 0 ELSE greatest(least(c.${id('close')}, p.r_at) - greatest(c.${id('open')}, p.block_start), 0) END`;
  const seconds = input.businessHours
    ? `SELECT p.pid, ${d.toDouble(`sum(${overlap})`)} / 1000 AS seconds
FROM pairs p LEFT JOIN calendar c ON c.${id('open')} < p.r_at AND c.${id('close')} > p.block_start
WHERE p.answered GROUP BY p.pid`
    : `SELECT pid, (r_at - block_start) / 1000 AS seconds FROM pairs WHERE answered`;
  const resolution = readsConversationField(given.metrics, 'resolution_seconds');
  // Resolution time: business milliseconds of [started_at, closed_at) — the openings' overlaps,
  // integers added exactly — or calendar milliseconds, divided by 1000 once (docs/metrics.md).
  const resolutionSql = !resolution
    ? []
    : [
        input.businessHours
          ? `CREATE TABLE conv_resolution AS
SELECT c.idx, CASE WHEN c.closed_at IS NULL THEN NULL ELSE ${d.toDouble(`coalesce(sum(CASE WHEN k.${id('open')} IS NULL THEN 0 ELSE greatest(least(k.${id('close')}, c.closed_at) - greatest(k.${id('open')}, c.started_at), 0) END), 0)`)} / 1000 END AS resolution_seconds
FROM ${inputTableName('conversations')} c LEFT JOIN calendar k ON k.${id('open')} < c.closed_at AND k.${id('close')} > c.started_at
GROUP BY c.idx, c.closed_at`
          : `CREATE TABLE conv_resolution AS
SELECT idx, CASE WHEN closed_at IS NULL THEN NULL ELSE (closed_at - started_at) / 1000 END AS resolution_seconds
FROM ${inputTableName('conversations')}`,
      ];
  const decidedInSql = given.decidedInSql ?? new Set<string>();
  // With exclusions decided in SQL: the conversations and rows an exclusion removed, by
  // conversation index and by place (file, line identify a row of a table).
  const notRemoved = (table: string, alias: string) =>
    `NOT EXISTS (SELECT 1 FROM decided_${table} x WHERE x.excluded_by IS NOT NULL AND x.file = ${alias}.file AND x.line = ${alias}.line)`;
  const exclusionSql = [
    ...(decidedInSql.has('conversations')
      ? [
          `CREATE TABLE excluded_conv AS
SELECT ci.idx, ci.conversation_id FROM conv_index ci JOIN decided_conversations x ON x.conversation_id = ci.conversation_id
WHERE x.excluded_by IS NOT NULL`,
        ]
      : []),
    ...(decidedInSql.has('orders')
      ? [
          `INSERT INTO converted SELECT conversation_id FROM decided_orders WHERE excluded_by IS NULL AND conversation_id IS NOT NULL`,
        ]
      : []),
  ];
  const keptConversation = (idx: string) =>
    decidedInSql.has('conversations') ? [`${idx} NOT IN (SELECT idx FROM excluded_conv)`] : [];
  const messagesKept = [
    ...keptConversation('m.conv'),
    ...(decidedInSql.has('messages') ? [notRemoved('messages', 'm')] : []),
  ];
  const messagesFrom =
    messagesKept.length === 0
      ? 'messages'
      : `(SELECT m.* FROM messages m WHERE ${messagesKept.join(' AND ')})`;
  const viewOf = (t: RowTable) => {
    const kept = [
      ...(decidedInSql.has(t) ? [notRemoved(t, 'i')] : []),
      ...(t === 'messages' && decidedInSql.has('conversations')
        ? [`i.conversation_id NOT IN (SELECT conversation_id FROM excluded_conv)`]
        : []),
    ];
    const from = inputTableName(t);
    return `CREATE VIEW m_${t} AS SELECT * FROM ${kept.length === 0 ? from : `${from} i WHERE ${kept.join(' AND ')}`}`;
  };
  const conversationsKept = keptConversation('c.idx');
  const derive = [
    ...exclusionSql,
    // Messages of a conversation in time order (ties in reading order); a block opens at a
    // customer message after anything else, and its reply is the first agent message after it.
    `CREATE TABLE pairs AS
WITH ordered AS (
  SELECT *, row_number() OVER (PARTITION BY conv ORDER BY sent_at, pos) AS k FROM ${messagesFrom}
), marked AS (
  SELECT *, lag(sender) OVER (PARTITION BY conv ORDER BY k) AS prev FROM ordered
), edges AS (
  SELECT * FROM marked
  WHERE (sender = ${CUSTOMER} AND ${d.distinctFrom('prev', String(CUSTOMER))}) OR (sender = ${AGENT} AND prev = ${CUSTOMER})
), numbered AS (
  SELECT *,
    sum(CASE WHEN sender = ${CUSTOMER} THEN 1 ELSE 0 END) OVER (PARTITION BY conv ORDER BY k ROWS UNBOUNDED PRECEDING) AS block,
    lead(sender) OVER w AS r_sender, lead(sent_at) OVER w AS r_at, lead(agent) OVER w AS r_agent,
    lead(file) OVER w AS r_file, lead(line) OVER w AS r_line, lead(k) OVER w AS r_k
  FROM edges WINDOW w AS (PARTITION BY conv ORDER BY k)
)
SELECT row_number() OVER () AS pid, conv, block, sent_at AS block_start, coalesce(r_sender = ${AGENT}, ${d.bool(false)}) AS answered,
  r_at, r_agent, r_file, r_line, r_k
FROM numbered WHERE sender = ${CUSTOMER}`,
    `CREATE TABLE pair_seconds AS ${seconds}`,
    `CREATE TABLE conv_facts AS
SELECT p.conv, ${d.bool(true)} AS inquiry, ${d.boolOr('NOT p.answered')} AS unanswered,
  max(CASE WHEN NOT p.answered THEN p.block_start END) AS unanswered_since,
  max(CASE WHEN p.block = 1 THEN s.seconds END) AS first_response
FROM pairs p LEFT JOIN pair_seconds s USING (pid) GROUP BY p.conv`,
    `CREATE TABLE m_responses AS
SELECT CAST(p.conv AS BIGINT) * 4294967296 + p.r_k AS seq, p.r_agent AS agent, p.r_file AS file, p.r_line AS line,
  ci.conversation_id, a.agent_id, ci.channel, p.block_start AS ${id('at')}, s.seconds, p.block = 1 AS is_first
FROM pairs p JOIN pair_seconds s USING (pid) JOIN conv_index ci ON ci.idx = p.conv
LEFT JOIN agents a ON a.agent = p.r_agent
WHERE p.answered AND p.block_start >= ${d.double(period.startMs)} AND p.block_start < ${d.double(period.endMs)}`,
    ...resolutionSql,
    `CREATE VIEW m_conversations AS
SELECT c.*, coalesce(f.inquiry, ${d.bool(false)}) AS inquiry,
  coalesce(f.inquiry, ${d.bool(false)}) AND NOT coalesce(f.unanswered, ${d.bool(false)}) AS replied,
  f.unanswered_since,
  f.first_response AS first_response_seconds,
  CASE WHEN c.ended_at IS NULL THEN NULL ELSE (c.ended_at - c.started_at) / 1000 END AS handle_seconds,
  CASE WHEN c.sla_due_at IS NULL THEN NULL ELSE coalesce(c.closed_at <= c.sla_due_at, ${d.bool(false)}) END AS on_time,
  c.conversation_id IN (SELECT conversation_id FROM converted) AS converted${resolution ? ', r.resolution_seconds' : ''}
FROM ${inputTableName('conversations')} c LEFT JOIN conv_facts f ON f.conv = c.idx${resolution ? ' LEFT JOIN conv_resolution r ON r.idx = c.idx' : ''}${conversationsKept.length === 0 ? '' : `\nWHERE ${conversationsKept.join(' AND ')}`}`,
    ...rowTables.filter((t) => t !== 'conversations').map(viewOf),
  ];
  const values = compiled.flatMap((c) => ('refusal' in c ? [] : c.values));
  return {
    tables,
    derive,
    resolution,
    values:
      values.length === 0
        ? `SELECT 0 AS metric, 0 AS agent, 0 AS n, 0 AS s, 0 AS o, NULL AS pv WHERE ${d.bool(false)}`
        : values.join('\nUNION ALL\n'),
    evidence: compiled.map((c) => ('refusal' in c ? null : c.evidence)),
    raters: compiled.map((c) => ('refusal' in c ? null : (c.raters ?? null))),
    refusals: compiled.flatMap((c) => ('refusal' in c && c.refusal !== null ? [c.refusal] : [])),
  };
}

// A metric's compiled SQL: its rows of the values query, its evidence query, and for a rating
// the query of its raters' totals.
interface CompiledSql {
  values: string[];
  evidence: string | null;
  raters?: string;
}

type TableOf = (table: MeasuredTableRef | 'ratings') => NormalizedText;

// A metric's SQL, or why it is refused (null: a formula, which reads no rows).
function compileOrRefuse(
  metric: MetricDefinition,
  i: number,
  input: MeasureSqlInput,
  normalizedOf: TableOf,
): CompiledSql | { refusal: MetricRefusal | null } {
  // A formula reads no rows (the score stage computes it from the measured values).
  if (metric.kind === 'formula') return { refusal: null };
  if (!KINDS.has(metric.kind))
    return { refusal: { metric: metric.id, code: 'SQL_METRIC_KIND_UNSUPPORTED', kind: metric.kind } };
  try {
    return compileMetric(metric, i, input, normalizedOf);
  } catch (error) {
    if (!(error instanceof ConditionRefused)) throw error;
    return {
      refusal: {
        metric: metric.id,
        code: 'SQL_CONDITION_UNSUPPORTED',
        condition: error.leaf,
        why: error.reason,
      },
    };
  }
}

// The kinds of `docs/metrics.md` the SQL engine computes; a kind added later is refused by name.
const KINDS: ReadonlySet<string> = new Set([
  'ratio',
  'count',
  'sum',
  'mean',
  'nps',
  'median',
  'p90',
  'distinct_count',
  'rating',
]);

function compileMetric(
  metric: MetricDefinition,
  i: number,
  input: MeasureSqlInput,
  normalizedOf: TableOf,
): CompiledSql {
  const { dialect: d, cap } = input;
  const where = (table: MeasuredTableRef | 'ratings', condition: MetricDefinition['where']) =>
    condition === null
      ? d.bool(true)
      : conditionSql(condition, input.fieldsOf(table), input.zone, d, normalizedOf(table));
  const row = (n: string, s: string, o: string, pv = 'NULL') =>
    `SELECT ${i} AS metric, agent, ${n} AS n, ${s} AS s, ${o} AS o, ${pv} AS pv`;
  const from = (table: MeasuredTableRef, condition: string) =>
    `FROM m_${table} WHERE agent >= 0 AND ${condition} GROUP BY agent`;
  // The evidence rows of wanted agents: the worst first (then reading order), or reading order.
  const kept = (table: MeasuredTableRef, condition: string, badness: string | null) =>
    `SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY ${badness === null ? '' : `${badness} DESC, `}seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM m_${table}
  WHERE agent IN (SELECT agent FROM wanted WHERE metric = ${i}) AND ${condition}
) WHERE k <= ${cap} ORDER BY agent, k`;
  switch (metric.kind) {
    case 'ratio': {
      const { numerator: num, denominator: den } = metric;
      const inNumerator = where(num.table, num.where);
      const inDenominator = where(den.table, den.where);
      const values = [
        `${row('count(*)', '0', '0')} ${from(num.table, inNumerator)}`,
        `${row('0', '0', 'count(*)')} ${from(den.table, inDenominator)}`,
      ];
      if (metric.better === 'lower') return { values, evidence: kept(num.table, inNumerator, null) };
      // The TypeScript engine asks the numerator of a denominator row: the same table's fields.
      if (num.table !== den.table) throw new ConditionRefused('tables_differ', `${num.table} / ${den.table}`);
      return { values, evidence: kept(den.table, `${inDenominator} AND NOT ${inNumerator}`, null) };
    }
    case 'count':
    case 'sum': {
      const condition = where(metric.table, metric.where);
      const field = metric.kind === 'sum' ? numericField(metric.table, metric.field, input) : null;
      const sum = field === null ? '0' : `coalesce(${d.orderedSum(field, 'seq')}, 0)`;
      return {
        values: [`${row('count(*)', sum, '0')} ${from(metric.table, condition)}`],
        evidence: kept(metric.table, condition, null),
      };
    }
    case 'distinct_count': {
      // A field the table lacks is never counted (its value is undefined on every row).
      const field = anyField(metric.table, metric.field, input);
      if (field === null) return { values: [], evidence: null };
      const counted = `${field} IS NOT NULL AND ${where(metric.table, metric.where)}`;
      // n: rows with a value; o: distinct values (equality of the column's type: text exact,
      // numbers by value). Evidence: the first row of each value, in reading order.
      return {
        values: [`${row('count(*)', '0', `count(DISTINCT ${field})`)} ${from(metric.table, counted)}`],
        evidence: `SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent) AS total
  FROM (
    SELECT *, row_number() OVER (PARTITION BY agent, ${field} ORDER BY seq) AS nth_of_value
    FROM m_${metric.table}
    WHERE agent IN (SELECT agent FROM wanted WHERE metric = ${i}) AND ${counted}
  ) WHERE nth_of_value = 1
) WHERE k <= ${cap} ORDER BY agent, k`,
      };
    }
    case 'rating':
      return ratingSql(metric, i, where('ratings', metric.where), input);
    case 'formula':
      return { values: [], evidence: null };
    default: {
      const field = numericField(metric.table, metric.field, input);
      const condition = where(metric.table, metric.where);
      // A field that is not a number is never counted (`typeof v === 'number'`).
      if (field === null) return { values: [], evidence: null };
      const counted = `${field} IS NOT NULL AND ${condition}`;
      if (metric.kind === 'nps') {
        const points = `CASE WHEN ${field} >= 9 THEN 1 WHEN ${field} <= 6 THEN -1 ELSE 0 END`;
        return {
          values: [`${row('count(*)', `sum(${points})`, '0')} ${from(metric.table, counted)}`],
          evidence: kept(metric.table, `${counted} AND ${field} <= 6`, null),
        };
      }
      const badness = metric.better === 'lower' ? field : `-${field}`;
      const evidenceSql = kept(metric.table, counted, badness);
      if (metric.kind === 'mean')
        return {
          values: [`${row('count(*)', d.orderedSum(field, 'seq'), '0')} ${from(metric.table, counted)}`],
          evidence: evidenceSql,
        };
      if (metric.kind !== 'median' && metric.kind !== 'p90') return { values: [], evidence: null };
      return {
        values: [percentileSql(i, metric.table, field, counted, metric.kind === 'median' ? 0.5 : 0.9, d)],
        evidence: evidenceSql,
      };
    }
  }
}

/**
 * A rating metric (`docs/ratings.md`) over `m_ratings`: a rating is *rated* when its rater, role
 * and score are given, its dimension is one of the metric's (any without `dimension`) and its
 * `where` holds; *self* when its role is `self` or its rater is the rated agent; *counted* when
 * rated, not self unless `include_self`, and of a weighted role. SQL adds up each rater's
 * counted scores per role in reading order; the means, the renormalised weights and
 * `min_raters` are applied in TypeScript (`ratingOfRaters`), as the TypeScript tally does.
 */
function ratingSql(
  metric: Extract<MetricDefinition, { kind: 'rating' }>,
  i: number,
  condition: string,
  input: MeasureSqlInput,
): CompiledSql {
  const { dialect: d, cap } = input;
  const FALSE = d.bool(false);
  const dimension =
    metric.dimension === null
      ? d.bool(true)
      : metric.dimension.length === 0
        ? FALSE
        : `coalesce(dimension IN (${metric.dimension.map(d.text).join(', ')}), ${FALSE})`;
  const rated = `rater_id IS NOT NULL AND rater_role IS NOT NULL AND score IS NOT NULL AND ${dimension} AND ${condition}`;
  const self = `(rater_role = ${d.text('self')} OR coalesce(rater_id = agent_id, ${FALSE}))`;
  const roles = Object.keys(metric.roles);
  const weighted = roles.length === 0 ? FALSE : `rater_role IN (${roles.map(d.text).join(', ')})`;
  const counted = `${metric.include_self ? '' : `NOT ${self} AND `}${weighted}`;
  return {
    values: [],
    raters: `SELECT agent, rater_role AS role, rater_id AS rater, count(*) AS n, ${d.orderedSum('score', 'seq')} AS s, min(seq) AS first
FROM m_ratings WHERE agent >= 0 AND ${rated} AND ${counted}
GROUP BY agent, rater_role, rater_id`,
    // Counted ratings in reading order; left-out ones in file order (then line), as explained.
    evidence: `SELECT * FROM (
  SELECT *, row_number() OVER (PARTITION BY agent, left_out ORDER BY file, line, seq) AS k,
    count(*) OVER (PARTITION BY agent, left_out) AS total
  FROM (
    SELECT *, NOT (${counted}) AS left_out,
      CASE WHEN ${counted} THEN NULL WHEN ${metric.include_self ? FALSE : self} THEN ${d.text('self')} ELSE ${d.text('role_not_weighted')} END AS reason
    FROM m_ratings
    WHERE agent IN (SELECT agent FROM wanted WHERE metric = ${i}) AND ${rated}
  )
) WHERE k <= ${cap} ORDER BY agent, left_out, k`,
  };
}

function numericField(table: MeasuredTableRef, field: string, input: MeasureSqlInput): string | null {
  const column = anyField(table, field, input);
  const spec = input.fieldsOf(table)[field];
  return column !== null && spec !== undefined && sqlTypeOf(spec.type) === 'double' ? column : null;
}

// The column of a metric's field, or null when the table has no such field.
function anyField(table: MeasuredTableRef, field: string, input: MeasureSqlInput): string | null {
  if (table === 'conversations' && NOT_IN_SQL.has(field))
    throw new ConditionRefused('derived_field', `conversations.${field}`);
  return Object.hasOwn(input.fieldsOf(table), field) ? input.dialect.ident(field) : null;
}

// numpy's default quantile (`docs/metrics.md`), one rounded double operation at a time.
function percentileSql(
  i: number,
  table: MeasuredTableRef,
  field: string,
  condition: string,
  q: number,
  d: SqlDialect,
): string {
  return `SELECT ${i} AS metric, agent, n, s, 0 AS o,
  CASE WHEN gamma >= 0.5 THEN b - (b - a) * (1 - gamma) ELSE a + (b - a) * gamma END AS pv
FROM (
  SELECT agent, n, s, ${d.listAt('xs', 'previous + 1')} AS a, ${d.listAt('xs', 'next + 1')} AS b, gamma
  FROM (
    SELECT agent, n, s, xs,
      CASE WHEN vi >= n - 1 THEN n - 1 ELSE ${d.floor('vi')} END AS previous,
      CASE WHEN vi >= n - 1 THEN n - 1 ELSE ${d.floor('vi')} + 1 END AS next,
      CASE WHEN vi >= n - 1 THEN vi + 1 ELSE vi - floor(vi) END AS gamma
    FROM (
      SELECT agent, count(*) AS n, ${d.orderedSum(field, 'seq')} AS s, ${d.sortedList(field)} AS xs,
        ${d.toDouble('count(*) - 1')} * ${d.double(q)} AS vi
      FROM m_${table} WHERE agent >= 0 AND ${condition} GROUP BY agent
    )
  )
)`;
}
