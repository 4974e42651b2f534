import { INPUT_TABLES, type InputTableName, TABLES } from '@scorebook/contract';
import { normalizeHeader } from './normalize.ts';
import { FIELD_SYNONYMS, FILE_NAME_HINTS } from './synonyms.ts';

/** A contract field matched to a column of the file. */
interface FieldColumn {
  field: string;
  /** The header as written in the file. */
  column: string;
  /** 0-based position of the column. */
  index: number;
  /** Matched by a name that only means this field within the table (`时间`, `编号` …). */
  generic: boolean;
}

/** A column no field took. */
export interface UnmappedColumn {
  column: string;
  index: number;
  /** Fields of the table this column's name also means, taken by other columns. */
  alsoMatches: string[];
}

/** How a file's columns map to one table's fields. */
export interface ColumnMapping {
  table: InputTableName;
  /** In the contract's field order. */
  fields: FieldColumn[];
  /** In column order; columns without a header are left out. */
  unmapped: UnmappedColumn[];
}

/** How well a file fits one table. */
export interface TableScore {
  table: InputTableName;
  score: number;
  /** Required fields matched by specific names (generic names do not count). */
  requiredMatched: number;
  requiredTotal: number;
  /** The file's path contains one of the table's name hints. */
  hinted: boolean;
}

// Weights of the table score. Ids shared by most tables say little about which table a file is.
const SHARED_FIELDS = new Set(['agent_id', 'conversation_id']);
const REQUIRED_WEIGHT = 3;
const OTHER_WEIGHT = 1;
const COMPLETE_BONUS = 2;
const HINT_BONUS = 3;
/** Below this score a file is not assigned to any table. */
const MIN_TABLE_SCORE = 4;

/**
 * Maps the columns of a file to the fields of `table`. Candidates are (field, column) pairs
 * whose normalised names agree: the contract field's own name first, then the field's specific
 * synonyms in their order, then its generic ones. Pairs are taken best first — by that rank,
 * then the contract's field order, then column position — and each field and each column is
 * taken at most once; the columns left over are unmapped, with the fields they would also
 * have meant.
 */
export function matchColumns(table: InputTableName, headers: readonly string[]): ColumnMapping {
  const fieldOrder = Object.keys(TABLES[table].fields);
  const index = synonymIndex(table);
  const candidates: { field: string; rank: number; generic: boolean; column: number; header: string }[] = [];
  headers.forEach((header, column) => {
    for (const entry of index.get(normalizeHeader(header)) ?? [])
      candidates.push({ ...entry, column, header });
  });
  candidates.sort(
    (a, b) =>
      a.rank - b.rank || fieldOrder.indexOf(a.field) - fieldOrder.indexOf(b.field) || a.column - b.column,
  );
  const byField = new Map<string, FieldColumn>();
  const takenColumns = new Set<number>();
  const alsoMatches = new Map<number, string[]>();
  for (const c of candidates) {
    if (takenColumns.has(c.column)) continue;
    if (byField.has(c.field)) {
      const list = alsoMatches.get(c.column) ?? [];
      if (!list.includes(c.field)) list.push(c.field);
      alsoMatches.set(c.column, list);
      continue;
    }
    byField.set(c.field, { field: c.field, column: c.header, index: c.column, generic: c.generic });
    takenColumns.add(c.column);
  }
  const fields = fieldOrder.flatMap((field) => {
    const match = byField.get(field);
    return match ? [match] : [];
  });
  const unmapped: UnmappedColumn[] = [];
  headers.forEach((column, i) => {
    if (takenColumns.has(i) || column.trim() === '') return;
    unmapped.push({ column, index: i, alsoMatches: alsoMatches.get(i) ?? [] });
  });
  return { table, fields, unmapped };
}

/**
 * Scores a file against every table, best first (ties in the contract's table order). A field
 * matched by a specific name adds 3 when it is required and not `agent_id`/`conversation_id`,
 * else 1; matching every required field adds 2; a name hint in the file's path (`会话记录`,
 * `考勤`, `orders` …) adds 3. Generic names (`时间`, `编号` …) add nothing.
 */
export function scoreTables(headers: readonly string[], path: string): TableScore[] {
  const normalizedPath = normalizeHeader(path);
  const scores = INPUT_TABLES.map((table): TableScore => {
    const spec = TABLES[table].fields;
    const specific = matchColumns(table, headers).fields.filter((f) => !f.generic);
    let score = 0;
    let requiredMatched = 0;
    for (const { field } of specific) {
      const required = spec[field]?.required === true;
      if (required) requiredMatched++;
      score += required && !SHARED_FIELDS.has(field) ? REQUIRED_WEIGHT : OTHER_WEIGHT;
    }
    const requiredTotal = Object.values(spec).filter((f) => f.required).length;
    if (requiredMatched === requiredTotal) score += COMPLETE_BONUS;
    const hinted = FILE_NAME_HINTS[table].some((hint) => normalizedPath.includes(normalizeHeader(hint)));
    if (hinted) score += HINT_BONUS;
    return { table, score, requiredMatched, requiredTotal, hinted };
  });
  return scores.sort(
    (a, b) => b.score - a.score || INPUT_TABLES.indexOf(a.table) - INPUT_TABLES.indexOf(b.table),
  );
}

/** Why a file was not given a table. */
type Unassigned = 'tie' | 'weak';

/** The table a file goes to, or why none, with the tables worth naming. */
export type TableChoice =
  | { kind: 'assigned'; table: InputTableName; best: TableScore; runnersUp: TableScore[] }
  | { kind: 'unassigned'; reason: Unassigned; candidates: TableScore[] };

/**
 * Chooses a table from `scoreTables`' ranking. A best score under {@link MIN_TABLE_SCORE}, or
 * with fewer than half of the table's required fields matched, is weak; two tables sharing the
 * best score are a tie; neither is guessed. An assigned file names the runners-up within 2
 * points of it.
 */
export function chooseTable(ranking: readonly TableScore[]): TableChoice {
  const [best, second] = ranking;
  const positive = ranking.filter((s) => s.score > 0);
  if (!best || best.score < MIN_TABLE_SCORE || best.requiredMatched * 2 < best.requiredTotal) {
    return { kind: 'unassigned', reason: 'weak', candidates: positive.slice(0, 3) };
  }
  if (second && second.score === best.score) {
    return { kind: 'unassigned', reason: 'tie', candidates: ranking.filter((s) => s.score === best.score) };
  }
  const runnersUp = positive.slice(1).filter((s) => s.score >= best.score - 2);
  return { kind: 'assigned', table: best.table, best, runnersUp };
}

interface IndexEntry {
  field: string;
  rank: number;
  generic: boolean;
}

// Generic names rank after every specific one.
const GENERIC_RANK = 1000;
const indexes = new Map<InputTableName, Map<string, IndexEntry[]>>();

/** Normalised name → the fields of `table` it means, with the rank of the name. */
function synonymIndex(table: InputTableName): Map<string, IndexEntry[]> {
  const cached = indexes.get(table);
  if (cached) return cached;
  const index = new Map<string, IndexEntry[]>();
  const add = (name: string, entry: IndexEntry) => {
    const key = normalizeHeader(name);
    const list = index.get(key) ?? [];
    if (!list.some((e) => e.field === entry.field)) list.push(entry);
    index.set(key, list);
  };
  for (const [field, synonyms] of Object.entries(FIELD_SYNONYMS[table])) {
    add(field, { field, rank: -1, generic: false });
    for (const [i, name] of synonyms.names.entries()) add(name, { field, rank: i, generic: false });
    for (const [i, name] of (synonyms.generic ?? []).entries()) {
      add(name, { field, rank: GENERIC_RANK + i, generic: true });
    }
  }
  indexes.set(table, index);
  return index;
}
