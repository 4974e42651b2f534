/** Value types of the data contract. */
export type FieldType = 'id' | 'string' | 'int' | 'number' | 'bool' | 'timestamp' | 'date';

/** One field of an input table. */
export interface FieldSpec {
  type: FieldType;
  required?: boolean;
  /** Inclusive bounds for numbers. */
  min?: number;
  max?: number;
  /** A closed vocabulary: any other value is a rejected row (`docs/contract/source-format.md`, rule 6). */
  values?: readonly string[];
  /**
   * True for an optional field added to the contract after periods were published
   * (`conversations.customer_id`): a record in the explanations shows it only when it has a
   * value, so that the explanations of data without it keep their bytes.
   */
  shownWhenSet?: true;
}

/** One input table of the data contract. */
export interface TableSpec {
  name: InputTableName;
  zh: string;
  fields: Readonly<Record<string, FieldSpec>>;
  /** The field whose values must be unique, if any. */
  unique?: string;
  /** The field that places a row in a period (null for `agents`). */
  timeField: string | null;
}

/** Names of the input tables, in the order they are read (each may refer to the ones before). */
export const INPUT_TABLES = [
  'agents',
  'conversations',
  'messages',
  'surveys',
  'complaints',
  'qa_reviews',
  'orders',
  'attendance',
  'assessments',
  'events',
  'targets',
  'appeals_filed',
  'improvement_plans',
  'ratings',
] as const;
export type InputTableName = (typeof INPUT_TABLES)[number];

/**
 * A record of one value per input table, in contract order: what cannot miss a table, where a
 * `Map` keyed by table name could.
 */
export function byInputTable<V>(make: (table: InputTableName) => V): Record<InputTableName, V> {
  // Object.fromEntries cannot say that the keys are exactly INPUT_TABLES; the map over them does.
  return Object.fromEntries(INPUT_TABLES.map((table) => [table, make(table)])) as Record<InputTableName, V>;
}

/**
 * The tables metrics are computed over: the input tables but `agents` and the feature tables,
 * and `responses`. Metrics over `messages` see the agents' messages only (`docs/messages.md`).
 */
export const MEASURED_TABLES = [
  'conversations',
  'responses',
  'messages',
  'surveys',
  'complaints',
  'qa_reviews',
  'orders',
  'attendance',
  'assessments',
  'events',
  'improvement_plans',
] as const;
export type MeasuredTableName = (typeof MEASURED_TABLES)[number];

/**
 * The name of a table a source declares under `custom` (`docs/custom-tables.md`): `x_` and then
 * lower-case letters, digits and `_`. No contract table starts with `x_`, so the two never collide.
 */
export type CustomTableName = `x_${string}`;

/** What a custom table's name must match. */
export const CUSTOM_TABLE_PATTERN = '^x_[a-z][a-z0-9_]{0,62}$';

/** True for a name that is a custom table's (by its form; whether a source declares it is not said). */
export function isCustomTableName(name: string): name is CustomTableName {
  return name.startsWith('x_') && CUSTOM_TABLE_RE.test(name);
}

// Compiled once: the test runs for every row read (row checks, coverage), and a regular
// expression without the `g` or `y` flag keeps no state between calls. A contract table's name
// fails at its first two characters, before the expression runs.
const CUSTOM_TABLE_RE = new RegExp(CUSTOM_TABLE_PATTERN);

/** Any table a data folder may have: an input table of the contract, or a custom table. */
export type TableName = InputTableName | CustomTableName;

/** A table a metric may be computed over: a measured table of the contract, or a custom table. */
export type MeasuredTableRef = MeasuredTableName | CustomTableName;

/** A custom field's titles (`docs/custom-tables.md`): Chinese, and English (the Chinese when not given). */
export interface FieldTitle {
  title: string;
  title_en: string;
}

/**
 * A custom table as a source declares it: its fields with their types, the unique id field, the
 * field naming the agent a row is credited to, and the field that places a row in a period.
 */
export interface CustomTableSpec {
  name: CustomTableName;
  /** The table's title (`title:`), or its name. */
  zh: string;
  fields: Readonly<Record<string, FieldSpec>>;
  /** The fields declared with a `title` (and `title_en`, else the title), in declaration order. */
  titles: Readonly<Record<string, FieldTitle>>;
  idField: string;
  agentField: string;
  timeField: string;
}

const id = { type: 'id', required: true } as const;
const optionalId = { type: 'id', required: false } as const;
const text = { type: 'string', required: true } as const;
const optionalText = { type: 'string', required: false } as const;
const instant = { type: 'timestamp', required: true } as const;
const optionalInstant = { type: 'timestamp', required: false } as const;
const bool = { type: 'bool' } as const;

// The fields of each table with their literal types, from which TableValues is derived.
const FIELDS = {
  agents: {
    agent_id: id,
    name: text,
    team: text,
    role: text,
    hired_on: { type: 'date' },
    status: optionalText,
  },
  conversations: {
    conversation_id: id,
    agent_id: id,
    channel: text,
    started_at: instant,
    ended_at: optionalInstant,
    resolved: bool,
    reopened: bool,
    transferred: bool,
    sla_due_at: optionalInstant,
    closed_at: optionalInstant,
    customer_id: { type: 'id', required: false, shownWhenSet: true },
  },
  messages: {
    conversation_id: id,
    sent_at: instant,
    sender: { type: 'string', required: true, values: ['customer', 'agent', 'bot', 'system'] },
    agent_id: optionalId,
    text: optionalText,
  },
  surveys: {
    survey_id: id,
    agent_id: id,
    conversation_id: optionalId,
    submitted_at: instant,
    csat: { type: 'int', min: 1, max: 5 },
    nps: { type: 'int', min: 0, max: 10 },
  },
  complaints: {
    complaint_id: id,
    agent_id: id,
    conversation_id: optionalId,
    filed_at: instant,
    category: text,
    upheld: bool,
  },
  qa_reviews: {
    review_id: id,
    agent_id: id,
    conversation_id: optionalId,
    reviewed_at: instant,
    score: { type: 'number', required: true, min: 0, max: 100 },
    red_line: bool,
  },
  orders: {
    order_id: id,
    agent_id: id,
    conversation_id: optionalId,
    placed_at: instant,
    amount: { type: 'number', required: true, min: 0 },
  },
  attendance: {
    agent_id: id,
    date: { type: 'date', required: true },
    status: {
      type: 'string',
      required: true,
      values: ['on_time', 'late', 'early_leave', 'absent', 'approved_leave'],
    },
  },
  assessments: {
    agent_id: id,
    date: { type: 'date', required: true },
    kind: { type: 'string', required: true, values: ['training', 'exam'] },
    attended: bool,
    score: { type: 'number', min: 0, max: 100 },
  },
  events: { agent_id: id, at: instant, type: text, note: optionalText },
  targets: {
    agent_id: id,
    metric: text,
    period: text,
    target: { type: 'number', required: true },
    floor: { type: 'number' },
  },
  appeals_filed: {
    appeal_id: id,
    agent_id: id,
    period: text,
    disputes: text,
    claim: optionalText,
    filed_at: instant,
  },
  // docs/plans.md: a plan belongs to the period its `period` names, as a targets row does.
  improvement_plans: {
    plan_id: id,
    agent_id: id,
    period: text,
    metric: text,
    action: text,
    due_date: { type: 'date', required: true },
    status: { type: 'string', required: true, values: ['open', 'done', 'missed', 'cancelled'] },
    completed_at: { type: 'date' },
  },
  // Ratings by people (docs/ratings.md): rater_role is an open vocabulary, score has no bounds.
  ratings: {
    rating_id: id,
    agent_id: id,
    rater_id: id,
    rater_role: text,
    dimension: text,
    score: { type: 'number', required: true },
    rated_at: instant,
  },
} as const satisfies Record<InputTableName, Readonly<Record<string, FieldSpec>>>;

// The field that places a row of each table but `agents`, `targets` and `appeals_filed` in a period.
const TIME_FIELDS: Readonly<
  Record<Exclude<InputTableName, 'agents' | FeatureTableName> | 'ratings', string>
> = {
  conversations: 'started_at',
  messages: 'sent_at',
  surveys: 'submitted_at',
  complaints: 'filed_at',
  qa_reviews: 'reviewed_at',
  orders: 'placed_at',
  attendance: 'date',
  assessments: 'date',
  events: 'at',
  ratings: 'rated_at',
};

/** The input tables of the data contract (`docs/contract/data-contract.md`). */
export const TABLES: Readonly<Record<InputTableName, TableSpec>> = {
  agents: { name: 'agents', zh: '客服', unique: 'agent_id', timeField: null, fields: FIELDS.agents },
  conversations: {
    name: 'conversations',
    zh: '会话',
    unique: 'conversation_id',
    timeField: TIME_FIELDS.conversations,
    fields: FIELDS.conversations,
  },
  messages: { name: 'messages', zh: '消息', timeField: TIME_FIELDS.messages, fields: FIELDS.messages },
  surveys: {
    name: 'surveys',
    zh: '评价',
    unique: 'survey_id',
    timeField: TIME_FIELDS.surveys,
    fields: FIELDS.surveys,
  },
  complaints: {
    name: 'complaints',
    zh: '投诉',
    unique: 'complaint_id',
    timeField: TIME_FIELDS.complaints,
    fields: FIELDS.complaints,
  },
  qa_reviews: {
    name: 'qa_reviews',
    zh: '质检',
    unique: 'review_id',
    timeField: TIME_FIELDS.qa_reviews,
    fields: FIELDS.qa_reviews,
  },
  orders: {
    name: 'orders',
    zh: '订单',
    unique: 'order_id',
    timeField: TIME_FIELDS.orders,
    fields: FIELDS.orders,
  },
  attendance: {
    name: 'attendance',
    zh: '考勤',
    timeField: TIME_FIELDS.attendance,
    fields: FIELDS.attendance,
  },
  assessments: {
    name: 'assessments',
    zh: '培训与考试',
    timeField: TIME_FIELDS.assessments,
    fields: FIELDS.assessments,
  },
  events: { name: 'events', zh: '其他事件', timeField: TIME_FIELDS.events, fields: FIELDS.events },
  // A targets row applies to the period its `period` names (docs/scorecards.md, per-agent targets).
  targets: { name: 'targets', zh: '个人目标', timeField: null, fields: FIELDS.targets },
  // A filed appeal belongs to the period its `period` names (docs/appeals.md, filed appeals).
  appeals_filed: {
    name: 'appeals_filed',
    zh: '申诉登记',
    timeField: null,
    fields: FIELDS.appeals_filed,
  },
  // A plan belongs to the period its `period` names (docs/plans.md).
  improvement_plans: {
    name: 'improvement_plans',
    zh: '改进计划',
    unique: 'plan_id',
    timeField: null,
    fields: FIELDS.improvement_plans,
  },
  ratings: {
    name: 'ratings',
    zh: '评分',
    unique: 'rating_id',
    timeField: TIME_FIELDS.ratings,
    fields: FIELDS.ratings,
  },
};

/**
 * Input tables that only a feature reads (`targets`, read by items with `quota: true`;
 * `appeals_filed`, the appeals an HR/OA system registered, read when the data has files for it;
 * `ratings`, read by metrics of kind `rating`, `docs/ratings.md`): results list them under
 * `inputs` only when that feature is used, so the results of every other policy and data keep
 * their bytes. Exclusions cannot filter them; the table-reading metric kinds do not measure them,
 * but for `improvement_plans`, read by a policy whose catalog has the plan metric (`docs/plans.md`):
 * plan metrics measure the plans of the period, which the engine hands to them with
 * {@link DERIVED_PLAN_FIELDS}.
 */
export const FEATURE_TABLES = [
  'targets',
  'appeals_filed',
  'improvement_plans',
  'ratings',
] as const satisfies readonly InputTableName[];
export type FeatureTableName = (typeof FEATURE_TABLES)[number];

/** True for a table of {@link FEATURE_TABLES}. */
export function isFeatureTable(name: string): name is FeatureTableName {
  return (FEATURE_TABLES as readonly string[]).includes(name);
}

/**
 * How a value of each field type is held once read (`docs/contract/source-format.md`): ids and text as
 * strings, timestamps as epoch milliseconds, dates as `YYYY-MM-DD`.
 */
interface HeldValue {
  id: string;
  string: string;
  int: number;
  number: number;
  bool: boolean;
  timestamp: number;
  date: string;
}

type FieldValue<S> = S extends { type: infer T extends FieldType; required: true }
  ? HeldValue[T]
  : S extends { type: infer T extends FieldType }
    ? HeldValue[T] | null
    : never;

/**
 * The values of a row of an input table as the source's typer reads them: every contract field
 * present, of its type, null only when the field is not required; extra fields as `unknown`.
 */
export type TableValues<T extends InputTableName> = {
  readonly [F in keyof (typeof FIELDS)[T]]: FieldValue<(typeof FIELDS)[T][F]>;
} & Readonly<Record<string, unknown>>;

/** Fields the engine adds to `conversations` rows (`docs/contract/semantics.md`, derived facts). */
export const DERIVED_CONVERSATION_FIELDS: Readonly<Record<string, FieldSpec>> = {
  inquiry: bool,
  replied: bool,
  // Null for every conversation that was replied to, the most: shown in a record only when set, so
  // that evidence lists only the waiting ones' time and a replied conversation's record is as before.
  unanswered_since: { type: 'timestamp', required: false, shownWhenSet: true },
  first_response_seconds: { type: 'number' },
  handle_seconds: { type: 'number' },
  on_time: bool,
  converted: bool,
  resolution_seconds: { type: 'number' },
};

/**
 * What each derived fact is computed from: the input tables it needs, and the input fields it
 * reads. A metric that needs an absent table has no data; a field no file has is reported.
 */
export const DERIVED_INPUTS: Readonly<
  Record<
    string,
    { tables: readonly InputTableName[]; fields: ReadonlyArray<readonly [InputTableName, string]> }
  >
> = {
  inquiry: { tables: ['messages'], fields: [] },
  replied: { tables: ['messages'], fields: [] },
  unanswered_since: { tables: ['messages'], fields: [] },
  first_response_seconds: { tables: ['messages'], fields: [] },
  handle_seconds: { tables: [], fields: [['conversations', 'ended_at']] },
  on_time: {
    tables: [],
    fields: [
      ['conversations', 'sla_due_at'],
      ['conversations', 'closed_at'],
    ],
  },
  converted: { tables: ['orders'], fields: [['orders', 'conversation_id']] },
  resolution_seconds: { tables: [], fields: [['conversations', 'closed_at']] },
};

/**
 * Fields the engine adds to `improvement_plans` rows of the evaluated period (`docs/plans.md`):
 * `counted`, the plan is not cancelled; `completed`, it is done with `completed_at` on or before
 * its `due_date`; `late`, it is done after its due date.
 */
export const DERIVED_PLAN_FIELDS: Readonly<Record<string, FieldSpec>> = {
  counted: bool,
  completed: bool,
  late: bool,
};

/** The input fields each derived plan field is computed from (as {@link DERIVED_INPUTS} says for conversations). */
export const DERIVED_PLAN_INPUTS: Readonly<Record<string, ReadonlyArray<readonly [InputTableName, string]>>> =
  {
    counted: [['improvement_plans', 'status']],
    completed: [
      ['improvement_plans', 'status'],
      ['improvement_plans', 'due_date'],
      ['improvement_plans', 'completed_at'],
    ],
    late: [
      ['improvement_plans', 'status'],
      ['improvement_plans', 'due_date'],
      ['improvement_plans', 'completed_at'],
    ],
  };

/** The derived `responses` table: one row per answered customer block. */
export const RESPONSES_FIELDS: Readonly<Record<string, FieldSpec>> = {
  conversation_id: id,
  agent_id: id,
  channel: text,
  at: instant,
  seconds: { type: 'number', required: true },
  is_first: bool,
};

/**
 * The fields a metric's `where` may name on a measured table: the table's own fields and, for
 * `conversations`, the derived ones.
 */
export function measuredFields(table: MeasuredTableName): Readonly<Record<string, FieldSpec>> {
  if (table === 'responses') return RESPONSES_FIELDS;
  if (table === 'conversations') return { ...TABLES.conversations.fields, ...DERIVED_CONVERSATION_FIELDS };
  if (table === 'improvement_plans') return { ...TABLES.improvement_plans.fields, ...DERIVED_PLAN_FIELDS };
  return TABLES[table].fields;
}

/** The metric kinds a metric over `messages` may be of (`docs/messages.md`). */
export const MESSAGE_METRIC_KINDS: ReadonlySet<string> = new Set(['count', 'ratio']);

/**
 * The field that places a row of a measured table in a period; for `improvement_plans`, which its
 * `period` column places, the `due_date` its evidence is described by.
 */
export function timeFieldOf(table: MeasuredTableName): string {
  if (table === 'improvement_plans') return 'due_date';
  return table === 'responses' ? 'at' : TIME_FIELDS[table];
}

/**
 * True for the table names of the data contract that exclusions may filter (all but `agents` and
 * the {@link FEATURE_TABLES}).
 */
export function isExcludableTable(
  name: string,
): name is Exclude<InputTableName, 'agents' | FeatureTableName> {
  return name !== 'agents' && !isFeatureTable(name) && (INPUT_TABLES as readonly string[]).includes(name);
}

/** True for the tables metrics may be computed over. */
export function isMeasuredTable(name: string): name is MeasuredTableName {
  return (MEASURED_TABLES as readonly string[]).includes(name);
}
