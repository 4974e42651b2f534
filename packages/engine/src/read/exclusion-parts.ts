import type { ExclusionsPart } from '../exclude/exclusions.ts';

/**
 * One part that `Exclusions.absorb` takes as it would take `sum` and then `next` (counted
 * after `sum`'s rows): counts add up, and each agent's evidence rows of `next` are numbered after
 * that agent's count of their exclusion in `sum`, those beyond the cap (which absorbing could not
 * keep) left out. `sum` is changed and returned; `next` is taken apart. Adding the parts of the
 * pieces of a table up as they come in keeps at most `cap` rows per agent and exclusion, instead
 * of every piece's.
 */
export function combineExclusionParts(
  sum: ExclusionsPart,
  next: ExclusionsPart,
  cap: number,
): ExclusionsPart {
  addCounts(sum.counts, next.counts);
  const byAgent = new Map(sum.agents.map((a) => [a.agent, a]));
  for (const part of next.agents) {
    const kept = byAgent.get(part.agent);
    if (kept === undefined) {
      const added = { ...part, evidence: part.evidence.filter((e) => e.n <= cap) };
      sum.agents.push(added);
      byAgent.set(part.agent, added);
      continue;
    }
    const before = new Map(kept.counts);
    for (const e of part.evidence) {
      const n = (before.get(e.exclusion) ?? 0) + e.n;
      if (n <= cap) kept.evidence.push({ exclusion: e.exclusion, n, row: e.row });
    }
    addCounts(kept.counts, part.counts);
  }
  return sum;
}

// Adds counts by id to `to`, in place; ids new to it come after its own, in their order.
function addCounts(to: Array<[string, number]>, more: ReadonlyArray<readonly [string, number]>): void {
  for (const [id, n] of more) {
    const at = to.findIndex(([known]) => known === id);
    if (at < 0) to.push([id, n]);
    else to[at] = [id, (to[at]?.[1] ?? 0) + n];
  }
}
