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
 * The checks of a record once typed (`data-contract.md`, bad input), table by table in contract
 * order: a value that could not be read, an agent message without `agent_id`, an end before the
 * start, an `agent_id` not among the accepted agents, a `conversation_id` not among the accepted
 * conversations (when that table is given), a repeated unique id (the later row is rejected).
 * A rejection caused by an earlier one (a message whose conversation row was rejected) names it.
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
  /** The accepted conversations' ids (the unique ids of that table, kept once it is read). */
  #conversations: { has(id: string): boolean } = new Map<string, number>();
  /**
   * The conversation id last found among the accepted conversations, or null. The accepted
   * conversations do not change while a later table is read, and a conversation's messages mostly
   * come together: an id equal to it is known without a lookup.
   */
  #lastConversation: string | null = null;
  readonly #rejectedIds = new Map<string, RejectionCause>();
  /** Unique ids of the current table, each with where it was first accepted (file · 2³² + line). */
  #seen = new Map<string, number>();
  #table: TableName = 'agents';
  /** The current table's unique field, and the field naming the agent a row is credited to. */
  #unique: string | undefined = TABLES.agents.unique;
  #agentField: string | null = null;

  constructor(fileNames: readonly string[], hasConversations: boolean) {
    this.#fileNames = fileNames;
    this.#hasConversations = hasConversations;
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
    conversations: { has(id: string): boolean },
  ): RowChecks {
    const checks = new RowChecks(state.fileNames, state.hasConversations);
    state.agentIds.forEach((id, index) => {
      checks.agentIndex.set(id, index);
    });
    checks.startTable(table);
    checks.#conversations = conversations;
    checks.#lastConversation = null;
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
    if (this.#table === 'conversations') this.#conversations = this.#seen;
    this.#lastConversation = null;
    this.#table = table;
    this.#seen = new Map();
    this.#unique =
      custom !== null ? custom.idField : isCustomTableName(table) ? undefined : TABLES[table].unique;
    this.#agentField = custom !== null ? custom.agentField : table === 'agents' ? null : 'agent_id';
  }

  /** The row of an accepted record, or null when it is rejected (and reported). */
  accept(record: TableRecord): Row | null {
    const table = this.#table;
    const unique = this.#unique;
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
    if (agentField !== null && typeof agent === 'string' && !this.agentIndex.has(agent)) {
      const cause = this.#rejectedIds.get(`agents ${agent}`) ?? null;
      const message = messageOf(ROW_REJECTIONS, 'UNKNOWN_AGENT', { field: agentField, value: agent, cause });
      const r = this.#reject(record, agentField, 'UNKNOWN_AGENT', message, cause);
      if (table === 'conversations') this.#remember(table, valuesOf(table, v).conversation_id, r);
      return null;
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
      if (!this.#conversations.has(conversation)) {
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
      const seen = this.#seen.get(id);
      const first =
        seen === undefined ? undefined : `${this.#fileNames[Math.floor(seen / 2 ** 32)]}:${seen % 2 ** 32}`;
      if (first !== undefined) {
        this.#reject(
          record,
          unique,
          'DUPLICATE_ID',
          messageOf(ROW_REJECTIONS, 'DUPLICATE_ID', { field: unique, value: id, first }),
        );
        return null;
      }
      this.#seen.set(id, record.file * 2 ** 32 + record.line);
    }
    if (table === 'agents') this.#addAgent(valuesOf(table, v));
    return new Row(v, record.file, record.line);
  }

  #addAgent(v: TableValues<'agents'>): void {
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
    });
    this.agentIndex.set(v.agent_id, index);
  }

  #remember(table: 'agents' | 'conversations', id: string, row: RejectedRow): void {
    const key = `${table} ${id}`;
    if (!this.#rejectedIds.has(key) && !(table === 'agents' ? this.agentIndex.has(id) : this.#seen.has(id)))
      this.#rejectedIds.set(key, {
        table,
        file: row.file,
        line: row.line,
        code: row.code,
        message: row.message,
      });
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
