import { Worker } from 'node:worker_threads';
import { type MetricDefinition, measuredFields, metricTables } from '@scorebook/contract';
import type { Policy } from '@scorebook/policy';
import { Zone, type ZonedPeriod } from '@scorebook/time';
import type { Agent } from '../check/row-checks.ts';
import {
  accumulatorsKeeping,
  evidenceAgents,
  type MeasuredMetric,
  MetricTally,
  type TallySnapshot,
} from '../measure/accumulate.ts';
import { compileMetrics } from '../measure/compile-metrics.ts';
import { WORKER_OPTIONS } from '../worker-options.ts';
import { type ConversationIndex, idIn, type SharedConversationsWithChannels } from './conversation-index.ts';
import { type ConversationFacts, type DerivedConversations, deriveFacts } from './derive-facts.ts';
import { HandedPartitions, type MessagePartitions, type PartitionHandle } from './message-partitions.ts';

/** What a derivation on another thread is given: plain data, the columns transferred or shared. */
export interface DerivationRequest {
  conversations: SharedConversationsWithChannels;
  conversationsPerPartition: number;
  partitions: PartitionHandle[];
  /** The agents' ids, by index. */
  agents: string[];
  businessHours: Policy['business_hours'];
  zone: string;
  period: ZonedPeriod;
  /** The metrics over responses only, and per metric the agents whose evidence is kept. */
  metrics: MetricDefinition[];
  evidence: number[][];
  cap: number;
}

/** What it gives back: the conversation facts, and per metric of the request its tally. */
export type DerivationAnswer = { facts: ConversationFacts; tallies: TallySnapshot[] } | { error: string };

/**
 * Derivation on a worker thread (`docs/scale.md` §1), while the main thread reads the tables after
 * messages: the messages' partitions are handed over, customer blocks and responses derived from
 * them exactly as {@link deriveFacts} does on the main thread, and the metrics over responses
 * counted there, in the same order, by tallies the main thread then adopts (none of them has
 * counted anything before: only derivation feeds responses). Not used when a metric reads
 * responses and another table (a ratio of the two), whose tally would count rows of both threads.
 */
export class DerivationThread {
  readonly #worker: Worker;
  readonly #answer: Promise<DerivationAnswer>;
  readonly #tallies: MetricTally[];

  private constructor(request: DerivationRequest, tallies: MetricTally[]) {
    this.#tallies = tallies;
    this.#worker = new Worker(new URL('./derivation-worker.ts', import.meta.url), WORKER_OPTIONS);
    const worker = this.#worker;
    this.#answer = new Promise((resolve) => {
      worker.once('message', resolve);
      worker.once('error', (error) => resolve({ error: error.message }));
      worker.once('exit', (code) => resolve({ error: `exited with code ${code}` }));
    });
    const transfer = request.partitions.flatMap((h) =>
      h !== null && 'columns' in h
        ? [
            h.columns.conversation,
            h.columns.sentAt,
            h.columns.sender,
            h.columns.agent,
            h.columns.file,
            h.columns.line,
          ].map((a) => a.buffer as ArrayBuffer)
        : [],
    );
    worker.postMessage(request, transfer);
  }

  /**
   * Starts deriving the run's messages on a worker thread, handing its partitions over (they are
   * then empty here); null, and nothing handed over, when a metric reads responses and another
   * table. `tallies` are the run's (`MetricAccumulators.tallies`); `wantsEvidence` as theirs.
   */
  static start(input: {
    conversations: ConversationIndex;
    messages: MessagePartitions;
    agents: readonly Agent[];
    policy: Policy;
    zone: Zone;
    period: ZonedPeriod;
    tallies: readonly MeasuredMetric[];
    wantsEvidence: (agent: number, metric: number) => boolean;
    cap: number;
  }): DerivationThread | null {
    const reads = input.tallies.map((t) => responsesRead(t.definition));
    if (reads.includes('partly')) return null;
    const chosen = input.tallies.flatMap((tally, index) =>
      reads[index] === 'only' && tally instanceof MetricTally ? [{ tally, index }] : [],
    );
    const request: DerivationRequest = {
      conversations: input.conversations.forDerivation(),
      conversationsPerPartition: input.messages.conversationsPerPartition,
      partitions: input.messages.handOver(),
      agents: input.agents.map((a) => a.agent_id),
      businessHours: input.policy.business_hours,
      zone: input.zone.name,
      period: input.period,
      metrics: chosen.map(({ tally }) => tally.definition),
      evidence: evidenceAgents(
        chosen.map(({ index }) => index),
        input.agents.length,
        input.wantsEvidence,
      ),
      cap: input.cap,
    };
    return new DerivationThread(
      request,
      chosen.map(({ tally }) => tally),
    );
  }

  /**
   * The conversation facts, once the worker is done; the run's tallies of the metrics over
   * responses have then adopted what the worker counted. Throws when the worker failed (the
   * messages were handed to it: there is nothing to derive from here).
   */
  async finish(): Promise<ConversationFacts> {
    const answer = await this.#answer;
    void this.#worker.terminate();
    if ('error' in answer)
      throw new Error(
        `派生客户段与响应的工作线程失败(${answer.error})。/ The worker thread deriving customer blocks and responses failed (${answer.error}).`,
      );
    answer.tallies.forEach((snapshot, i) => {
      this.#tallies[i]?.adopt(snapshot);
    });
    return answer.facts;
  }

  /** Stops the worker (a run that ends before it is done). */
  close(): void {
    void this.#worker.terminate();
  }
}

// Whether a metric reads responses: on every side it reads, on one side of two, or not at all.
function responsesRead(d: MetricDefinition): 'only' | 'partly' | 'no' {
  const tables = metricTables(d);
  const sides = tables.filter((t) => t === 'responses').length;
  return sides === 0 ? 'no' : sides === tables.length ? 'only' : 'partly';
}

/** The derivation a worker thread does for a {@link DerivationRequest} (derivation-worker.ts). */
export function deriveRequested(request: DerivationRequest): DerivationAnswer {
  const zone = new Zone(request.zone);
  const fields = measuredFields('responses');
  // Every side of these metrics reads responses (DerivationThread.start).
  const compiled = compileMetrics(request.metrics, zone, () => fields);
  const measure = accumulatorsKeeping(compiled, request.agents.length, request.evidence, request.cap);
  const facts = deriveFacts(
    {
      conversations: new HandedConversations(request.conversations),
      messages: new HandedPartitions(request.conversationsPerPartition, request.partitions),
      agents: request.agents.map((agent_id) => ({ agent_id })),
      policy: { business_hours: request.businessHours },
      zone,
      period: request.period,
    },
    (row, agent) => measure.add('responses', row, agent),
  );
  const tallies = measure.tallies.flatMap((t) => (t instanceof MetricTally ? [t.snapshot()] : []));
  return { facts, tallies };
}

// The conversations as derivation reads them, from their shared columns.
class HandedConversations implements DerivedConversations {
  readonly #columns: SharedConversationsWithChannels;

  constructor(columns: SharedConversationsWithChannels) {
    this.#columns = columns;
  }

  get size(): number {
    return this.#columns.agent.length;
  }

  excludedAt(index: number): boolean {
    return this.#columns.excluded[index] === 1;
  }

  idAt(index: number): string {
    return idIn(this.#columns, index);
  }

  channelAt(index: number): string | null {
    return this.#columns.channels[this.#columns.channel[index] ?? 0] ?? null;
  }
}
