import type { MeasuredTableName } from './tables.ts';

/** The kinds of metric (`semantics.md`, metric kinds). */
export const METRIC_KINDS = ['mean', 'median', 'p90', 'sum', 'count', 'ratio', 'nps'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];

/** Units a metric's value is in; quantities in a policy are read in the metric's unit. */
export const UNITS = ['seconds', 'ratio', 'count', 'amount', 'score', 'number'] as const;
export type Unit = (typeof UNITS)[number];

/** Which direction of a metric is better. */
export type Better = 'higher' | 'lower';

/** A `{table, where}` side of a ratio. */
export interface RatioSide {
  table: MeasuredTableName;
  where: unknown | null;
}

/** A metric definition, built-in or a policy's own, after validation. */
export interface MetricDefinition {
  id: string;
  title: string;
  title_en: string | null;
  description: string | null;
  description_en: string | null;
  kind: MetricKind;
  better: Better;
  unit: Unit;
  /** For every kind but `ratio`. */
  table: MeasuredTableName | null;
  /** For `mean`, `median`, `p90`, `sum`, `nps`. */
  field: string | null;
  where: unknown | null;
  numerator: RatioSide | null;
  denominator: RatioSide | null;
  builtin: boolean;
}

/** Kinds that take a `field`. */
export const KINDS_WITH_FIELD: ReadonlySet<MetricKind> = new Set(['mean', 'median', 'p90', 'sum', 'nps']);

/** Fields whose values are seconds, amounts or scores, for inferring a metric's unit. */
const FIELD_UNITS: Readonly<Record<string, Unit>> = {
  seconds: 'seconds',
  first_response_seconds: 'seconds',
  handle_seconds: 'seconds',
  amount: 'amount',
  score: 'score',
  csat: 'score',
  nps: 'score',
};

/** The unit of a metric that does not state one. */
export function inferUnit(kind: MetricKind, field: string | null): Unit {
  if (kind === 'ratio') return 'ratio';
  if (kind === 'count') return 'count';
  if (kind === 'nps') return 'score';
  return (field !== null ? FIELD_UNITS[field] : undefined) ?? 'number';
}
