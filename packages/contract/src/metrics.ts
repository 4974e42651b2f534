import type { Condition } from '@scorebook/conditions';
import type { MeasuredTableRef } from './tables.ts';

/** The kinds of metric (`docs/contract/semantics.md`, metric kinds). */
export const METRIC_KINDS = [
  'mean',
  'median',
  'p90',
  'sum',
  'count',
  'ratio',
  'nps',
  'distinct_count',
] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** Units a metric's value is in; quantities in a policy are read in the metric's unit. */
export const UNITS = ['seconds', 'ratio', 'count', 'amount', 'score', 'number'] as const;
export type Unit = (typeof UNITS)[number];

/** Which direction of a metric is better. */
export type Better = 'higher' | 'lower';

/** A `{table, where}` side of a ratio. */
export interface RatioSide {
  table: MeasuredTableRef;
  where: Condition | null;
}

/** What every metric definition has, whatever its kind. */
interface MetricCommon {
  id: string;
  title: string;
  title_en: string | null;
  description: string | null;
  description_en: string | null;
  better: Better;
  unit: Unit;
  builtin: boolean;
}

/** A `ratio`: rows of the numerator over rows of the denominator, each side its own table. */
export interface RatioMetricDefinition extends MetricCommon {
  kind: 'ratio';
  table: null;
  field: null;
  where: null;
  numerator: RatioSide;
  denominator: RatioSide;
}

/** A `count` of the rows of a table that satisfy `where`. */
export interface CountMetricDefinition extends MetricCommon {
  kind: 'count';
  table: MeasuredTableRef;
  field: null;
  where: Condition | null;
  numerator: null;
  denominator: null;
}

/**
 * A `mean`, `median`, `p90`, `sum` or `nps` of a field's values over the rows that satisfy `where`;
 * or a `distinct_count`, the number of distinct non-null values of the field among those rows
 * (`docs/messages.md`).
 */
export interface FieldMetricDefinition extends MetricCommon {
  kind: Exclude<MetricKind, 'ratio' | 'count'>;
  table: MeasuredTableRef;
  field: string;
  where: Condition | null;
  numerator: null;
  denominator: null;
}

/**
 * A `formula` (policy format 2, `docs/formulas.md`): a value computed from the agent's other
 * metrics and facts; it reads no table. Only a policy's own metrics have this kind.
 */
export interface FormulaMetricDefinition extends MetricCommon {
  kind: 'formula';
  table: null;
  field: null;
  where: null;
  numerator: null;
  denominator: null;
  /** The formula's text, as the policy writes it (validated). */
  formula: string;
}

/**
 * A `rating` (policy format 2, `docs/ratings.md`): the role-weighted mean of the scores people
 * gave the agent in the `ratings` table. Only a policy's own metrics have this kind.
 */
export interface RatingMetricDefinition extends MetricCommon {
  kind: 'rating';
  table: null;
  field: null;
  /** A condition on the `ratings` rows, beside `dimension`. */
  where: Condition | null;
  numerator: null;
  denominator: null;
  /** The dimensions counted (a single one written as a list of one); null for every dimension. */
  dimension: readonly string[] | null;
  /** The weight of each rater role, in the order the policy writes them; other roles are left out. */
  roles: Readonly<Record<string, number>>;
  /** The fewest distinct raters (over every weighted role) the value needs; fewer gives null. */
  min_raters: number;
  /** Whether self ratings count (under their own role, when it is weighted). */
  include_self: boolean;
}

/**
 * A metric definition, built-in or a policy's own, after validation: the keys its `kind` takes
 * are set and the others null, so that narrowing on `kind` says which are there.
 */
export type MetricDefinition =
  | RatioMetricDefinition
  | CountMetricDefinition
  | FieldMetricDefinition
  | FormulaMetricDefinition
  | RatingMetricDefinition;

/** What every metric definition has, whatever its kind (see {@link metricDefinition}). */
export type MetricHead = Pick<
  MetricCommon,
  'id' | 'title' | 'title_en' | 'description' | 'description_en' | 'better' | 'unit' | 'builtin'
>;

/** What a metric measures: a ratio's sides, a count's table, or a table's field. */
export type MetricMeasure =
  | { kind: 'ratio'; numerator: RatioSide; denominator: RatioSide }
  | { kind: 'count'; table: MeasuredTableRef; where: Condition | null }
  | { kind: FieldMetricDefinition['kind']; table: MeasuredTableRef; field: string; where: Condition | null }
  | { kind: 'formula'; formula: string }
  | ({ kind: 'rating'; where: Condition | null } & Pick<
      RatingMetricDefinition,
      'dimension' | 'roles' | 'min_raters' | 'include_self'
    >);

/**
 * The tables a metric reads: a ratio's numerator and denominator tables (in that order, both even
 * when equal), any other kind's table, none for a formula or a rating (which read no table rows).
 */
export function metricTables(d: MetricDefinition): MeasuredTableRef[] {
  if (d.kind === 'ratio') return [d.numerator.table, d.denominator.table];
  return d.kind === 'formula' || d.kind === 'rating' ? [] : [d.table];
}

/**
 * A metric definition from its parts, its keys in the order results and `policy.json` write
 * them (id, title, title_en, description, description_en, kind, better, unit, table, field,
 * where, numerator, denominator, then `formula` for a formula only, `dimension`, `roles`,
 * `min_raters`, `include_self` for a rating only, builtin); the keys its kind does not take are null.
 */
export function metricDefinition(head: MetricHead, measure: MetricMeasure): MetricDefinition {
  const { id, title, title_en, description, description_en, better, unit, builtin } = head;
  const lead = { id, title, title_en, description, description_en };
  const none = { numerator: null, denominator: null };
  switch (measure.kind) {
    case 'ratio': {
      const { kind, numerator, denominator } = measure;
      return {
        ...lead,
        kind,
        better,
        unit,
        table: null,
        field: null,
        where: null,
        numerator,
        denominator,
        builtin,
      };
    }
    case 'count': {
      const { kind, table, where } = measure;
      return { ...lead, kind, better, unit, table, field: null, where, ...none, builtin };
    }
    // The kinds that read no table of their own: their keys after `denominator`, then builtin.
    case 'formula': {
      const { kind, formula } = measure;
      return {
        ...lead,
        kind,
        better,
        unit,
        table: null,
        field: null,
        where: null,
        ...none,
        formula,
        builtin,
      };
    }
    case 'rating': {
      const { kind, where, dimension, roles, min_raters, include_self } = measure;
      const own = { dimension, roles, min_raters, include_self };
      return { ...lead, kind, better, unit, table: null, field: null, where, ...none, ...own, builtin };
    }
    default: {
      const { kind, table, field, where } = measure;
      return { ...lead, kind, better, unit, table, field, where, ...none, builtin };
    }
  }
}

/** Kinds that take a `field`. */
export const KINDS_WITH_FIELD: ReadonlySet<MetricKind> = new Set([
  'mean',
  'median',
  'p90',
  'sum',
  'nps',
  'distinct_count',
]);

/** Kinds whose `field` must be numeric (a `distinct_count` counts values of any type). */
export const KINDS_WITH_NUMERIC_FIELD: ReadonlySet<MetricKind> = new Set([
  'mean',
  'median',
  'p90',
  'sum',
  'nps',
]);

/** Fields whose values are seconds, amounts or scores, for inferring a metric's unit. */
const FIELD_UNITS: Readonly<Record<string, Unit>> = {
  seconds: 'seconds',
  first_response_seconds: 'seconds',
  handle_seconds: 'seconds',
  resolution_seconds: 'seconds',
  amount: 'amount',
  score: 'score',
  csat: 'score',
  nps: 'score',
};

/** The unit of a metric that does not state one. */
export function inferUnit(kind: MetricKind, field: string | null): Unit {
  if (kind === 'ratio') return 'ratio';
  if (kind === 'count' || kind === 'distinct_count') return 'count';
  if (kind === 'nps') return 'score';
  return (field !== null ? FIELD_UNITS[field] : undefined) ?? 'number';
}

/**
 * The built-in plan metrics (`docs/plans.md`): in a policy's catalog only when its scorecards or
 * own metrics name one (so that every other policy's results keep their bytes), after the
 * catalog's built-ins. `plan_completion_rate` is the share of the agent's counted plans of the
 * period (not cancelled) that were done by their due date; null when the agent has none.
 */
export const PLAN_METRICS: readonly MetricDefinition[] = [
  {
    id: 'plan_completion_rate',
    title: '改进计划按期完成率',
    title_en: 'Improvement plan completion rate',
    description: '本期的改进计划(不含已取消)中,状态为完成且完成日期不晚于截止日期的占比;本期没有计划时无值。',
    description_en:
      "Share of the period's improvement plans (cancelled ones left out) done on or before their due date; no value without a plan.",
    kind: 'ratio',
    better: 'higher',
    unit: 'ratio',
    table: null,
    field: null,
    where: null,
    numerator: {
      table: 'improvement_plans',
      where: { all: [{ fact: 'completed', operator: 'equal', value: true }] },
    },
    denominator: {
      table: 'improvement_plans',
      where: { all: [{ fact: 'counted', operator: 'equal', value: true }] },
    },
    builtin: true,
  },
];
