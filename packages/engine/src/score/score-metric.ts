import type { MetricDefinition, MetricResult } from '@scorebook/contract';
import type { ScoredItem, TargetRange } from '@scorebook/policy';
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
  return { ...base, score: itemScore(measured.value, item, definition), status: 'scored' };
}

/**
 * The score of a value by an item's method: a linear item has its target and floor, a range
 * item its range, a bands item neither (the policy checks so).
 */
function itemScore(value: number, item: ScoredItem, definition: MetricDefinition): number {
  const { target, floor, range } = item;
  if (item.method === 'linear' && target !== null && floor !== null)
    return linearScore(value, target, floor, definition.better);
  if (item.method === 'range' && range !== null) return rangeScore(value, range);
  return bandScore(value, item);
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

/** 100 inside `[low, high]`; below, linear from 100 at `low` to 0 at `floor_low`; above, likewise. */
function rangeScore(value: number, range: TargetRange): number {
  if (value < range.low) {
    if (value <= range.floor_low) return 0;
    return (100 * (value - range.floor_low)) / (range.low - range.floor_low);
  }
  if (value > range.high) {
    if (value >= range.floor_high) return 0;
    return (100 * (range.floor_high - value)) / (range.floor_high - range.high);
  }
  return 100;
}

function bandScore(value: number, item: ScoredItem): number {
  for (const band of item.bands) {
    if (band.bound === 'at_least' ? value >= band.value : value <= band.value) return band.score;
  }
  return 0;
}
