import type { FieldSpec, MeasuredTableRef, MetricDefinition } from '@scorebook/contract';
import type { Policy } from '@scorebook/policy';
import { type TableSource, TableTyper } from '@scorebook/source';
import { Zone, type ZonedPeriod } from '@scorebook/time';
import { Coverage } from '../check/coverage.ts';
import { convertedIn, idIn, type SecondReadConversations } from '../derive/conversation-index.ts';
import { applyConversationFacts, type ConversationFacts, elapsedSeconds } from '../derive/derive-facts.ts';
import { type PieceTask, pieceBatches } from '../read/piece-batches.ts';
import type { TableRecord } from '../read/read-inputs.ts';
import { SharedConversationLookup } from '../read/shared-conversations.ts';
import { Row, valuesOf } from '../row.ts';
import { accumulatorsKeeping, MetricTally, type TallySnapshot } from './accumulate.ts';
import { compileMetrics } from './compile-metrics.ts';
import { type KeptColumns, KeptRows } from './kept-conversations.ts';

/** What the second read asks of the conversations: where each accepted row is, and what an exclusion removed. */
export interface AcceptedConversations {
  /** The conversation whose accepted row is at this place, or -1 (`expected`: a guess, -1 for none). */
  acceptedAt(id: string, file: number, line: number, expected: number): number;
  excludedAt(index: number): boolean;
}

/** What the second read checks a record against, and adds its row to. */
export interface SecondReadRun {
  conversations: AcceptedConversations;
  coverage: Pick<Coverage, 'valuesInPeriod' | 'inPeriod'>;
  /** The run's appeals, when any are active (they may change a row); null when none are. */
  appeals: { apply(table: 'conversations', row: Row): unknown } | null;
  /** Takes a kept row of the period of conversation `conversation`. */
  add(row: Row, conversation: number): void;
}

/**
 * The conversations' second read (`evaluate.ts`: once their derived facts are known), record by
 * record: a record that is its conversation's accepted row, that no exclusion removed and that
 * is of the period (after appeals, when any are active) becomes a row for the run's `add`; every
 * other record is left. Records come in the order their conversations were added: the next is
 * expected after the last.
 */
export class SecondRead {
  readonly #run: SecondReadRun;
  #expected = 0;

  constructor(run: SecondReadRun) {
    this.#run = run;
  }

  /** Reads one record of the conversations table. */
  record(record: TableRecord): void {
    if (record.rejection !== undefined) return;
    const run = this.#run;
    const id = valuesOf('conversations', record.values).conversation_id;
    const conversation = run.conversations.acceptedAt(id, record.file, record.line, this.#expected);
    if (conversation < 0) return;
    this.#expected = conversation + 1;
    if (run.conversations.excludedAt(conversation)) return;
    // Without appeals no row is changed: a record out of the period is left before its row is made.
    if (run.appeals === null) {
      if (!run.coverage.valuesInPeriod('conversations', record.values)) return;
      run.add(new Row(record.values, record.file, record.line), conversation);
      return;
    }
    const row = new Row(record.values, record.file, record.line);
    run.appeals.apply('conversations', row);
    if (run.coverage.inPeriod('conversations', row)) run.add(row, conversation);
  }

  /**
   * The second read without reading the files again (`docs/scale.md` §1, the conversations kept):
   * the rows `rows` holds of conversations `from` to `to − 1`, in index order — the order
   * {@link record} finds them in the files — each taken as it takes its record when no appeal is
   * active (an excluded conversation is left, then a row out of the period, before its row is made).
   */
  replay(rows: KeptRows, places: KeptPlaces, from = 0, to = rows.size): void {
    const run = this.#run;
    for (let c = from; c < to; c++) {
      if (run.conversations.excludedAt(c)) continue;
      const file = places.fileAt(c);
      const values = rows.valuesAt(c, file, places.idAt(c));
      if (!run.coverage.valuesInPeriod('conversations', values)) continue;
      run.add(new Row(values, file, places.lineAt(c)), c);
    }
  }
}

/** Where each accepted conversations row was read, and its id, by conversation index. */
export interface KeptPlaces {
  fileAt(index: number): number;
  lineAt(index: number): number;
  idAt(index: number): string;
}

/**
 * A part of the conversations' second read, for a worker thread (`docs/scale.md` §1, the second
 * read in parts): plain data, the conversations' columns shared.
 */
export interface SecondReadPart {
  /** The pieces of the part, in file order (none when the part is of kept rows). */
  pieces: PieceTask[];
  /** The part as kept rows instead: those of conversations `from` to `to − 1`. */
  kept?: { columns: KeptColumns; from: number; to: number };
  reading: TableSource | null;
  /** The zone timestamps without an offset are read in, and the policy's. */
  readZone: string;
  zone: string;
  period: ZonedPeriod;
  /** The policy's business hours, for `resolution_seconds`; `resolution` false: the policy reads none. */
  businessHours: Policy['business_hours'];
  resolution: boolean;
  conversations: SecondReadConversations;
  facts: ConversationFacts;
  /** The metrics over conversations (each read by a {@link MetricTally}), and the fields of every table they read. */
  metrics: MetricDefinition[];
  fields: Array<[MeasuredTableRef, Record<string, FieldSpec>]>;
  /** Per metric, the agents whose evidence is kept; the agents' number; the evidence cap. */
  evidence: number[][];
  agents: number;
  cap: number;
}

/** What a part counted: per metric of the request, its tally keeping its addends ({@link MetricTally.follow}). */
export type SecondReadAnswer = { tallies: TallySnapshot[] } | { error: string };

/**
 * Reads a part of the conversations table the way the second read reads the whole of it, without
 * appeals ({@link SecondRead}): each kept row of the period gets its derived facts
 * (`applyConversationFacts`) and is counted by tallies of the part's own, which keep their
 * addends, so that the run's tallies follow them exactly.
 */
export async function readSecondReadPart(part: SecondReadPart): Promise<SecondReadAnswer> {
  const zone = new Zone(part.zone);
  const fields = new Map(part.fields);
  const compiled = compileMetrics(part.metrics, zone, (t) => (t === 'ratings' ? {} : (fields.get(t) ?? {})));
  const measure = accumulatorsKeeping(compiled, part.agents, part.evidence, part.cap, true);
  const conversations = new PartConversations(part.conversations);
  const resolution = part.resolution ? elapsedSeconds({ business_hours: part.businessHours }, zone) : null;
  const run: SecondReadRun = {
    conversations,
    coverage: new Coverage(part.period),
    appeals: null,
    add: (row, conversation) => {
      applyConversationFacts(row, conversation, part.facts, conversations, resolution);
      measure.add('conversations', row, conversations.agentOf(conversation));
    },
  };
  const read = new SecondRead(run);
  if (part.kept !== undefined)
    read.replay(new KeptRows(part.kept.columns), conversations, part.kept.from, part.kept.to);
  else {
    const typer = new TableTyper('conversations', part.reading, new Zone(part.readZone));
    for (const piece of part.pieces)
      for await (const batch of pieceBatches(piece, typer)) for (const record of batch) read.record(record);
  }
  return { tallies: measure.tallies.flatMap((t) => (t instanceof MetricTally ? [t.snapshot()] : [])) };
}

// The conversations as a part of the second read looks them up, in their shared columns: the
// same index for every id as the ConversationIndex gives.
class PartConversations implements AcceptedConversations {
  readonly #columns: SecondReadConversations;
  readonly #lookup: SharedConversationLookup;

  constructor(columns: SecondReadConversations) {
    this.#columns = columns;
    this.#lookup = new SharedConversationLookup(columns);
  }

  acceptedAt(id: string, file: number, line: number): number {
    const c = this.#lookup.indexOf(id);
    return c >= 0 && this.#columns.file[c] === file && this.#columns.line[c] === line ? c : -1;
  }

  excludedAt(index: number): boolean {
    return this.#lookup.excludedAt(index);
  }

  fileAt(index: number): number {
    return this.#columns.file[index] ?? -1;
  }

  lineAt(index: number): number {
    return this.#columns.line[index] ?? 0;
  }

  idAt(index: number): string {
    return idIn(this.#columns, index);
  }

  agentOf(index: number): number {
    return this.#lookup.agentOf(index);
  }

  convertedAt(index: number): boolean {
    return convertedIn(this.#columns.converted, index);
  }
}
