import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Policy } from '@scorebook/policy';
import { type Encoding, type LocatedFile, splitFile, type TableSource } from '@scorebook/source';
import type { Zone, ZonedPeriod } from '@scorebook/time';
import type { PolicyNeeds } from '../check/policy-needs.ts';
import type { RowChecks } from '../check/row-checks.ts';
import type { ConversationIndex } from '../derive/conversation-index.ts';
import type { MessagePartitions } from '../derive/message-partitions.ts';
import type { MessageRoutes } from '../derive/route-messages.ts';
import { WORKER_OPTIONS } from '../worker-options.ts';
import type { CutReport, CutTable } from './cut-in-pieces.ts';
import {
  type MessagePiece,
  type MessagePieceContext,
  MessagePieceReader,
  type MessagePieceSettings,
} from './message-piece.ts';
import type { MessageMetrics } from './message-tallies.ts';
import type { PieceTask } from './piece-batches.ts';
import { PieceSums } from './piece-sums.ts';
import { fileOptions, type Inputs, type ReadProgress, type TableInput } from './read-inputs.ts';
import { shareConversations } from './shared-conversations.ts';

/** How reading is spread over threads. */
export interface ParallelOptions {
  /** Worker threads at most; 1 reads in one thread. By default the machine's cores. */
  threads?: number;
  /** About how many bytes a piece of a file holds (default 8 MiB). */
  pieceBytes?: number;
  /** A table of fewer bytes is read in one thread (default 32 MiB). */
  minBytes?: number;
}

/** What the messages are read into, and the run's settings. */
export interface MessagesRun {
  inputs: Inputs;
  checks: RowChecks;
  routes: MessageRoutes & { conversations: ConversationIndex; messages: MessagePartitions };
  policy: Policy;
  needs: PolicyNeeds;
  zone: Zone;
  readZone: Zone;
  period: ZonedPeriod;
  cap: number;
  /** The metrics over messages, whose tallies the pieces' counts are added to; null when none. */
  metrics: MessageMetrics | null;
}

const PIECE_BYTES = 8 * 2 ** 20;
const MIN_BYTES = 32 * 2 ** 20;

/** How the messages table is spread: the size of its pieces, and the worker threads that read them. */
interface Spread {
  pieceBytes: number;
  workers: number;
}

// Only a table with a conversations table, of CSV or JSON Lines files in UTF-8 or GB18030, at
// least `minBytes` long, is read in pieces; null for any other. The workers: one fewer than the
// threads (this thread reads pieces too), at most one per piece but this thread's.
function spreadOf(inputs: Inputs, options: ParallelOptions): Spread | null {
  const input = inputs.tables.messages;
  const threads = threadsOf(options);
  if (threads < 2 || cuttableBytes(input, options) === null || inputs.tables.conversations.files.length === 0)
    return null;
  const pieceBytes = options.pieceBytes ?? PIECE_BYTES;
  // About as many pieces as the files will give (each but a file's last holds at least pieceBytes).
  const expected = input.files.reduce((n, f) => n + Math.max(1, Math.ceil(f.size / pieceBytes)), 0);
  return { pieceBytes, workers: Math.min(threads, expected) - 1 };
}

/** The threads reading may use (`parallel.threads`, by default the machine's cores; at most 16). */
export function threadsOf(options: ParallelOptions): number {
  return Math.min(options.threads ?? availableParallelism(), 16);
}

/**
 * The bytes of a table's files when they can be cut into pieces and are worth it: CSV files with
 * a header or JSON Lines, in UTF-8 or GB18030, at least `parallel.minBytes` together; else null.
 */
export function cuttableBytes(input: TableInput, options: ParallelOptions): number | null {
  const totalBytes = input.files.reduce((sum, f) => sum + f.size, 0);
  if (
    totalBytes < (options.minBytes ?? MIN_BYTES) ||
    input.files.length === 0 ||
    input.files.some((f) => f.format === 'xlsx' || (f.format === 'csv' && !input.headers.has(f.name))) ||
    UNCUT.has(input.reading?.encoding ?? 'utf-8')
  )
    return null;
  return totalBytes;
}

// The files of a table to cut, each with its index in the run's files (added when new).
function cutFilesOf(inputs: Inputs, input: TableInput): CutFile[] {
  return input.files.map((file) => {
    let index = inputs.fileNames.indexOf(file.name);
    if (index < 0) index = inputs.fileNames.push(file.name) - 1;
    return { file, index, header: input.headers.get(file.name) ?? null, sha256: '', tasks: [] };
  });
}

/**
 * The worker threads that read the pieces of a run's messages table, started before the agents
 * and the conversations are read (`docs/scale.md` §1): meanwhile they load their code, and the
 * first of them cuts the messages files, so that this thread reads pieces from the start. Without
 * a worker (a table of one piece) this thread cuts. Closed however the run ends.
 */
export class MessageReaders {
  readonly pieceBytes: number;
  readonly workers: readonly Worker[];
  /** What the first worker's cutting said so far; null when this thread cuts. */
  readonly #cut: CutReports | null;
  /**
   * What its cutting of the conversations files said, in as many parts as there are threads
   * (the second read in parts); null when they are not cut.
   */
  readonly #conversationsCut: CutReports | null;
  /** The workers that stopped (failed, or were stopped). */
  readonly #stopped = new Set<Worker>();

  private constructor(spread: Spread, inputs: Inputs, options: ParallelOptions) {
    this.pieceBytes = spread.pieceBytes;
    this.workers = Array.from(
      { length: spread.workers },
      () => new Worker(new URL('./piece-worker.ts', import.meta.url), WORKER_OPTIONS),
    );
    for (const worker of this.workers) worker.once('exit', () => this.#stopped.add(worker));
    const first = this.workers[0];
    this.#cut = first === undefined ? null : new CutReports(first, 'messages');
    const input = inputs.tables.messages;
    first?.postMessage({
      kind: 'cut',
      table: 'messages',
      files: input.files.map((file) => fileOptions(file, input.reading)),
      pieceBytes: spread.pieceBytes,
    });
    // Then, while this thread still reads the conversations, their files in parts.
    const conversations = inputs.tables.conversations;
    const bytes = cuttableBytes(conversations, options);
    this.#conversationsCut =
      first === undefined || bytes === null ? null : new CutReports(first, 'conversations');
    if (this.#conversationsCut !== null && bytes !== null)
      first?.postMessage({
        kind: 'cut',
        table: 'conversations',
        files: conversations.files.map((file) => fileOptions(file, conversations.reading)),
        pieceBytes: Math.ceil(bytes / (spread.workers + 1)),
      });
  }

  /** The readers of a run's messages table, or null when it is read in one thread. */
  static start(inputs: Inputs, options: ParallelOptions): MessageReaders | null {
    const spread = spreadOf(inputs, options);
    return spread === null ? null : new MessageReaders(spread, inputs, options);
  }

  /**
   * The pieces of the conversations files, in file order, about one per thread, as the first
   * worker cut them; null when they were not cut or could not be (a file that cannot be cut or
   * read: the table is then read again in one thread, which reports a failure precisely).
   */
  async conversationPieces(inputs: Inputs): Promise<PieceTask[] | null> {
    if (this.#conversationsCut === null) return null;
    const input = inputs.tables.conversations;
    const queue = new PieceQueue();
    const cut = await this.#conversationsCut.into(cutFilesOf(inputs, input), input.reading, queue);
    return cut ? queue.tasks : null;
  }

  /** Cuts the files into the queue's tasks (see {@link cutFiles}), on the first worker or here. */
  cut(files: readonly CutFile[], reading: TableSource | null, queue: PieceQueue): Promise<boolean> {
    return this.#cut === null
      ? cutFiles(files, reading, this.pieceBytes, queue)
      : this.#cut.into(files, reading, queue);
  }

  /** The workers still running (a stopped one says nothing more). */
  running(): Worker[] {
    return this.workers.filter((w) => !this.#stopped.has(w));
  }

  /** Stops the worker threads (their pieces not yet answered are dropped). */
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * Reads the messages table on worker threads, piece by piece (`docs/scale.md`), and adds what
 * each piece gave to the run in file order, so that everything comes out as the one-thread
 * reading gives it: the same rows checked, excluded, routed and kept, in the same order. With
 * no readers (see {@link MessageReaders.start}), or when a piece cannot be read (a fault the
 * one-thread reading reports precisely), nothing is changed and the answer is false: the caller
 * reads the table in one thread, and the readers are closed; else they are left to the run,
 * which may give them parts of the conversations' second read, and closes them.
 */
export async function readMessagesInParallel(
  run: MessagesRun,
  readers: MessageReaders | null,
  onProgress?: (progress: ReadProgress) => void,
): Promise<boolean> {
  if (readers === null) return false;
  const { inputs } = run;
  const input = inputs.tables.messages;
  const totalBytes = input.files.reduce((sum, f) => sum + f.size, 0);
  const files = cutFilesOf(inputs, input);
  const settings = settingsOf(run);
  const here = new MessagePieceReader(settings, {
    conversations: run.routes.conversations,
    agentIndex: run.checks.agentIndex,
  });
  const queue = new PieceQueue();
  const cutting = readers.cut(files, input.reading, queue);
  const sums = await readPieces(settings, run.routes, queue, cutting, { readers, here });
  if (sums === null || sums.rows.length !== files.reduce((n, f) => n + f.tasks.length, 0)) return false;
  // What the pieces gave, already added up in task order (see readPieces): absorbed once, as
  // absorbing each piece in turn would.
  sums.tallies.forEach((part, i) => {
    run.metrics?.tallies[i]?.absorb(part);
  });
  run.routes.exclusions.absorb('messages', sums.excluded);
  run.checks.absorb(sums.rejected);
  run.routes.coverage.absorb('messages', sums.coverage);
  run.routes.warnings.absorb(sums.warnings);
  for (const field of sums.present) input.typer.present.add(field);
  // As the one-thread reading records them: each file cut off inside its last line, in file order.
  for (const cut of sums.cutOff) input.cutOff.push(cut);

  let at = 0;
  let rows = 0;
  let bytes = 0;
  for (const [k, file] of files.entries()) {
    let fileRows = 0;
    for (const task of file.tasks) {
      const pieceRows = sums.rows[at++] ?? 0;
      fileRows += pieceRows;
      rows += pieceRows;
      bytes += task.range.end - task.range.start;
      onProgress?.({ table: 'messages', rows, bytes, totalBytes, done: false });
    }
    input.provenance.push({ path: input.files[k]?.name ?? '', sha256: file.sha256, rows: fileRows });
  }
  input.rows = rows;
  onProgress?.({ table: 'messages', rows, bytes, totalBytes, done: true });
  return true;
}

function settingsOf(run: MessagesRun): MessagePieceSettings {
  return {
    reading: run.inputs.tables.messages.reading,
    readZone: run.readZone.name,
    zone: run.zone.name,
    period: run.period,
    exclusions: run.policy.exclusions.filter((e) => e.table === 'messages'),
    checks: run.checks.state(),
    cap: run.cap,
    warningFields: [...run.needs.fields.values()].flatMap(({ table, field, uses }) =>
      table === 'messages' ? [{ table, field, uses }] : [],
    ),
    metrics: run.metrics?.settings ?? null,
  };
}

/** A messages file being cut: its index in the run's files, its header, and once cut its sha256 and pieces. */
interface CutFile {
  file: LocatedFile;
  index: number;
  header: { columns: string[]; line: number } | null;
  sha256: string;
  tasks: PieceTask[];
}

// Encodings whose files splitFile cannot cut.
const UNCUT: ReadonlySet<Encoding> = new Set(['utf-16le', 'utf-16be']);

/**
 * The pieces to read, in task order, as the files are cut: {@link PieceQueue.take} waits for the
 * piece of a task number until it is found or the cutting is over (then null).
 */
class PieceQueue {
  readonly tasks: PieceTask[] = [];
  #over = false;
  #waiting: Array<() => void> = [];

  push(task: PieceTask): void {
    this.tasks.push(task);
    this.#wake();
  }

  /** No piece will be added (every file is cut, or the cutting stopped). */
  end(): void {
    this.#over = true;
    this.#wake();
  }

  async take(id: number): Promise<PieceTask | null> {
    while (id >= this.tasks.length && !this.#over) await new Promise<void>((r) => this.#waiting.push(r));
    return this.tasks[id] ?? null;
  }

  #wake(): void {
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const wake of waiting) wake();
  }
}

// The task of a piece of a cut file.
function taskOf(
  cut: CutFile,
  reading: TableSource | null,
  range: { start: number; end: number; line: number },
) {
  const { file, index, header } = cut;
  const read = fileOptions(file, reading);
  const task: PieceTask = {
    file: index,
    name: file.name,
    path: file.path,
    format: file.format,
    encoding: read.encoding,
    headerRow: read.headerRow,
    range: { ...range, columns: range.start === 0 || header === null ? null : header.columns },
    header: range.start === 0 ? null : header,
  };
  return task;
}

// Cuts the files one after another on this thread, each piece a task of the queue as soon as it
// is found (so that the worker threads read while the rest is cut); true when every file was
// cut, false when one cannot be (splitFile's null). Throws what the cutting throws (a file that
// cannot be read). The queue ends however it ends.
async function cutFiles(
  files: readonly CutFile[],
  reading: TableSource | null,
  pieceBytes: number,
  queue: PieceQueue,
): Promise<boolean> {
  try {
    for (const cut of files) {
      const onPiece = (range: { start: number; end: number; line: number }) => {
        const task = taskOf(cut, reading, range);
        cut.tasks.push(task);
        queue.push(task);
      };
      const split = await splitFile({ ...fileOptions(cut.file, reading), pieceBytes, onPiece });
      if (split === null) return false;
      cut.sha256 = split.sha256;
    }
    return true;
  } finally {
    queue.end();
  }
}

/**
 * What a worker thread's cutting of a table's files said ({@link cutInPieces}), kept from the
 * moment it starts, before the run is ready to read pieces; a worker that fails or stops ends it
 * as a cutting that could not be done.
 */
class CutReports {
  readonly #reports: CutReport[] = [];
  #wake: (() => void) | null = null;

  /** Keeps what the worker's cutting of this table's files says. */
  constructor(worker: Worker, table: CutTable) {
    const add = (report: CutReport) => {
      if (this.#reports.at(-1)?.cut === 'end') return;
      this.#reports.push(report);
      this.#wake?.();
      this.#wake = null;
    };
    worker.on('message', (message: { cut?: unknown; table?: unknown }) => {
      if (message.cut !== undefined && message.table === table) add(message as CutReport);
    });
    const failed = () => add({ table, cut: 'end', ok: false });
    worker.on('error', failed);
    worker.on('exit', failed);
  }

  /**
   * The cut files' pieces, each a task of the queue in file order as the worker finds it, and
   * each file's sha256; true when every file was cut. The queue ends however it ends.
   */
  async into(files: readonly CutFile[], reading: TableSource | null, queue: PieceQueue): Promise<boolean> {
    try {
      for (let i = 0; ; i++) {
        while (i >= this.#reports.length) await new Promise<void>((r) => (this.#wake = r));
        const report = this.#reports[i] as CutReport;
        if (report.cut === 'end') return report.ok;
        const cut = files[report.file];
        if (cut === undefined) return false;
        if (report.cut === 'file') cut.sha256 = report.sha256;
        else {
          const task = taskOf(cut, reading, report.range);
          cut.tasks.push(task);
          queue.push(task);
        }
      }
    } finally {
      queue.end();
    }
  }
}

// Reads the pieces on the readers' worker threads and on this thread (`here`), each taking the next
// piece when it is done, and appends their messages to the partitions in task order as soon as
// every earlier piece is in (so that the pieces' columns do not wait for the last one), and adds
// the rest of what they gave up in task order at the same time (`PieceSums`: nothing of a piece
// waits for the last one either); the sums, or null when any failed or a file could not be cut,
// the partitions then as they were (the sums, not the run's, are dropped).
// The pieces come from the queue as `cutting` finds them. What the cutting throws is thrown once
// every piece begun is in.
async function readPieces(
  settings: MessagePieceSettings,
  routes: MessagesRun['routes'],
  queue: PieceQueue,
  cutting: Promise<boolean>,
  slots: { readers: MessageReaders; here: MessagePieceReader },
): Promise<PieceSums | null> {
  // The cutting's outcome: every file cut, or not; or what it threw.
  const cut = cutting.then(
    (ok) => ({ ok, error: null }),
    (error: unknown) => ({ ok: false, error }),
  );
  const context: MessagePieceContext | null =
    slots.readers.workers.length > 0
      ? { ...settings, conversations: shareConversations(routes.conversations) }
      : null;
  const workers = slots.readers.workers;
  const store = routes.messages;
  const start = store.mark();
  // The pieces read but not yet added, by task number: some earlier piece is not in yet.
  const waiting = new Map<number, MessagePiece>();
  const sums = new PieceSums(settings.period, settings.cap);
  let appended = 0;
  let next = 0;
  let failed = false;
  const take = async (read: (id: number, task: PieceTask) => Promise<MessagePiece | null>) => {
    while (!failed) {
      const id = next++;
      const task = await queue.take(id);
      if (task === null || failed) return;
      const piece = await read(id, task);
      if (piece === null) {
        failed = true;
        continue;
      }
      waiting.set(id, piece);
      for (let ready = waiting.get(appended); ready !== undefined; ready = waiting.get(appended)) {
        waiting.delete(appended++);
        store.append(ready.messages);
        sums.add(ready);
      }
    }
  };
  let outcome: { ok: boolean; error: unknown } = { ok: false, error: null };
  for (const worker of workers) worker.postMessage({ kind: 'context', context });
  await Promise.all([
    (async () => {
      outcome = await cut;
      if (!outcome.ok) failed = true;
    })(),
    ...workers.map((worker) => take((id, task) => ask(worker, id, task))),
    take((_, task) => slots.here.read(task).catch(() => null)),
  ]);
  // The readers stay for the conversations' second read (the run closes them), unless this failed.
  if (!failed) return sums;
  await slots.readers.close();
  store.rollback(start);
  if (outcome.error !== null) throw outcome.error;
  return null;
}

function ask(worker: Worker, id: number, task: PieceTask): Promise<MessagePiece | null> {
  return new Promise((resolve) => {
    const done = (answer: { id: number; piece?: MessagePiece; error?: string }) => {
      if (answer.id !== id) return;
      worker.off('message', done);
      worker.off('error', fail);
      resolve(answer.piece ?? null);
    };
    const fail = () => {
      worker.off('message', done);
      resolve(null);
    };
    worker.on('message', done);
    worker.once('error', fail);
    worker.postMessage({ kind: 'task', id, task });
  });
}
