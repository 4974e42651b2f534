import { INPUT_TABLES, type InputTableName, TABLES } from '@scorebook/contract';
import type { Bilingual } from '@scorebook/problems';
import { type NumberFormat, readFormattedNumber, suggestNumberFormat } from '../fields/number-format.ts';
import { cellText } from '../fields/type-value.ts';
import { SOURCE_FILE_NAME } from '../load/source-file-name.ts';
import type { Cell, Encoding } from '../read/file-items.ts';
import { detectHeaderRow, headerText, isEmpty } from './detect-header.ts';
import { fileGlob, ignoreGlobs, tableGlobs } from './file-globs.ts';
import { type FormatGuess, guessFormat } from './guess-format.ts';
import {
  chooseTable,
  matchColumns,
  scoreTables,
  type TableChoice,
  type TableScore,
  type UnmappedColumn,
} from './match-columns.ts';
import { compareCodePoints as compare } from './normalize.ts';
import type { SampledFile, SampledSheet } from './sampled-file.ts';
import { ENUMERATED_FIELDS } from './synonyms.ts';
import {
  countValues,
  draftRoleMap,
  draftValueMap,
  type ValueCount,
  type ValueMapDraft,
} from './value-maps.ts';

/** What the draft says of one contract field mapped to a column. */
export interface FieldPlan {
  field: string;
  column: string;
  /** Matched by a generic name (`时间`, `编号` …): worth a second look. */
  generic: boolean;
  /** Timestamp and date fields. */
  format: FormatGuess | null;
  /** Enumerated fields whose values need a map. */
  map: ValueMapDraft | null;
  /** Enumerated fields and the agents' `role`: the distinct sampled values with their counts (see `countValues`). */
  values: ValueCount[] | null;
  /**
   * Number fields whose sampled values show a thousands separator or currency signs: the
   * `number:` option that reads them (see {@link draftNumberFormat}); null otherwise.
   */
  number: NumberFormat | null;
  /** Number fields: distinct sample values that neither the plain grammar nor `number` reads (at most 3). */
  notNumbers: string[];
}

/** A setting shared by the files of a table, with the files that disagree with it. */
export interface Shared<T> {
  value: T;
  others: { path: string; value: T }[];
}

/** What the draft says of one table. */
export interface TablePlan {
  table: InputTableName;
  best: TableScore;
  runnersUp: TableScore[];
  /** The `files` globs, each with the sampled files it stands for. */
  globs: { glob: string; paths: string[] }[];
  /** When the table has CSV or JSON Lines files (null value: not recognised). */
  encoding: Shared<Encoding | null> | null;
  /** When the table has CSV or xlsx files. */
  headerRow: Shared<number> | null;
  /** When the table has xlsx files: the sheet's name, null for the first sheet. */
  sheet: Shared<string | null> | null;
  fields: FieldPlan[];
  missingRequired: string[];
  missingOptional: string[];
  unmapped: UnmappedColumn[];
  /** Files of the table that lack some of the mapped columns. */
  lacking: { path: string; columns: string[] }[];
  /** Files whose sample had records the reader could not read. */
  badRecords: { path: string; count: number }[];
  /** Sheets of the table's workbooks that were not chosen. */
  otherSheets: { path: string; sheets: string[] }[];
}

/** A data file left out of every table, and why. */
export interface UnassignedFile {
  path: string;
  reason: 'weak' | 'tie' | 'no_header' | 'problem';
  candidates: TableScore[];
  columns: string[];
  problem: Bilingual | null;
}

/** What the plan knows besides the files. */
export interface PlanOptions {
  /**
   * The roles of the policy's scorecards, which the agents' `role` column is mapped to
   * (`draftRoleMap`); null or absent when not known: the column is then taken as it is.
   */
  roles?: readonly string[] | null;
}

/** Everything the draft text is written from. */
export interface DraftPlan {
  ignore: string[];
  tables: TablePlan[];
  unassigned: UnassignedFile[];
}

/**
 * Plans a draft source from sampled files (pure; any order in, path order out). Files that are
 * not CSV, JSON Lines or xlsx go to `ignore`; `source.yaml` is left out. Each other file is read
 * at its header (the first header-like row, see `detectHeaderRow`; JSON Lines: the keys of its
 * objects in order of first appearance), and
 * each of its sheets is scored against every table (`scoreTables`, the sheet's name counting as
 * part of the path); the sheet with the best assigned score wins, ties to the earlier sheet.
 * A file whose best choice is weak or a tie is left unassigned with its candidates. The files
 * of a table share one mapping, made from the union of their headers in path order; encoding,
 * header row and sheet are those most of its files have (ties to the first file), the others
 * named. The score and runners-up shown for a table are those of its first file. The agents'
 * `role` is mapped to `options.roles` when they are given.
 */
export function planDraft(files: readonly SampledFile[], options: PlanOptions = {}): DraftPlan {
  const sorted = [...files]
    .filter((f) => f.path !== SOURCE_FILE_NAME)
    .sort((a, b) => compare(a.path, b.path));
  const ignored = sorted.filter((f) => f.format === null);
  const data = sorted.filter((f) => !ignored.includes(f));
  const members = new Map<InputTableName, Member[]>();
  const unassigned: UnassignedFile[] = [];
  for (const file of data) {
    const placed = placeFile(file);
    if ('reason' in placed) unassigned.push(placed);
    else members.set(placed.table, [...(members.get(placed.table) ?? []), placed.member]);
  }
  const tables = INPUT_TABLES.flatMap((table) => {
    const list = members.get(table);
    const first = list?.[0];
    if (list === undefined || first === undefined) return [];
    const others = sorted.map((f) => f.path).filter((p) => !list.some((m) => m.file.path === p));
    return [planTable(table, first, list, others, options.roles ?? null)];
  });
  return {
    ignore: ignoreGlobs(
      ignored.map((f) => f.path),
      data.map((f) => f.path),
    ),
    tables,
    unassigned,
  };
}

/** One sheet of a file, read at its header. */
interface View {
  sheet: SampledSheet;
  /** 1-based; null for JSON Lines. */
  headerRow: number | null;
  headers: string[];
  records: Cell[][];
}

interface Member {
  file: SampledFile;
  view: View;
  choice: Extract<TableChoice, { kind: 'assigned' }>;
}

function viewOf(sheet: SampledSheet): View | null {
  if (sheet.rows.length === 0) {
    if (sheet.objects.length === 0) return null;
    const headers: string[] = [];
    for (const object of sheet.objects)
      for (const key of Object.keys(object)) if (!headers.includes(key)) headers.push(key);
    const records = sheet.objects.map((o) => headers.map((h) => (h in o ? (o[h] as Cell) : null)));
    return { sheet, headerRow: null, headers, records };
  }
  const found = detectHeaderRow(sheet.rows);
  if (found === null) return null;
  const header = sheet.rows[found - 1];
  if (header === undefined) return null;
  const headers = header.map(headerText);
  const records = sheet.rows.slice(found).filter((row) => row.some((c) => !isEmpty(c))) as Cell[][];
  return { sheet, headerRow: sheet.firstRow + found - 1, headers, records };
}

function placeFile(file: SampledFile): { table: InputTableName; member: Member } | UnassignedFile {
  const base = { path: file.path, candidates: [], columns: [], problem: null };
  if (file.problem) return { ...base, reason: 'problem', problem: file.problem };
  const views = file.sheets.map(viewOf).filter((v): v is View => v !== null);
  const choices = views.map((view) => ({
    view,
    choice: chooseTable(scoreTables(view.headers, `${file.path}/${view.sheet.name ?? ''}`)),
  }));
  let best: { view: View; choice: Extract<TableChoice, { kind: 'assigned' }> } | null = null;
  for (const { view, choice } of choices) {
    if (choice.kind === 'assigned' && (!best || choice.best.score > best.choice.best.score))
      best = { view, choice };
  }
  if (best) return { table: best.choice.table, member: { file, ...best } };
  // No sheet was assigned a table. A row that names a column twice is not taken for the header
  // (the row below it may be): that is why. Else the first sheet says why.
  const headerProblem = file.sheets.find((s) => s.headerProblem !== undefined)?.headerProblem;
  if (headerProblem !== undefined) return { ...base, reason: 'problem', problem: headerProblem };
  const [first] = choices.flatMap(({ view, choice }) =>
    choice.kind === 'unassigned' ? [{ view, choice }] : [],
  );
  if (first === undefined) return { ...base, reason: 'no_header' };
  return {
    ...base,
    reason: first.choice.reason,
    candidates: first.choice.candidates,
    columns: first.view.headers.filter((h) => h !== ''),
  };
}

function planTable(
  table: InputTableName,
  first: Member,
  members: readonly Member[],
  others: readonly string[],
  roles: readonly string[] | null,
): TablePlan {
  const spec = TABLES[table].fields;
  const union: string[] = [];
  for (const m of members) for (const h of m.view.headers) if (h !== '' && !union.includes(h)) union.push(h);
  const mapping = matchColumns(table, union);
  const valuesOf = (column: string): Cell[] =>
    members.flatMap((m) => {
      const i = m.view.headers.indexOf(column);
      return i < 0 ? [] : m.view.records.map((r) => r[i] ?? null).filter((c) => !isEmpty(c));
    });
  const vocabularies = ENUMERATED_FIELDS[table] ?? {};
  const fields = mapping.fields.map((f): FieldPlan => {
    const values = valuesOf(f.column);
    const type = spec[f.field]?.type;
    const vocabulary = vocabularies[f.field];
    const role = table === 'agents' && f.field === 'role';
    const counts = vocabulary || role ? countValues(values) : [];
    const numeric = type === 'number' || type === 'int';
    const odd =
      numeric && !vocabulary
        ? [...new Set(values.map(cellText))].filter((t) => !isPlainNumber(t)).sort(compare)
        : [];
    const number = draftNumberFormat(odd, type === 'int');
    const notNumbers =
      number === null ? odd : odd.filter((t) => readFormattedNumber(t, number, type === 'int') === null);
    return {
      field: f.field,
      column: f.column,
      generic: f.generic,
      format: type === 'timestamp' || type === 'date' ? guessFormat(values, type) : null,
      map: vocabulary
        ? draftValueMap(vocabulary, counts)
        : role && roles !== null
          ? draftRoleMap(roles, counts)
          : null,
      values: vocabulary || role ? counts : null,
      number,
      notNumbers: notNumbers.slice(0, 3),
    };
  });
  const mapped = new Set(mapping.fields.map((f) => f.field));
  const unmappedFields = Object.keys(spec).filter((f) => !mapped.has(f));
  const paths = members.map((m) => m.file.path);
  const globs = tableGlobs(paths, others).map((glob) => ({
    glob,
    paths: paths.filter((p) => fileGlob(p, others) === glob),
  }));
  const textFiles = members.filter((m) => m.file.format === 'csv' || m.file.format === 'jsonl');
  const rowFiles = members.filter((m) => m.file.format === 'csv' || m.file.format === 'xlsx');
  const workbooks = members.filter((m) => m.file.format === 'xlsx');
  return {
    table,
    best: first.choice.best,
    runnersUp: first.choice.runnersUp,
    globs,
    encoding: shared(textFiles, (m) => m.file.encoding?.encoding ?? null),
    headerRow: shared(rowFiles, (m) => m.view.headerRow ?? 1),
    sheet: shared(workbooks, (m) => (m.view.sheet === m.file.sheets[0] ? null : m.view.sheet.name)),
    fields,
    missingRequired: unmappedFields.filter((f) => spec[f]?.required),
    missingOptional: unmappedFields.filter((f) => !spec[f]?.required),
    unmapped: mapping.unmapped,
    lacking: members.flatMap((m) => {
      const columns = mapping.fields.map((f) => f.column).filter((c) => !m.view.headers.includes(c));
      return columns.length ? [{ path: m.file.path, columns }] : [];
    }),
    badRecords: members.flatMap((m) =>
      m.view.sheet.badRecords ? [{ path: m.file.path, count: m.view.sheet.badRecords }] : [],
    ),
    otherSheets: workbooks.flatMap((m) => {
      const sheets = m.file.sheets.filter((s) => s !== m.view.sheet).map((s) => s.name ?? '');
      return sheets.length ? [{ path: m.file.path, sheets }] : [];
    }),
  };
}

/** The value most members have (ties to the earliest), and the members that differ; null for none. */
function shared<T>(members: readonly Member[], read: (m: Member) => T): Shared<T> | null {
  const [first] = members;
  if (first === undefined) return null;
  const counts = new Map<T, number>();
  for (const m of members) counts.set(read(m), (counts.get(read(m)) ?? 0) + 1);
  let value = read(first);
  let most = counts.get(value) ?? 0;
  for (const [v, n] of counts) {
    if (n <= most) continue;
    value = v;
    most = n;
  }
  const others = members.filter((m) => read(m) !== value).map((m) => ({ path: m.file.path, value: read(m) }));
  return { value, others };
}

/**
 * The `number:` option for a number column's values that are not plain numbers (in code-point
 * order): the `,` separator when a value that some option reads has one, and the strip texts
 * those values show, in the order first seen; null when no value reads with any option.
 */
function draftNumberFormat(texts: readonly string[], int: boolean): NumberFormat | null {
  let thousands: NumberFormat['thousands'] = null;
  const strip: string[] = [];
  for (const t of texts) {
    const seen = suggestNumberFormat(t, int);
    if (seen === null) continue;
    thousands ??= seen.thousands;
    for (const s of seen.strip) if (!strip.includes(s)) strip.push(s);
  }
  return thousands === null && strip.length === 0 ? null : { thousands, strip };
}

function isPlainNumber(text: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(text);
}
