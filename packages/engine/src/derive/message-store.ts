/** Who sent a message, as far as derivation cares: bots, system and other senders are dropped. */
export const CUSTOMER = 0;
export const AGENT = 1;

/** The messages of each conversation, in the order derivation reads them. */
export interface MessageGroups {
  /** Conversation `c`'s message indexes (empty for a conversation without messages). */
  of(conversation: number): Int32Array;
}

/** Where routed messages are kept: a store, or the run's partitions of them. */
export interface MessageSink {
  /** Keeps a message; `agent` is the replying agent's index or -1. */
  push(conversation: number, sentAt: number, sender: number, agent: number, file: number, line: number): void;
}

/** Messages as columns, one value per message in each. */
export interface MessageColumns {
  length: number;
  conversation: Int32Array;
  sentAt: Float64Array;
  sender: Uint8Array;
  agent: Int32Array;
  file: Int32Array;
  line: Int32Array;
}

/**
 * The customer and agent messages of a run in compact columns (a few bytes each), so that
 * millions of messages fit; their text is not kept (exclusions have already looked at it).
 */
export class MessageStore implements MessageSink {
  length = 0;
  #conversation: Int32Array = new Int32Array(1024);
  #sentAt: Float64Array = new Float64Array(1024);
  #sender: Uint8Array = new Uint8Array(1024);
  #agent: Int32Array = new Int32Array(1024);
  #file: Int32Array = new Int32Array(1024);
  #line: Int32Array = new Int32Array(1024);

  /** Adds a message; `agent` is the replying agent's index or -1. */
  push(
    conversation: number,
    sentAt: number,
    sender: number,
    agent: number,
    file: number,
    line: number,
  ): void {
    if (this.length === this.#conversation.length) this.#grow();
    const i = this.length++;
    this.#conversation[i] = conversation;
    this.#sentAt[i] = sentAt;
    this.#sender[i] = sender;
    this.#agent[i] = agent;
    this.#file[i] = file;
    this.#line[i] = line;
  }

  /** The columns of the messages kept, trimmed to their length (copies, for another thread). */
  columns(): MessageColumns {
    const n = this.length;
    return {
      length: n,
      conversation: this.#conversation.slice(0, n),
      sentAt: this.#sentAt.slice(0, n),
      sender: this.#sender.slice(0, n),
      agent: this.#agent.slice(0, n),
      file: this.#file.slice(0, n),
      line: this.#line.slice(0, n),
    };
  }

  /** A store of these columns, not copied (the columns of {@link MessageStore.release}, on another thread). */
  static of(columns: MessageColumns): MessageStore {
    const store = new MessageStore();
    store.length = columns.length;
    store.#conversation = columns.conversation;
    store.#sentAt = columns.sentAt;
    store.#sender = columns.sender;
    store.#agent = columns.agent;
    store.#file = columns.file;
    store.#line = columns.line;
    return store;
  }

  /**
   * The store's own columns, not copied, trimmed to its length (views of its arrays, whose buffers
   * can be transferred to another thread); the store is then empty.
   */
  release(): MessageColumns {
    const n = this.length;
    const columns = {
      length: n,
      conversation: this.#conversation.subarray(0, n),
      sentAt: this.#sentAt.subarray(0, n),
      sender: this.#sender.subarray(0, n),
      agent: this.#agent.subarray(0, n),
      file: this.#file.subarray(0, n),
      line: this.#line.subarray(0, n),
    };
    this.length = 0;
    this.#resize(1024);
    return columns;
  }

  /** Adds the messages of {@link MessageStore.columns} after those kept, in their order. */
  append(more: MessageColumns): void {
    while (this.length + more.length > this.#conversation.length) this.#grow();
    const at = this.length;
    this.#conversation.set(more.conversation, at);
    this.#sentAt.set(more.sentAt, at);
    this.#sender.set(more.sender, at);
    this.#agent.set(more.agent, at);
    this.#file.set(more.file, at);
    this.#line.set(more.line, at);
    this.length += more.length;
  }

  /**
   * Makes room for `capacity` messages in all, at once (when the number to come can be told
   * beforehand), instead of doubling the columns as they fill; more messages still fit.
   */
  reserve(capacity: number): void {
    if (capacity > this.#conversation.length) this.#resize(capacity);
  }

  /** Drops the messages from `length` on (those a reading that was given up appended). */
  truncate(length: number): void {
    this.length = Math.min(this.length, Math.max(0, length));
  }

  // Every column holds `length` values and is read only at the indexes the store hands out
  // (below `length`), so a read of a column is never undefined.
  // biome-ignore-start lint/style/noNonNullAssertion: reads below `length` (see above)
  /** The conversation index of message `i`. */
  conversation(i: number): number {
    return this.#conversation[i]!;
  }
  /** When message `i` was sent (epoch milliseconds). */
  sentAt(i: number): number {
    return this.#sentAt[i]!;
  }
  /** {@link CUSTOMER} or {@link AGENT}. */
  sender(i: number): number {
    return this.#sender[i]!;
  }
  /** The replying agent's index, or -1. */
  agent(i: number): number {
    return this.#agent[i]!;
  }
  /** The file index of message `i`'s row. */
  file(i: number): number {
    return this.#file[i]!;
  }
  /** The line of message `i`'s row. */
  line(i: number): number {
    return this.#line[i]!;
  }

  /**
   * Message indexes grouped by conversation (a counting sort) for the conversations of index
   * `from` to `to − 1` (every message of the store is of one of them), each group sorted by
   * `sent_at` with ties in store order: `of(c)` lists conversation `c`'s messages in that order.
   */
  groupByConversation(from: number, to: number): MessageGroups {
    const conversations = to - from;
    const starts = new Int32Array(conversations + 1);
    for (let i = 0; i < this.length; i++) starts[this.#conversation[i]! - from + 1]!++;
    for (let c = 0; c < conversations; c++) starts[c + 1]! += starts[c]!;
    const next = starts.slice(0, conversations);
    const order = new Int32Array(this.length);
    for (let i = 0; i < this.length; i++) order[next[this.#conversation[i]! - from]!++] = i;
    const sentAt = this.#sentAt;
    for (let c = 0; c < conversations; c++) {
      const start = starts[c]!;
      const end = starts[c + 1]!;
      if (end - start > 64) {
        order.subarray(start, end).sort((a, b) => sentAt[a]! - sentAt[b]! || a - b);
        continue;
      }
      // Insertion sort for the usual small, mostly ordered group; stable, so ties keep store order.
      for (let i = start + 1; i < end; i++) {
        const item = order[i]!;
        const t = sentAt[item]!;
        let j = i - 1;
        while (j >= start && sentAt[order[j]!]! > t) {
          order[j + 1] = order[j]!;
          j--;
        }
        order[j + 1] = item;
      }
    }
    return { of: (c) => order.subarray(starts[c - from]!, starts[c - from + 1]!) };
  }
  // biome-ignore-end lint/style/noNonNullAssertion: reads below `length`

  #grow(): void {
    this.#resize(this.#conversation.length * 2);
  }

  #resize(size: number): void {
    const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(size);
      b.set(a.subarray(0, this.length));
      return b;
    };
    this.#conversation = grow(this.#conversation, (n) => new Int32Array(n));
    this.#sentAt = grow(this.#sentAt, (n) => new Float64Array(n));
    this.#sender = grow(this.#sender, (n) => new Uint8Array(n));
    this.#agent = grow(this.#agent, (n) => new Int32Array(n));
    this.#file = grow(this.#file, (n) => new Int32Array(n));
    this.#line = grow(this.#line, (n) => new Int32Array(n));
  }
}
