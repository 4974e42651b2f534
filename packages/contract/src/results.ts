import type { Condition, ConditionTrace } from '@scorebook/conditions';
import type { MetricDefinition } from './metrics.ts';
import type { InputTableName } from './tables.ts';

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
}

/** One agent's entry of results.json. */
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
  /** Records removed by each appeal, by appeal id; only when the period has appeal files. */
  appealed?: Record<string, number>;
  /** The appeals that concern the agent, in file-name order; only when the period has appeal files. */
  appeals?: AgentAppeal[];
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

/** A row left out of the evaluation, with where it is and why (`data-contract.md`, bad input). */
export interface RejectedRow {
  table: string;
  file: string;
  line: number;
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
  };
  agents: AgentResult[];
  /** The appeal files of the period (`<period>/<id>.yaml`) and their sha256; only when there are some. */
  appeals?: Array<{ file: string; sha256: string }>;
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
  metrics: Record<string, { source: PolicyLine; evidence: Evidence }>;
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
}

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
   * The period's appeal files (`docs/appeals.md`), in file-name order, each with its sha256 and
   * the commit that last changed it; absent when the period has no appeal files.
   */
  appeals?: Array<{ file: string; sha256: string; git_commit: string | null }>;
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

/** A scored item of a scorecard as evaluated, quantities in the metric's unit. */
export interface SnapshotScoredItem {
  metric: string;
  weight: number;
  method: 'linear' | 'bands';
  target: number | null;
  floor: number | null;
  bands: SnapshotBand[];
  min_sample: number;
  /** The group the item is scored in; null while policies have no groups. */
  group: string | null;
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
  id: string;
  version: string;
  effective_from: string;
  title: string;
  title_en: string | null;
  description: string | null;
  timezone: string;
  /** The policy file's name and the sha256 of its bytes. */
  file: string;
  sha256: string;
  grades: SnapshotGrade[];
  business_hours: { week: Record<SnapshotWeekday, string[]>; holidays: string[] } | null;
  exclusions: SnapshotExclusion[];
  scorecards: SnapshotScorecard[];
  /** Every metric the evaluation measured, built-in first, in evaluation order. */
  metrics: SnapshotMetric[];
  /** The policy file's full text. */
  text: string;
}
