import type { MetricDefinition, MetricResult } from '@scorebook/contract';
import type { ScoredItem } from '@scorebook/policy';
import type { MetricValue } from '../measure/compile-metrics.ts';

/**
 * Scores a metric of the agent's scorecard (`semantics.md`, scoring): null value → `no_data`;
 * sample below `min_sample` (not for counts and sums) → `insufficient`; else `linear` or `bands`.
 */
export function scoreMetric(
  measured: MetricValue,
  item: ScoredItem,
  definition: MetricDefinition,
): MetricResult {
  const base = { value: measured.value, sample: measured.sample, weight: item.weight };
  if (measured.value === null) return { ...base, score: null, status: 'no_data' };
  const sampled = definition.kind !== 'count' && definition.kind !== 'sum';
  if (sampled && measured.sample < item.min_sample) return { ...base, score: null, status: 'insufficient' };
  // A linear item has its target and floor (the policy checks so); a bands item has neither.
  const { target, floor } = item;
  const score =
    item.method === 'linear' && target !== null && floor !== null
      ? linearScore(measured.value, target, floor, definition.better)
      : bandScore(measured.value, item);
  return { ...base, score, status: 'scored' };
}

/** A metric outside the agent's scorecard: its value, for information. */
export function infoMetric(measured: MetricValue): MetricResult {
  return { value: measured.value, sample: measured.sample, score: null, weight: null, status: 'info' };
}

function linearScore(value: number, target: number, floor: number, better: 'higher' | 'lower'): number {
  if (better === 'higher') {
    if (value >= target) return 100;
    if (value <= floor) return 0;
    return (100 * (value - floor)) / (target - floor);
  }
  if (value <= target) return 100;
  if (value >= floor) return 0;
  return (100 * (floor - value)) / (floor - target);
}

function bandScore(value: number, item: ScoredItem): number {
  for (const band of item.bands) {
    if (band.bound === 'at_least' ? value >= band.value : value <= band.value) return band.score;
  }
  return 0;
}
