/** The statistics a team fact can take over the rated agents of a scorecard. */
export type TeamStatistic = 'mean' | 'median' | 'p10' | 'p25' | 'p75' | 'p90';

/** The team statistics, in the order the docs list them. */
export const TEAM_STATISTICS: readonly TeamStatistic[] = ['mean', 'median', 'p10', 'p25', 'p75', 'p90'];

const QUANTILE: Record<Exclude<TeamStatistic, 'mean'>, number> = {
  median: 0.5,
  p10: 0.1,
  p25: 0.25,
  p75: 0.75,
  p90: 0.9,
};

/** A team fact named in a formula: `team.<statistic>.<metric>`. */
export interface TeamFactName {
  statistic: TeamStatistic;
  metric: string;
}

/** Reads `team.median.first_response_time` as statistic and metric; null for any other name. */
export function parseTeamFactName(name: string): TeamFactName | null {
  const m = /^team\.([a-z0-9]+)\.(.+)$/.exec(name);
  if (m === null || !(TEAM_STATISTICS as readonly string[]).includes(m[1] as string)) return null;
  return { statistic: m[1] as TeamStatistic, metric: m[2] as string };
}

/**
 * A statistic of the team: the agents' values of one metric, one value per agent of the scorecard
 * with a value (rated or not). Null, undefined and non-finite values are left out; with no value left the fact
 * is null. See docs/formulas.md (Team facts) for the exact arithmetic.
 */
export function teamStatistic(
  statistic: TeamStatistic,
  values: Iterable<number | null | undefined>,
): number | null {
  const sorted = Float64Array.from(finiteValues(values)).sort();
  if (sorted.length === 0) return null;
  if (statistic === 'mean') {
    let sum = 0;
    for (const v of sorted) sum += v;
    const mean = sum / sorted.length;
    return Number.isFinite(mean) ? mean : null;
  }
  return quantileOfSorted(sorted, QUANTILE[statistic]);
}

/**
 * The quantile `q` (0 ≤ q ≤ 1) of sorted values, by numpy's default `linear` method (Hyndman &
 * Fan 7, Excel's PERCENTILE.INC), operation for operation as docs/metrics.md states it, so a
 * team median equals the `median` a metric computes over the same values, bit for bit.
 */
export function quantileOfSorted(sorted: Float64Array, q: number): number | null {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`a quantile is between 0 and 1 (got ${q})`);
  const n = sorted.length;
  if (n === 0) return null;
  const v = (n - 1) * q;
  // At the last rank numpy takes the last value on both sides with the weight v + 1.
  const last = v >= n - 1;
  const i = last ? n - 1 : Math.floor(v);
  const a = sorted[i] as number;
  const b = sorted[last ? i : i + 1] as number;
  const t = last ? v + 1 : v - i;
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

function* finiteValues(values: Iterable<number | null | undefined>): Generator<number> {
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) yield v;
}
