import type { MetricDefinition, MetricResult, QuotaResult, SegmentResult } from '@scorebook/contract';
import type { ScoredItem, TargetRange } from '@scorebook/policy';
import type { MetricValue } from '../measure/compile-metrics.ts';

/**
 * Scores a metric of the agent's scorecard (`docs/contract/semantics.md`, scoring): null value → `no_data`;
 * sample below `min_sample` (not for counts, sums and formulas) → `insufficient`; else `linear` or `bands`.
 */
export function scoreMetric(
  measured: MetricValue,
  item: ScoredItem,
  definition: MetricDefinition,
): MetricResult {
  const base = { value: measured.value, sample: measured.sample, weight: item.weight };
  if (measured.value === null) return { ...base, score: null, status: 'no_data' };
  // A formula reads no records: null inputs give it no value, and no sample applies.
  const sampled = definition.kind !== 'count' && definition.kind !== 'sum' && definition.kind !== 'formula';
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

/**
 * Scores an item with segmented targets (`docs/scorecards.md`, segmented targets): each segment's
 * value (from `segment`) is scored linearly by its target and floor, `insufficient` below the
 * item's `min_sample`; the item's score is the mean of the scored segments' scores weighted by
 * their samples. No scored segment: `insufficient` if a segment was, else `no_data`. `measured`
 * is the metric over all rows, which the result shows as its value and sample.
 */
export function scoreSegmented(
  measured: MetricValue,
  item: ScoredItem,
  definition: MetricDefinition,
  segment: (value: string | number | boolean) => MetricValue,
): MetricResult {
  const segments: SegmentResult[] = (item.segments?.segments ?? []).map((s) => {
    const m = segment(s.value);
    const base = { segment: s.value, value: m.value, sample: m.sample };
    if (m.value === null) return { ...base, score: null, status: 'no_data' };
    if (m.sample < item.min_sample) return { ...base, score: null, status: 'insufficient' };
    return { ...base, score: linearScore(m.value, s.target, s.floor, definition.better), status: 'scored' };
  });
  const scored = segments.filter((s) => s.score !== null && s.sample > 0);
  const samples = scored.reduce((n, s) => n + s.sample, 0);
  const base = { value: measured.value, sample: measured.sample, weight: item.weight };
  if (scored.length === 0) {
    const status = segments.some((s) => s.status === 'insufficient') ? 'insufficient' : 'no_data';
    return { ...base, score: null, status, segments };
  }
  const score = scored.reduce((sum, s) => sum + s.sample * (s.score ?? 0), 0) / samples;
  return { ...base, score, status: 'scored', segments };
}

/**
 * Scores an item with per-agent targets (`quota: true`, `docs/scorecards.md`, per-agent targets):
 * linearly by the agent's own target and floor when `own` (its targets row) is given, else by the
 * item's; every other rule (no data, minimum sample) as {@link scoreMetric}. The result carries
 * the target and floor used and the row they came from, as `quota`.
 */
export function scoreQuota(
  measured: MetricValue,
  item: ScoredItem,
  definition: MetricDefinition,
  own: { target: number; floor: number; file: string; line: number } | null,
): MetricResult {
  const target = own?.target ?? item.target ?? 0;
  const floor = own?.floor ?? item.floor ?? 0;
  const quota: QuotaResult =
    own === null
      ? { from: 'scorecard', target, floor, file: null, line: null }
      : { from: 'targets', target, floor, file: own.file, line: own.line };
  return { ...scoreMetric(measured, { ...item, target, floor }, definition), quota };
}

/** A metric outside the agent's scorecard: its value, for information. */
export function infoMetric(measured: MetricValue): MetricResult {
  return { value: measured.value, sample: measured.sample, score: null, weight: null, status: 'info' };
}

/** The score (0–100) of a linear item: 100 at or past the target, 0 at or past the floor, linear between. */
export function linearScore(
  value: number,
  target: number,
  floor: number,
  better: 'higher' | 'lower',
): number {
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
