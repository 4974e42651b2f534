import { appendFileSync, mkdtempSync, readFileSync, rmSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MessageColumns, type MessageSink, MessageStore } from './message-store.ts';

/** How the messages kept for derivation are held (`spill` of `evaluate`; `docs/scale.md` §5.2). */
export interface SpillOptions {
  /**
   * Conversations per partition, `K`: partition `p` holds the messages of the conversations of
   * index `p·K` to `(p + 1)·K − 1`. Default 262,144 (2^18).
   */
  conversationsPerPartition?: number;
  /**
   * Messages held in memory at most: when one more is kept, every partition goes to a file of its
   * own in a temporary folder, and later messages are appended to those files. Default 4,000,000
   * (100 MB of columns); 0 spills from the first message; `Infinity` never spills.
   */
  messagesInMemory?: number;
  /** Where the temporary folder of spill files is made; by default the system's temporary folder. */
  folder?: string;
  /**
   * Accepted conversations whose values are kept in memory, as columns, for the measure stage
   * (`docs/scale.md` §1, the conversations kept), at most: with more (or 0), the measure stage
   * reads the conversations files a second time. Default 2,097,152 (2^21). Read by the
   * evaluation, not by the message partitions.
   */
  conversationsInMemory?: number;
}

const CONVERSATIONS_PER_PARTITION = 2 ** 18;
const MESSAGES_IN_MEMORY = 4_000_000;
// A message as a record of a spill file: conversation (int32), sent_at (float64), sender
// (uint8), agent, file, line (int32 each), little-endian, one after the other.
const RECORD = 25;
// Records a partition gathers before they are appended to its file.
const WRITE_RECORDS = 2048;

// A partition on disk: its file, and the records not yet appended to it.
interface SpillFile {
  path: string;
  written: number;
  pending: Buffer;
  view: DataView;
  count: number;
}

/** Where derivation takes the messages from, partition by partition, in order. */
export interface PartitionSource {
  readonly conversationsPerPartition: number;
  /** The messages of partition `p` in reading order; each partition is taken once. */
  take(p: number): MessageStore;
}

/**
 * A partition handed to another thread ({@link MessagePartitions.handOver}): its columns (whose
 * buffers can be transferred), or its spill file, or null for an empty one.
 */
export type PartitionHandle = { columns: MessageColumns } | { path: string } | null;

/**
 * The customer and agent messages kept for derivation, partitioned by conversation index range
 * (see {@link SpillOptions}), each partition in reading order: in memory while they are few, in
 * files of fixed-width records beyond that. Derivation takes the partitions one at a time in
 * order ({@link MessagePartitions.take}), so that it visits conversations in index order and each
 * conversation's messages in reading order, as one store of every message would give them.
 * {@link MessagePartitions.close} removes the files (also after a failed run).
 */
export class MessagePartitions implements MessageSink, PartitionSource {
  readonly conversationsPerPartition: number;
  readonly #limit: number;
  readonly #parent: string | undefined;
  #length = 0;
  #memory: Array<MessageStore | undefined> = [];
  #folder: string | null = null;
  #files: Array<SpillFile | undefined> = [];

  constructor(options: SpillOptions = {}) {
    this.conversationsPerPartition = Math.max(
      1,
      Math.floor(options.conversationsPerPartition ?? CONVERSATIONS_PER_PARTITION),
    );
    this.#limit = options.messagesInMemory ?? MESSAGES_IN_MEMORY;
    this.#parent = options.folder;
  }

  /** How many messages are kept. */
  get length(): number {
    return this.#length;
  }

  /** True once the partitions are in files. */
  get spilled(): boolean {
    return this.#folder !== null;
  }

  /** Keeps a message in its conversation's partition; `agent` is the replying agent's index or -1. */
  push(
    conversation: number,
    sentAt: number,
    sender: number,
    agent: number,
    file: number,
    line: number,
  ): void {
    const p = Math.floor(conversation / this.conversationsPerPartition);
    if (this.#folder === null && this.#length >= this.#limit) this.#spill();
    this.#length++;
    if (this.#folder === null) {
      let store = this.#memory[p];
      if (store === undefined) {
        store = new MessageStore();
        this.#memory[p] = store;
      }
      store.push(conversation, sentAt, sender, agent, file, line);
      return;
    }
    const spill = this.#fileOf(p);
    if (spill.count * RECORD === spill.pending.length) {
      if (spill.count === WRITE_RECORDS) this.#flush(spill);
      else spill.pending = grown(spill, Math.min(spill.count * 2, WRITE_RECORDS) * RECORD);
    }
    writeRecord(spill.view, spill.count++ * RECORD, conversation, sentAt, sender, agent, file, line);
  }

  /** Keeps the messages of {@link MessageStore.columns}, in their order. */
  append(more: MessageColumns): void {
    for (let i = 0; i < more.length; i++)
      this.push(
        more.conversation[i] ?? 0,
        more.sentAt[i] ?? 0,
        more.sender[i] ?? 0,
        more.agent[i] ?? -1,
        more.file[i] ?? 0,
        more.line[i] ?? 0,
      );
  }

  /** How many messages each partition holds now, for {@link MessagePartitions.rollback}. */
  mark(): number[] {
    const partitions = Math.max(this.#memory.length, this.#files.length);
    return Array.from({ length: partitions }, (_, p) => this.#countOf(p));
  }

  /** Drops the messages kept since `mark` (those of a reading that was given up). */
  rollback(mark: readonly number[]): void {
    const partitions = Math.max(this.#memory.length, this.#files.length);
    for (let p = 0; p < partitions; p++) {
      const keep = mark[p] ?? 0;
      const count = this.#countOf(p);
      if (count <= keep) continue;
      this.#length -= count - keep;
      const store = this.#memory[p];
      if (store !== undefined) store.truncate(keep);
      const spill = this.#files[p];
      if (spill === undefined) continue;
      if (keep >= spill.written) {
        spill.count = keep - spill.written;
        continue;
      }
      truncateSync(spill.path, keep * RECORD);
      spill.written = keep;
      spill.count = 0;
    }
  }

  /**
   * The messages of partition `p` (conversations `p·K` to `(p + 1)·K − 1`) in reading order, as a
   * store of their own; the partition is then released (its file removed): each is taken once.
   */
  take(p: number): MessageStore {
    const store = this.#memory[p];
    if (store !== undefined) {
      this.#memory[p] = undefined;
      return store;
    }
    const spill = this.#files[p];
    if (spill === undefined) return new MessageStore();
    this.#files[p] = undefined;
    this.#flush(spill);
    return takePartitionFile(spill.path);
  }

  /**
   * Every partition, for derivation on another thread (`docs/scale.md` §1): a partition in memory
   * as its store's own columns (released, not copied), a spilled one as its file, every record
   * written to it; the partitions here are then empty (the spill folder is still removed by
   * {@link MessagePartitions.close}).
   */
  handOver(): PartitionHandle[] {
    const partitions = Math.max(this.#memory.length, this.#files.length);
    const handles = Array.from({ length: partitions }, (_, p): PartitionHandle => {
      const store = this.#memory[p];
      if (store !== undefined) return { columns: store.release() };
      const spill = this.#files[p];
      if (spill === undefined) return null;
      this.#flush(spill);
      return { path: spill.path };
    });
    this.#memory = [];
    this.#files = [];
    this.#length = 0;
    return handles;
  }

  /** Removes the spill files and their folder; the partitions are then empty. */
  close(): void {
    this.#memory = [];
    this.#files = [];
    this.#length = 0;
    if (this.#folder !== null) rmSync(this.#folder, { recursive: true, force: true });
    this.#folder = null;
  }

  #countOf(p: number): number {
    const spill = this.#files[p];
    return (this.#memory[p]?.length ?? 0) + (spill === undefined ? 0 : spill.written + spill.count);
  }

  // Moves every partition held in memory to its file; later messages go to the files.
  #spill(): void {
    this.#folder = mkdtempSync(join(this.#parent ?? tmpdir(), 'scorebook-messages-'));
    this.#memory.forEach((store, p) => {
      if (store === undefined) return;
      const bytes = Buffer.alloc(store.length * RECORD);
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      for (let i = 0; i < store.length; i++)
        writeRecord(
          view,
          i * RECORD,
          store.conversation(i),
          store.sentAt(i),
          store.sender(i),
          store.agent(i),
          store.file(i),
          store.line(i),
        );
      const spill = this.#fileOf(p);
      appendFileSync(spill.path, bytes);
      spill.written = store.length;
    });
    this.#memory = [];
  }

  #fileOf(p: number): SpillFile {
    let spill = this.#files[p];
    if (spill === undefined) {
      const pending = Buffer.alloc(16 * RECORD);
      spill = {
        path: join(this.#folder ?? tmpdir(), `partition-${p}.bin`),
        written: 0,
        pending,
        view: new DataView(pending.buffer, pending.byteOffset, pending.byteLength),
        count: 0,
      };
      this.#files[p] = spill;
    }
    return spill;
  }

  #flush(spill: SpillFile): void {
    if (spill.count === 0) return;
    appendFileSync(spill.path, spill.pending.subarray(0, spill.count * RECORD));
    spill.written += spill.count;
    spill.count = 0;
  }
}

// A larger buffer for a partition's pending records, with those it holds.
function grown(spill: SpillFile, bytes: number): Buffer {
  const pending = Buffer.alloc(bytes);
  spill.pending.copy(pending, 0, 0, spill.count * RECORD);
  spill.view = new DataView(pending.buffer, pending.byteOffset, pending.byteLength);
  return pending;
}

function writeRecord(
  view: DataView,
  at: number,
  conversation: number,
  sentAt: number,
  sender: number,
  agent: number,
  file: number,
  line: number,
): void {
  view.setInt32(at, conversation, true);
  view.setFloat64(at + 4, sentAt, true);
  view.setUint8(at + 12, sender);
  view.setInt32(at + 13, agent, true);
  view.setInt32(at + 17, file, true);
  view.setInt32(at + 21, line, true);
}

/** The messages of a partition's spill file, as a store; the file is then removed. */
export function takePartitionFile(path: string): MessageStore {
  const bytes = readFileSync(path);
  rmSync(path, { force: true });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n = Math.floor(bytes.byteLength / RECORD);
  const out = new MessageStore();
  out.reserve(n);
  for (let i = 0, at = 0; i < n; i++, at += RECORD)
    out.push(
      view.getInt32(at, true),
      view.getFloat64(at + 4, true),
      view.getUint8(at + 12),
      view.getInt32(at + 13, true),
      view.getInt32(at + 17, true),
      view.getInt32(at + 21, true),
    );
  return out;
}

/** Partitions handed over by {@link MessagePartitions.handOver}, taken on the thread they were handed to. */
export class HandedPartitions implements PartitionSource {
  readonly conversationsPerPartition: number;
  readonly #handles: PartitionHandle[];

  constructor(conversationsPerPartition: number, handles: PartitionHandle[]) {
    this.conversationsPerPartition = conversationsPerPartition;
    this.#handles = handles;
  }

  /** See {@link PartitionSource.take}. */
  take(p: number): MessageStore {
    const handle = this.#handles[p] ?? null;
    this.#handles[p] = null;
    if (handle === null) return new MessageStore();
    return 'columns' in handle ? MessageStore.of(handle.columns) : takePartitionFile(handle.path);
  }
}
