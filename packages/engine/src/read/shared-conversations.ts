import type { Conversation, ConversationLookup } from '../derive/conversation-index.ts';

/**
 * The accepted conversations as worker threads see them: their ids' UTF-8 bytes one after the
 * other (`offsets[i]` to `offsets[i + 1]`), an open-addressing index of those ids (`slots`:
 * a conversation's index + 1, 0 for an empty slot, found from the FNV-1a hash of the id's bytes
 * by linear probing), and each conversation's agent index and excluded flag. Every array is on
 * shared memory, so sending it to a worker copies nothing and no worker heap holds the ids.
 */
export interface SharedConversations {
  bytes: Uint8Array;
  offsets: Int32Array;
  slots: Int32Array;
  agent: Int32Array;
  excluded: Uint8Array;
}

const encoder = new TextEncoder();

/** The shared form of conversations in index order (see {@link SharedConversations}). */
export function shareConversations(all: readonly Conversation[]): SharedConversations {
  const size = all.reduce((sum, c) => sum + utf8Length(c.id), 0);
  const shared = <T>(make: (buffer: SharedArrayBuffer, n: number) => T, n: number, width: number) =>
    make(new SharedArrayBuffer(Math.max(n, 1) * width), n);
  const bytes = shared((b, n) => new Uint8Array(b, 0, n), size, 1);
  const offsets = shared((b, n) => new Int32Array(b, 0, n), all.length + 1, 4);
  let slotCount = 16;
  while (slotCount < all.length * 2) slotCount *= 2;
  const slots = shared((b, n) => new Int32Array(b, 0, n), slotCount, 4);
  const agent = shared((b, n) => new Int32Array(b, 0, n), all.length, 4);
  const excluded = shared((b, n) => new Uint8Array(b, 0, n), all.length, 1);
  let scratch = new Uint8Array(256);
  let at = 0;
  for (const [i, c] of all.entries()) {
    if (scratch.length < c.id.length * 3) scratch = new Uint8Array(c.id.length * 3);
    const length = encoder.encodeInto(c.id, scratch).written;
    offsets[i] = at;
    bytes.set(scratch.subarray(0, length), at);
    at += length;
    agent[i] = c.agent;
    excluded[i] = c.excluded ? 1 : 0;
    let slot = hashOf(scratch, length) & (slotCount - 1);
    while (slots[slot] !== 0) slot = (slot + 1) & (slotCount - 1);
    slots[slot] = i + 1;
  }
  offsets[all.length] = at;
  return { bytes, offsets, slots, agent, excluded };
}

// The length of a string in UTF-8, a lone surrogate counting as U+FFFD (three bytes), as
// TextEncoder writes it.
function utf8Length(text: string): number {
  let n = 0;
  for (let k = 0; k < text.length; k++) {
    const code = text.charCodeAt(k);
    if (code < 0x80) n += 1;
    else if (code < 0x800) n += 2;
    else if (code >= 0xd800 && code < 0xdc00 && (text.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      k++;
    } else n += 3;
  }
  return n;
}

/**
 * Looks conversations up in their shared form, as {@link ConversationLookup} does in the
 * `ConversationIndex` they were shared from: the same index for every id (ids are compared byte
 * for byte), -1 for an id that is not there. `named` gives -1 too: the row checks reject a
 * message of an unknown conversation before it is routed.
 */
export class SharedConversationLookup implements ConversationLookup {
  readonly #shared: SharedConversations;
  readonly #mask: number;
  #scratch = new Uint8Array(256);
  // Messages of a conversation mostly come together: the last id looked up, and its index.
  #lastId: string | null = null;
  #lastIndex = -1;

  constructor(shared: SharedConversations) {
    this.#shared = shared;
    this.#mask = shared.slots.length - 1;
  }

  /** True when a conversation has this id. */
  has(id: string): boolean {
    return this.indexOf(id) >= 0;
  }

  /** See {@link ConversationLookup}. */
  indexOf(id: string): number {
    if (id === this.#lastId) return this.#lastIndex;
    const index = this.#find(id);
    this.#lastId = id;
    this.#lastIndex = index;
    return index;
  }

  /** See {@link ConversationLookup}. */
  named(id: string): number {
    return this.indexOf(id);
  }

  /** See {@link ConversationLookup}. */
  agentOf(index: number): number {
    return this.#shared.agent[index] ?? -1;
  }

  /** See {@link ConversationLookup}. */
  excludedAt(index: number): boolean {
    return this.#shared.excluded[index] === 1;
  }

  #find(id: string): number {
    // A UTF-8 encoding takes at most three bytes per UTF-16 code unit.
    if (this.#scratch.length < id.length * 3) this.#scratch = new Uint8Array(id.length * 3);
    const key = this.#scratch;
    const length = encoder.encodeInto(id, key).written;
    const { bytes, offsets, slots } = this.#shared;
    let slot = hashOf(key, length) & this.#mask;
    for (;;) {
      const entry = slots[slot] ?? 0;
      if (entry === 0) return -1;
      const i = entry - 1;
      const start = offsets[i] ?? 0;
      if ((offsets[i + 1] ?? 0) - start === length && same(bytes, start, key, length)) return i;
      slot = (slot + 1) & this.#mask;
    }
  }
}

function same(bytes: Uint8Array, start: number, key: Uint8Array, length: number): boolean {
  for (let k = 0; k < length; k++) if (bytes[start + k] !== key[k]) return false;
  return true;
}

// FNV-1a, 32 bits, of the first `length` bytes.
function hashOf(bytes: Uint8Array, length: number): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < length; k++) h = Math.imul(h ^ (bytes[k] ?? 0), 0x01000193);
  return h >>> 0;
}
