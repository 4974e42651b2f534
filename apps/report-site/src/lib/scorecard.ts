import type { AgentResult, SnapshotGrade, SnapshotScoredItem } from '@scorebook/contract';
import type { SiteData, SitePeriod } from './load.ts';
import { gradeOrder, previousOf, type ScoredRow } from './views.ts';

/** How a scored metric stands against its goal, for its colour and its word. */
export type Standing = 'met' | 'below' | 'floor' | 'unscored';

/**
 * A scored row's standing: `met` at a score of 100 (target reached), `floor` at 0 (at or beyond
 * the floor, or no band reached), `below` in between, `unscored` without a score (no data or
 * too small a sample).
 */
export function standingOf(row: Pick<ScoredRow, 'result'>): Standing {
  const score = row.result.status === 'scored' ? row.result.score : null;
  if (score === null) return 'unscored';
  return score >= 100 ? 'met' : score <= 0 ? 'floor' : 'below';
}

/**
 * Points a metric cost the base score: (100 − score) × its effective weight ÷ 100 (the weight
 * shared out among the metrics that scored, and with groups times the group's share), so that
 * the base score is 100 less the sum of the points lost. Null for a metric without a score.
 */
export function pointsLost(row: ScoredRow): number | null {
  const { result } = row;
  if (result.status !== 'scored' || result.score === null || row.effectiveWeight === 0) return null;
  return ((100 - result.score) * row.effectiveWeight) / 100;
}

/**
 * Whether the table of rows needs its effective weights beside the written ones: some metric's
 * weight is shared out (a metric without a score), or a group's share makes them differ.
 */
export function weightsShared(rows: readonly ScoredRow[]): boolean {
  return rows.some((r) => r.result.weight !== null && Math.abs(r.effectiveWeight - r.result.weight) > 1e-9);
}

/**
 * The metrics that cost the most points, most first, at most `n`: only metrics that lost
 * points; ties by larger weight, then by the scorecard's order.
 */
export function weakestMetrics(rows: readonly ScoredRow[], n = 3): Array<{ row: ScoredRow; lost: number }> {
  return rows
    .map((row, index) => ({ row, index, lost: pointsLost(row) }))
    .filter((x): x is { row: ScoredRow; index: number; lost: number } => x.lost !== null && x.lost > 0)
    .sort(
      (a, b) =>
        b.lost - a.lost || (b.row.result.weight ?? 0) - (a.row.result.weight ?? 0) || a.index - b.index,
    )
    .slice(0, n)
    .map(({ row, lost }) => ({ row, lost }));
}

/**
 * Whether an agent's metrics lose points at all: only against a base score, which a not-rated
 * agent does not have (results give it `base_score: null` and `adjustments: {}`), so its page
 * shows no points lost and no adjustment sum, which would read as a score it never had.
 */
export function losesPoints(agent: Pick<AgentResult, 'base_score'>): boolean {
  return agent.base_score !== null;
}

/**
 * For an agent without a base score ({@link losesPoints}): the scored metrics under target,
 * lowest score first, at most `n`; ties by larger weight, then by the scorecard's order.
 */
export function lowestScored(rows: readonly ScoredRow[], n = 3): ScoredRow[] {
  return rows
    .map((row, index) => ({ row, index, score: row.result.status === 'scored' ? row.result.score : null }))
    .filter((x): x is { row: ScoredRow; index: number; score: number } => x.score !== null && x.score < 100)
    .sort(
      (a, b) =>
        a.score - b.score || (b.row.result.weight ?? 0) - (a.row.result.weight ?? 0) || a.index - b.index,
    )
    .slice(0, n)
    .map(({ row }) => row);
}

/** The `min_score` of each grade of the period's policy: where `formatTotal` must not round a total across. */
export function gradeBoundaries(period: SitePeriod): number[] {
  return (period.policy?.grades ?? []).map((g) => g.min_score);
}

/**
 * The next better grade than the one the total reaches, and the points the total lacks for it
 * (its `min_score` − total); null at the best grade, without a total or without policy.json.
 * A veto does not change it: the total still needs these points, the cap stays while the veto holds.
 */
export function nextGrade(
  period: SitePeriod,
  total: number | null,
): { grade: SnapshotGrade; missing: number } | null {
  const grades = period.policy?.grades ?? [];
  if (total === null || grades.length === 0) return null;
  const reached = grades.findIndex((g) => g.min_score <= total);
  const better = reached <= 0 ? null : grades[reached - 1];
  return better === undefined || better === null
    ? null
    : { grade: better, missing: better.min_score - total };
}

/** The same agent in the previous period of the same kind, with that period, when the site has both. */
export function previousResult(
  data: SiteData,
  period: SitePeriod,
  agentId: string,
): { period: SitePeriod; agent: AgentResult } | null {
  const previous = previousOf(data, period);
  const agent = previous?.agents.get(agentId);
  return previous === null || agent === undefined ? null : { period: previous, agent };
}

/**
 * The months of the site inside a quarter or year, oldest first, each with the policy version it
 * was evaluated with; empty for a month.
 */
export function monthsWithin(data: SiteData, period: SitePeriod): SitePeriod[] {
  if (period.results.period.kind === 'month') return [];
  const { start, end } = period.results.period;
  return data.periods
    .filter(
      (p) =>
        p.results.period.kind === 'month' && p.results.period.start >= start && p.results.period.end <= end,
    )
    .reverse();
}

/** Every period of the site that has this agent, newest first (as the site lists periods). */
export function agentPeriods(data: SiteData, agentId: string): SitePeriod[] {
  return data.periods.filter((p) => p.agents.has(agentId));
}

/**
 * Agents in the order a manager reads a ranking: by grade (best first, a vetoed agent at its
 * capped grade), then total score descending, then id; agents without a grade last.
 */
export function byGradeThenScore(period: SitePeriod, agents: readonly AgentResult[]): AgentResult[] {
  const order = gradeOrder(period);
  const gradeIndex = (a: AgentResult) => {
    const i = a.grade === null ? -1 : order.indexOf(a.grade);
    return i < 0 ? order.length : i;
  };
  return [...agents].sort(
    (a, b) =>
      gradeIndex(a) - gradeIndex(b) ||
      (b.total_score ?? Number.NEGATIVE_INFINITY) - (a.total_score ?? Number.NEGATIVE_INFINITY) ||
      (a.agent_id < b.agent_id ? -1 : a.agent_id > b.agent_id ? 1 : 0),
  );
}

/**
 * The value a record is compared with to say it is below target: the linear target, or for
 * bands the threshold of the first band scoring 100 (the best band); null without one.
 */
export function goalValue(item: SnapshotScoredItem | null): number | null {
  if (item === null) return null;
  if (item.method === 'linear') return item.target;
  return item.bands.find((b) => b.score >= 100)?.value ?? null;
}
