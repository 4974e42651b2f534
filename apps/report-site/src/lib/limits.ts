// How many rows a page lists where a period can have thousands of agents, so that a page stays
// small (a 5,000-agent month's overview under 300 KB): the rest is on further pages, in the
// search, or in the downloads.

/** Agents a ranking shows per scorecard on the period's overview; the full ranking has its own pages. */
export const RANKING_PREVIEW = 50;

/** Agents per page of a scorecard's full ranking. */
export const RANKING_PAGE = 500;

/** Agents a metric's page lists, furthest from good first. */
export const METRIC_TABLE_LIMIT = 200;

/** Grade movements the overview lists (those up first). */
export const MOVEMENTS_LIMIT = 100;
