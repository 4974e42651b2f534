import type { Predicate } from '@scorebook/conditions';
import type { MeasuredTableRef, MetricDefinition } from '@scorebook/contract';
import { Row } from '../row.ts';
import { ALWAYS, type CompiledMetric, type MetricValue } from './compile-metrics.ts';
import { RatingTally } from './rating-tally.ts';
import { percentile } from './statistics.ts';

/** The rows behind one metric of one agent, kept while rows stream past. */
export interface EvidenceRows {
  role: 'against' | 'counted';
  table: MeasuredTableRef | 'ratings';
  /** How many rows qualify. */
  total: number;
  /** At most the cap: the worst values first for averages and percentiles, else in file order. */
  rows: Row[];
}

interface EvidenceState extends EvidenceRows {
  table: MeasuredTableRef;
  /** For averages and percentiles: how bad each kept row is (higher is worse). */
  badness: number[];
}

type Side = 'main' | 'numerator' | 'denominator';

/**
 * The distinct compiled conditions that the metrics of one table test, each tested at most once
 * per row however many metrics test it: {@link start} a row, then {@link holds} tests condition
 * `k` of it the first time it is asked and answers the same after. Condition -1 holds for every row.
 */
export class RowConditions {
  readonly #predicates: Array<Predicate<Row>> = [];
  /** Per condition, the row it was last tested on (by number) and whether it held. */
  #testedAt = new Float64Array(0);
  #held = new Uint8Array(0);
  #row = 0;

  /** The number of a predicate among these conditions (added if new; -1 for {@link ALWAYS}). */
  indexOf(predicate: Predicate<Row>): number {
    if (predicate === ALWAYS) return -1;
    const known = this.#predicates.indexOf(predicate);
    if (known >= 0) return known;
    this.#predicates.push(predicate);
    const n = this.#predicates.length;
    this.#testedAt = Float64Array.from({ length: n }, (_, k) => this.#testedAt[k] ?? 0);
    this.#held = Uint8Array.from({ length: n }, (_, k) => this.#held[k] ?? 0);
    return n - 1;
  }

  /** Starts the next row: no condition is tested of it yet. */
  start(): void {
    this.#row++;
  }

  /** True when condition `k` holds for the row started last (`row`, tested once). */
  holds(k: number, row: Row): boolean {
    if (k < 0) return true;
    if (this.#testedAt[k] === this.#row) return this.#held[k] === 1;
    const held = (this.#predicates[k] as Predicate<Row>)(row);
    this.#testedAt[k] = this.#row;
    this.#held[k] = held ? 1 : 0;
    return held;
  }
}

/** A metric's side fed by a table's rows, with its conditions' numbers in the table's {@link RowConditions}. */
interface TallyRoute {
  tally: MetricTally;
  side: Side;
  where: number;
  numerator: number;
  denominator: number;
}

/** A table's routes, in the order of the metrics, and the conditions they test. */
interface TableRoutes {
  conditions: RowConditions;
  routes: TallyRoute[];
}

/**
 * What a tally counted of some rows, to be added to the tally of the same metric that counted
 * the rows before them ({@link MetricTally.absorb}): the pieces of the messages table read apart
 * (`docs/messages.md`). Plain data, so that it can cross to another thread.
 */
export interface TallyPart {
  count: Float64Array;
  sum: Float64Array;
  other: Float64Array;
  evidence: Array<{
    agent: number;
    role: 'against' | 'counted';
    table: MeasuredTableRef;
    total: number;
    rows: Array<{ values: Record<string, unknown>; file: number; line: number }>;
  }>;
}

/** Everything a {@link MetricTally} counted, as plain data ({@link MetricTally.snapshot}). */
export interface TallySnapshot {
  count: Float64Array;
  sum: Float64Array;
  other: Float64Array;
  values: ReadonlyArray<readonly [number, number[]]>;
  distinct: ReadonlyArray<readonly [number, unknown[]]>;
  evidence: ReadonlyArray<
    readonly [
      number,
      {
        role: 'against' | 'counted';
        table: MeasuredTableRef;
        total: number;
        badness: number[];
        rows: Array<{ values: Record<string, unknown>; file: number; line: number }>;
      },
    ]
  >;
}

/**
 * What scoring and explaining read of a measured metric, whichever engine measured it: its
 * definition, each agent's value and sample, and the evidence kept for the agents it scores.
 */
export interface MeasuredMetric {
  readonly definition: MetricDefinition;
  /** The value and sample of the metric for an agent (by index). */
  value(agent: number): MetricValue;
  /** The rows kept as evidence of the metric for an agent, or null when none was asked for. */
  evidence(agent: number): EvidenceRows | null;
}

/**
 * Per-agent accumulators of every metric, fed row by row as tables are read: counts, sums and,
 * for medians and percentiles only, the values themselves. Memory does not grow with rows beyond
 * what percentiles need; the evidence of a scored metric keeps at most `cap` rows.
 */
export class MetricAccumulators {
  /** One tally per metric, in the order of the compiled metrics. */
  readonly tallies: readonly MeasuredMetric[];
  readonly #byTable = new Map<MeasuredTableRef, TableRoutes>();
  /** The routes of the table of the last row added: rows of a table come together. */
  #last: { table: MeasuredTableRef; routes: TableRoutes } | null = null;
  readonly #ratings: RatingTally[] = [];

  /**
   * `keepsAddends`: the tallies keep what they add up for {@link MetricTally.follow} (the parts of
   * the conversations' second read read on other threads).
   */
  constructor(
    metrics: readonly CompiledMetric[],
    agents: number,
    wantsEvidence: (agent: number, metric: number) => boolean,
    cap: number,
    keepsAddends = false,
  ) {
    this.tallies = metrics.map((m, index) => {
      const wants = (agent: number) => wantsEvidence(agent, index);
      if (m.definition.kind !== 'rating')
        return this.#route(new MetricTally(m, agents, wants, cap, keepsAddends), m);
      const tally = new RatingTally({
        definition: m.definition,
        where: m.where,
        agents,
        wantsEvidence: wants,
        cap,
      });
      this.#ratings.push(tally);
      return tally;
    });
  }

  /**
   * Adds a row of the period of a measured table, credited to an agent: to each metric of the
   * table in turn, each distinct condition tested once.
   */
  add(table: MeasuredTableRef, row: Row, agent: number): void {
    let last = this.#last;
    if (last === null || last.table !== table) {
      const routes = this.#byTable.get(table);
      if (routes === undefined) return;
      last = { table, routes };
      this.#last = last;
    }
    const { conditions, routes } = last.routes;
    conditions.start();
    for (let i = 0; i < routes.length; i++)
      (routes[i] as TallyRoute).tally.add(routes[i] as TallyRoute, table, row, agent, conditions);
  }

  /** Adds an accepted `ratings` row of the period, credited to the rated agent. */
  addRating(row: Row, agent: number): void {
    for (const tally of this.#ratings) tally.add(row, agent);
  }

  #route(tally: MetricTally, m: CompiledMetric): MetricTally {
    const d = tally.definition;
    const route = (table: MeasuredTableRef, side: Side) => {
      const routes = this.#byTable.get(table) ?? { conditions: new RowConditions(), routes: [] };
      this.#byTable.set(table, routes);
      const { conditions } = routes;
      routes.routes.push({
        tally,
        side,
        where: conditions.indexOf(m.where),
        numerator: conditions.indexOf(m.numerator),
        denominator: conditions.indexOf(m.denominator),
      });
    };
    if (d.kind === 'ratio') {
      route(d.numerator.table, 'numerator');
      route(d.denominator.table, 'denominator');
    } else if (d.kind !== 'formula' && d.kind !== 'rating') {
      route(d.table, 'main');
    }
    return tally;
  }
}

/**
 * Per chosen metric (by its index among a run's tallies), the agents whose evidence of it is kept
 * (`wantsEvidence(agent, index)`): plain data, for accumulators on another thread
 * ({@link accumulatorsKeeping}).
 */
export function evidenceAgents(
  indexes: readonly number[],
  agents: number,
  wantsEvidence: (agent: number, metric: number) => boolean,
): number[][] {
  const every = Array.from({ length: agents }, (_, a) => a);
  return indexes.map((index) => every.filter((a) => wantsEvidence(a, index)));
}

/**
 * Accumulators of these metrics keeping, metric by metric, the evidence of the agents listed
 * ({@link evidenceAgents}); `keepsAddends` as {@link MetricAccumulators}'.
 */
export function accumulatorsKeeping(
  metrics: readonly CompiledMetric[],
  agents: number,
  evidence: readonly (readonly number[])[],
  cap: number,
  keepsAddends = false,
): MetricAccumulators {
  const kept = evidence.map((agentsOf) => new Set(agentsOf));
  return new MetricAccumulators(
    metrics,
    agents,
    (agent, metric) => kept[metric]?.has(agent) ?? false,
    cap,
    keepsAddends,
  );
}

/**
 * One metric's accumulators for every agent (agents by index; an index outside the agents
 * counts nothing), and the evidence kept for the agents it scores.
 */
export class MetricTally implements MeasuredMetric {
  readonly definition: MetricDefinition;
  readonly #count: Float64Array;
  readonly #sum: Float64Array;
  /** A ratio's denominator. */
  readonly #other: Float64Array;
  /**
   * For medians and percentiles: each agent's values; with `keepsAddends`, for means and sums too
   * (what is added to their sums, in order).
   */
  readonly #values: Array<number[] | undefined> = [];
  /** For distinct counts: each agent's values seen. */
  readonly #distinct: Array<Set<unknown> | undefined> = [];
  readonly #evidence = new Map<number, EvidenceState>();
  readonly #wantsEvidence: (agent: number) => boolean;
  readonly #cap: number;
  readonly #keepsAddends: boolean;

  /**
   * `keepsAddends`: a mean or a sum keeps the values it adds up, in order, as a median keeps its
   * values, so that another tally can {@link follow} this one exactly.
   */
  constructor(
    metric: CompiledMetric,
    agents: number,
    wantsEvidence: (agent: number) => boolean,
    cap: number,
    keepsAddends = false,
  ) {
    this.definition = metric.definition;
    this.#count = new Float64Array(agents);
    this.#sum = new Float64Array(agents);
    this.#other = new Float64Array(agents);
    this.#wantsEvidence = wantsEvidence;
    this.#cap = cap;
    this.#keepsAddends = keepsAddends;
  }

  /**
   * Adds a row of one side of the metric (`main` for every kind but `ratio`), its conditions
   * tested through the table's conditions (`route` numbers them).
   */
  add(route: TallyRoute, table: MeasuredTableRef, row: Row, agent: number, conditions: RowConditions): void {
    const d = this.definition;
    switch (d.kind) {
      case 'ratio': {
        if (route.side === 'numerator') {
          const inNumerator = conditions.holds(route.numerator, row);
          if (inNumerator) increment(this.#count, agent, 1);
          if (d.better === 'lower' && inNumerator) this.#keep(agent, table, row, 'against');
        } else {
          if (!conditions.holds(route.denominator, row)) break;
          increment(this.#other, agent, 1);
          if (d.better === 'higher' && !conditions.holds(route.numerator, row))
            this.#keep(agent, table, row, 'against');
        }
        break;
      }
      case 'count':
      case 'sum': {
        if (!conditions.holds(route.where, row)) break;
        increment(this.#count, agent, 1);
        const v = d.kind === 'sum' ? row.values[d.field] : null;
        if (typeof v === 'number') {
          increment(this.#sum, agent, v);
          if (this.#keepsAddends) this.#push(agent, v);
        }
        this.#keep(agent, table, row, d.better === 'lower' ? 'against' : 'counted');
        break;
      }
      // A formula reads no rows (none are routed to it): the score stage computes it. A rating
      // metric has a RatingTally of its own.
      case 'formula':
      case 'rating':
        break;
      case 'distinct_count': {
        const v = row.values[d.field];
        if (
          v === null ||
          v === undefined ||
          !conditions.holds(route.where, row) ||
          agent < 0 ||
          agent >= this.#count.length
        )
          break;
        increment(this.#count, agent, 1);
        const seen = this.#distinct[agent] ?? new Set<unknown>();
        this.#distinct[agent] = seen;
        if (seen.has(v)) break;
        seen.add(v);
        increment(this.#other, agent, 1);
        // The evidence is the first row of each distinct value, in file order.
        this.#keep(agent, table, row, d.better === 'lower' ? 'against' : 'counted');
        break;
      }
      default: {
        const v = row.values[d.field];
        if (typeof v !== 'number' || !conditions.holds(route.where, row)) break;
        increment(this.#count, agent, 1);
        if (d.kind === 'nps') {
          increment(this.#sum, agent, v >= 9 ? 1 : v <= 6 ? -1 : 0);
          if (v <= 6) this.#keep(agent, table, row, 'against');
          break;
        }
        increment(this.#sum, agent, v);
        if (d.kind !== 'mean' || this.#keepsAddends) this.#push(agent, v);
        this.#keepWorst(agent, table, row, d.better === 'lower' ? v : -v);
      }
    }
  }

  /** What this tally has counted, as plain data (see {@link TallyPart}). */
  part(): TallyPart {
    return {
      count: this.#count,
      sum: this.#sum,
      other: this.#other,
      evidence: [...this.#evidence].map(([agent, { role, table, total, rows }]) => ({
        agent,
        role,
        table,
        total,
        rows: rows.map(({ values, file, line }) => ({ values, file, line })),
      })),
    };
  }

  /**
   * Adds what another tally of the same metric counted of the rows that come after those this
   * one counted: counts add up, and evidence rows are appended in order up to the cap. Exact for
   * the kinds whose evidence is kept in file order (`count`, `sum`, `ratio`), the kinds of
   * metrics over messages.
   */
  absorb(part: TallyPart): void {
    for (let a = 0; a < this.#count.length; a++) {
      increment(this.#count, a, part.count[a] ?? 0);
      increment(this.#sum, a, part.sum[a] ?? 0);
      increment(this.#other, a, part.other[a] ?? 0);
    }
    for (const e of part.evidence) {
      const state = this.#state(e.agent, e.table, e.role);
      if (state === null) continue;
      state.total += e.total;
      for (const r of e.rows)
        if (state.rows.length < this.#cap) state.rows.push(new Row(r.values, r.file, r.line));
    }
  }

  /**
   * Adds what a tally of the same metric, with the same agents, cap and evidence agents and
   * keeping its addends, counted of rows that come after every row this one counted
   * ({@link MetricTally.snapshot}), so that this one is as if it had counted those rows itself
   * (`docs/scale.md` §1, the second read in parts): counts and a ratio's denominators add (whole
   * numbers, exactly), a mean's, sum's, median's or percentile's sum adds the other's addends one
   * by one in their order (adding the other's sum would round differently), a net promoter
   * score's sum adds (whole numbers), a median's or percentile's values are appended; evidence
   * totals add, and the other's kept rows are kept as its own rows would be: appended up to the
   * cap, or for means, medians and percentiles placed among the worst (the other's rows are its
   * worst, in its order: the worst rows of all its rows). Not for a distinct count (which values
   * are new to this one cannot be told from the other's evidence).
   */
  follow(other: TallySnapshot): void {
    const d = this.definition;
    if (d.kind === 'distinct_count') throw new Error('a distinct count cannot follow another tally');
    const addends = d.kind === 'sum' || d.kind === 'mean' || d.kind === 'median' || d.kind === 'p90';
    for (let a = 0; a < this.#count.length; a++) {
      increment(this.#count, a, other.count[a] ?? 0);
      increment(this.#other, a, other.other[a] ?? 0);
      if (!addends) increment(this.#sum, a, other.sum[a] ?? 0);
    }
    if (addends)
      for (const [agent, list] of other.values) {
        for (const v of list) increment(this.#sum, agent, v);
        if (d.kind === 'median' || d.kind === 'p90') for (const v of list) this.#push(agent, v);
      }
    const worst = d.kind === 'mean' || d.kind === 'median' || d.kind === 'p90';
    for (const [agent, e] of other.evidence) {
      const state = this.#state(agent, e.table, e.role);
      if (state === null) continue;
      state.total += e.total;
      e.rows.forEach((r, i) => {
        if (worst) this.#placeWorst(state, new Row(r.values, r.file, r.line), e.badness[i] ?? 0);
        else if (state.rows.length < this.#cap) state.rows.push(new Row(r.values, r.file, r.line));
      });
    }
  }

  /** The value and sample of the metric for an agent (`docs/contract/semantics.md`, metric kinds). */
  value(agent: number): MetricValue {
    const d = this.definition;
    return valueOfCounts(d, this.#count[agent] ?? 0, this.#sum[agent] ?? 0, this.#other[agent] ?? 0, () =>
      percentile(this.#values[agent] ?? [], d.kind === 'median' ? 0.5 : 0.9),
    );
  }

  /** The rows kept as evidence of the metric for an agent, or null when none was asked for. */
  evidence(agent: number): EvidenceRows | null {
    const state = this.#evidence.get(agent);
    if (state !== undefined) return state;
    const d = this.definition;
    if (!this.#wantsEvidence(agent) || d.kind === 'formula' || d.kind === 'rating') return null;
    const table =
      d.kind === 'ratio' ? (d.better === 'lower' ? d.numerator.table : d.denominator.table) : d.table;
    const counts = d.kind === 'count' || d.kind === 'sum' || d.kind === 'distinct_count';
    const role = counts && d.better === 'higher' ? 'counted' : 'against';
    return { role, table, total: 0, rows: [] };
  }

  #state(agent: number, table: MeasuredTableRef, role: 'against' | 'counted'): EvidenceState | null {
    let state = this.#evidence.get(agent);
    if (state === undefined) {
      if (!this.#wantsEvidence(agent)) return null;
      state = { role, table, total: 0, rows: [], badness: [] };
      this.#evidence.set(agent, state);
    }
    return state;
  }

  #keep(agent: number, table: MeasuredTableRef, row: Row, role: 'against' | 'counted'): void {
    const state = this.#state(agent, table, role);
    if (state === null) return;
    state.total++;
    if (state.rows.length < this.#cap) state.rows.push(row);
  }

  /**
   * Everything this tally has counted, as plain data for another thread ({@link MetricTally.adopt}):
   * counts, sums, the values of medians and percentiles, the distinct values seen (in the order
   * seen), and the evidence kept, with each row's badness.
   */
  snapshot(): TallySnapshot {
    return {
      count: this.#count,
      sum: this.#sum,
      other: this.#other,
      values: this.#values.flatMap((list, agent) => (list === undefined ? [] : [[agent, list] as const])),
      distinct: this.#distinct.flatMap((seen, agent) =>
        seen === undefined ? [] : [[agent, [...seen]] as const],
      ),
      evidence: [...this.#evidence].map(([agent, { role, table, total, rows, badness }]) => [
        agent,
        { role, table, total, badness, rows: rows.map(({ values, file, line }) => ({ values, file, line })) },
      ]),
    };
  }

  /**
   * Takes what a tally of the same metric, with the same agents and cap, counted on another thread
   * ({@link MetricTally.snapshot}), as if this one had counted those rows itself. Only for a tally
   * that has counted nothing yet (a metric only derivation feeds, adopted before any other row).
   */
  adopt(snapshot: TallySnapshot): void {
    this.#count.set(snapshot.count);
    this.#sum.set(snapshot.sum);
    this.#other.set(snapshot.other);
    for (const [agent, list] of snapshot.values) this.#values[agent] = list;
    for (const [agent, seen] of snapshot.distinct) this.#distinct[agent] = new Set(seen);
    for (const [agent, e] of snapshot.evidence)
      this.#evidence.set(agent, {
        role: e.role,
        table: e.table,
        total: e.total,
        badness: e.badness,
        rows: e.rows.map((r) => new Row(r.values, r.file, r.line)),
      });
  }

  #push(agent: number, v: number): void {
    const list = this.#values[agent];
    if (list === undefined) this.#values[agent] = [v];
    else list.push(v);
  }

  // Keeps the `cap` worst rows, worst first; among equals the earlier row stays ahead.
  #keepWorst(agent: number, table: MeasuredTableRef, row: Row, badness: number): void {
    const state = this.#state(agent, table, 'against');
    if (state === null) return;
    state.total++;
    this.#placeWorst(state, row, badness);
  }

  // Places a row among the kept worst (see #keepWorst), or leaves it.
  #placeWorst(state: EvidenceState, row: Row, badness: number): void {
    const { rows, badness: scores } = state;
    const least = scores.at(-1);
    if (rows.length === this.#cap && least !== undefined && badness <= least) return;
    // Scores run from worst to least bad: the row goes before the first less bad one.
    const before = scores.findIndex((s) => s < badness);
    const i = before < 0 ? scores.length : before;
    rows.splice(i, 0, row);
    scores.splice(i, 0, badness);
    if (rows.length > this.#cap) {
      rows.pop();
      scores.pop();
    }
  }
}

function increment(column: Float64Array, agent: number, by: number): void {
  if (agent >= 0 && agent < column.length) column[agent] = (column[agent] ?? 0) + by;
}

/**
 * The value and sample of a metric from an agent's counts (`docs/contract/semantics.md`, metric kinds), the one
 * rule both engines apply: `n` rows counted (a ratio's numerator rows), `sum` of their values (a
 * net-promoter kind's ±1 points), `other` a ratio's denominator rows or a distinct count's distinct
 * values (`n` then the rows with a value), and `ranked()` the median or
 * p90 of the counted values, asked only for those kinds. A formula's value comes from the score stage.
 */
export function valueOfCounts(
  d: MetricDefinition,
  n: number,
  sum: number,
  other: number,
  ranked: () => number | null,
): MetricValue {
  switch (d.kind) {
    case 'ratio':
      return { value: other === 0 ? null : n / other, sample: other };
    case 'count':
      return { value: n, sample: n };
    case 'distinct_count':
      return { value: other, sample: n };
    case 'sum':
      return { value: sum, sample: n };
    case 'nps':
      return { value: n === 0 ? null : (sum / n) * 100, sample: n };
    case 'mean':
      return { value: n === 0 ? null : sum / n, sample: n };
    case 'formula':
    case 'rating':
      return { value: null, sample: 0 };
    default:
      return { value: ranked(), sample: n };
  }
}
