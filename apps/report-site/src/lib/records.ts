import { type Condition, foldCondition } from '@scorebook/conditions';
import {
  type Evidence,
  type FieldTitle,
  type InputTableName,
  isCustomTableName,
  type MetricResult,
  type RecordRef,
  type SnapshotMetric,
  type SnapshotScoredItem,
  TABLES,
} from '@scorebook/contract';
import { type Currency, formatDuration, formatLocalTime, formatValue } from './format.ts';
import { type FixedTextKey, type Lang, localized, t } from './messages.ts';
import { goalValue } from './scorecard.ts';

/**
 * The columns a reader needs of each table's records, in reading order after the deciding ones:
 * its time, what identifies the record, and the facts that describe it. `reply` is a column of
 * `responses`: when the agent replied, for records that say (`reply_at`); a response's file and
 * line are those of the reply.
 */
const READING_ORDER: Readonly<Record<string, readonly string[]>> = {
  responses: ['at', 'reply', 'conversation_id', 'channel', 'is_first'],
  conversations: ['started_at', 'unanswered_since', 'conversation_id', 'channel'],
  messages: ['sent_at', 'sender', 'text', 'conversation_id'],
  surveys: ['submitted_at', 'csat', 'nps', 'conversation_id'],
  complaints: ['filed_at', 'category', 'upheld', 'conversation_id'],
  qa_reviews: ['reviewed_at', 'score', 'red_line', 'conversation_id'],
  orders: ['placed_at', 'amount', 'order_id', 'conversation_id'],
  attendance: ['date', 'status'],
  assessments: ['date', 'kind', 'attended', 'score'],
  events: ['at', 'type', 'note'],
  improvement_plans: ['plan_id', 'metric', 'due_date', 'completed_at', 'status', 'action'],
  ratings: ['rated_at', 'score', 'rater_role', 'dimension', 'rater_id'],
};

/** Fields whose values are durations in seconds. */
const DURATIONS = new Set(['seconds', 'first_response_seconds', 'handle_seconds']);
/** Fields whose values are times or dates written in the policy's timezone. */
const TIMES = new Set([
  'at',
  'started_at',
  'unanswered_since',
  'ended_at',
  'sla_due_at',
  'closed_at',
  'sent_at',
  'submitted_at',
  'filed_at',
  'reviewed_at',
  'placed_at',
  'date',
  'reply_at',
  'due_date',
  'completed_at',
  'rated_at',
]);

/** One column of a records table: the field it shows and its label. */
export interface RecordColumn {
  field: string;
  label: string;
}

/**
 * The facts a condition reads, in the order they first appear: the deciding columns of records
 * that a metric or an exclusion chose by it.
 */
export function conditionFacts(condition: Condition | null): string[] {
  if (condition === null) return [];
  const facts = foldCondition<string[]>(condition, {
    group: (_kind, children) => children.flat(),
    not: (child) => child,
    leaf: (leaf) => [leaf.fact],
  });
  return [...new Set(facts)];
}

/** The fields that decide a metric's records: its measured field, or the facts of its conditions. */
export function decidingFields(metric: SnapshotMetric | null): string[] {
  if (metric === null) return [];
  if (metric.kind === 'ratio')
    return [
      ...new Set([...conditionFacts(metric.numerator.where), ...conditionFacts(metric.denominator.where)]),
    ];
  if (metric.kind === 'count') return conditionFacts(metric.where);
  if (metric.kind === 'formula') return [];
  if (metric.kind === 'rating') return ['score', 'rater_role', ...conditionFacts(metric.where)];
  return [metric.field, ...conditionFacts(metric.where)];
}

/**
 * The columns of a list of records: the deciding fields first, then the table's reading order;
 * only fields some record has (`reply` when one has `reply_at`), never the agent's own id, at most
 * seven. Fields outside both lists (extra columns) are left out: the file and line lead to them.
 * A custom table's fields come in the order of the record (its declaration order). `titles` are
 * a custom table's field titles (results.json `inputs.<table>.titles`): a field with one is headed
 * by it, any other custom field by its name.
 */
export function recordColumns(
  records: readonly RecordRef[],
  deciding: readonly string[],
  lang: Lang,
  titles: Readonly<Record<string, FieldTitle>> = {},
): RecordColumn[] {
  const table = records[0]?.table ?? '';
  const has = (f: string) => records.some((r) => Object.hasOwn(r.fields, f === 'reply' ? 'reply_at' : f));
  // A custom table (`x_…`) has no reading order here: its fields in the order the record has them.
  const reading = Object.hasOwn(READING_ORDER, table)
    ? (READING_ORDER[table] ?? [])
    : table.startsWith('x_')
      ? Object.keys(records[0]?.fields ?? {})
      : [];
  const order = [...deciding, ...reading];
  const fields = [...new Set(order)].filter((f) => f !== 'agent_id' && has(f)).slice(0, 7);
  return fields.map((field) => {
    const title = Object.hasOwn(titles, field) ? titles[field] : undefined;
    return {
      field,
      label:
        title === undefined ? fieldLabel(field, table, lang) : localized(lang, title.title, title.title_en),
    };
  });
}

/** A field's label in the language: Chinese words for every field of the data contract, else the field name. */
export function fieldLabel(field: string, table: string, lang: Lang): string {
  if (table === 'responses' && field === 'at') return t(lang, 'fieldBlockAt');
  if (table === 'improvement_plans' && field === 'metric') return t(lang, 'fieldPlanMetric');
  const key = Object.hasOwn(FIELD_KEYS, field) ? FIELD_KEYS[field] : undefined;
  return key === undefined ? field : t(lang, key);
}

/** A table's label in the language: a contract table by its Chinese name (会话) on Chinese pages, any other by its id. */
export function tableLabel(table: string, lang: Lang): string {
  if (!Object.hasOwn(TABLES, table) || isCustomTableName(table)) return table;
  return localized(lang, TABLES[table as InputTableName].zh, table);
}

/** The label of the column that says where a record is: for a response, where its reply is. */
export function whereLabel(table: string, lang: Lang): string {
  return t(lang, table === 'responses' ? 'fieldReplyWhere' : 'fieldWhere');
}

/**
 * A record's value in a column, as people read it: times as local wall time, durations in
 * 秒/分钟/小时, booleans 是/否, money in the currency, a sender, a complaint's category (the
 * contract's values) and a plan's status in words;
 * `reply` as the time of the reply (`reply_at`); a missing value as `—`.
 */
export function recordCell(record: RecordRef, field: string, lang: Lang, currency: Currency): string {
  const key = field === 'reply' ? 'reply_at' : field;
  const v = Object.hasOwn(record.fields, key) ? record.fields[key] : undefined;
  if (v === null || v === undefined) return '—';
  if (typeof v === 'boolean') return t(lang, v ? 'yes' : 'no');
  if (typeof v === 'number') {
    if (DURATIONS.has(field)) return formatDuration(v, lang);
    if (field === 'amount') return formatValue(v, 'amount', lang, currency);
    return String(v);
  }
  if (typeof v === 'string') {
    if (TIMES.has(key)) return formatLocalTime(v);
    if (field === 'sender' && Object.hasOwn(SENDER_KEYS, v)) return t(lang, SENDER_KEYS[v] ?? 'senderSystem');
    if (record.table === 'complaints' && field === 'category' && Object.hasOwn(CATEGORY_KEYS, v))
      return t(lang, CATEGORY_KEYS[v] ?? 'categoryOther');
    if (record.table === 'improvement_plans' && field === 'status' && Object.hasOwn(PLAN_STATUS_KEYS, v))
      return t(lang, PLAN_STATUS_KEYS[v] ?? 'planStatusOpen');
    return v;
  }
  return JSON.stringify(v);
}

/**
 * What the count of a metric's records counts, in words: for a ratio the records that missed
 * (or, lower being better, met) its numerator out of the sample; for a mean, median or p90 the
 * records below target among all counted, exact when the list reaches past the target (worst
 * first) or is complete, else "at least"; for NPS the detractors; for counts and sums the
 * records counted.
 */
export function evidenceSummary(options: {
  evidence: Evidence;
  metric: SnapshotMetric | null;
  result: MetricResult;
  item: SnapshotScoredItem | null;
  lang: Lang;
}): string {
  const { evidence, metric, result, item, lang } = options;
  const { total } = evidence;
  // A formula keeps no records (its explanation lists the values it read).
  if (metric === null || metric.kind === 'formula')
    return t(lang, evidence.role === 'against' ? 'evidenceAgainst' : 'evidenceCounted', { total });
  switch (metric.kind) {
    case 'ratio':
      return t(lang, metric.better === 'higher' ? 'evidenceRatioMissed' : 'evidenceRatioCounted', {
        total,
        sample: result.sample,
      });
    case 'nps':
      return t(lang, 'evidenceDetractors', { total, sample: result.sample });
    case 'count':
    case 'sum':
    case 'rating':
      return t(lang, 'evidenceCounted', { total });
    case 'distinct_count':
      return t(lang, 'evidenceDistinct', { total });
    default: {
      const goal = goalValue(item);
      if (goal === null) return t(lang, 'evidenceWorstFirst', { total, shown: evidence.records.length });
      const worse = (r: RecordRef) => {
        const v = Object.hasOwn(r.fields, metric.field) ? r.fields[metric.field] : undefined;
        return typeof v === 'number' && (metric.better === 'lower' ? v > goal : v < goal);
      };
      const below = evidence.records.filter(worse).length;
      const exact = below < evidence.records.length || evidence.records.length === total;
      return t(lang, exact ? 'evidenceBelowTarget' : 'evidenceAtLeastBelowTarget', { below, total });
    }
  }
}

/**
 * How many records the results keep of a metric at most, as a period's explanations show it: the
 * longest list among those cut short (fewer records than their count); null when none is, so
 * every record is listed.
 */
export function evidenceCap(evidence: readonly Evidence[]): number | null {
  const cut = evidence.filter((e) => e.records.length < e.total).map((e) => e.records.length);
  return cut.length === 0 ? null : Math.max(...cut);
}

const FIELD_KEYS: Readonly<Record<string, FixedTextKey>> = {
  conversation_id: 'fieldConversation',
  channel: 'fieldChannel',
  started_at: 'fieldStartedAt',
  ended_at: 'fieldEndedAt',
  resolved: 'fieldResolved',
  reopened: 'fieldReopened',
  transferred: 'fieldTransferred',
  sla_due_at: 'fieldSlaDueAt',
  closed_at: 'fieldClosedAt',
  customer_id: 'fieldCustomer',
  inquiry: 'fieldInquiry',
  replied: 'fieldReplied',
  unanswered_since: 'fieldUnansweredSince',
  first_response_seconds: 'fieldFirstResponse',
  handle_seconds: 'fieldHandle',
  on_time: 'fieldOnTime',
  converted: 'fieldConverted',
  sent_at: 'fieldSentAt',
  sender: 'fieldSender',
  text: 'fieldText',
  survey_id: 'fieldSurvey',
  submitted_at: 'fieldSubmittedAt',
  csat: 'fieldCsat',
  nps: 'fieldNps',
  complaint_id: 'fieldComplaint',
  filed_at: 'fieldFiledAt',
  category: 'fieldCategory',
  upheld: 'fieldUpheld',
  review_id: 'fieldReview',
  reviewed_at: 'fieldReviewedAt',
  score: 'fieldScore',
  red_line: 'fieldRedLine',
  order_id: 'fieldOrder',
  placed_at: 'fieldPlacedAt',
  amount: 'fieldAmount',
  date: 'fieldDate',
  status: 'fieldStatus',
  kind: 'fieldKind',
  attended: 'fieldAttended',
  at: 'fieldAt',
  type: 'fieldType',
  note: 'fieldNote',
  seconds: 'fieldSeconds',
  is_first: 'fieldIsFirst',
  reply: 'fieldReply',
  plan_id: 'fieldPlan',
  action: 'fieldAction',
  due_date: 'fieldDueDate',
  completed_at: 'fieldCompletedAt',
  counted: 'fieldPlanCounted',
  completed: 'fieldPlanCompleted',
  late: 'fieldPlanLate',
  rating_id: 'fieldRating',
  rater_id: 'fieldRater',
  rater_role: 'fieldRaterRole',
  dimension: 'fieldDimension',
  rated_at: 'fieldRatedAt',
};

const SENDER_KEYS: Readonly<Record<string, FixedTextKey>> = {
  customer: 'senderCustomer',
  agent: 'senderAgent',
  bot: 'senderBot',
  system: 'senderSystem',
};

// The complaint categories of the data contract; another value is shown as it is.
const CATEGORY_KEYS: Readonly<Record<string, FixedTextKey>> = {
  attitude: 'categoryAttitude',
  misinformation: 'categoryMisinformation',
  process_error: 'categoryProcessError',
  product_defect: 'categoryProductDefect',
  logistics: 'categoryLogistics',
  other: 'categoryOther',
};

/** An appeal action in words: what a decision did to a record, a metric or a veto. */
export function appealActionLabel(
  action: 'remove' | 'correct' | 'reassign' | 'void_metric' | 'void_veto',
  lang: Lang,
): string {
  const keys = {
    remove: 'appealActionRemove',
    correct: 'appealActionCorrect',
    reassign: 'appealActionReassign',
    void_metric: 'appealActionVoidMetric',
    void_veto: 'appealActionVoidVeto',
  } as const;
  return t(lang, keys[action]);
}

const PLAN_STATUS_KEYS: Readonly<Record<string, FixedTextKey>> = {
  open: 'planStatusOpen',
  done: 'planStatusDone',
  missed: 'planStatusMissed',
  cancelled: 'planStatusCancelled',
};
