// How many rows a page lists where a period can have thousands of agents, so that a page stays
// small (a 5,000-agent month's overview under 300 KB): the rest is on further pages, in the
// search, or in the downloads.

/** Agents a ranking shows per scorecard on the period's overview; the full ranking has its own pages. */
export const RANKING_PREVIEW = 50;

/** Agents per page of a scorecard's full ranking. */
export const RANKING_PAGE = 500;

/** Agents a metric's page lists, furthest from good first. */
export const METRIC_TABLE_LIMIT = 200;

/** Members a team's page lists, by grade then score; the scorecards download has every agent. */
export const TEAM_MEMBERS_LIMIT = 200;

/** Grade movements the overview lists (those up first). */
export const MOVEMENTS_LIMIT = 100;

/**
 * The first `limit` of `rows` furthest from good: the lowest value first when higher is better,
 * the highest first when lower is better; equal values by agent id (code-unit order). `rows` is
 * not changed.
 */
export function furthestFromGood<T extends { value: number; agent: { agent_id: string } }>(
  rows: readonly T[],
  better: 'higher' | 'lower',
  limit: number = METRIC_TABLE_LIMIT,
): T[] {
  return [...rows]
    .sort(
      (a, b) =>
        (better === 'higher' ? a.value - b.value : b.value - a.value) ||
        (a.agent.agent_id < b.agent.agent_id ? -1 : a.agent.agent_id > b.agent.agent_id ? 1 : 0),
    )
    .slice(0, limit);
}

/**
 * The pages of a scorecard's full ranking for `size` agents: none when the overview shows them
 * all (at most RANKING_PREVIEW), else one per RANKING_PAGE agents, each with its first place
 * (0-based) and how many it lists.
 */
export function rankingPages(size: number): Array<{ page: number; from: number; count: number }> {
  if (size <= RANKING_PREVIEW) return [];
  return Array.from({ length: Math.ceil(size / RANKING_PAGE) }, (_, i) => ({
    page: i + 1,
    from: i * RANKING_PAGE,
    count: Math.min(RANKING_PAGE, size - i * RANKING_PAGE),
  }));
}
