import {
  asciiIdAt,
  type ConversationIds,
  type ConversationIndex,
  type ConversationLookup,
  findConversation,
} from '../derive/conversation-index.ts';

/**
 * The accepted conversations as worker threads see them: the conversation index's own id
 * columns ({@link ConversationIds}) and each conversation's agent index and excluded flag.
 * Every array is on shared memory, so sending it to a worker copies nothing and no worker heap
 * holds the ids.
 */
export interface SharedConversations extends ConversationIds {
  agent: Int32Array;
  excluded: Uint8Array;
}

/** The shared form of the conversations of an index as they are now (see {@link SharedConversations}). */
export function shareConversations(conversations: ConversationIndex): SharedConversations {
  return conversations.shared();
}

/**
 * Looks conversations up in their shared form, as {@link ConversationLookup} does in the
 * `ConversationIndex` they were shared from: the same index for every id (ids are compared byte
 * for byte), -1 for an id that is not there. `named` gives -1 too: the row checks reject a
 * message of an unknown conversation before it is routed.
 */
export class SharedConversationLookup implements ConversationLookup {
  readonly #shared: SharedConversations;
  #scratch = new Uint8Array(256);
  // Messages of a conversation mostly come together: the last id looked up, and its index.
  #lastId: string | null = null;
  #lastIndex = -1;

  constructor(shared: SharedConversations) {
    this.#shared = shared;
  }

  /** See {@link ConversationLookup}. */
  indexOf(id: string): number {
    if (id === this.#lastId) return this.#lastIndex;
    // As in the ConversationIndex: the conversation after the last found is tried first.
    const next = this.#lastIndex + 1;
    const shared = this.#shared;
    if (next < shared.agent.length && asciiIdAt(shared.bytes, shared.offsets, next, id)) {
      this.#lastId = id;
      this.#lastIndex = next;
      return next;
    }
    // A UTF-8 encoding takes at most three bytes per UTF-16 code unit.
    if (this.#scratch.length < id.length * 3) this.#scratch = new Uint8Array(id.length * 3);
    const index = findConversation(this.#shared, id, this.#scratch);
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
}
