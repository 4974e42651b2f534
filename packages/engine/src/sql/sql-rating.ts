import type { RatingMetricDefinition } from '@scorebook/contract';
import type { EvidenceRows } from '../measure/accumulate.ts';
import type { MetricValue } from '../measure/compile-metrics.ts';
import {
  type LeftOutReason,
  type MeasuredRating,
  type RaterTotal,
  type RatingBreakdown,
  ratingOfRaters,
} from '../measure/rating-tally.ts';
import type { Row } from '../row.ts';

/** The ratings left out by `self` or `role_not_weighted` of one agent: the first `cap` in file order, and how many. */
export interface LeftOutRows {
  total: number;
  rows: Array<{ reason: Exclude<LeftOutReason, 'below_min_raters'>; row: Row }>;
}

/**
 * A rating metric measured by the SQL engine (`docs/scale.md` §6): SQL gives each agent's
 * raters' totals and, for the agents it scores, the first `cap` counted ratings and ratings left
 * out with their totals; the value and the breakdown are computed from them as the TypeScript
 * tally computes its own (`ratingOfRaters`), so that both give the same doubles and records.
 */
export class SqlRating implements MeasuredRating {
  readonly definition: RatingMetricDefinition;
  readonly #totals: ReadonlyMap<number, readonly RaterTotal[]>;
  readonly #counted: ReadonlyMap<number, { total: number; rows: Row[] }>;
  readonly #leftOut: ReadonlyMap<number, LeftOutRows>;
  readonly #wantsEvidence: (agent: number) => boolean;
  readonly #cap: number;

  constructor(options: {
    definition: RatingMetricDefinition;
    /** Per agent, its raters' totals in the order of each rater's first counted rating. */
    totals: ReadonlyMap<number, readonly RaterTotal[]>;
    /** Per agent scored, its first `cap` counted ratings in reading order, and how many. */
    counted: ReadonlyMap<number, { total: number; rows: Row[] }>;
    leftOut: ReadonlyMap<number, LeftOutRows>;
    wantsEvidence: (agent: number) => boolean;
    cap: number;
  }) {
    this.definition = options.definition;
    this.#totals = options.totals;
    this.#counted = options.counted;
    this.#leftOut = options.leftOut;
    this.#wantsEvidence = options.wantsEvidence;
    this.#cap = options.cap;
  }

  /** The value and sample (distinct raters counted) of the metric for an agent. */
  value(agent: number): MetricValue {
    const { value, raters } = ratingOfRaters(this.definition, this.#totals.get(agent) ?? []);
    return { value, sample: raters };
  }

  /** The ratings counted (none below `min_raters`), for an agent the metric scores. */
  evidence(agent: number): EvidenceRows | null {
    if (!this.#wantsEvidence(agent)) return null;
    const { below } = ratingOfRaters(this.definition, this.#totals.get(agent) ?? []);
    const counted = this.#counted.get(agent);
    if (below || counted === undefined) return { role: 'counted', table: 'ratings', total: 0, rows: [] };
    return { role: 'counted', table: 'ratings', total: counted.total, rows: counted.rows };
  }

  /**
   * The breakdown behind an agent's value; its left-out ratings are those of an agent the metric
   * scores (the only agents whose explanation shows them).
   */
  breakdown(agent: number): RatingBreakdown {
    const rating = ratingOfRaters(this.definition, this.#totals.get(agent) ?? []);
    const left = this.#leftOut.get(agent) ?? { total: 0, rows: [] };
    const counted = this.#counted.get(agent) ?? { total: 0, rows: [] };
    const below = rating.below
      ? counted.rows.map((row) => ({ reason: 'below_min_raters' as const, row }))
      : [];
    const leftOut = [...left.rows, ...below].sort(
      (a, b) => a.row.file - b.row.file || a.row.line - b.row.line,
    );
    return {
      value: rating.value,
      raters: rating.raters,
      roles: rating.roles,
      leftOut: leftOut.slice(0, this.#cap),
      leftOutTotal: left.total + (rating.below ? counted.total : 0),
    };
  }
}
