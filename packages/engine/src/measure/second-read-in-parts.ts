import type { Worker } from 'node:worker_threads';
import { type FieldSpec, type MeasuredTableRef, metricTables } from '@scorebook/contract';
import type { Policy } from '@scorebook/policy';
import type { Zone, ZonedPeriod } from '@scorebook/time';
import type { ConversationIndex } from '../derive/conversation-index.ts';
import type { ConversationFacts } from '../derive/derive-facts.ts';
import type { MessageReaders } from '../read/parallel-messages.ts';
import { type PieceTask, pieceBatches } from '../read/piece-batches.ts';
import type { Inputs } from '../read/read-inputs.ts';
import { evidenceAgents, type MeasuredMetric, MetricTally } from './accumulate.ts';
import { type KeptColumns, KeptRows } from './kept-conversations.ts';
import type { SecondRead, SecondReadAnswer, SecondReadPart } from './second-read.ts';

/** What the conversations' second read in parts needs of the run. */
export interface SecondReadRunInParts {
  inputs: Inputs;
  /** The threads that read the messages, idle since, and their cutting of the conversations files. */
  readers: MessageReaders;
  conversations: ConversationIndex;
  facts: ConversationFacts;
  /** The run's tallies (`MetricAccumulators.tallies`), and whose evidence they keep. */
  tallies: readonly MeasuredMetric[];
  wantsEvidence: (agent: number, metric: number) => boolean;
  agents: number;
  cap: number;
  policy: Policy;
  zone: Zone;
  readZone: Zone;
  period: ZonedPeriod;
  /** True when the policy reads `resolution_seconds`. */
  resolution: boolean;
  fieldsOf: (table: MeasuredTableRef) => Readonly<Record<string, FieldSpec>>;
  /** The run's second read, which reads this thread's part into the run's tallies. */
  here: SecondRead;
  /**
   * The conversations kept in memory (`docs/scale.md` §1, the conversations kept), which `here`
   * takes again for this thread's part; null when they are read from the files again.
   */
  kept: KeptColumns | null;
}

/**
 * The conversations' second read in parts (`docs/scale.md` §1): the conversations files cut into
 * as many parts of consecutive pieces as there are threads; this thread reads the first part
 * into the run's tallies while each worker reads one of the others into tallies of its own
 * ({@link readSecondReadPart}), and the run's tallies then follow the workers' in part order
 * ({@link MetricTally.follow}), so that they come out as reading the whole table here gives them.
 * A part whose worker failed is read here, in its turn. False, with nothing read, when the read
 * is not done in parts (no worker, a table that cannot be cut or is too small, a metric over
 * conversations that is a distinct count, no worker still running): the caller then reads the
 * whole table here.
 */
export async function readSecondInParts(run: SecondReadRunInParts): Promise<boolean> {
  const input = run.inputs.tables.conversations;
  const chosen = run.tallies.flatMap((tally, index) =>
    metricTables(tally.definition).includes('conversations') ? [{ tally, index }] : [],
  );
  if (
    chosen.length === 0 ||
    chosen.some(({ tally }) => !(tally instanceof MetricTally) || tally.definition.kind === 'distinct_count')
  )
    return false;
  const kept = run.kept;
  const pieces = kept === null ? await run.readers.conversationPieces(run.inputs) : [];
  // The workers running now: one that stops from here on says so (ask).
  const workers = run.readers.running();
  if (pieces === null || workers.length === 0) return false;
  // Parts of the files' pieces, or of the kept rows: consecutive conversations, as many to each.
  const parts: Part[] =
    kept === null
      ? partsOf(pieces, workers.length + 1).map((p) => ({ pieces: p, range: null }))
      : rangesOf(kept.size, workers.length + 1).map((range) => ({ pieces: [], range }));
  const [first, ...others] = parts;
  if (first === undefined) return false;
  const metrics = chosen.map(({ tally }) => tally.definition);
  const tables = [...new Set(metrics.flatMap(metricTables))];
  const common: Omit<SecondReadPart, 'pieces'> = {
    reading: input.reading,
    readZone: run.readZone.name,
    zone: run.zone.name,
    period: run.period,
    businessHours: run.policy.business_hours,
    resolution: run.resolution,
    conversations: run.conversations.forSecondRead(),
    facts: run.facts,
    metrics,
    fields: tables.map((t) => [t, { ...run.fieldsOf(t) }]),
    evidence: evidenceAgents(
      chosen.map(({ index }) => index),
      run.agents,
      run.wantsEvidence,
    ),
    agents: run.agents,
    cap: run.cap,
  };
  const answers = others.map((part, k) =>
    ask(workers[k] as Worker, {
      ...common,
      pieces: part.pieces,
      ...(part.range !== null && kept !== null ? { kept: { columns: kept, ...part.range } } : {}),
    }),
  );
  const rows = kept === null ? null : new KeptRows(kept);
  const readHere = async (part: Part) => {
    if (part.range !== null && rows !== null)
      run.here.replay(rows, run.conversations, part.range.from, part.range.to);
    else
      for (const piece of part.pieces)
        for await (const batch of pieceBatches(piece, input.typer))
          for (const record of batch) run.here.record(record);
  };
  await readHere(first);
  for (const [k, answer] of answers.entries()) {
    const counted = await answer;
    if ('error' in counted) {
      const part = others[k];
      if (part !== undefined) await readHere(part);
    } else
      chosen.forEach(({ tally }, i) => {
        const part = counted.tallies[i];
        if (part !== undefined) (tally as MetricTally).follow(part);
      });
  }
  return true;
}

// The pieces in `parts` parts of consecutive pieces, each piece in the part its first byte falls
// in (of the pieces' bytes together cut in equal parts); a part that no piece starts in is left out.
function partsOf(pieces: readonly PieceTask[], parts: number): PieceTask[][] {
  const total = pieces.reduce((n, piece) => n + piece.range.end - piece.range.start, 0);
  const grouped: PieceTask[][] = Array.from({ length: parts }, () => []);
  let at = 0;
  for (const piece of pieces) {
    grouped[Math.min(parts - 1, Math.floor((at * parts) / total))]?.push(piece);
    at += piece.range.end - piece.range.start;
  }
  return grouped.filter((part) => part.length > 0);
}

/** A part of the second read: pieces of the files, or a range of the kept rows' conversations. */
interface Part {
  pieces: PieceTask[];
  range: { from: number; to: number } | null;
}

// Conversations 0 to size − 1 in `parts` consecutive ranges as even as can be (the first ones a
// conversation longer), empty ones left out.
function rangesOf(size: number, parts: number): Array<{ from: number; to: number }> {
  const ranges: Array<{ from: number; to: number }> = [];
  let from = 0;
  for (let k = 0; k < parts; k++) {
    const to = from + Math.floor(size / parts) + (k < size % parts ? 1 : 0);
    if (to > from) ranges.push({ from, to });
    from = to;
  }
  return ranges;
}

// Gives a worker a part to read; its answer, or the error of a worker that failed or stopped.
function ask(worker: Worker, part: SecondReadPart): Promise<SecondReadAnswer> {
  return new Promise((resolve) => {
    const settle = (answer: SecondReadAnswer) => {
      worker.off('message', done);
      worker.off('error', failed);
      worker.off('exit', exited);
      resolve(answer);
    };
    const done = (message: { secondRead?: SecondReadAnswer }) => {
      if (message.secondRead !== undefined) settle(message.secondRead);
    };
    const failed = (error: Error) => settle({ error: error.message });
    const exited = (code: number) => settle({ error: `exited with code ${code}` });
    worker.on('message', done);
    worker.on('error', failed);
    worker.on('exit', exited);
    worker.postMessage({ kind: 'second-read', part });
  });
}
