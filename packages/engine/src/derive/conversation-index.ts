import type { Row } from '../row.ts';

/**
 * The conversations of every period in a few columns, by index (messages may refer to any of
 * them): id, the agent who owns it, its channel, whether an exclusion removed it, and where its
 * accepted row is, to find that row again when conversations are read a second time.
 */
export class ConversationIndex {
  readonly ids = new Map<string, number>();
  readonly agent: number[] = [];
  readonly channel: Array<string | null> = [];
  readonly excluded: boolean[] = [];
  readonly #file: number[] = [];
  readonly #line: number[] = [];

  get size(): number {
    return this.agent.length;
  }

  /** Adds an accepted conversation row. */
  add(row: Row, agent: number, excluded: boolean): void {
    this.ids.set(row.values.conversation_id as string, this.agent.length);
    this.#push(agent, (row.values.channel as string | null) ?? null, excluded, row.file, row.line);
  }

  /** The index of a conversation id; without a conversations table, messages make their own. */
  indexOf(id: string): number {
    let index = this.ids.get(id);
    if (index === undefined) {
      index = this.agent.length;
      this.ids.set(id, index);
      this.#push(-1, null, false, -1, 0);
    }
    return index;
  }

  /** The index of the conversation whose accepted row is at this place, or -1. */
  acceptedAt(id: string, file: number, line: number): number {
    const index = this.ids.get(id);
    return index !== undefined && this.#file[index] === file && this.#line[index] === line ? index : -1;
  }

  #push(agent: number, channel: string | null, excluded: boolean, file: number, line: number): void {
    this.agent.push(agent);
    this.channel.push(channel);
    this.excluded.push(excluded);
    this.#file.push(file);
    this.#line.push(line);
  }
}
