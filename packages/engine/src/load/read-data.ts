import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { compileCondition, type Predicate } from '@scorebook/conditions';
import {
  type FieldSpec,
  type InputTableName,
  type MeasuredTableName,
  TABLES,
  type TableSpec,
} from '@scorebook/contract';
import type { Exclusion, Policy } from '@scorebook/policy';
import type { Zone, ZonedPeriod } from '@scorebook/time';
import { AGENT, CUSTOMER, MessageStore } from '../derive/message-store.ts';
import { rowFactAccess } from '../fact-access.ts';
import { type RejectedRow, type RejectionCode, rejectionMessage } from '../problems.ts';
import { Row } from '../row.ts';
import { coerceValue, isFailure, typeNameZh } from './coerce.ts';
import { locateTables } from './locate-tables.ts';
import { readRecords } from './read-records.ts';

/** One file read for a table. */
export interface InputFile {
  path: string;
  sha256: string;
  rows: number;
}

/** What was read of a table: its files, rows, rejected rows and rows excluded in the period. */
export interface TableInput {
  table: InputTableName;
  files: InputFile[];
  rows: number;
  rejected: number;
  /** Rows of the period removed by each exclusion, in policy order. */
  excluded: Map<string, number>;
}

/** An agent of the agents table. */
export interface Agent {
  index: number;
  agent_id: string;
  name: string;
  team: string;
  role: string;
  hired_on: string | null;
  status: string;
}

/** A row removed by an exclusion, kept as evidence for the agent it is credited to. */
export interface ExcludedRecord {
  exclusion: string;
  table: InputTableName;
  row: Row;
}

/**
 * Conversations of every period, by index, in a few columns (messages may refer to any of them);
 * the rows themselves are read again once their derived facts are known.
 */
export interface ConversationStore {
  ids: Map<string, number>;
  agent: number[];
  channel: Array<string | null>;
  excluded: boolean[];
  /** Where the accepted row is, to tell it from a later duplicate when reading again. */
  file: number[];
  line: number[];
}

/** Everything read from a data directory for one evaluation. */
export interface Dataset {
  /** Paths of the files read, relative to the data directory; rows refer to them by index. */
  files: string[];
  agents: Agent[];
  agentIndex: Map<string, number>;
  inputs: Map<InputTableName, TableInput>;
  rejected: RejectedRow[];
  excludedCounts: Array<Map<string, number>>;
  excludedRecords: Array<ExcludedRecord[]>;
  conversations: ConversationStore;
  hasConversations: boolean;
  messages: MessageStore;
  /** Conversation ids that at least one order (after exclusions, any period) refers to. */
  convertedConversations: Set<string>;
}

/** Progress while reading: rows read so far of a table. */
export interface ReadProgress {
  table: InputTableName;
  rows: number;
  /** Bytes of the table's files read so far, and in all (for a progress bar). */
  bytes: number;
  totalBytes: number;
  done: boolean;
}

/** Options of {@link readDataset}. */
export interface ReadOptions {
  dataDir: string;
  policy: Policy;
  zone: Zone;
  period: ZonedPeriod;
  onProgress?: (progress: ReadProgress) => void;
  /** Excluded records kept per agent and exclusion, as evidence. */
  evidenceCap?: number;
  /** Called once the agents are known, before any other table is read. */
  onAgents?: (agents: readonly Agent[]) => void;
  /**
   * Receives each accepted, not excluded row of the period of the measured input tables but
   * `conversations` (see {@link replayConversations}), with the agent it is credited to.
   */
  onPeriodRow?: (table: MeasuredTableName, row: Row, agent: number) => void;
}

const PROGRESS_EVERY = 50_000;

/**
 * Reads a data directory laid out as the data contract says, table by table in contract order:
 * types every value, rejects bad rows (with file, line, field, reason), applies the policy's
 * exclusions as rows are read, and streams the period's rows to `onPeriodRow`. Only compact
 * columns of conversations and messages are kept, for deriving facts.
 */
export async function readDataset(options: ReadOptions): Promise<Dataset> {
  const { dataDir, policy, zone, period } = options;
  const evidenceCap = options.evidenceCap ?? 50;
  const located = locateTables(dataDir);
  const data: Dataset = {
    files: [],
    agents: [],
    agentIndex: new Map(),
    inputs: new Map(),
    rejected: [],
    excludedCounts: [],
    excludedRecords: [],
    conversations: { ids: new Map(), agent: [], channel: [], excluded: [], file: [], line: [] },
    hasConversations: (located.get('conversations') ?? []).length > 0,
    messages: new MessageStore(),
    convertedConversations: new Set(),
  };

  for (const [table, files] of located) {
    const spec = TABLES[table];
    const exclusions = compileExclusions(
      policy.exclusions.filter((e) => e.table === table),
      spec,
      zone,
    );
    const input: TableInput = {
      table,
      files: [],
      rows: 0,
      rejected: 0,
      excluded: new Map(exclusions.map((e) => [e.id, 0])),
    };
    data.inputs.set(table, input);
    const keep = keeperFor(table, data, period, options.onPeriodRow);
    const seenIds = new Map<string, number>();
    const inPeriod = periodTest(spec, period);
    const fieldList = Object.entries(spec.fields);
    const required = fieldList.filter(([, f]) => f.required).map(([name]) => name);
    const totalBytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
    let bytesRead = 0;

    for (const path of files) {
      const fileIndex = data.files.push(relative(dataDir, path).split(sep).join('/')) - 1;
      const hash = createHash('sha256');
      let rows = 0;
      const onBytes = (chunk: Uint8Array) => {
        hash.update(chunk);
        bytesRead += chunk.byteLength;
      };
      for await (const record of readRecords(path, required, onBytes)) {
        rows++;
        input.rows++;
        if (input.rows % PROGRESS_EVERY === 0) {
          options.onProgress?.({ table, rows: input.rows, bytes: bytesRead, totalBytes, done: false });
        }
        const reject = (code: RejectionCode, field: string | null, detail: Record<string, string> = {}) => {
          input.rejected++;
          data.rejected.push({
            table,
            file: data.files[fileIndex]!,
            line: record.line,
            field,
            code,
            message: rejectionMessage(code, { field: field ?? '', ...detail }),
          });
        };
        if (record.error) {
          reject(record.error.code, null, record.error.detail);
          continue;
        }
        const values = typeRow(record.values, spec, fieldList, zone, reject);
        if (values === null) continue;
        if (!checkReferences(values, table, data, reject)) continue;
        if (spec.unique !== undefined) {
          const id = values[spec.unique] as string;
          const first = seenIds.get(id);
          if (first !== undefined) {
            reject('DUPLICATE_ID', spec.unique, { value: id, first: String(first) });
            continue;
          }
          seenIds.set(id, record.line);
        }
        const row = new Row(values, fileIndex, record.line);
        const excludedBy = exclusions.find((e) => e.holds(row));
        keep(row, excludedBy?.id ?? null);
        if (excludedBy !== undefined && inPeriod(row)) {
          input.excluded.set(excludedBy.id, input.excluded.get(excludedBy.id)! + 1);
          const agent = creditedAgent(row, table, data);
          if (agent >= 0) {
            const counts = data.excludedCounts[agent]!;
            const n = (counts.get(excludedBy.id) ?? 0) + 1;
            counts.set(excludedBy.id, n);
            if (n <= evidenceCap) data.excludedRecords[agent]!.push({ exclusion: excludedBy.id, table, row });
          }
        }
      }
      input.files.push({ path: data.files[fileIndex]!, sha256: hash.digest('hex'), rows });
    }
    options.onProgress?.({ table, rows: input.rows, bytes: bytesRead, totalBytes, done: true });
    if (table === 'agents') options.onAgents?.(data.agents);
  }
  return data;
}

/** The combined sha256 of a table: its file's, or for a folder the sha256 of `name<TAB>sha256` lines. */
export function tableSha256(input: TableInput): string | null {
  if (input.files.length === 0) return null;
  if (input.files.length === 1) return input.files[0]!.sha256;
  const lines = input.files.map((f) => `${f.path}\t${f.sha256}\n`).join('');
  return createHash('sha256').update(lines).digest('hex');
}

interface CompiledExclusion {
  id: string;
  holds: Predicate<Row>;
}

function compileExclusions(
  exclusions: readonly Exclusion[],
  spec: TableSpec,
  zone: Zone,
): CompiledExclusion[] {
  const access = rowFactAccess(spec.fields, zone);
  return exclusions.map((e) => ({ id: e.id, holds: compileCondition(e.when, zone, access) }));
}

function typeRow(
  raw: Record<string, unknown>,
  spec: TableSpec,
  fields: ReadonlyArray<readonly [string, FieldSpec]>,
  zone: Zone,
  reject: (code: RejectionCode, field: string | null, detail?: Record<string, string>) => void,
): Record<string, unknown> | null {
  const values: Record<string, unknown> = {};
  for (const [name, field] of fields) {
    const value = coerceValue(raw[name], field, zone);
    if (isFailure(value)) {
      reject(value.code, name, {
        value: value.value,
        type: field.type,
        typeZh: typeNameZh(field.type),
        range: value.range ?? '',
      });
      return null;
    }
    if (value === null && field.required) {
      reject('MISSING_FIELD', name);
      return null;
    }
    values[name] = value;
  }
  if (spec.name === 'messages' && values.sender === 'agent' && values.agent_id === null) {
    reject('MISSING_FIELD', 'agent_id', {
      why: '客服发送的消息必须有 agent_id',
      whyEn: 'an agent message needs agent_id',
    });
    return null;
  }
  for (const name in raw) {
    if (Object.hasOwn(spec.fields, name) || !Object.hasOwn(raw, name)) continue;
    const value = raw[name];
    values[name] = value === '' || value === undefined ? null : value;
  }
  return values;
}

function checkReferences(
  values: Record<string, unknown>,
  table: InputTableName,
  data: Dataset,
  reject: (code: RejectionCode, field: string | null, detail?: Record<string, string>) => void,
): boolean {
  if (table === 'agents') return true;
  const agent = values.agent_id;
  if (typeof agent === 'string' && !data.agentIndex.has(agent)) {
    reject('UNKNOWN_AGENT', 'agent_id', { value: agent });
    return false;
  }
  const conversation = values.conversation_id;
  if (
    table !== 'conversations' &&
    data.hasConversations &&
    typeof conversation === 'string' &&
    !data.conversations.ids.has(conversation)
  ) {
    reject('UNKNOWN_CONVERSATION', 'conversation_id', { value: conversation });
    return false;
  }
  return true;
}

/** A test of whether a row's time field falls in the period. */
function periodTest(spec: TableSpec, period: ZonedPeriod): (row: Row) => boolean {
  const field = spec.timeField;
  if (field === null) return () => true;
  if (spec.fields[field]!.type === 'date') {
    return (row) => {
      const d = row.values[field] as string;
      return d >= period.firstDay && d < period.endDay;
    };
  }
  return (row) => {
    const t = row.values[field] as number;
    return t >= period.startMs && t < period.endMs;
  };
}

/** What to do with an accepted row of each table (excluded rows are given with their exclusion). */
function keeperFor(
  table: InputTableName,
  data: Dataset,
  period: ZonedPeriod,
  onPeriodRow: ReadOptions['onPeriodRow'],
): (row: Row, excludedBy: string | null) => void {
  const inPeriod = periodTest(TABLES[table], period);
  const emit = (name: MeasuredTableName, row: Row, excludedBy: string | null) => {
    if (excludedBy === null && onPeriodRow !== undefined && inPeriod(row)) {
      onPeriodRow(name, row, data.agentIndex.get(row.values.agent_id as string)!);
    }
  };
  switch (table) {
    case 'agents':
      return (row) => {
        const v = row.values;
        const index = data.agents.length;
        data.agents.push({
          index,
          agent_id: v.agent_id as string,
          name: v.name as string,
          team: v.team as string,
          role: v.role as string,
          hired_on: (v.hired_on as string | null) ?? null,
          status: (v.status as string | null) ?? 'active',
        });
        data.agentIndex.set(v.agent_id as string, index);
        data.excludedCounts.push(new Map());
        data.excludedRecords.push([]);
      };
    case 'conversations':
      return (row, excludedBy) => {
        const store = data.conversations;
        store.ids.set(row.values.conversation_id as string, store.agent.length);
        store.agent.push(data.agentIndex.get(row.values.agent_id as string)!);
        store.channel.push((row.values.channel as string | null) ?? null);
        store.excluded.push(excludedBy !== null);
        store.file.push(row.file);
        store.line.push(row.line);
      };
    case 'messages':
      return (row, excludedBy) => {
        if (excludedBy !== null) return;
        const v = row.values;
        const sender = v.sender === 'customer' ? CUSTOMER : v.sender === 'agent' ? AGENT : -1;
        if (sender < 0) return;
        const conversation = conversationIndex(data, v.conversation_id as string);
        if (data.conversations.excluded[conversation]) return;
        const agent = typeof v.agent_id === 'string' ? data.agentIndex.get(v.agent_id)! : -1;
        data.messages.push(conversation, v.sent_at as number, sender, agent, row.file, row.line);
      };
    case 'orders':
      return (row, excludedBy) => {
        if (excludedBy === null && typeof row.values.conversation_id === 'string') {
          data.convertedConversations.add(row.values.conversation_id);
        }
        emit('orders', row, excludedBy);
      };
    default:
      return (row, excludedBy) => emit(table, row, excludedBy);
  }
}

/** The index of a conversation; without a conversations table, messages make their own. */
function conversationIndex(data: Dataset, id: string): number {
  const store = data.conversations;
  let index = store.ids.get(id);
  if (index === undefined) {
    index = store.agent.length;
    store.ids.set(id, index);
    store.agent.push(-1);
    store.channel.push(null);
    store.excluded.push(false);
    store.file.push(-1);
    store.line.push(0);
  }
  return index;
}

/** The agent a row is credited to: its `agent_id`, or for a message its conversation's. */
function creditedAgent(row: Row, table: InputTableName, data: Dataset): number {
  if (table === 'messages') {
    const index = data.conversations.ids.get(row.values.conversation_id as string);
    return index === undefined ? -1 : data.conversations.agent[index]!;
  }
  const agent = row.values.agent_id;
  return typeof agent === 'string' ? (data.agentIndex.get(agent) ?? -1) : -1;
}

/**
 * Reads the conversations files again, now that their derived facts are known, and hands each
 * accepted, not excluded conversation of the period to `onRow` with `derive` applied. Rows are
 * judged exactly as on the first read; nothing is reported or counted twice.
 */
export async function replayConversations(
  dataDir: string,
  data: Dataset,
  zone: Zone,
  period: ZonedPeriod,
  derive: (row: Row, index: number) => void,
  onRow: (row: Row, agent: number) => void,
): Promise<void> {
  const spec = TABLES.conversations;
  const fieldList = Object.entries(spec.fields);
  const inPeriod = periodTest(spec, period);
  const store = data.conversations;
  const ignore = () => {};
  for (const file of data.inputs.get('conversations')?.files ?? []) {
    const fileIndex = data.files.indexOf(file.path);
    for await (const record of readRecords(join(dataDir, file.path), [])) {
      if (record.error) continue;
      const values = typeRow(record.values, spec, fieldList, zone, ignore);
      if (values === null) continue;
      const index = store.ids.get(values.conversation_id as string);
      if (
        index === undefined ||
        store.file[index] !== fileIndex ||
        store.line[index] !== record.line ||
        store.excluded[index]
      )
        continue;
      const row = new Row(values, fileIndex, record.line);
      if (!inPeriod(row)) continue;
      derive(row, index);
      onRow(row, store.agent[index]!);
    }
  }
}
