import { type MetricDefinition, PLAN_METRICS } from '@scorebook/contract';

/**
 * The built-in plan metrics (`docs/plans.md`) a policy document names: those whose id is a whole
 * word of a string value anywhere under its `scorecards` or its own `metrics` (a scored item, an
 * adjustment, a condition's fact, a formula), in {@link PLAN_METRICS} order. They join the
 * policy's catalog; a policy that names none has none, so its results keep their bytes.
 */
export function planMetricsNamedBy(document: unknown): MetricDefinition[] {
  if (typeof document !== 'object' || document === null) return [];
  const record = document as Record<string, unknown>;
  const strings = [...stringsIn(record.scorecards), ...stringsIn(record.metrics)];
  return PLAN_METRICS.filter((m) => {
    const word = new RegExp(`(^|[^A-Za-z0-9_])${m.id}($|[^A-Za-z0-9_])`);
    return strings.some((s) => word.test(s));
  });
}

/** True for the id of a built-in plan metric. */
export function isPlanMetric(id: string): boolean {
  return PLAN_METRICS.some((m) => m.id === id);
}

function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(stringsIn);
  return [];
}
