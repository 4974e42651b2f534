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
 * The conversations of every period by id and in reading order (messages may refer to any of
 * them), to find a conversation's row again when conversations are read a second time.
 */
export class ConversationIndex {
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

  /** The conversation of an id; without a conversations table, messages make their own. */
  named(id: string): Conversation {
    return this.#byId.get(id) ?? this.#push(id, -1, null, false, -1, 0);
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
