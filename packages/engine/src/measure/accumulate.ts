import type { MeasuredTableName } from '@scorebook/contract';
import type { Row } from '../row.ts';
import type { CompiledMetric, MetricValue } from './compile-metrics.ts';
import { percentile } from './statistics.ts';

/** The rows behind one metric of one agent, kept while rows stream past. */
export interface EvidenceRows {
  role: 'against' | 'counted';
  table: MeasuredTableName;
  /** How many rows qualify. */
  total: number;
  /** At most the cap: the worst values first for averages and percentiles, else in file order. */
  rows: Row[];
}

interface EvidenceState extends EvidenceRows {
  /** For averages and percentiles: how bad each kept row is (higher is worse). */
  badness: number[];
}

type Side = 'main' | 'numerator' | 'denominator';

/**
 * Per-agent accumulators of every metric, fed row by row as tables are read: counts, sums and,
 * for medians and percentiles only, the values themselves. Memory does not grow with rows beyond
 * what percentiles need; the evidence of a scored metric keeps at most `cap` rows.
 */
export class MetricAccumulators {
  readonly #metrics: readonly CompiledMetric[];
  readonly #byTable = new Map<MeasuredTableName, Array<{ metric: number; side: Side }>>();
  readonly #count: Float64Array[];
  readonly #sum: Float64Array[];
  readonly #other: Float64Array[];
  readonly #values: Array<Array<number[] | undefined>>;
  readonly #evidence: Array<Map<number, EvidenceState>>;
  readonly #wantsEvidence: (agent: number, metric: number) => boolean;
  readonly #cap: number;

  constructor(
    metrics: readonly CompiledMetric[],
    agents: number,
    wantsEvidence: (agent: number, metric: number) => boolean,
    cap: number,
  ) {
    this.#metrics = metrics;
    this.#wantsEvidence = wantsEvidence;
    this.#cap = cap;
    const zeros = () => metrics.map(() => new Float64Array(agents));
    this.#count = zeros();
    this.#sum = zeros();
    this.#other = zeros();
    this.#values = metrics.map(() => []);
    this.#evidence = Array.from({ length: agents }, () => new Map());
    metrics.forEach((m, metric) => {
      const d = m.definition;
      const add = (table: MeasuredTableName, side: Side) =>
        this.#byTable.set(table, [...(this.#byTable.get(table) ?? []), { metric, side }]);
      if (d.kind === 'ratio') {
        add(d.numerator!.table, 'numerator');
        add(d.denominator!.table, 'denominator');
      } else {
        add(d.table!, 'main');
      }
    });
  }

  /** Adds a row of the period of a measured table, credited to an agent. */
  add(table: MeasuredTableName, row: Row, agent: number): void {
    for (const { metric, side } of this.#byTable.get(table) ?? []) {
      const m = this.#metrics[metric]!;
      const d = m.definition;
      switch (d.kind) {
        case 'ratio': {
          if (side === 'numerator') {
            const inNumerator = m.numerator(row);
            if (inNumerator) this.#count[metric]![agent]!++;
            if (d.better === 'lower' && inNumerator) this.#keep(agent, metric, table, row, 'against');
          } else {
            if (!m.denominator(row)) break;
            this.#other[metric]![agent]!++;
            if (d.better === 'higher' && !m.numerator(row)) this.#keep(agent, metric, table, row, 'against');
          }
          break;
        }
        case 'count':
        case 'sum': {
          if (!m.where(row)) break;
          this.#count[metric]![agent]!++;
          const v = d.kind === 'sum' ? row.values[d.field!] : null;
          if (typeof v === 'number') this.#sum[metric]![agent]! += v;
          this.#keep(agent, metric, table, row, d.better === 'lower' ? 'against' : 'counted');
          break;
        }
        default: {
          const v = row.values[d.field!];
          if (typeof v !== 'number' || !m.where(row)) break;
          this.#count[metric]![agent]!++;
          if (d.kind === 'nps') {
            this.#sum[metric]![agent]! += v >= 9 ? 1 : v <= 6 ? -1 : 0;
            if (v <= 6) this.#keep(agent, metric, table, row, 'against');
            break;
          }
          this.#sum[metric]![agent]! += v;
          if (d.kind !== 'mean') {
            const values = this.#values[metric]!;
            const list = values[agent];
            if (list === undefined) values[agent] = [v];
            else list.push(v);
          }
          this.#keepWorst(agent, metric, table, row, d.better === 'lower' ? v : -v);
        }
      }
    }
  }

  /** The value and sample of a metric for an agent (`semantics.md`, metric kinds). */
  value(metric: number, agent: number): MetricValue {
    const d = this.#metrics[metric]!.definition;
    const n = this.#count[metric]![agent]!;
    const sum = this.#sum[metric]![agent]!;
    switch (d.kind) {
      case 'ratio': {
        const denominator = this.#other[metric]![agent]!;
        return { value: denominator === 0 ? null : n / denominator, sample: denominator };
      }
      case 'count':
        return { value: n, sample: n };
      case 'sum':
        return { value: sum, sample: n };
      case 'nps':
        return { value: n === 0 ? null : (sum / n) * 100, sample: n };
      case 'mean':
        return { value: n === 0 ? null : sum / n, sample: n };
      default:
        return {
          value: percentile(this.#values[metric]![agent] ?? [], d.kind === 'median' ? 0.5 : 0.9),
          sample: n,
        };
    }
  }

  /** The rows kept as evidence of a metric for an agent, or null when none was asked for. */
  evidence(metric: number, agent: number): EvidenceRows | null {
    const state = this.#evidence[agent]!.get(metric);
    if (state !== undefined) return state;
    if (!this.#wantsEvidence(agent, metric)) return null;
    const d = this.#metrics[metric]!.definition;
    const table =
      d.kind === 'ratio' ? (d.better === 'lower' ? d.numerator!.table : d.denominator!.table) : d.table!;
    const role = (d.kind === 'count' || d.kind === 'sum') && d.better === 'higher' ? 'counted' : 'against';
    return { role, table, total: 0, rows: [] };
  }

  #state(
    agent: number,
    metric: number,
    table: MeasuredTableName,
    role: 'against' | 'counted',
  ): EvidenceState | null {
    let state = this.#evidence[agent]!.get(metric);
    if (state === undefined) {
      if (!this.#wantsEvidence(agent, metric)) return null;
      state = { role, table, total: 0, rows: [], badness: [] };
      this.#evidence[agent]!.set(metric, state);
    }
    return state;
  }

  #keep(
    agent: number,
    metric: number,
    table: MeasuredTableName,
    row: Row,
    role: 'against' | 'counted',
  ): void {
    const state = this.#state(agent, metric, table, role);
    if (state === null) return;
    state.total++;
    if (state.rows.length < this.#cap) state.rows.push(row);
  }

  // Keeps the `cap` worst rows, worst first; among equals the earlier row stays ahead.
  #keepWorst(agent: number, metric: number, table: MeasuredTableName, row: Row, badness: number): void {
    const state = this.#state(agent, metric, table, 'against');
    if (state === null) return;
    state.total++;
    const { rows, badness: scores } = state;
    if (rows.length === this.#cap && badness <= scores[scores.length - 1]!) return;
    let i = scores.length;
    while (i > 0 && scores[i - 1]! < badness) i--;
    rows.splice(i, 0, row);
    scores.splice(i, 0, badness);
    if (rows.length > this.#cap) {
      rows.pop();
      scores.pop();
    }
  }
}
