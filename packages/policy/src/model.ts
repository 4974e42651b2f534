import type { Condition } from '@scorebook/conditions';
import type { InputTableName, MetricDefinition } from '@scorebook/contract';
import type { Weekday } from '@scorebook/time';
import type { SharedUse } from './shared/resolve-shared.ts';

/** Where a part of a policy was written: file, 1-based line and column, JSON path. */
export interface SourceRef {
  file: string;
  line: number;
  column: number;
  path: string;
}

/** An exclusion: rows of `table` matching `when` are left out of the evaluation. */
export interface Exclusion {
  id: string;
  table: Exclude<InputTableName, 'agents'>;
  reason: string;
  reason_en: string | null;
  when: Condition;
  source: SourceRef;
}

/** One band of a `bands` scoring: the first band whose bound holds gives its score. */
export interface Band {
  bound: 'at_least' | 'at_most';
  value: number;
  score: number;
}

/**
 * A two-sided target (v2): 100 inside `[low, high]`, falling linearly to 0 at `floor_low` below
 * and at `floor_high` above (`floor_low < low ≤ high < floor_high`), in the metric's unit.
 */
export interface TargetRange {
  low: number;
  high: number;
  floor_low: number;
  floor_high: number;
}

/** A metric scored by a scorecard, its quantities already in the metric's unit. */
export interface ScoredItem {
  metric: string;
  weight: number;
  method: 'linear' | 'bands' | 'range';
  /** `linear`: the target and floor; null for the other methods. */
  target: number | null;
  floor: number | null;
  bands: Band[];
  /** `range` (v2): the two-sided target; null for the other methods. */
  range: TargetRange | null;
  min_sample: number;
  /** The id of the group it is scored in (v2); null in a scorecard without groups. */
  group: string | null;
  /** Segmented targets (v2): the metric scored per value of a field; null otherwise. */
  segments: ItemSegments | null;
  /**
   * Per-agent targets (v2, `quota: true`): an agent with a row of the `targets` table for this
   * metric and period is scored by that row's target and floor instead of the item's.
   */
  quota: boolean;
  source: SourceRef;
}

/**
 * Segmented targets (v2, 分段目标): the item's metric is also computed over the rows whose `field`
 * equals each segment's value, each scored linearly by its own target and floor; the item's
 * score is the sample-weighted mean of the segment scores.
 */
export interface ItemSegments {
  field: string;
  segments: Array<{ value: string | number | boolean; title: string | null; target: number; floor: number }>;
}

/**
 * A group of scored metrics (考核维度, v2) with its own weight: its subtotal is the weighted mean
 * of its items' scores, and the base score the weighted mean of the groups' subtotals.
 */
export interface ScoredGroup {
  id: string;
  title: string;
  title_en: string | null;
  weight: number;
  source: SourceRef;
}

/** Points added per unit of a metric, clamped to `[min, max]`. */
export interface Adjustment {
  id: string;
  metric: string;
  points_each: number;
  min: number | null;
  max: number | null;
  source: SourceRef;
}

/** A red-line rule: when it holds, the grade is capped at `cap_grade`. */
export interface Veto {
  id: string;
  reason: string;
  reason_en: string | null;
  when: Condition;
  cap_grade: string;
  source: SourceRef;
}

/**
 * A flag (需关注, v2): when `when` holds the agent is flagged with `label`, on the scorecard and
 * in the period's counts; the grade is not touched.
 */
export interface Flag {
  id: string;
  label: string;
  label_en: string | null;
  when: Condition;
  source: SourceRef;
}

/** One grade's share of a forced distribution (v2): fractions of the scorecard's rated agents. */
export interface DistributionRule {
  grade: string;
  /** At most ⌊max_share × rated⌋ agents keep this grade; null for no cap. */
  max_share: number | null;
  /** At least ⌈min_share × rated⌉ agents get this grade; null for no minimum. */
  min_share: number | null;
}

/**
 * A forced distribution (强制分布, v2): grade shares applied after the score thresholds and
 * vetoes, by rank (total, then the tie-breaker metrics, then agent id).
 */
export interface Distribution {
  /** Metric ids that order equal totals, each in its better direction. */
  tie_breakers: string[];
  /** The rules, in the policy's grade order (best first). */
  grades: DistributionRule[];
  source: SourceRef;
}

/** Where an agent's bonus base comes from (v2): one amount, or a field of the agents table. */
export type BonusBase =
  | { kind: 'amount'; amount: number }
  | { kind: 'field'; field: string; default: number | null };

/**
 * Rewards (v2): the performance coefficient (绩效系数) of each grade and the bonus it multiplies,
 * coefficient × base.
 */
export interface Rewards {
  /** Every grade of the policy with its coefficient, in the policy's grade order. */
  coefficients: Array<{ grade: string; coefficient: number }>;
  /** The coefficient of an agent of the scorecard who is not rated; null: no reward. */
  not_rated: number | null;
  /** The base of the bonus; null: coefficients only, no amount. */
  base: BonusBase | null;
  source: SourceRef;
}

/**
 * An award (v2, 满意度之星): the `top` rated agents of the scorecard by a metric, in its better
 * direction; agents tied at a place share it, so more than `top` may win.
 */
export interface Award {
  id: string;
  title: string;
  title_en: string | null;
  metric: string;
  top: number;
  /** What each winner receives; null for an award without money. */
  amount: number | null;
  /** The metric's sample an agent needs to compete (not applied to counts and sums). */
  min_sample: number;
  source: SourceRef;
}

/** Who is rated by a scorecard: agents for whom `when` does not hold are not rated. */
export interface Eligibility {
  when: Condition;
  reason: string;
  reason_en: string | null;
  source: SourceRef;
}

/** A scorecard: the metrics, weights and rules for some roles. */
export interface Scorecard {
  id: string;
  title: string;
  title_en: string | null;
  roles: string[];
  eligibility: Eligibility | null;
  /** Every scored item, group by group in a scorecard with groups (each naming its group). */
  scored: ScoredItem[];
  /** The groups in policy order (v2); empty for a flat `scored` list, which is one implicit group. */
  groups: ScoredGroup[];
  adjustments: Adjustment[];
  vetoes: Veto[];
  /** Flags that do not cap the grade (v2), in policy order. */
  flags: Flag[];
  /** The forced distribution of grades (v2), or null. */
  distribution: Distribution | null;
  /** Coefficients and bonus (v2), or null. */
  rewards: Rewards | null;
  /** Awards (v2), in policy order. */
  awards: Award[];
  source: SourceRef;
}

/** A grade tier: the first grade (best first) whose `min_score` ≤ the total applies. */
export interface Grade {
  grade: string;
  min_score: number;
  label: string | null;
  label_en: string | null;
}

/** Opening intervals as written (`HH:MM-HH:MM`) per weekday, and closed dates. */
export interface BusinessHoursSpec {
  week: Record<Weekday, string[]>;
  holidays: string[];
}

/**
 * Which appeals a policy admits (`docs/appeals.md`, appeal rules). A key left out of the section
 * is null: the default applies (30 days, every table of record, every metric and veto, final).
 */
export interface AppealRules {
  /** Days after the period's last day during which an appeal may be filed. */
  window_days: number | null;
  /** Tables whose records may be appealed. */
  tables: string[] | null;
  /** Metrics that may be appealed. */
  metrics: string[] | null;
  /** Vetoes that may be appealed. */
  vetoes: string[] | null;
  /** Whether a decision is final unless its file says otherwise. */
  final: boolean | null;
  /**
   * Format 2: whether a recomputed quarter or year applies the record actions (remove, correct,
   * reassign) of its months' applied appeals (`records`) or not (`none`, the default when null).
   */
  months: 'none' | 'records' | null;
}

/**
 * How quarters and years are scored (`docs/periods.md`, scored from the months; v2). A
 * `from_months` period's total is the mean of the monthly totals of the months an agent was
 * rated in, when there are at least `min_months` of them.
 */
export interface PeriodRules {
  quarter: 'recompute' | 'from_months';
  year: 'recompute' | 'from_months';
  /** Months an agent must be rated in to be rated for the period (default 1). */
  min_months: number;
}

/** A validated policy version. */
export interface Policy {
  /** The format: 1, or 2 when the version may use the v2 features (groups, …; docs/scorecards.md). */
  scorebook: 1 | 2;
  id: string;
  version: string;
  effective_from: string;
  title: string;
  title_en: string | null;
  description: string | null;
  timezone: string;
  /** Format 2: the ISO 4217 code amounts are in (`CNY`); null when the policy declares none. */
  currency: string | null;
  business_hours: BusinessHoursSpec | null;
  exclusions: Exclusion[];
  /**
   * The policy's own metrics (the built-in catalog is separate), after the built-in plan metrics
   * it names (`docs/plans.md`).
   */
  metrics: MetricDefinition[];
  grades: Grade[];
  scorecards: Scorecard[];
  /** The `appeals:` section (`docs/appeals.md`); null when the policy has none (the defaults apply). */
  appeals: AppealRules | null;
  /** The `periods:` section (v2); null when the policy has none (quarters and years are recomputed). */
  periods: PeriodRules | null;
  /** The file it was read from, its sha256 and its text. */
  file: string;
  sha256: string;
  text: string;
  /** The shared files its `$shared` references used (docs/shared.md); absent when it has none. */
  shared?: SharedUse[];
}
