import type { RejectedRow } from '@scorebook/contract';
import type { ZonedPeriod } from '@scorebook/time';
import { Coverage, type CoveragePart } from '../check/coverage.ts';
import { PeriodWarnings, type PeriodWarningsPart } from '../check/period-warnings.ts';
import type { ExclusionsPart } from '../exclude/exclusions.ts';
import type { TallyPart } from '../measure/accumulate.ts';
import { combineExclusionParts } from './exclusion-parts.ts';
import type { MessagePiece } from './message-piece.ts';
import { combineTallyParts } from './message-tallies.ts';
import type { CutOffFile } from './read-inputs.ts';

/**
 * What the pieces of the messages table gave besides their messages, added up piece by piece in
 * task order as they come in (`docs/scale.md` §1), so that no piece's parts wait for the last
 * one: the run absorbs these sums once, and gets what absorbing every piece in task order gives —
 * the same rejected rows in the same order, the same coverage, period-warning counts (the same
 * keys in the same order), JSON Lines fields (in the order first seen), tallies and exclusion
 * evidence, and the files cut off inside their last line (FILE_CUT_OFF). Nothing here is the run's: a parallel reading that is given up drops the sums, which
 * undoes them.
 */
export class PieceSums {
  /** Records read, per piece in task order (for the progress and each file's provenance). */
  readonly rows: number[] = [];
  /** Every piece's rejected rows, in task order. */
  readonly rejected: RejectedRow[] = [];
  /** The JSON Lines fields the pieces found, in the order first found. */
  readonly present = new Set<string>();
  /** The files the pieces' reader flagged as cut off inside their last line, in task order. */
  readonly cutOff: CutOffFile[] = [];
  #tallies: TallyPart[] = [];
  #excluded: ExclusionsPart = { counts: [], agents: [] };
  readonly #coverage: Coverage;
  readonly #warnings: PeriodWarnings;
  readonly #cap: number;

  /** `cap`: evidence rows kept per agent and metric or exclusion. */
  constructor(period: ZonedPeriod, cap: number) {
    this.#coverage = new Coverage(period);
    // It only adds up: the run's own PeriodWarnings knows the tables and says the warnings.
    this.#warnings = new PeriodWarnings(period, [], new Map(), new Set());
    this.#cap = cap;
  }

  /** Adds the next piece in task order (its messages are not taken: they go to the partitions). */
  add(piece: Omit<MessagePiece, 'messages'>): void {
    this.rows.push(piece.rows);
    for (const row of piece.rejected) this.rejected.push(row);
    this.#coverage.absorb('messages', piece.coverage);
    this.#warnings.absorb(piece.warnings);
    for (const field of piece.present) this.present.add(field);
    for (const cut of piece.cutOff) this.cutOff.push(cut);
    this.#tallies = combineTallyParts(this.#tallies, piece.tallies, this.#cap);
    this.#excluded = combineExclusionParts(this.#excluded, piece.excluded, this.#cap);
  }

  /** The pieces' coverage of messages, as one part. */
  get coverage(): CoveragePart {
    return this.#coverage.part('messages');
  }

  /** The pieces' period-warning counts, as one part. */
  get warnings(): PeriodWarningsPart {
    return this.#warnings.part();
  }

  /** Per metric over messages, what the pieces counted, as one part. */
  get tallies(): readonly TallyPart[] {
    return this.#tallies;
  }

  /** The pieces' exclusion counts and evidence (at most the cap per agent and exclusion). */
  get excluded(): ExclusionsPart {
    return this.#excluded;
  }
}
