import type { Condition, ConditionTrace } from '@scorebook/conditions';
import type { MetricDefinition } from './metrics.ts';
import type { FieldTitle, InputTableName } from './tables.ts';

// The shape of what an evaluation writes (results-format.md and Scorebook's additions), shared
// by the engine that writes it, the governance tools and the report site that read it.

/**
 * How a metric stands for an agent: scored, short of sample, without data, for information, or
 * voided by an upheld appeal (`docs/appeals.md`: left out of the base score like `no_data`).
 */
export type MetricStatus = 'scored' | 'insufficient' | 'no_data' | 'info' | 'appealed';

/** A metric's result for one agent. */
export interface MetricResult {
  value: number | null;
  sample: number;
  score: number | null;
  weight: number | null;
  status: MetricStatus;
  /** Format 2, only for an item with segmented targets: each segment's value and score, in policy order. */
  segments?: SegmentResult[];
  /** Format 2, only for an item with `quota: true`: the target and floor the agent was scored by. */
  quota?: QuotaResult;
}

/**
 * The target and floor an item with per-agent targets used for one agent (format 2,
 * `docs/scorecards.md`, per-agent targets): a row of the `targets` table (its file and line), or
 * the scorecard's when the agent has none (`file` and `line` null).
 */
export interface QuotaResult {
  from: 'targets' | 'scorecard';
  target: number;
  floor: number;
  file: string | null;
  line: number | null;
}

/** One segment of a segmented item (format 2, `docs/scorecards.md`, segmented targets). */
export interface SegmentResult {
  /** The field value of the segment. */
  segment: string | number | boolean;
  /** The metric over the segment's rows; null without rows. */
  value: number | null;
  sample: number;
  /** The segment's linear score; null when not `scored`. */
  score: number | null;
  status: 'scored' | 'no_data' | 'insufficient';
}

/**
 * A group's result for one agent (policy format 2, `docs/results.md`): the weighted mean of the
 * scores of its items that have one, and the points it adds to the base score.
 */
export interface GroupResult {
  id: string;
  /** The group's weight as written. */
  weight: number;
  /** `scored` when at least one of its items has a score, else `no_score` (its weight is shared). */
  status: 'scored' | 'no_score';
  subtotal: number | null;
  /** subtotal × weight ÷ the weights of the groups that scored: its share of the base score. */
  contribution: number | null;
}

/** One agent's entry of results.json; the optional keys are those of policy format 2 only. */
export interface AgentResult {
  agent_id: string;
  name: string;
  team: string;
  role: string;
  employment_status: string;
  scorecard: string | null;
  status: 'rated' | 'not_rated';
  reason: string | null;
  reason_code: string | null;
  metrics: Record<string, MetricResult>;
  excluded: Record<string, number>;
  base_score: number | null;
  adjustments: Record<string, number>;
  total_score: number | null;
  vetoes: string[];
  grade: string | null;
  rank: number | null;
  worst_metrics: string[];
  /** Format 2: the scorecard's groups in policy order (`[]` for a flat `scored` list). */
  groups?: GroupResult[];
  /** Format 2: the agent facts of conditions that are numbers (`docs/scorecards.md`, agent facts). */
  facts?: AgentFactValues;
  /** Format 2: the ids of the scorecard's flags that hold, in policy order. */
  flags?: string[];
  /** Format 2: the grade the thresholds and vetoes gave, before a forced distribution. */
  grade_by_score?: string | null;
  /** Format 2: where a forced distribution placed the agent, null without one or when not rated. */
  distribution?: DistributionPlacement | null;
  /** Format 2: the awards the agent won, in policy order. */
  awards?: AwardResult[];
  /** Format 2: coefficient, bonus and total; null when the scorecard has no rewards and no award amounts. */
  reward?: RewardResult | null;
  /** Records removed by each appeal, by appeal id; only when the period has appeal files. */
  appealed?: Record<string, number>;
  /** The appeals that concern the agent, in file-name order; only when the period has appeal files. */
  appeals?: AgentAppeal[];
  /** A quarter or year scored from its months (`docs/periods.md`): the agent in each month. */
  months?: AgentMonth[];
}

/** An agent in one month of a quarter or year scored from its months (`docs/periods.md`). */
export interface AgentMonth {
  period: string;
  /** `no_data`: the month had no data at all and was not evaluated. */
  status: 'rated' | 'not_rated' | 'no_data';
  scorecard: string | null;
  base_score: number | null;
  total_score: number | null;
  grade: string | null;
  vetoes: string[];
}

/** A month a quarter or year was scored from: the version in force and its results' sha256. */
export interface MonthProvenance {
  period: string;
  status: 'evaluated' | 'no_data';
  /** The version in force for the month; null when it had no data. */
  policy: { id: string; version: string; file: string; sha256: string } | null;
  /** sha256 of the month's `results.json` bytes as this evaluation computed them; null without data. */
  results_sha256: string | null;
}

/** An award won (format 2): its place (ties share one) and what it pays (null without an amount). */
export interface AwardResult {
  id: string;
  place: number;
  amount: number | null;
}

/** What an agent's grade pays (format 2, `docs/scorecards.md`, rewards). */
export interface RewardResult {
  /** The grade's coefficient (`not_rated`'s when not rated); null: no reward. */
  coefficient: number | null;
  /** The bonus base used; null without one. */
  base: number | null;
  /** coefficient × base; null when either is null. */
  bonus: number | null;
  /** bonus + the amounts of the awards won (null terms left out); null when every term is null. */
  total: number | null;
}

/** Where a forced distribution placed a rated agent (format 2, `docs/scorecards.md`). */
export interface DistributionPlacement {
  /** 1-based place in the order (total, tie-breakers, agent id) among the scorecard's rated agents. */
  position: number;
  /** The scorecard's rated agents. */
  of: number;
  /** Each move the distribution made, in the order made (empty when it kept the grade by score). */
  moves: Array<{
    from: string;
    to: string;
    /** The rule that moved it: the cap of `from`, or the minimum of `to`. */
    rule: 'max_share' | 'min_share';
    /** The grade whose rule it is, its share, and the number of agents that share allows. */
    grade: string;
    share: number;
    limit: number;
  }>;
}

/** The agent facts of policy format 2 that are numbers; team, role and status are fields already. */
export interface AgentFactValues {
  tenure_days: number | null;
  tenure_months: number | null;
  days_employed: number;
  period_days: number;
}

/** Where an appeal stands once the run applied the policy's appeal rules (`docs/appeals.md`). */
export type AppealStatus = 'applied' | 'rejected' | 'pending' | 'refused';

/** An appeal as results.json lists it for an agent it concerns. */
export interface AgentAppeal {
  id: string;
  /** What it disputes: `<table>/<id>`, `metric:<id>` or `veto:<id>`. */
  disputes: string;
  /** The decision's outcome; null while pending. */
  outcome: 'upheld' | 'partly_upheld' | 'rejected' | null;
  status: AppealStatus;
  /** `appellant`, or `assignee` for an agent a record of the appeal was reassigned to. */
  role: 'appellant' | 'assignee';
}

/** One change an applied appeal made, with the record before and after it. */
export interface AppealChange {
  action: 'remove' | 'correct' | 'reassign' | 'void_metric' | 'void_veto';
  /** `<table>/<id>`, or the metric or veto id. */
  target: string;
  /** The corrected field; null for other actions. */
  field: string | null;
  before: RecordRef | null;
  after: RecordRef | null;
}

/** A void of a month's appeal that a recomputed quarter or year did not apply. */
export interface NotCarried {
  action: 'void_metric' | 'void_veto';
  /** The metric or veto id. */
  target: string;
}

/** An appeal as explanations.json shows it to an agent it concerns. */
export interface AppealExplanation {
  id: string;
  /** `<period>/<id>.yaml`, as `results.json`'s `appeals` names it. */
  file: string;
  role: 'appellant' | 'assignee';
  agent_id: string;
  disputes: string;
  claim: string;
  filed_at: string;
  decision: {
    outcome: 'upheld' | 'partly_upheld' | 'rejected';
    decided_by: string;
    decided_at: string;
    reason: string;
    final: boolean;
  } | null;
  status: AppealStatus;
  /** Why the policy's appeal rules refused it; null unless refused. */
  refusal: { code: string; message: { zh: string; en: string } } | null;
  changes: AppealChange[];
  /**
   * A month's appeal in a recomputed quarter or year with `appeals.months: records`: its voids,
   * which the quarter does not apply (`docs/appeals.md`); absent when it has none.
   */
  not_carried?: NotCarried[];
  /** The disputed QA review's `reviewer` (an optional extra column), when it has one. */
  reviewer?: string;
}

/** What was read of one input table. */
export interface InputProvenance {
  sha256: string | null;
  rows: number;
  rejected: number;
  /** Rows of the period removed by each exclusion; only exclusions with a count of at least 1. */
  excluded: Record<string, number>;
  files: Array<{ path: string; sha256: string; rows: number }>;
  /** True when the table has no file (its metrics have no data). */
  absent: boolean;
  /** The earliest and latest time field of the accepted rows (all periods), in the policy's timezone. */
  range: { first: string; last: string } | null;
  /**
   * A custom table only, when its source gives some fields a `title`: those fields' titles, in
   * declaration order (the site's column headings). Absent otherwise, so other results keep their bytes.
   */
  titles?: Record<string, FieldTitle>;
}

/** The source the data was read through (`source.yaml`), or null for the v1 rules. */
export interface SourceProvenance {
  /** Relative to the data folder when inside it, else as given. */
  path: string;
  sha256: string;
  id: string | null;
}

/** Where an earlier rejected row is, when it caused this one. */
export interface RejectedCause {
  table: string;
  file: string;
  line: number;
  code: string;
  message: { zh: string; en: string };
}

/** Which field identifies a rejected record, and its value as read. */
export interface RejectedRecordId {
  field: string;
  value: string;
}

/** A row left out of the evaluation, with where it is and why (`docs/contract/data-contract.md`, bad input). */
export interface RejectedRow {
  table: string;
  file: string;
  line: number;
  /**
   * The record's id as read, for finding it in the system it came from: its table's unique id
   * field (`survey_id`, `order_id`, a custom table's id field, …), else its `conversation_id` (a
   * message's); null when it has neither as text (a line a reader could not take as a record, an
   * id at fault).
   */
  record_id: RejectedRecordId | null;
  /**
   * The agent the row is about: its agent field as read, else the agent of the accepted
   * conversation it names; null when neither is known.
   */
  agent_id: string | null;
  /** The field at fault, or null for the record as a whole (a line that is not JSON). */
  field: string | null;
  code: string;
  message: { zh: string; en: string };
  /** The rejected row this one refers to (a message whose conversation was rejected). */
  cause: RejectedCause | null;
}

/** results.json. */
export interface Results {
  scorebook: 1;
  period: { id: string; kind: string; start: string; end: string; timezone: string };
  policy: { id: string; version: string; effective_from: string; file: string; sha256: string };
  source: SourceProvenance | null;
  inputs: Record<string, InputProvenance>;
  engine: { version: string };
  summary: {
    agents: number;
    rated: number;
    not_rated: number;
    grades: Record<string, number>;
    rejected_rows: number;
    /** Format 2: agents flagged by each flag id (every flag of every scorecard, 0 included). */
    flags?: Record<string, number>;
    /** Format 2: the sums over agents of bonuses, award amounts and totals (null terms left out). */
    rewards?: { agents: number; bonus: number; awards: number; total: number };
  };
  agents: AgentResult[];
  /**
   * The team facts formulas read (`docs/formulas.md`, team facts), per scorecard in policy order,
   * names in the order first read; only when a formula metric reads one.
   */
  team_facts?: TeamFactResult[];
  /**
   * The earlier periods history facts read (`docs/history.md`), newest first; only when the
   * policy reads a history fact.
   */
  history?: HistoryPeriodResult[];
  /** The appeal files of the period (`<period>/<id>.yaml`) and their sha256; only when there are some. */
  appeals?: Array<{ file: string; sha256: string }>;
  /** A quarter or year scored from its months (`docs/periods.md`): the months, in order. */
  months?: MonthProvenance[];
}

/** A team fact of a scorecard: its value over the agents of the scorecard that have the metric. */
export interface TeamFactResult {
  scorecard: string;
  name: string;
  value: number | null;
  /** How many agents' values it was computed over. */
  agents: number;
}

/** An earlier period history facts read: published (its file and sha256), evaluated, or missing. */
export interface HistoryPeriodResult {
  period: string;
  source: 'published' | 'evaluated' | 'missing';
  /** A published period's results, relative to the results root (`2026-10/results.json`). */
  file: string | null;
  /** The sha256 of the results read (published) or computed (evaluated, as results.json bytes). */
  sha256: string | null;
  /** The policy version the period's results were computed with. */
  policy: { id: string; version: string } | null;
  /** A missing period: the code of the first problem that stopped its evaluation. */
  problem: string | null;
}

/** A value a formula read for one agent: a metric, a team fact (with its agents) or an agent fact. */
export interface FormulaRead {
  name: string;
  value: number | null;
  /** For a team fact: how many agents it was computed over. */
  agents?: number;
  /** For a history fact: the earlier periods it looked at, newest first. */
  periods?: string[];
}

/** How a formula metric was computed for one agent (explanations.json, format 2). */
export interface FormulaExplanation {
  formula: string;
  reads: FormulaRead[];
  value: number | null;
}

/**
 * How a rating metric's value came about for one agent (`docs/ratings.md`): each weighted role in
 * the policy's order, the distinct raters counted, and the ratings left out with the reason.
 */
export interface RatingExplanation {
  value: number | null;
  /** Distinct raters counted over every weighted role (0 below `min_raters`). */
  raters: number;
  min_raters: number;
  include_self: boolean;
  roles: Array<{ role: string; weight: number; mean: number | null; raters: number; ratings: number }>;
  /** How many ratings of the period were left out; `left_out` lists the first ones in file order. */
  left_out_total: number;
  left_out: Array<{ reason: 'self' | 'role_not_weighted' | 'below_min_raters'; record: RecordRef }>;
}

/** A record shown as evidence: where it is, and its contract fields (times in the policy's timezone). */
export interface RecordRef {
  table: string;
  file: string | null;
  line: number | null;
  fields: Record<string, unknown>;
}

/** The records behind a metric: those that counted against it, or simply those counted. */
export interface Evidence {
  /** `against`: records that pulled the metric down; `counted`: the records counted. */
  role: 'against' | 'counted';
  /** How many records qualify (the list is capped). */
  total: number;
  records: RecordRef[];
}

/** Where in the policy a rule was written: file name, line and JSON path. */
export interface PolicyLine {
  file: string;
  line: number;
  path: string;
}

/** What a review needs to understand one agent's grade (explanations.json). */
export interface AgentExplanation {
  agent_id: string;
  scorecard: string | null;
  scorecard_source: PolicyLine | null;
  /**
   * Each scored metric's policy line and evidence; an item with `quota: true` (format 2) adds
   * `quota`, the `targets` row that gave the agent its target and floor (null: the scorecard's);
   * a metric of kind `rating` adds `rating`, its per-role breakdown.
   */
  metrics: Record<
    string,
    { source: PolicyLine; evidence: Evidence; quota?: RecordRef | null; rating?: RatingExplanation }
  >;
  excluded: Array<{ exclusion: string; source: PolicyLine; record: RecordRef }>;
  eligibility: { holds: boolean; reason: string; source: PolicyLine; condition: ConditionTrace } | null;
  vetoes: Array<{
    id: string;
    holds: boolean;
    reason: string;
    cap_grade: string;
    source: PolicyLine;
    condition: ConditionTrace;
  }>;
  grade_before_vetoes: string | null;
  /** The appeals that concern the agent; only when the period has appeal files. */
  appeals?: AppealExplanation[];
  /** Format 2: every flag of the scorecard with the condition evaluated. */
  flags?: Array<{ id: string; holds: boolean; label: string; source: PolicyLine; condition: ConditionTrace }>;
  /** Every formula metric of the catalog, in computing order; only when the policy has some. */
  formulas?: Record<string, FormulaExplanation>;
  /** A quarter or year scored from its months: each month's result and its policy version. */
  months?: Array<AgentMonth & { reason: string | null; policy_version: string | null }>;
  /** The agent's improvement plans and last period's worst metrics; only when the policy reads plans. */
  plans?: AgentPlans;
}

/** An improvement plan of the evaluated period as explanations.json shows it (`docs/plans.md`). */
export interface PlanExplanation {
  plan_id: string;
  metric: string;
  action: string;
  due_date: string;
  status: 'open' | 'done' | 'missed' | 'cancelled';
  completed_at: string | null;
  /** Not cancelled: the plan is in the completion rate's denominator. */
  counted: boolean;
  /** Done on or before its due date: in the numerator. */
  completed: boolean;
  /** Done after its due date (counted, not completed). */
  late: boolean;
  /** False when the agent's scorecard neither scores nor adjusts by the plan's metric (a warning). */
  in_scorecard: boolean;
  file: string | null;
  line: number | null;
}

/** A metric among an agent's worst metrics of the previous period, as that period published it. */
export interface PreviousWorstMetric {
  metric: string;
  value: number | null;
  score: number | null;
}

/**
 * The improvement-plan block of an agent's explanation (`docs/plans.md`): the previous period's
 * worst metrics, read from its published results (`file` and `sha256` null and `worst` empty
 * when that period is not published), and the agent's plans of this period in plan-id order.
 */
export interface AgentPlans {
  previous: {
    period: string;
    /** `<period>/results.json` in the published results root, or null. */
    file: string | null;
    sha256: string | null;
    policy: { id: string; version: string } | null;
    /** The agent's `worst_metrics` there, in that order; empty when not published or not listed. */
    worst: PreviousWorstMetric[];
  };
  plans: PlanExplanation[];
}

/**
 * The files of a published period folder that the report site offers as downloads, byte for
 * byte, when present (`docs/site.md`, downloads): `scorebook site build` copies them and the site
 * links them, from this one list.
 */
export const PUBLISHED_FILES = [
  'results.json',
  'explanations.json',
  'policy.json',
  'rejected.json',
  'manifest.json',
] as const;

/** A file of a period folder offered as a download. */
export type PublishedFile = (typeof PUBLISHED_FILES)[number];

/** The record written beside published results (`manifest.json`). */
export interface Manifest {
  scorebook: 1;
  period: string;
  status: 'closed';
  published_at_commit: string | null;
  policy: { id: string; version: string; file: string; sha256: string; git_commit: string | null };
  data_dir: string;
  inputs: Record<string, string | null>;
  engine: { version: string };
  files: Record<string, string>;
  command: string;
  /** Set when this publication replaced an earlier one, kept in `superseded/<n>/`. */
  supersedes: { publication: string; reason: string } | null;
  /**
   * The source the inputs were read through (`source.yaml`), null for the v1 rules; absent in
   * manifests written before sources.
   */
  source?: { file: string; sha256: string; git_commit: string | null } | null;
  /** Tables allowed to be absent (`--allow-missing`), sorted; absent in older manifests: none. */
  allow_missing?: string[];
  /**
   * The rejected-row limit publish was given (`--max-rejected`, as `2%` or `10`); absent when it
   * was not given (the default, 1% of each table, applied).
   */
  max_rejected?: string;
  /**
   * The period's appeal files (`docs/appeals.md`), in file-name order, each with its sha256 and
   * the commit that last changed it; absent when the period has no appeal files.
   */
  appeals?: Array<{ file: string; sha256: string; git_commit: string | null }>;
  /** When this publication was made (ISO 8601, UTC); absent in manifests written before it. */
  published_at?: string;
  /**
   * The instants appeal windows counted from, by period (`docs/appeals.md`): the period's first
   * publication, and for a quarter or year scored from its months each published month's; absent
   * when none (every window counted from its period's end).
   */
  appeals_window_from?: Record<string, string>;
}

/** A weekday key of business hours in `policy.json`. */
export type SnapshotWeekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/** A grade tier as `policy.json` records it, best first. */
export interface SnapshotGrade {
  grade: string;
  min_score: number;
  label: string | null;
  label_en: string | null;
}

/** An exclusion as `policy.json` records it; `line` is where it starts in `text`. */
export interface SnapshotExclusion {
  id: string;
  table: Exclude<InputTableName, 'agents'>;
  reason: string;
  reason_en: string | null;
  when: Condition;
  line: number;
}

/** One band of a `bands` scoring, its value in the metric's unit. */
export interface SnapshotBand {
  bound: 'at_least' | 'at_most';
  value: number;
  score: number;
}

/** A two-sided target (format 2): 100 inside `[low, high]`, 0 at and beyond the floors. */
export interface SnapshotRange {
  low: number;
  high: number;
  floor_low: number;
  floor_high: number;
}

/** A scored item of a scorecard as evaluated, quantities in the metric's unit. */
export interface SnapshotScoredItem {
  metric: string;
  weight: number;
  method: 'linear' | 'bands' | 'range';
  target: number | null;
  floor: number | null;
  bands: SnapshotBand[];
  /** Format 2: the two-sided target of a `range` item, else null. */
  range?: SnapshotRange | null;
  min_sample: number;
  /** The id of the group the item is scored in; null in a scorecard without groups. */
  group: string | null;
  /** Format 2, only on an item with segmented targets: the field and each segment's goal. */
  segments?: SnapshotSegments;
  /** Format 2, only on an item with `quota: true` (per-agent targets from the `targets` table). */
  quota?: true;
  line: number;
}

/** Segmented targets of an item (format 2): the field, and each value's target and floor in policy order. */
export interface SnapshotSegments {
  field: string;
  segments: Array<{ value: string | number | boolean; title: string | null; target: number; floor: number }>;
}

/** A group of a scorecard (format 2) with its weight; `line` is where it starts in `text`. */
export interface SnapshotGroup {
  id: string;
  title: string;
  title_en: string | null;
  weight: number;
  line: number;
}

/** An adjustment of a scorecard: points per unit of a metric, clamped to `[min, max]`. */
export interface SnapshotAdjustment {
  id: string;
  metric: string;
  points_each: number;
  min: number | null;
  max: number | null;
  line: number;
}

/** A veto of a scorecard: when `when` holds the grade is capped at `cap_grade`. */
export interface SnapshotVeto {
  id: string;
  reason: string;
  reason_en: string | null;
  when: Condition;
  cap_grade: string;
  line: number;
}

/** A flag of a scorecard (format 2): when `when` holds the agent is flagged; the grade is not touched. */
export interface SnapshotFlag {
  id: string;
  label: string;
  label_en: string | null;
  when: Condition;
  line: number;
}

/** A forced distribution of a scorecard (format 2): grade shares as fractions, best grade first. */
export interface SnapshotDistribution {
  tie_breakers: string[];
  grades: Array<{ grade: string; max_share: number | null; min_share: number | null }>;
  line: number;
}

/** Rewards of a scorecard (format 2): coefficients by grade (policy order) and the bonus base. */
export interface SnapshotRewards {
  coefficients: Array<{ grade: string; coefficient: number }>;
  not_rated: number | null;
  base: { kind: 'amount'; amount: number } | { kind: 'field'; field: string; default: number | null } | null;
  line: number;
}

/** An award of a scorecard (format 2): the `top` rated agents by a metric, ties sharing a place. */
export interface SnapshotAward {
  id: string;
  title: string;
  title_en: string | null;
  metric: string;
  top: number;
  amount: number | null;
  min_sample: number;
  line: number;
}

/** Who a scorecard rates. */
export interface SnapshotEligibility {
  when: Condition;
  reason: string;
  reason_en: string | null;
  line: number;
}

/** A scorecard as evaluated. */
export interface SnapshotScorecard {
  id: string;
  title: string;
  title_en: string | null;
  roles: string[];
  eligibility: SnapshotEligibility | null;
  scored: SnapshotScoredItem[];
  adjustments: SnapshotAdjustment[];
  vetoes: SnapshotVeto[];
  /** Format 2: the groups in policy order, `[]` for a flat `scored` list. */
  groups?: SnapshotGroup[];
  /** Format 2: the flags in policy order. */
  flags?: SnapshotFlag[];
  /** Format 2: the forced distribution, or null. */
  distribution?: SnapshotDistribution | null;
  /** Format 2: coefficients and bonus, or null. */
  rewards?: SnapshotRewards | null;
  /** Format 2: the awards in policy order. */
  awards?: SnapshotAward[];
  line: number;
}

/**
 * A metric definition as evaluated (the built-in catalog's and the policy's own), its
 * conditions with their keys sorted.
 */
export type SnapshotMetric = MetricDefinition;

/**
 * `policy.json`: the policy version an evaluation applied and the metric definitions it used,
 * written beside results.json so that a period is shown only from what was published
 * (docs/site.md describes it field by field).
 */
export interface PolicySnapshot {
  scorebook: 1;
  /** The policy's format when it is 2 (absent for format 1). */
  format?: 2;
  id: string;
  version: string;
  effective_from: string;
  title: string;
  title_en: string | null;
  description: string | null;
  timezone: string;
  /** Format 2: the ISO 4217 code of the policy's amounts, when it declares one (absent otherwise). */
  currency?: string;
  /** The policy file's name and the sha256 of its bytes. */
  file: string;
  sha256: string;
  /**
   * The shared definitions files (`configs/shared/<file>`) the policy's `$shared` references
   * used, by file name, with the sha256 of their bytes (docs/shared.md); absent when it uses none.
   */
  shared?: Array<{ file: string; sha256: string }>;
  grades: SnapshotGrade[];
  business_hours: { week: Record<SnapshotWeekday, string[]>; holidays: string[] } | null;
  exclusions: SnapshotExclusion[];
  scorecards: SnapshotScorecard[];
  /** Every metric the evaluation measured, built-in first, in evaluation order. */
  metrics: SnapshotMetric[];
  /** How quarters and years are scored, when the policy has a `periods:` section (`docs/periods.md`). */
  periods?: { quarter: 'recompute' | 'from_months'; year: 'recompute' | 'from_months'; min_months: number };
  /** The policy's appeal rules as written, when it has an `appeals:` section (`docs/appeals.md`). */
  appeals?: {
    window_days: number | null;
    tables: string[] | null;
    metrics: string[] | null;
    vetoes: string[] | null;
    final: boolean | null;
    /** Whether a recomputed quarter or year applies its months' record decisions; only when written. */
    months?: 'none' | 'records';
  };
  /** The policy file's full text. */
  text: string;
}
