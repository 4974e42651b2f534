import type { Row } from '../row.ts';
import { valuesOf } from '../row.ts';

/**
 * How messages find their conversation: by id, its index (-1 for none), the agent who owns it
 * (-1 for none, and for index -1: `agentOf(indexOf(id))` is the agent of an id, or -1) and whether an exclusion removed it. `named` gives an id without a conversation
 * row a conversation of its own (a run without a conversations table).
 */
export interface ConversationLookup {
  indexOf(id: string): number;
  named(id: string): number;
  agentOf(index: number): number;
  excludedAt(index: number): boolean;
}

/**
 * The columns of conversation ids that {@link findConversation} looks in: the ids' UTF-8 bytes
 * one after the other (`offsets[i]` to `offsets[i + 1]`), an open-addressing table of them
 * (`slots`: a conversation's index + 1, 0 for an empty slot, found from the FNV-1a hash of the
 * id's bytes by linear probing; its length a power of two), and the ids that UTF-8 cannot give
 * back (a lone surrogate, whose bytes are those of U+FFFD), by index.
 */
export interface ConversationIds {
  bytes: Uint8Array;
  offsets: Int32Array;
  slots: Int32Array;
  illFormed: ReadonlyMap<number, string>;
}

/** {@link ConversationIndex.forDerivation}: the shared columns, and the channels. */
export interface SharedConversationsWithChannels extends ConversationIds {
  agent: Int32Array;
  excluded: Uint8Array;
  /** Per conversation, its channel's code: `channels[code]` (code 0 is null). */
  channel: Int32Array;
  channels: Array<string | null>;
}

/** {@link ConversationIndex.forSecondRead}. */
export interface SecondReadConversations extends ConversationIds {
  agent: Int32Array;
  excluded: Uint8Array;
  /** Per conversation, the file and line of its accepted row. */
  file: Int32Array;
  line: Int32Array;
  /** A bit per conversation (`index >>> 3`, bit `index & 7`): a kept order names it. */
  converted: Uint8Array;
}

/** Bit `index` of `converted` bits (`index >>> 3`, bit `index & 7`): a kept order names that conversation. */
export function convertedIn(bits: Uint8Array, index: number): boolean {
  return ((bits[index >>> 3] ?? 0) & (1 << (index & 7))) !== 0;
}

/** The id of conversation `index` (0 ≤ index < the conversations) in its columns. */
export function idIn(ids: ConversationIds, index: number): string {
  const illFormed = ids.illFormed.size === 0 ? undefined : ids.illFormed.get(index);
  if (illFormed !== undefined) return illFormed;
  const bytes = ids.bytes.subarray(ids.offsets[index], ids.offsets[index + 1]);
  // A short id of ASCII only is its bytes as code units (what UTF-8 decodes them to), made
  // without the decoder's call.
  if (bytes.length <= ASCII_ID && isAsciiBytes(bytes)) return String.fromCharCode.apply(null, bytes as never);
  return decoder.decode(bytes);
}

/** The longest id {@link idIn} makes from its bytes itself: 64 bytes. */
const ASCII_ID = 64;

function isAsciiBytes(bytes: Uint8Array): boolean {
  for (let k = 0; k < bytes.length; k++) if ((bytes[k] as number) >= 0x80) return false;
  return true;
}

/**
 * The conversations of every period, in the order first seen (their index), as columns
 * (`docs/scale.md` §3): the ids' bytes and their hash table ({@link ConversationIds}), and per
 * conversation its agent's index (-1 for none), its channel (a code into a table of the channels
 * seen), whether an exclusion removed its row, where its accepted row is (file -1 for one only
 * messages name), and whether a kept order names it (a bit). About 30 bytes and the id's bytes
 * per conversation, instead of an object and a map entry; the columns worker threads look in are
 * on shared memory, so they read them without a copy.
 */
export class ConversationIndex implements ConversationLookup {
  #size = 0;
  #bytes = sharedBytes(1024);
  #byteLength = 0;
  #offsets = sharedInt32(1025);
  #slots: Int32Array;
  #agent = sharedInt32(1024);
  #excluded = sharedBytes(1024);
  #file = sharedInt32(1024);
  #line = sharedInt32(1024);
  #channel = new Int32Array(1024);
  // A bit per conversation: a kept order names it (`converted`).
  #converted = new Uint8Array(1024 / 8);
  readonly #channels: Array<string | null> = [null];
  readonly #channelCodes = new Map<string, number>();
  // The ids that UTF-8 cannot give back (a lone surrogate, stored as U+FFFD), by index.
  readonly #illFormed = new Map<number, string>();
  #scratch = new Uint8Array(256);
  // Messages of a conversation mostly come together: the last id found, and its index.
  #lastId: string | null = null;
  #lastIndex = -1;
  // The id last looked up and not found, and the empty slot where its probe ended: adding that id
  // next (a conversations row is looked up by the row checks, then added) takes the slot without
  // hashing and probing again. Any other addition forgets it.
  #missedId: string | null = null;
  #missedSlot = -1;

  /**
   * `expected`: about how many conversations will be added (an estimate: 0 when unknown). The
   * hash table starts with room for them, at most half full, so that it is not rebuilt as it
   * fills; a wrong estimate only costs rebuilding (too low) or memory (too high). Whatever the
   * estimate, every lookup gives the same index.
   */
  constructor(expected = 0) {
    this.#slots = sharedInt32(slotsFor(expected));
  }

  /** How many conversations there are. */
  get size(): number {
    return this.#size;
  }

  /** Adds an accepted conversation row. */
  add(row: Row, agent: number, excluded: boolean): void {
    const v = valuesOf('conversations', row.values);
    this.#push(v.conversation_id, agent, v.channel, excluded, row.file, row.line);
  }

  /** The conversation index of an id; without a conversations table, messages make their own. */
  named(id: string): number {
    const found = this.indexOf(id);
    return found >= 0 ? found : this.#push(id, -1, null, false, -1, 0);
  }

  /** See {@link ConversationLookup}. */
  indexOf(id: string): number {
    if (id === this.#lastId) return this.#lastIndex;
    // Rows of other tables mostly come in the order of their conversations: the one after the
    // last found is tried first (its bytes follow, no hash lookup).
    const next = this.#lastIndex + 1;
    if (next < this.#size && this.#isAscii(next, id)) {
      this.#lastId = id;
      this.#lastIndex = next;
      return next;
    }
    const found = probe(this.#bytes, this.#offsets, this.#slots, this.#illFormed, id, this.#scratchFor(id));
    // Only an id found is remembered as found: one not found may be added next, at its slot.
    if (found < 0) {
      this.#missedId = id;
      this.#missedSlot = -1 - found;
      return -1;
    }
    this.#lastId = id;
    this.#lastIndex = found;
    return found;
  }

  /** See {@link ConversationLookup}. */
  agentOf(index: number): number {
    return index >= 0 && index < this.#size ? (this.#agent[index] ?? -1) : -1;
  }

  /** See {@link ConversationLookup}. */
  excludedAt(index: number): boolean {
    return index >= 0 && index < this.#size && this.#excluded[index] === 1;
  }

  /** The id of conversation `index` (0 ≤ index < size). */
  idAt(index: number): string {
    return idIn(this.#ids(), index);
  }

  /** The channel of conversation `index`, or null. */
  channelAt(index: number): string | null {
    return this.#channels[this.#channel[index] ?? 0] ?? null;
  }

  /**
   * Marks conversation `index` as named by a kept order (its `converted` fact); an index that is
   * not a conversation's (-1: an id only orders name) marks nothing.
   */
  markConverted(index: number): void {
    if (index < 0 || index >= this.#size) return;
    const at = index >>> 3;
    this.#converted[at] = (this.#converted[at] ?? 0) | (1 << (index & 7));
  }

  /** True when a kept order names conversation `index` ({@link markConverted}). */
  convertedAt(index: number): boolean {
    return index >= 0 && index < this.#size && convertedIn(this.#converted, index);
  }

  /** The index of the file of conversation `index`'s accepted row in the run's files; -1 for none. */
  fileAt(index: number): number {
    return this.#file[index] ?? -1;
  }

  /** The line of conversation `index`'s accepted row (0 for none). */
  lineAt(index: number): number {
    return this.#line[index] ?? 0;
  }

  /**
   * The index of the conversation whose accepted row is at this place, or -1. `expected` is the
   * caller's guess (-1 for none): when the conversation there has this id and its row is at this
   * place, it is the answer without a lookup — records read again in the order their
   * conversations were added guess the one after the last found.
   */
  acceptedAt(id: string, file: number, line: number, expected = -1): number {
    if (
      expected >= 0 &&
      expected < this.#size &&
      this.#file[expected] === file &&
      this.#line[expected] === line &&
      this.#hasId(expected, id)
    )
      return expected;
    const c = this.indexOf(id);
    return c >= 0 && this.#file[c] === file && this.#line[c] === line ? c : -1;
  }

  /**
   * The ids, agents and excluded flags as they are now, on shared memory (views of this index's
   * own columns, not copies): for worker threads, which only look conversations up.
   */
  shared(): ConversationIds & { agent: Int32Array; excluded: Uint8Array } {
    const n = this.#size;
    return {
      bytes: this.#bytes.subarray(0, this.#byteLength),
      offsets: this.#offsets.subarray(0, n + 1),
      slots: this.#slots,
      illFormed: this.#illFormed,
      agent: this.#agent.subarray(0, n),
      excluded: this.#excluded.subarray(0, n),
    };
  }

  /**
   * What derivation reads, for another thread: the ids, agents and excluded flags on shared
   * memory ({@link ConversationIndex.shared}), and each conversation's channel code (a copy) with
   * the channels by code.
   */
  forDerivation(): SharedConversationsWithChannels {
    return { ...this.shared(), channel: this.#channel.slice(0, this.#size), channels: [...this.#channels] };
  }

  /**
   * What the conversations' second read looks up on another thread: the shared columns
   * ({@link ConversationIndex.shared}), where each accepted row is (shared too) and the
   * `converted` bits as they are now (a copy).
   */
  forSecondRead(): SecondReadConversations {
    const n = this.#size;
    return {
      ...this.shared(),
      file: this.#file.subarray(0, n),
      line: this.#line.subarray(0, n),
      converted: this.#converted.slice(0, Math.ceil(n / 8)),
    };
  }

  #ids(): ConversationIds {
    return { bytes: this.#bytes, offsets: this.#offsets, slots: this.#slots, illFormed: this.#illFormed };
  }

  // True when conversation `index` has exactly this id; decided here for an id of ASCII only,
  // else by a lookup.
  #hasId(index: number, id: string): boolean {
    return this.#isAscii(index, id) || (!isAscii(id) && this.indexOf(id) === index);
  }

  // True when `id` is of ASCII only and conversation `index` has exactly it (its bytes are its
  // code units).
  #isAscii(index: number, id: string): boolean {
    return asciiIdAt(this.#bytes, this.#offsets, index, id);
  }

  #scratchFor(id: string): Uint8Array {
    // A UTF-8 encoding takes at most three bytes per UTF-16 code unit.
    if (this.#scratch.length < id.length * 3) this.#scratch = new Uint8Array(id.length * 3);
    return this.#scratch;
  }

  #push(
    id: string,
    agent: number,
    channel: string | null,
    excluded: boolean,
    file: number,
    line: number,
  ): number {
    const i = this.#size;
    const slot = id === this.#missedId ? this.#missedSlot : -1;
    this.#missedId = null;
    if (i === this.#agent.length) this.#grow(i * 2);
    // At most three UTF-8 bytes per UTF-16 code unit.
    const room = this.#byteLength + id.length * 3;
    if (room > this.#bytes.length)
      this.#bytes = copyInto(
        sharedBytes(Math.max(this.#bytes.length * 2, room)),
        this.#bytes,
        this.#byteLength,
      );
    const bytes = this.#bytes;
    const start = this.#byteLength;
    // An id of ASCII only is its UTF-16 code units; any other is encoded.
    let length = 0;
    while (length < id.length) {
      const code = id.charCodeAt(length);
      if (code >= 0x80) break;
      bytes[start + length] = code;
      length++;
    }
    if (length < id.length) {
      const scratch = this.#scratchFor(id);
      length = encoder.encodeInto(id, scratch).written;
      bytes.set(scratch.subarray(0, length), start);
      if (length !== id.length && !id.isWellFormed()) this.#illFormed.set(i, id);
    }
    this.#byteLength += length;
    this.#offsets[i + 1] = this.#byteLength;
    this.#agent[i] = agent;
    this.#excluded[i] = excluded ? 1 : 0;
    this.#file[i] = file;
    this.#line[i] = line;
    this.#channel[i] = this.#codeOf(channel);
    this.#size = i + 1;
    // The table is kept at most half full, so that probes stay short.
    if (this.#size * 2 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    else if (slot >= 0) this.#slots[slot] = i + 1;
    else place(this.#slots, hashOf(bytes, start, start + length), i);
    return i;
  }

  #codeOf(channel: string | null): number {
    if (channel === null) return 0;
    let code = this.#channelCodes.get(channel);
    if (code === undefined) {
      code = this.#channels.push(channel) - 1;
      this.#channelCodes.set(channel, code);
    }
    return code;
  }

  #grow(capacity: number): void {
    const n = this.#size;
    this.#offsets = copyInto(sharedInt32(capacity + 1), this.#offsets, n + 1);
    this.#agent = copyInto(sharedInt32(capacity), this.#agent, n);
    this.#excluded = copyInto(sharedBytes(capacity), this.#excluded, n);
    this.#file = copyInto(sharedInt32(capacity), this.#file, n);
    this.#line = copyInto(sharedInt32(capacity), this.#line, n);
    this.#channel = copyInto(new Int32Array(capacity), this.#channel, n);
    this.#converted = copyInto(
      new Uint8Array(Math.ceil(capacity / 8)),
      this.#converted,
      this.#converted.length,
    );
  }

  #rehash(slotCount: number): void {
    const slots = sharedInt32(slotCount);
    const bytes = this.#bytes;
    const offsets = this.#offsets;
    for (let i = 0; i < this.#size; i++) place(slots, hashOf(bytes, offsets[i] ?? 0, offsets[i + 1] ?? 0), i);
    this.#slots = slots;
  }
}

/**
 * The index of the conversation with exactly this id in `ids`, or -1. Ids are hashed and compared
 * byte for byte in UTF-8 (a lone surrogate as U+FFFD, as TextEncoder writes it); when the bytes
 * are equal, an id with a lone surrogate is compared as a string with the one kept in
 * `illFormed`, so that `a\ud800` and `a\ufffd` are two ids, as they are to a `Map`. `scratch` has
 * room for the id's bytes (three per UTF-16 code unit); an id of ASCII only is hashed and
 * compared without encoding.
 */
export function findConversation(ids: ConversationIds, id: string, scratch: Uint8Array): number {
  const found = probe(ids.bytes, ids.offsets, ids.slots, ids.illFormed, id, scratch);
  return found < 0 ? -1 : found;
}

// The find of findConversation: the index found, or for an id not found -1 - the empty slot
// where its probe ended (where it would be placed).
function probe(
  bytes: Uint8Array,
  offsets: Int32Array,
  slots: Int32Array,
  illFormed: ReadonlyMap<number, string>,
  id: string,
  scratch: Uint8Array,
): number {
  const mask = slots.length - 1;
  let h = 0x811c9dc5;
  let ascii = true;
  for (let k = 0; k < id.length; k++) {
    const code = id.charCodeAt(k);
    if (code >= 0x80) {
      ascii = false;
      break;
    }
    h = Math.imul(h ^ code, 0x01000193);
  }
  const length = ascii ? id.length : encoder.encodeInto(id, scratch).written;
  const wellFormed = ascii || id.isWellFormed();
  let slot = (ascii ? h >>> 0 : hashOf(scratch, 0, length)) & mask;
  for (;;) {
    const entry = slots[slot] ?? 0;
    if (entry === 0) return -1 - slot;
    const i = entry - 1;
    const start = offsets[i] ?? 0;
    if (
      (offsets[i + 1] ?? 0) - start === length &&
      (ascii ? sameAscii(bytes, start, id) : same(bytes, start, scratch, length))
    ) {
      if (ascii) return i;
      // Equal bytes: the same id, unless one of the two has a lone surrogate.
      const kept = illFormed.get(i);
      if (kept === undefined ? wellFormed : kept === id) return i;
    }
    slot = (slot + 1) & mask;
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function place(slots: Int32Array, hash: number, index: number): void {
  const mask = slots.length - 1;
  let slot = hash & mask;
  while (slots[slot] !== 0) slot = (slot + 1) & mask;
  slots[slot] = index + 1;
}

/**
 * True when `id` is of ASCII only and conversation `index` of these id columns has exactly it (its
 * bytes are its code units): a guess checked without hashing.
 */
export function asciiIdAt(bytes: Uint8Array, offsets: Int32Array, index: number, id: string): boolean {
  const start = offsets[index] ?? 0;
  if ((offsets[index + 1] ?? 0) - start !== id.length) return false;
  for (let k = 0; k < id.length; k++) {
    const code = id.charCodeAt(k);
    if (code >= 0x80 || bytes[start + k] !== code) return false;
  }
  return true;
}

function isAscii(id: string): boolean {
  for (let k = 0; k < id.length; k++) if (id.charCodeAt(k) >= 0x80) return false;
  return true;
}

function sameAscii(bytes: Uint8Array, start: number, id: string): boolean {
  for (let k = 0; k < id.length; k++) if (bytes[start + k] !== id.charCodeAt(k)) return false;
  return true;
}

function same(bytes: Uint8Array, start: number, key: Uint8Array, length: number): boolean {
  for (let k = 0; k < length; k++) if (bytes[start + k] !== key[k]) return false;
  return true;
}

// FNV-1a, 32 bits, of bytes[from … to).
function hashOf(bytes: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ (bytes[k] ?? 0), 0x01000193);
  return h >>> 0;
}

// The hash table's length for `expected` conversations: a power of two at least twice that, from
// 2^11 to 2^25 (128 MiB).
function slotsFor(expected: number): number {
  let n = 2048;
  while (n < 2 * expected && n < 2 ** 25) n *= 2;
  return n;
}

function sharedBytes(n: number): Uint8Array {
  return new Uint8Array(new SharedArrayBuffer(n));
}

function sharedInt32(n: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(n * 4));
}

function copyInto<T extends Uint8Array | Int32Array>(to: T, from: T, n: number): T {
  to.set(from.subarray(0, n));
  return to;
}
