import type { Row } from '../row.ts';
import { valuesOf } from '../row.ts';

/** A conversation of any period, as derivation and the second read of conversations need it. */
export interface Conversation {
  /** Its place in the index: derived facts are kept by it. */
  index: number;
  id: string;
  /** The index of the agent who owns it, or -1 (a conversation only messages name). */
  agent: number;
  channel: string | null;
  /** True when an exclusion removed its row. */
  excluded: boolean;
  /** Where its accepted row is (file -1 for one only messages name). */
  file: number;
  line: number;
}

/**
 * How messages find their conversation: by id, its index (-1 for none), the agent who owns it
 * (-1 for none) and whether an exclusion removed it. `named` gives an id without a conversation
 * row a conversation of its own (a run without a conversations table).
 */
export interface ConversationLookup {
  indexOf(id: string): number;
  named(id: string): number;
  agentOf(index: number): number;
  excludedAt(index: number): boolean;
}

/**
 * The conversations of every period by id and in reading order (messages may refer to any of
 * them), to find a conversation's row again when conversations are read a second time.
 */
export class ConversationIndex implements ConversationLookup {
  /** Every conversation, in the order first seen. */
  readonly all: Conversation[] = [];
  readonly #byId = new Map<string, Conversation>();

  get size(): number {
    return this.all.length;
  }

  /** Adds an accepted conversation row. */
  add(row: Row, agent: number, excluded: boolean): void {
    const v = valuesOf('conversations', row.values);
    this.#push(v.conversation_id, agent, v.channel, excluded, row.file, row.line);
  }

  /** The conversation of an id, or undefined. */
  get(id: string): Conversation | undefined {
    return this.#byId.get(id);
  }

  /** The conversation index of an id; without a conversations table, messages make their own. */
  named(id: string): number {
    return (this.#byId.get(id) ?? this.#push(id, -1, null, false, -1, 0)).index;
  }

  /** True when a conversation has this id. */
  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** See {@link ConversationLookup}. */
  indexOf(id: string): number {
    return this.#byId.get(id)?.index ?? -1;
  }

  /** See {@link ConversationLookup}. */
  agentOf(index: number): number {
    return this.all[index]?.agent ?? -1;
  }

  /** See {@link ConversationLookup}. */
  excludedAt(index: number): boolean {
    return this.all[index]?.excluded ?? false;
  }

  /** The conversation whose accepted row is at this place, or null. */
  acceptedAt(id: string, file: number, line: number): Conversation | null {
    const c = this.#byId.get(id);
    return c !== undefined && c.file === file && c.line === line ? c : null;
  }

  #push(
    id: string,
    agent: number,
    channel: string | null,
    excluded: boolean,
    file: number,
    line: number,
  ): Conversation {
    const c = { index: this.all.length, id, agent, channel, excluded, file, line };
    this.all.push(c);
    this.#byId.set(id, c);
    return c;
  }
}
