// Random edits of the sample policy's scorecards for the calibration tests: every kind of number
// the page lets a reader change, kept valid (weights still add up to 100, targets beyond floors,
// grades decreasing), drawn from a seeded generator so that a failure can be replayed; and the
// evaluation they are compared with.
import { join } from 'node:path';
import type { AgentResult, Results } from '@scorebook/contract';
import {
  type CalibrationData,
  conditionLeaves,
  type Edits,
  editKey,
  type Outcome,
} from '../src/lib/calibrate.ts';
import { readJson, scorebook } from './fixture-site.ts';

/** A deterministic generator of numbers in [0, 1) (mulberry32). */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid random change of the data's scorecard and grades, a few numbers at once. */
export function randomEdits(data: CalibrationData, seed: number): Edits {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
  const card = data.policy.scorecards.find((s) => s.id === data.scorecard);
  if (card === undefined) throw new Error('no scorecard');
  const unitOf = (id: string) => data.metrics.find((m) => m.id === id)?.unit;
  const edits: Record<string, number> = {};
  // Weights: move a whole number of points from one item to another of its group.
  const from = pick(card.scored);
  const to = pick(card.scored.filter((s) => s.group === from.group));
  if (from !== to) {
    const points = Math.min(from.weight - 1, 1 + Math.floor(next() * 15));
    edits[editKey('weight', from.metric)] = from.weight - points;
    edits[editKey('weight', to.metric)] = to.weight + points;
  }
  // A linear item's target or floor, moved towards or away from the other but never past it.
  const linear = card.scored.filter((s) => s.method === 'linear' && s.target !== null && s.floor !== null);
  for (const item of [pick(linear), pick(linear)]) {
    const { target, floor } = item as { target: number; floor: number };
    const unit = unitOf(item.metric);
    const step = (x: number) => (unit === 'ratio' ? Math.round(x * 1000) / 1000 : Math.round(x));
    const span = Math.abs(target - floor);
    const which = next() < 0.5 ? 'target' : 'floor';
    const moved = step((which === 'target' ? target : floor) + (next() - 0.5) * span);
    const other = which === 'target' ? floor : target;
    if (moved !== other && target > floor === (which === 'target' ? moved > other : other > moved)) {
      if (unit !== 'ratio' || (moved >= 0 && moved <= 1)) edits[editKey(which, item.metric)] = moved;
    }
  }
  if (next() < 0.5) edits[editKey('min_sample', pick(card.scored).metric)] = 1 + Math.floor(next() * 30);
  const banded = card.scored.filter((s) => s.method === 'bands' && s.bands.length > 0);
  if (banded.length > 0 && next() < 0.7) {
    const item = pick(banded);
    const i = Math.floor(next() * item.bands.length);
    edits[editKey('band_score', item.metric, i)] = 40 + Math.floor(next() * 61);
  }
  // Grades: each min_score moved by up to 5 points, kept strictly decreasing and the last at 0.
  if (next() < 0.7) {
    let previous = Number.POSITIVE_INFINITY;
    data.policy.grades.slice(0, -1).forEach((g) => {
      const moved = Math.min(previous - 1, g.min_score + Math.floor(next() * 11) - 5);
      if (moved !== g.min_score) edits[editKey('grade', g.grade)] = moved;
      previous = moved;
    });
  }
  for (const a of card.adjustments) {
    if (next() < 0.4) edits[editKey('points', a.id)] = a.points_each * (1 + Math.floor(next() * 3));
    if (a.max !== null && next() < 0.3) edits[editKey('max', a.id)] = 1 + Math.floor(next() * 10);
    if (a.min !== null && next() < 0.3) edits[editKey('min', a.id)] = -1 - Math.floor(next() * 10);
  }
  for (const v of card.vetoes) {
    const leaves = conditionLeaves(v.when);
    leaves.forEach((leaf, i) => {
      if (typeof leaf.value === 'number' && next() < 0.5) edits[editKey('veto', v.id, i)] = leaf.value + 1;
    });
  }
  // A range's bounds: one moved within its neighbours, in whole seconds or tenths of a percent.
  const ranged = card.scored.filter((s) => s.range !== null);
  if (ranged.length > 0) {
    const item = pick(ranged);
    const r = item.range as NonNullable<typeof item.range>;
    const step = (x: number) =>
      unitOf(item.metric) === 'ratio' ? Math.round(x * 1000) / 1000 : Math.round(x);
    const bounds = [r.floor_low, r.low, r.high, r.floor_high];
    const keys = ['floor_low', 'low', 'high', 'floor_high'] as const;
    const i = Math.floor(next() * 4);
    const below = bounds[i - 1] ?? (bounds[0] ?? 0) - Math.abs(bounds[1] ?? 0);
    const above = bounds[i + 1] ?? (bounds[3] ?? 0) * 2;
    const moved = step(below + (0.1 + next() * 0.8) * (above - below));
    if (moved > below && moved < above && moved >= 0 && moved !== bounds[i])
      edits[editKey(keys[i] ?? 'low', item.metric)] = moved;
  }
  // The forced distribution's shares: each written one to another 5 % step, a minimum kept under its cap.
  for (const rule of card.distribution?.grades ?? []) {
    const share = () => ((1 + Math.floor(next() * 8)) * 5) / 100;
    if (rule.max_share !== null && next() < 0.7) edits[editKey('max_share', rule.grade)] = share();
    if (rule.min_share !== null && next() < 0.7) {
      const cap = edits[editKey('max_share', rule.grade)] ?? rule.max_share ?? 1;
      const min = share();
      if (min <= cap) edits[editKey('min_share', rule.grade)] = min;
    }
  }
  return edits;
}

/** Runs `scorebook evaluate` of one period into `out` and gives its results.json. */
export function evaluatePeriod(policies: string, data: string, period: string, out: string): Results {
  scorebook('evaluate', '--policies', policies, '--data', data, '--period', period, '--out', out, '--quiet');
  return readJson<Results>(join(out, 'results.json'));
}

/** An agent of results.json as the calibration's outcome (without the points it keeps for causes). */
export function outcomeOfResult(a: AgentResult): Omit<Outcome, 'points'> {
  return {
    agent_id: a.agent_id,
    status: a.status,
    base: a.base_score,
    total: a.total_score,
    grade: a.grade,
    rank: a.rank,
    vetoes: a.vetoes,
  };
}
