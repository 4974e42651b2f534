import type { Better, DistributionPlacement } from '@scorebook/contract';
import type { Distribution, Grade } from '@scorebook/policy';

/** A rated agent of a scorecard, as the forced distribution orders it. */
export interface DistributionEntry {
  agent_id: string;
  total: number;
  /** The tie-breaker metrics' values, in the distribution's order (null where no data). */
  tieValues: ReadonlyArray<number | null>;
  /** The grade after the thresholds and vetoes. */
  grade: string;
}

/** A share × a count, floored or ceiled with a tolerance, so that 29% of 100 is 29 (not 28). */
const TOLERANCE = 1e-9;

/**
 * A forced distribution (`docs/scorecards.md`, forced distribution) over the rated agents of one
 * scorecard: ordered by total descending, then each tie-breaker in its better direction (no data
 * last), then agent id; caps best grade first (the lowest-placed agents over ⌊share × n⌋ move to
 * the next grade), then minimums worst grade first (the lowest-placed agents of better grades
 * move down until ⌈share × n⌉ have the grade). Returns each entry's final grade and placement,
 * by entry.
 */
export function distributeGrades<E extends DistributionEntry>(
  distribution: Distribution,
  grades: readonly Grade[],
  better: ReadonlyArray<Better>,
  entries: readonly E[],
): Map<E, { grade: string; placement: DistributionPlacement }> {
  const order = [...entries].sort((a, b) => compare(a, b, better));
  const n = order.length;
  const index = new Map(grades.map((g, i) => [g.grade, i]));
  const placed = order.map((entry, i) => ({
    entry,
    position: i + 1,
    grade: index.get(entry.grade) ?? grades.length - 1,
    moves: [] as DistributionPlacement['moves'],
  }));
  const name = (i: number) => grades[i]?.grade ?? '';
  const move = (
    p: (typeof placed)[number],
    to: number,
    rule: 'max_share' | 'min_share',
    at: number,
    share: number,
    limit: number,
  ) => {
    p.moves.push({ from: name(p.grade), to: name(to), rule, grade: name(at), share, limit });
    p.grade = to;
  };
  for (const rule of distribution.grades) {
    const at = index.get(rule.grade);
    if (rule.max_share === null || at === undefined) continue;
    const cap = Math.floor(rule.max_share * n + TOLERANCE);
    const members = placed.filter((p) => p.grade === at);
    for (const p of members.slice(cap)) move(p, at + 1, 'max_share', at, rule.max_share, cap);
  }
  for (const rule of [...distribution.grades].reverse()) {
    const at = index.get(rule.grade);
    if (rule.min_share === null || at === undefined) continue;
    const need = Math.ceil(rule.min_share * n - TOLERANCE);
    let count = placed.filter((p) => p.grade === at).length;
    for (let i = placed.length - 1; i >= 0 && count < need; i--) {
      const p = placed[i];
      if (p === undefined || p.grade >= at) continue;
      move(p, at, 'min_share', at, rule.min_share, need);
      count++;
    }
  }
  return new Map(
    placed.map((p) => [
      p.entry,
      { grade: name(p.grade), placement: { position: p.position, of: n, moves: p.moves } },
    ]),
  );
}

function compare(a: DistributionEntry, b: DistributionEntry, better: ReadonlyArray<Better>): number {
  if (a.total !== b.total) return b.total - a.total;
  for (const [i, direction] of better.entries()) {
    const x = a.tieValues[i] ?? null;
    const y = b.tieValues[i] ?? null;
    if (x === y) continue;
    if (x === null) return 1;
    if (y === null) return -1;
    return direction === 'higher' ? y - x : x - y;
  }
  return a.agent_id < b.agent_id ? -1 : a.agent_id > b.agent_id ? 1 : 0;
}
