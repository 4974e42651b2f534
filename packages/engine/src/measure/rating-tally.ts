import type { Predicate } from '@scorebook/conditions';
import type { RatingMetricDefinition } from '@scorebook/contract';
import type { Row } from '../row.ts';
import type { EvidenceRows, MeasuredMetric } from './accumulate.ts';
import type { MetricValue } from './compile-metrics.ts';

/** Why a rating of the period did not count (`docs/ratings.md`, left out). */
export type LeftOutReason = 'self' | 'role_not_weighted' | 'below_min_raters';

/** One rater role of a rating metric for one agent, in the policy's order of `roles`. */
export interface RoleMean {
  role: string;
  /** The weight the policy gives the role. */
  weight: number;
  /** The mean of the role's raters' means; null when the role has no counted rating. */
  mean: number | null;
  /** Distinct raters of the role counted. */
  raters: number;
  /** Ratings of the role counted. */
  ratings: number;
}

/** How a rating metric's value came about for one agent. */
export interface RatingBreakdown {
  value: number | null;
  /** Distinct raters counted over every weighted role (the metric's sample). */
  raters: number;
  roles: RoleMean[];
  /** The ratings left out, with the reason, in file order (at most the cap). */
  leftOut: Array<{ reason: LeftOutReason; row: Row }>;
  /** How many ratings were left out in all. */
  leftOutTotal: number;
}

/**
 * What scoring and explaining read of a measured rating metric, whichever engine measured it:
 * a measured metric that also gives the breakdown behind each agent's value.
 */
export interface MeasuredRating extends MeasuredMetric {
  readonly definition: RatingMetricDefinition;
  /** The per-role means, raters and left-out ratings behind an agent's value. */
  breakdown(agent: number): RatingBreakdown;
}

/**
 * One rater's counted ratings of one role for one agent: how many, and their scores added one
 * at a time in reading order from 0.
 */
export interface RaterTotal {
  role: string;
  rater: string;
  ratings: number;
  sum: number;
}

interface Entry {
  row: Row;
  rater: string;
  role: string;
  score: number;
  self: boolean;
}

/**
 * A metric of kind `rating` for every agent (`docs/ratings.md`): the ratings of the period that
 * satisfy its `dimension` and `where` are kept per agent as they are read; the value is computed
 * when asked. Per role, each rater's scores are averaged first, then the raters' means; the value
 * is the weighted mean of the roles that have a counted rating (weights renormalised over them);
 * null with no counted rating or fewer distinct raters than `min_raters`.
 */
export class RatingTally implements MeasuredRating {
  readonly definition: RatingMetricDefinition;
  readonly #where: Predicate<Row>;
  readonly #dimensions: ReadonlySet<string> | null;
  readonly #entries: Array<Entry[] | undefined> = [];
  readonly #agents: number;
  readonly #wantsEvidence: (agent: number) => boolean;
  readonly #cap: number;
  // The period's ratings seen by dimension, and (of the metric's dimensions and where) by role.
  readonly #dimensionsSeen = new Map<string, number>();
  readonly #rolesSeen = new Map<string, number>();

  constructor(options: {
    definition: RatingMetricDefinition;
    where: Predicate<Row>;
    /** How many agents there are (an index outside them counts nothing). */
    agents: number;
    wantsEvidence: (agent: number) => boolean;
    cap: number;
  }) {
    this.definition = options.definition;
    this.#where = options.where;
    this.#dimensions = options.definition.dimension === null ? null : new Set(options.definition.dimension);
    this.#agents = options.agents;
    this.#wantsEvidence = options.wantsEvidence;
    this.#cap = options.cap;
  }

  /** Adds an accepted `ratings` row of the period, credited to the rated agent (by index). */
  add(row: Row, agent: number): void {
    if (agent < 0 || agent >= this.#agents) return;
    const { agent_id: rated, rater_id: rater, rater_role: role, dimension, score } = row.values;
    if (typeof rater !== 'string' || typeof role !== 'string' || typeof score !== 'number') return;
    const shown = typeof dimension === 'string' ? dimension : '(空 / empty)';
    this.#dimensionsSeen.set(shown, (this.#dimensionsSeen.get(shown) ?? 0) + 1);
    if (this.#dimensions !== null && (typeof dimension !== 'string' || !this.#dimensions.has(dimension)))
      return;
    if (!this.#where(row)) return;
    this.#rolesSeen.set(role, (this.#rolesSeen.get(role) ?? 0) + 1);
    const self = role === 'self' || rater === rated;
    const entry: Entry = { row, rater, role, score, self };
    const list = this.#entries[agent];
    if (list === undefined) this.#entries[agent] = [entry];
    else list.push(entry);
  }

  /** The value and sample (distinct raters counted) of the metric for an agent. */
  value(agent: number): MetricValue {
    const { value, raters } = this.breakdown(agent);
    return { value, sample: raters };
  }

  /** The ratings counted, in file order (at most the cap), for an agent the metric scores. */
  evidence(agent: number): EvidenceRows | null {
    if (!this.#wantsEvidence(agent)) return null;
    const counted = this.#counted(agent);
    const below = new Set(counted.map((e) => e.rater)).size < this.definition.min_raters;
    const rows = below ? [] : counted.map((e) => e.row);
    return { role: 'counted', table: 'ratings', total: rows.length, rows: rows.slice(0, this.#cap) };
  }

  /**
   * What of the metric no rating of the period had (none when the period has no rating): each
   * dimension it asks for that no rating has, with the dimensions seen and their counts; each
   * weighted role that no rating of its dimensions (and `where`) has, with the roles seen.
   */
  notInData(): { dimensions: string[]; dimensionsSeen: string; roles: string[]; rolesSeen: string } {
    const d = this.definition;
    const seen = (m: ReadonlyMap<string, number>) =>
      [...m]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .map(([v, n]) => `${v} ${n}`)
        .join(' · ') || '—';
    if (this.#dimensionsSeen.size === 0)
      return { dimensions: [], dimensionsSeen: '', roles: [], rolesSeen: '' };
    const dimensions = (d.dimension ?? []).filter((x) => !this.#dimensionsSeen.has(x));
    const roles = Object.keys(d.roles).filter((r) => !this.#rolesSeen.has(r));
    return {
      dimensions,
      dimensionsSeen: seen(this.#dimensionsSeen),
      roles,
      rolesSeen: seen(this.#rolesSeen),
    };
  }

  /** The per-role means, raters and left-out ratings behind an agent's value. */
  breakdown(agent: number): RatingBreakdown {
    const d = this.definition;
    const entries = this.#entries[agent] ?? [];
    const leftOut: Array<{ reason: LeftOutReason; row: Row }> = [];
    for (const e of entries) {
      if (e.self && !d.include_self) leftOut.push({ reason: 'self', row: e.row });
      else if (!Object.hasOwn(d.roles, e.role)) leftOut.push({ reason: 'role_not_weighted', row: e.row });
    }
    const counted = this.#counted(agent);
    const totals = new Map<string, RaterTotal>();
    for (const e of counted) {
      const key = JSON.stringify([e.role, e.rater]);
      const total = totals.get(key) ?? { role: e.role, rater: e.rater, ratings: 0, sum: 0 };
      total.ratings++;
      total.sum += e.score;
      totals.set(key, total);
    }
    const rating = ratingOfRaters(d, [...totals.values()]);
    if (rating.below) for (const e of counted) leftOut.push({ reason: 'below_min_raters', row: e.row });
    leftOut.sort((a, b) => a.row.file - b.row.file || a.row.line - b.row.line);
    return {
      value: rating.value,
      raters: rating.raters,
      roles: rating.roles,
      leftOut: leftOut.slice(0, this.#cap),
      leftOutTotal: leftOut.length,
    };
  }

  // The agent's ratings that count before min_raters: not self (unless asked for), of a weighted role.
  #counted(agent: number): Entry[] {
    const d = this.definition;
    return (this.#entries[agent] ?? []).filter(
      (e) => (d.include_self || !e.self) && Object.hasOwn(d.roles, e.role),
    );
  }
}

/** True for the measured metric of a rating metric (either engine's). */
export function isRatingTally(metric: MeasuredMetric): metric is MeasuredRating {
  return metric.definition.kind === 'rating' && 'breakdown' in metric;
}

/**
 * A rating metric's value for one agent from its raters' totals, given in the order of each
 * rater's first counted rating (within its role): per role, in the policy's order of `roles`,
 * the raters' means `sum / ratings` added in that order and divided by the raters; the value is
 * `Σ weight × mean / Σ weight` over the roles with a mean, added in the roles' order (the mean
 * itself when they all have the same one: {@link weightedMean}); null with
 * no such role or fewer distinct raters (over every role) than `min_raters`, which also makes
 * the sample 0. Both engines apply it, so that their doubles are the same.
 */
export function ratingOfRaters(
  d: RatingMetricDefinition,
  totals: readonly RaterTotal[],
): { value: number | null; raters: number; roles: RoleMean[]; below: boolean } {
  const raters = new Set(totals.map((t) => t.rater)).size;
  const below = raters < d.min_raters;
  const roles = Object.entries(d.roles).map(([role, weight]) => roleMean(role, weight, totals));
  return { value: below ? null : weightedMean(roles), raters: below ? 0 : raters, roles, below };
}

/**
 * The roles' means weighted, the weights renormalised over the roles that have a mean:
 * `Σ wᵣ·mᵣ / Σ wᵣ`, added in the policy's order of roles; null when no role has a mean. When
 * every role with a mean has the same mean (one role alone, say) the value is that mean itself:
 * `0.7 × 3 / 0.7` is 2.9999999999999996 in doubles, and a band "at least 3" must see 3.
 */
function weightedMean(roles: readonly RoleMean[]): number | null {
  const present = roles.filter((r): r is RoleMean & { mean: number } => r.mean !== null);
  const [first] = present;
  if (first === undefined) return null;
  if (present.every((r) => r.mean === first.mean)) return first.mean;
  let weighted = 0;
  let weights = 0;
  for (const r of present) {
    weighted += r.weight * r.mean;
    weights += r.weight;
  }
  return weighted / weights;
}

function roleMean(role: string, weight: number, totals: readonly RaterTotal[]): RoleMean {
  let ratings = 0;
  let raters = 0;
  let sum = 0;
  for (const t of totals) {
    if (t.role !== role) continue;
    ratings += t.ratings;
    raters++;
    sum += t.sum / t.ratings;
  }
  return { role, weight, mean: raters === 0 ? null : sum / raters, raters, ratings };
}
