import {
  type CustomTableSpec,
  type InputTableName,
  isCustomTableName,
  type RejectedRow,
  TABLES,
  type TableName,
  type TableValues,
} from '@scorebook/contract';
import { messageOf } from '@scorebook/problems';
import { formatInstantUtc } from '@scorebook/time';
import { type RejectionCause, ROW_REJECTIONS } from '../errors.ts';
import type { TableRecord } from '../read/read-inputs.ts';
import { Row, valuesOf } from '../row.ts';

/** An agent of the agents table, in reading order. */
export interface Agent {
  index: number;
  agent_id: string;
  name: string;
  team: string;
  role: string;
  hired_on: string | null;
  status: string;
  /** The row's values as read (extra columns included): what rules may read of the agent. */
  values: Readonly<Record<string, unknown>>;
  /** Where the agent's row is: its file's name as the run names it, and its line. */
  file: string;
  line: number;
}

/**
 * The accepted conversations as the row checks ask about them: the run's conversation index
 * (`derive/conversation-index.ts`), which holds exactly the conversations table's accepted rows
 * once it is read: an id's index (-1 for none, ids compared exactly), and where its row is.
 */
export interface AcceptedConversations {
  readonly size: number;
  indexOf(id: string): number;
  /** The agent index of conversation `index` (-1 for none). */
  agentOf(index: number): number;
  /** The index of the file of conversation `index`'s accepted row in the run's files. */
  fileAt(index: number): number;
  lineAt(index: number): number;
}

/** Options of a {@link RowChecks}. */
export interface RowChecksOptions {
  /** The run's files by index (`Inputs.fileNames`), which rows name by index. */
  fileNames: readonly string[];
  /** True when there is a conversations table: then the other tables' conversation ids must be in it. */
  hasConversations: boolean;
  /**
   * Where the accepted conversations are kept: the caller adds each accepted conversations row to
   * it, before the next record is checked.
   */
  conversations: AcceptedConversations;
}

/** What checks resumed elsewhere (a worker thread) start from: see {@link RowChecks.resume}. */
export interface ChecksState {
  fileNames: readonly string[];
  hasConversations: boolean;
  /** Agent ids by agent index. */
  agentIds: readonly string[];
  rejectedIds: ReadonlyArray<readonly [string, RejectionCause]>;
}

/**
 * The checks of a record once typed (`docs/contract/data-contract.md`, bad input), table by table in contract
 * order: a value that could not be read, an agent message without `agent_id`, an end before the
 * start, an `agent_id` not among the accepted agents, a `conversation_id` not among the accepted
 * conversations (when that table is given), a repeated unique id (the later row is rejected).
 * A rejection caused by an earlier one (a message whose conversation row was rejected) names it.
 * The conversations' unique ids are not kept here: the conversation index that the caller fills
 * with the accepted rows says which are known and where ({@link RowChecksOptions.conversations}).
 */
export class RowChecks {
  readonly agents: Agent[] = [];
  readonly agentIndex = new Map<string, number>();
  /** Every rejected row, in reading order. */
  readonly rejected: RejectedRow[] = [];
  /** Rejected rows by table. */
  readonly rejectedBy = new Map<TableName, number>();
  readonly #fileNames: readonly string[];
  readonly #hasConversations: boolean;
  /** Where the accepted conversations are looked up (the index, or its shared form when resumed). */
  #conversations: { indexOf(id: string): number; agentOf(index: number): number };
  /** Agent ids by agent index, when resumed (else those of {@link agents}). */
  #agentIds: readonly string[] | null = null;
  readonly #index: AcceptedConversations;
  /** The index's size expected before the next conversations record: one more per row accepted. */
  #expected = 0;
  /**
   * The conversation id last found among the accepted conversations, or null. The accepted
   * conversations do not change while a later table is read, and a conversation's messages mostly
   * come together: an id equal to it is known without a lookup.
   */
  #lastConversation: string | null = null;
  /** The agent id last found among the accepted agents, or null (they do not change after their table). */
  #lastAgent: string | null = null;
  readonly #rejectedIds = new Map<string, RejectionCause>();
  /**
   * Unique ids of the current table, each with where it was first accepted (the index of its
   * file in `#places`, its line after it); the conversations table's are in the index instead.
   */
  #seen = new Map<string, number>();
  /**
   * Where each id of `#seen` was accepted, two entries an id: file, line. (A place kept as one
   * number, file × 2^32 + line, is no small integer: every map entry would allocate it.)
   */
  #places: number[] = [];
  #table: TableName = 'agents';
  /** The current table's unique field, and the field naming the agent a row is credited to. */
  #unique: string | undefined = TABLES.agents.unique;
  #agentField: string | null = null;

  constructor(options: RowChecksOptions) {
    this.#fileNames = options.fileNames;
    this.#hasConversations = options.hasConversations;
    this.#conversations = options.conversations;
    this.#index = options.conversations;
  }

  /**
   * Checks that go on with the records of a table of no unique id (messages) where `state` left
   * off: the agents and the accepted conversations known, the rejected agents and conversations
   * that later rejections name as their cause. Its rejected rows are those of its records only
   * (see {@link RowChecks.absorb}).
   */
  static resume(
    table: InputTableName,
    state: ChecksState,
    conversations: { indexOf(id: string): number; agentOf(index: number): number },
  ): RowChecks {
    const checks = new RowChecks({
      fileNames: state.fileNames,
      hasConversations: state.hasConversations,
      conversations: NO_CONVERSATIONS,
    });
    checks.#conversations = conversations;
    checks.#agentIds = state.agentIds;
    state.agentIds.forEach((id, index) => {
      checks.agentIndex.set(id, index);
    });
    checks.startTable(table);
    for (const [key, cause] of state.rejectedIds) checks.#rejectedIds.set(key, cause);
    return checks;
  }

  /** What {@link RowChecks.resume} needs of these checks (with the accepted conversations). */
  state(): ChecksState {
    return {
      fileNames: this.#fileNames,
      hasConversations: this.#hasConversations,
      agentIds: this.agents.map((a) => a.agent_id),
      rejectedIds: [...this.#rejectedIds],
    };
  }

  /**
   * Takes the rejected rows that resumed checks of the current table found, in reading order:
   * as if this object had rejected them itself.
   */
  absorb(rejected: readonly RejectedRow[]): void {
    for (const row of rejected) this.rejected.push(row);
    if (rejected.length > 0)
      this.rejectedBy.set(this.#table, (this.rejectedBy.get(this.#table) ?? 0) + rejected.length);
  }

  /**
   * Starts the records of a table: unique ids are checked within a table. A custom table
   * (`docs/custom-tables.md`) is given with its declaration: its id field is unique and its agent
   * field must name an accepted agent; nothing else of it is checked here.
   */
  startTable(table: TableName, custom: CustomTableSpec | null = null): void {
    if (this.#table === 'conversations') this.#checkAdded();
    if (table === 'conversations') this.#expected = this.#index.size;
    this.#lastConversation = null;
    this.#lastAgent = null;
    this.#table = table;
    this.#seen = new Map();
    this.#places = [];
    this.#unique =
      custom !== null ? custom.idField : isCustomTableName(table) ? undefined : TABLES[table].unique;
    this.#agentField = custom !== null ? custom.agentField : table === 'agents' ? null : 'agent_id';
  }

  /** The row of an accepted record, or null when it is rejected (and reported). */
  accept(record: TableRecord): Row | null {
    const table = this.#table;
    const unique = this.#unique;
    if (table === 'conversations') this.#checkAdded();
    if (record.rejection !== undefined) {
      const r = this.#reject(record, record.rejection.field, record.rejection.code, record.rejection.message);
      const id = unique === undefined ? undefined : record.values?.[unique];
      if (typeof id === 'string' && (table === 'agents' || table === 'conversations'))
        this.#remember(table, id, r);
      return null;
    }
    const v = record.values;
    if (table === 'messages' && v.sender === 'agent' && v.agent_id === null) {
      this.#reject(
        record,
        'agent_id',
        'MISSING_FIELD',
        messageOf(ROW_REJECTIONS, 'AGENT_MESSAGE_WITHOUT_AGENT'),
      );
      return null;
    }
    if (table === 'conversations') {
      const c = valuesOf('conversations', v);
      for (const field of ['ended_at', 'closed_at'] as const) {
        const end = c[field];
        const start = c.started_at;
        if (end !== null && end < start) {
          const message = messageOf(ROW_REJECTIONS, 'ENDED_BEFORE_STARTED', {
            field,
            value: formatInstantUtc(end),
            started: formatInstantUtc(start),
          });
          this.#remember(
            table,
            c.conversation_id,
            this.#reject(record, field, 'ENDED_BEFORE_STARTED', message),
          );
          return null;
        }
      }
    }
    const agentField = this.#agentField;
    const agent = agentField === null ? null : v[agentField];
    if (agentField !== null && typeof agent === 'string' && agent !== this.#lastAgent) {
      if (!this.agentIndex.has(agent)) {
        const cause = this.#rejectedIds.get(`agents ${agent}`) ?? null;
        const message = messageOf(ROW_REJECTIONS, 'UNKNOWN_AGENT', {
          field: agentField,
          value: agent,
          cause,
        });
        const r = this.#reject(record, agentField, 'UNKNOWN_AGENT', message, cause);
        if (table === 'conversations') this.#remember(table, valuesOf(table, v).conversation_id, r);
        return null;
      }
      this.#lastAgent = agent;
    }
    const conversation = v.conversation_id;
    if (
      table !== 'conversations' &&
      table !== 'agents' &&
      !isCustomTableName(table) &&
      this.#hasConversations &&
      typeof conversation === 'string' &&
      conversation !== this.#lastConversation
    ) {
      if (this.#conversations.indexOf(conversation) < 0) {
        const cause = this.#rejectedIds.get(`conversations ${conversation}`) ?? null;
        const message = messageOf(ROW_REJECTIONS, 'UNKNOWN_CONVERSATION', { value: conversation, cause });
        this.#reject(record, 'conversation_id', 'UNKNOWN_CONVERSATION', message, cause);
        return null;
      }
      this.#lastConversation = conversation;
    }
    if (unique !== undefined) {
      // The unique field is a required id: text.
      const id = String(v[unique]);
      const first = this.#firstAccepted(id);
      if (first !== null) {
        this.#reject(
          record,
          unique,
          'DUPLICATE_ID',
          messageOf(ROW_REJECTIONS, 'DUPLICATE_ID', { field: unique, value: id, first }),
        );
        return null;
      }
      // An accepted conversation is added to the index by the caller.
      if (table === 'conversations') this.#expected++;
      else {
        this.#seen.set(id, this.#places.length);
        this.#places.push(record.file, record.line);
      }
    }
    if (table === 'agents') this.#addAgent(valuesOf(table, v), record.fileName, record.line);
    return new Row(v, record.file, record.line);
  }

  /** Where the row of this unique id of the current table was accepted (`file:line`), or null. */
  #firstAccepted(id: string): string | null {
    if (this.#table === 'conversations') {
      const c = this.#index.indexOf(id);
      return c < 0 ? null : `${this.#fileNames[this.#index.fileAt(c)]}:${this.#index.lineAt(c)}`;
    }
    const seen = this.#seen.get(id);
    return seen === undefined
      ? null
      : `${this.#fileNames[this.#places[seen] ?? -1]}:${this.#places[seen + 1] ?? 0}`;
  }

  // The caller adds every accepted conversations row to the index before the next record: a
  // conversation missing there would make its duplicates and its messages look unknown.
  #checkAdded(): void {
    if (this.#index.size !== this.#expected)
      throw new Error(
        `the conversation index holds ${this.#index.size} conversations, not the ${this.#expected} accepted`,
      );
  }

  #addAgent(v: TableValues<'agents'>, file: string, line: number): void {
    const index = this.agents.length;
    this.agents.push({
      index,
      agent_id: v.agent_id,
      name: v.name,
      team: v.team,
      role: v.role,
      hired_on: v.hired_on,
      status: v.status ?? 'active',
      values: v,
      file,
      line,
    });
    this.agentIndex.set(v.agent_id, index);
  }

  #remember(table: 'agents' | 'conversations', id: string, row: RejectedRow): void {
    const key = `${table} ${id}`;
    const accepted = table === 'agents' ? this.agentIndex.has(id) : this.#index.indexOf(id) >= 0;
    if (!this.#rejectedIds.has(key) && !accepted)
      this.#rejectedIds.set(key, {
        table,
        file: row.file,
        line: row.line,
        code: row.code,
        message: row.message,
      });
  }

  /**
   * The agent a rejected record is about (`docs/results.md`, rejected.json): its agent field's
   * text as read (the agents table's `agent_id`, another table's `agent_id` or a custom table's
   * agent field), else the agent of the accepted conversation its `conversation_id` names, else null.
   * The one rule for a rejected row's agent: rejected.json's `agent_id` and REJECTED_IN_PERIOD's
   * agents alike.
   */
  agentAbout(record: TableRecord): string | null {
    const values = record.values;
    if (values === null) return null;
    const field = this.#table === 'agents' ? 'agent_id' : this.#agentField;
    const own = field === null ? undefined : values[field];
    if (typeof own === 'string') return own;
    const conversation = values.conversation_id;
    if (typeof conversation !== 'string' || this.#table === 'conversations') return null;
    const c = this.#conversations.indexOf(conversation);
    const agent = c < 0 ? -1 : this.#conversations.agentOf(c);
    if (agent < 0) return null;
    return (this.#agentIds === null ? this.agents[agent]?.agent_id : this.#agentIds[agent]) ?? null;
  }

  // The record's unique id as read, else its conversation_id (docs/results.md, rejected.json).
  #recordId(record: TableRecord): RejectedRow['record_id'] {
    const values = record.values;
    if (values === null) return null;
    for (const field of [this.#unique, 'conversation_id']) {
      if (field === undefined) continue;
      const value = values[field];
      if (typeof value === 'string') return { field, value };
    }
    return null;
  }

  #reject(
    record: TableRecord,
    field: string | null,
    code: string,
    message: RejectedRow['message'],
    cause: RejectionCause | null = null,
  ): RejectedRow {
    const row: RejectedRow = {
      table: this.#table,
      file: record.fileName,
      line: record.line,
      record_id: this.#recordId(record),
      agent_id: this.agentAbout(record),
      field,
      code,
      message,
      cause,
    };
    this.rejected.push(row);
    this.rejectedBy.set(this.#table, (this.rejectedBy.get(this.#table) ?? 0) + 1);
    return row;
  }
}

// What checks resumed on a table after the conversations table hold as its index: they never
// check a conversations row, only look ids up (in the lookup they are given).
const NO_CONVERSATIONS: AcceptedConversations = {
  size: 0,
  indexOf: () => -1,
  agentOf: () => -1,
  fileAt: () => -1,
  lineAt: () => 0,
};
