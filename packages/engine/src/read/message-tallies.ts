import {
  type FieldSpec,
  isCustomTableName,
  type MetricDefinition,
  measuredFields,
} from '@scorebook/contract';
import type { Zone } from '@scorebook/time';
import type { MessageMeasure } from '../derive/route-messages.ts';
import {
  accumulatorsKeeping,
  evidenceAgents,
  type MeasuredMetric,
  type MetricAccumulators,
  MetricTally,
  type TallyPart,
} from '../measure/accumulate.ts';
import { compileMetrics } from '../measure/compile-metrics.ts';

/**
 * The metrics over messages of a run, as each piece of the messages table counts them
 * (`docs/messages.md`): their definitions, and per definition the agents whose evidence is kept.
 * Plain data, sent once to every worker thread.
 */
export interface MessageMetricsSettings {
  definitions: MetricDefinition[];
  /** Per definition, the indexes of the agents whose evidence of it is kept. */
  evidence: number[][];
  agents: number;
}

/** The run's metrics over messages: what the pieces are told, and the tallies their counts go to. */
export interface MessageMetrics {
  settings: MessageMetricsSettings;
  /** The run's tallies of the same metrics, in the order of `settings.definitions`. */
  tallies: readonly MetricTally[];
}

/**
 * The metrics over messages among a run's tallies (a ratio with one side on messages too), or
 * null when there is none; `wantsEvidence(agent, metric)` as for the run's accumulators, the
 * metric by its index among `tallies`.
 */
export function messageMetricsOf(
  tallies: readonly MeasuredMetric[],
  agents: number,
  wantsEvidence: (agent: number, metric: number) => boolean,
): MessageMetrics | null {
  const chosen = tallies.flatMap((tally, index) =>
    tally instanceof MetricTally && readsMessages(tally.definition) ? [{ tally, index }] : [],
  );
  if (chosen.length === 0) return null;
  return {
    settings: {
      definitions: chosen.map(({ tally }) => tally.definition),
      evidence: evidenceAgents(
        chosen.map(({ index }) => index),
        agents,
        wantsEvidence,
      ),
      agents,
    },
    tallies: chosen.map(({ tally }) => tally),
  };
}

/**
 * The counting of one piece: a tally per metric over messages, fed through {@link measure} by
 * the piece's routing, and what they counted as {@link TallyPart}s in the settings' order. Its
 * conditions are compiled at the first message, with the fields the piece's typer knows.
 */
export class PieceTallies {
  readonly #settings: MessageMetricsSettings;
  readonly #fields: () => Readonly<Record<string, FieldSpec>>;
  readonly #zone: Zone;
  readonly #cap: number;
  #accumulators: MetricAccumulators | null = null;

  constructor(
    settings: MessageMetricsSettings,
    fields: () => Readonly<Record<string, FieldSpec>>,
    zone: Zone,
    cap: number,
  ) {
    this.#settings = settings;
    this.#fields = fields;
    this.#zone = zone;
    this.#cap = cap;
  }

  /** Where the piece's agent messages of the period go. */
  readonly measure: MessageMeasure = {
    add: (row, agent) => this.#ready().add('messages', row, agent),
  };

  /** What the piece counted, one part per metric (none when it had no agent message of the period). */
  parts(): TallyPart[] {
    // A metric over messages is never a rating: every tally of a piece is a MetricTally.
    return this.#accumulators?.tallies.flatMap((t) => (t instanceof MetricTally ? [t.part()] : [])) ?? [];
  }

  #ready(): MetricAccumulators {
    if (this.#accumulators !== null) return this.#accumulators;
    const { definitions, evidence, agents } = this.#settings;
    const fields = { ...this.#fields(), ...measuredFields('messages') };
    // Only the messages side of a ratio is fed here; its other side's predicate is never asked.
    // A messages metric reads no custom table (its ratio sides are both messages, docs/messages.md).
    const compiled = compileMetrics(definitions, this.#zone, (table) =>
      table === 'messages'
        ? fields
        : isCustomTableName(table) || table === 'ratings'
          ? {}
          : measuredFields(table),
    );
    this.#accumulators = accumulatorsKeeping(compiled, agents, evidence, this.#cap);
    return this.#accumulators;
  }
}

/** True when a metric reads rows of messages (a ratio on either side). */
export function readsMessages(d: MetricDefinition): boolean {
  if (d.kind === 'ratio') return d.numerator.table === 'messages' || d.denominator.table === 'messages';
  return d.kind !== 'formula' && d.table === 'messages';
}

/**
 * The parts of consecutive pieces as one: `next` (the parts of the piece after those `sum` adds
 * up, one per metric, or none) added to `sum` the way {@link MetricTally.absorb} adds a part to a
 * tally — counts and sums added agent by agent, evidence totals added and rows appended in order
 * while fewer than `cap` — so that absorbing the combined parts into a tally whose counts and
 * sums are still 0 (those of metrics over messages, when messages are read) gives the same
 * numbers and rows as absorbing each piece's in turn. `sum` may be changed; the result is
 * returned.
 */
export function combineTallyParts(sum: TallyPart[], next: readonly TallyPart[], cap: number): TallyPart[] {
  if (next.length === 0) return sum;
  if (sum.length === 0)
    return next.map((part) => ({
      ...part,
      evidence: part.evidence.map((e) => ({ ...e, rows: [...e.rows] })),
    }));
  next.forEach((part, i) => {
    const into = sum[i];
    if (into === undefined) return;
    for (const column of ['count', 'sum', 'other'] as const) {
      const to = into[column];
      const from = part[column];
      for (let a = 0; a < to.length; a++) to[a] = (to[a] ?? 0) + (from[a] ?? 0);
    }
    const byAgent = new Map(into.evidence.map((e) => [e.agent, e]));
    for (const e of part.evidence) {
      const kept = byAgent.get(e.agent);
      if (kept === undefined) {
        const added = { ...e, rows: e.rows.slice(0, cap) };
        into.evidence.push(added);
        byAgent.set(e.agent, added);
        continue;
      }
      kept.total += e.total;
      for (const r of e.rows) if (kept.rows.length < cap) kept.rows.push(r);
    }
  });
  return sum;
}
