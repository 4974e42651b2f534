import type { RejectedRow } from '@scorebook/contract';
import type { Exclusion } from '@scorebook/policy';
import { type TableSource, TableTyper } from '@scorebook/source';
import { Zone, type ZonedPeriod } from '@scorebook/time';
import { Coverage, type CoveragePart } from '../check/coverage.ts';
import { PeriodWarnings, type PeriodWarningsPart } from '../check/period-warnings.ts';
import { type ChecksState, RowChecks } from '../check/row-checks.ts';
import type { ConversationLookup } from '../derive/conversation-index.ts';
import { type MessageColumns, MessageStore } from '../derive/message-store.ts';
import { routeMessage } from '../derive/route-messages.ts';
import { Exclusions, type ExclusionsPart } from '../exclude/exclusions.ts';
import type { TallyPart } from '../measure/accumulate.ts';
import { type MessageMetricsSettings, PieceTallies } from './message-tallies.ts';
import { type PieceTask, pieceBatches } from './piece-batches.ts';
import { type CutOffFile, fieldsOfTyper } from './read-inputs.ts';
import { SharedConversationLookup, type SharedConversations } from './shared-conversations.ts';

/** What every piece of the messages table is read with. */
export interface MessagePieceSettings {
  reading: TableSource | null;
  /** The zone timestamps without an offset are read in, and the policy's. */
  readZone: string;
  zone: string;
  period: ZonedPeriod;
  /** The policy's exclusions of messages. */
  exclusions: readonly Exclusion[];
  checks: ChecksState;
  cap: number;
  /** The fields of messages the policy reads, for the period's warnings. */
  warningFields: Array<{ table: 'messages'; field: string; uses: readonly string[] }>;
  /** The metrics over messages, counted per piece; null when the policy has none. */
  metrics: MessageMetricsSettings | null;
}

/** The settings and the accepted conversations, as sent once to each worker thread. */
export interface MessagePieceContext extends MessagePieceSettings {
  /** The accepted conversations, on shared memory. */
  conversations: SharedConversations;
}

/** How a piece's messages find their conversation and agent. */
export interface PieceLookup {
  conversations: ConversationLookup;
  agentIndex: ReadonlyMap<string, number>;
}

/** The lookup a worker thread builds from its context. */
export function lookupOf(context: MessagePieceContext): PieceLookup {
  const agentIndex = new Map<string, number>();
  context.checks.agentIds.forEach((id, i) => {
    agentIndex.set(id, i);
  });
  return { conversations: new SharedConversationLookup(context.conversations), agentIndex };
}

/** What a piece gave: as the one-thread reading would have found it, for the same records. */
export interface MessagePiece {
  /** Records read (rejected ones included). */
  rows: number;
  messages: MessageColumns;
  rejected: RejectedRow[];
  coverage: CoveragePart;
  excluded: ExclusionsPart;
  /** What the piece's rows of the period count for the period's warnings. */
  warnings: PeriodWarningsPart;
  /** Fields found in the piece (JSON Lines keys). */
  present: string[];
  /** What the piece's agent messages of the period counted for each metric over messages. */
  tallies: TallyPart[];
  /** Its file cut off inside its last line, as the reader flagged it (only a file's last piece can be). */
  cutOff: CutOffFile[];
}

/**
 * Reads pieces of the messages table the way the one-thread pipeline reads the whole of it
 * (type, check, exclude, route: `evaluate.ts`), on a worker thread or on the main one: each
 * piece starts afresh from the settings, so that pieces can be read in any order and their results added up in file
 * order ({@link RowChecks.absorb}, {@link Coverage.absorb}, {@link Exclusions.absorb},
 * {@link MessageStore.append}).
 */
export class MessagePieceReader {
  readonly #context: MessagePieceSettings;
  readonly #zone: Zone;
  readonly #readZone: Zone;
  readonly #conversations: PieceLookup['conversations'];
  readonly #agentIndex: ReadonlyMap<string, number>;

  constructor(context: MessagePieceSettings, lookup: PieceLookup) {
    this.#context = context;
    this.#zone = new Zone(context.zone);
    this.#readZone = new Zone(context.readZone);
    this.#conversations = lookup.conversations;
    this.#agentIndex = lookup.agentIndex;
  }

  /** Reads one piece. Throws what the reading throws (the caller then reads the table in one thread). */
  async read(task: PieceTask): Promise<MessagePiece> {
    const context = this.#context;
    const typer = new TableTyper('messages', context.reading, this.#readZone);
    const checks = RowChecks.resume('messages', context.checks, this.#conversations);
    const coverage = new Coverage(context.period);
    const exclusions = new Exclusions(
      { exclusions: context.exclusions },
      () => fieldsOfTyper('messages', typer),
      this.#zone,
      context.cap,
    );
    const messages = new MessageStore();
    // A piece only counts; the run's own PeriodWarnings knows the tables and says the warnings.
    const warnings = new PeriodWarnings(context.period, context.warningFields, new Map(), new Set());
    const tallies =
      context.metrics === null
        ? null
        : new PieceTallies(context.metrics, () => fieldsOfTyper('messages', typer), this.#zone, context.cap);
    const routes = {
      coverage,
      warnings,
      exclusions,
      conversations: this.#conversations,
      messages,
      agentIndex: this.#agentIndex,
      measure: tallies?.measure ?? null,
    };
    let rows = 0;
    const cutOff: CutOffFile[] = [];
    for await (const batch of pieceBatches(task, typer)) {
      for (const record of batch) {
        rows++;
        if (record.cutOff === true) cutOff.push({ table: 'messages', file: task.name, line: record.line });
        const row = checks.accept(record);
        if (row === null) warnings.rejected('messages', record, checks.agentAbout(record));
        else routeMessage(row, routes);
      }
    }
    return {
      rows,
      messages: messages.columns(),
      rejected: checks.rejected,
      coverage: coverage.part('messages'),
      excluded: exclusions.part('messages'),
      warnings: warnings.part(),
      present: [...typer.present],
      tallies: tallies?.parts() ?? [],
      cutOff,
    };
  }
}
