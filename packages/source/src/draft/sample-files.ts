import { readdir, realpath, stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve, sep } from 'node:path';
import { type Bilingual, messageOf, ScorebookError } from '@scorebook/problems';
import unzipper from 'unzipper';
import { SOURCE_ERRORS } from '../errors.ts';
import { SOURCE_SCHEMA } from '../load/source-schema.ts';
import { checkRegularFile, openRegularFile } from '../read/decode.ts';
import type { Cell, FileFormat, FileItem, ReadFileOptions } from '../read/file-items.ts';
import { readFile } from '../read/read-file.ts';
import { readWorkbook } from '../read/xlsx-parts.ts';
import { detectEncoding } from './detect-encoding.ts';
import { MAX_TITLE_ROWS } from './detect-header.ts';
import { DRAFT_ERRORS } from './draft-errors.ts';
import { compareCodePoints } from './normalize.ts';
import type { SampledFile, SampledSheet } from './sampled-file.ts';
import { type DraftRoles, type DraftTimezone, draftSource } from './write-draft.ts';

/** How many records of each file (and sheet) are read by default. */
export const DEFAULT_SAMPLE_ROWS = 1000;
/** How many bytes of a CSV or JSON Lines file decide its encoding. */
const ENCODING_SAMPLE_BYTES = 1024 * 1024;
/** At most this many sheets of a workbook are sampled. */
const MAX_SHEETS = 10;

/** What `scorebook source init` needs besides the folder. */
export interface DraftFolderOptions {
  /**
   * The draft's `id`; by default the folder's name in lower case, led by the names of the folders
   * it is in up to one with a letter when it has none (`docs/sources.md`, the draft's `id`).
   */
  id?: string;
  /** Where the `$schema` comment points; by default the schema's `$id`. */
  schema?: string;
  /** Records read from each file and sheet (default {@link DEFAULT_SAMPLE_ROWS}). */
  sampleRows?: number;
  /** The `timezone` to fill in (`DraftOptions.timezone`); by default commented out. */
  timezone?: DraftTimezone;
  /** The roles to map the agents' `role` to (`DraftOptions.roles`); by default the column is taken as it is. */
  roles?: DraftRoles;
}

/**
 * The text of a draft `source.yaml` for a data folder: every file sampled
 * ({@link sampleDataFolder}), then {@link draftSource}. Writes nothing; the caller decides where
 * the text goes (and refuses to overwrite an existing source.yaml).
 */
export async function draftSourceFor(dataDir: string, options: DraftFolderOptions = {}): Promise<string> {
  const sampleRows = options.sampleRows ?? DEFAULT_SAMPLE_ROWS;
  const files = await sampleDataFolder(dataDir, sampleRows);
  return draftSource(files, {
    id: options.id ?? defaultId(dataDir),
    schema: options.schema ?? SOURCE_SCHEMA.$id,
    sampleRows,
    ...(options.timezone === undefined ? {} : { timezone: options.timezone }),
    ...(options.roles === undefined ? {} : { roles: options.roles }),
  });
}

/**
 * Samples every file below `dataDir` (hidden names and Excel lock files `~$…` left out, as the
 * locator leaves them; folders descended into, a linked folder once), in path order. CSV and
 * JSON Lines: the encoding from the first {@link ENCODING_SAMPLE_BYTES} bytes
 * (`detectEncoding`), then up to `sampleRows` records; xlsx: up to `sampleRows` records of each
 * worksheet, in workbook order (at most {@link MAX_SHEETS}). CSV and xlsx files are read from
 * the top: when the row read as the header has fewer than two names, cannot be a header
 * (repeated names, nothing there) or most records disagree with its width, the next row is
 * tried, up to {@link MAX_TITLE_ROWS} title rows. A file that cannot be read is sampled with its
 * problem. An unreadable folder stops with DATA_DIR_UNREADABLE.
 */
export async function sampleDataFolder(
  dataDir: string,
  sampleRows = DEFAULT_SAMPLE_ROWS,
): Promise<SampledFile[]> {
  const root = resolve(dataDir);
  let entries: { path: string; name: string }[];
  try {
    entries = await walk(root);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ScorebookError('input', [
      {
        code: 'DATA_DIR_UNREADABLE',
        severity: 'error',
        message: messageOf(SOURCE_ERRORS, 'DATA_DIR_UNREADABLE', { dir: dataDir, reason }),
        file: dataDir,
        line: null,
        column: null,
      },
    ]);
  }
  entries.sort((a, b) => compareCodePoints(a.name, b.name));
  const out: SampledFile[] = [];
  for (const entry of entries) out.push(await sampleFile(entry.path, entry.name, sampleRows));
  return out;
}

/** Samples one file (see {@link sampleDataFolder}); `name` is its path relative to the data folder. */
async function sampleFile(path: string, name: string, sampleRows: number): Promise<SampledFile> {
  const format = FORMATS[extname(name).toLowerCase()] ?? null;
  const base: SampledFile = { path: name, format, encoding: null, sheets: [], problem: null };
  if (format === null) return base;
  try {
    // Before anything opens it: a FIFO would make a read wait forever.
    await checkRegularFile(path, name);
    if (format === 'xlsx') return { ...base, sheets: await sampleWorkbook(path, name, sampleRows) };
    const encoding = await sniffEncoding(path, name);
    if (encoding.encoding === null) {
      return { ...base, problem: messageOf(DRAFT_ERRORS, 'DRAFT_UNKNOWN_ENCODING', { file: name }) };
    }
    const options = { path, name, format, encoding: encoding.encoding, headerRow: 1, sheet: null };
    const sheet =
      format === 'jsonl' ? await sampleObjects(options, sampleRows) : await sampleRowsOf(options, sampleRows);
    return { ...base, encoding, sheets: [sheet] };
  } catch (error) {
    return { ...base, problem: problemOf(error) };
  }
}

const FORMATS: Readonly<Record<string, FileFormat>> = { '.csv': 'csv', '.jsonl': 'jsonl', '.xlsx': 'xlsx' };

// Header problems that mean "not this row": the next row is tried.
const NOT_THE_HEADER = new Set(['DUPLICATE_COLUMN', 'HEADER_BAD_QUOTE', 'XLSX_HEADER_MISSING']);

interface RowsSample {
  sheet: SampledSheet;
  headerLine: number;
  /** Non-empty header names. */
  names: number;
  bad: number;
  records: number;
  /** The line (CSV) or row (xlsx) of every item read, header included. */
  lines: number[];
}

async function sampleRowsOf(options: ReadFileOptions, sampleRows: number): Promise<SampledSheet> {
  let first: RowsSample | null = null;
  // The first header problem met: when no row serves as the header, it says why (a column
  // name given twice, say), rather than "no header row found".
  let problem: Bilingual | null = null;
  const withProblem = (sheet: SampledSheet): SampledSheet =>
    problem === null ? sheet : { ...sheet, headerProblem: problem };
  let headerRow = 1;
  // The rows that hold something, from the first read: the only ones worth trying as the header.
  const next = (after: number) =>
    first ? (first.lines.find((l) => l > after) ?? Number.POSITIVE_INFINITY) : after + 1;
  while (headerRow <= MAX_TITLE_ROWS + 1) {
    let sample: RowsSample;
    try {
      sample = await readRows({ ...options, headerRow }, sampleRows);
    } catch (error) {
      const code = error instanceof ScorebookError ? (error.problems[0]?.code ?? '') : '';
      if (!NOT_THE_HEADER.has(code)) {
        if (first !== null) return first.sheet;
        throw error;
      }
      problem ??= problemOf(error);
      headerRow = next(headerRow);
      continue;
    }
    first ??= sample;
    if (sample.names >= 2 && sample.bad * 2 <= sample.records + sample.bad) return withProblem(sample.sheet);
    headerRow = next(sample.headerLine);
  }
  return withProblem(
    first?.sheet ?? { name: options.sheet, firstRow: 1, rows: [], objects: [], badRecords: 0 },
  );
}

async function readRows(options: ReadFileOptions, sampleRows: number): Promise<RowsSample> {
  const rows: Cell[][] = [];
  const lines: number[] = [];
  let headerLine = 0;
  let names = 0;
  let bad = 0;
  let records = 0;
  const place = (line: number, cells: Cell[]) => {
    while (headerLine + rows.length < line) rows.push([]);
    rows.push(cells);
  };
  for await (const item of take(readFile(options), sampleRows)) {
    lines.push(item.line);
    if (item.kind === 'header') {
      headerLine = item.line;
      names = item.columns.filter((c) => c !== '').length;
      rows.push(item.columns);
    } else if (item.kind === 'record') {
      records++;
      place(item.line, item.cells);
    } else if (item.kind === 'bad') {
      bad++;
      place(item.line, []);
    }
  }
  const sheet: SampledSheet = {
    name: options.sheet,
    firstRow: headerLine,
    rows,
    objects: [],
    badRecords: bad,
  };
  return { sheet, headerLine, names, bad, records, lines };
}

async function sampleObjects(options: ReadFileOptions, sampleRows: number): Promise<SampledSheet> {
  const objects: Readonly<Record<string, unknown>>[] = [];
  let bad = 0;
  for await (const item of take(readFile(options), sampleRows)) {
    if (item.kind === 'object') objects.push(item.values);
    else if (item.kind === 'bad') bad++;
  }
  return { name: null, firstRow: 1, rows: [], objects, badRecords: bad };
}

async function sampleWorkbook(path: string, name: string, sampleRows: number): Promise<SampledSheet[]> {
  const base = { path, name, format: 'xlsx' as const, encoding: 'utf-8' as const, headerRow: 1 };
  const names = await sheetNames(path);
  const sheets: SampledSheet[] = [];
  if (names.length > 1) {
    for (const sheet of names.slice(0, MAX_SHEETS)) {
      try {
        sheets.push(await sampleRowsOf({ ...base, sheet }, sampleRows));
      } catch {
        // A chart sheet, say: not a table.
      }
    }
  }
  if (sheets.length > 0) return sheets;
  // One sheet, or none found: the reader reads the first, and names what is wrong with the file.
  return [{ ...(await sampleRowsOf({ ...base, sheet: null }, sampleRows)), name: names[0] ?? null }];
}

/** The sheet names of a workbook in workbook order, from its workbook part; none when not found. */
async function sheetNames(path: string): Promise<string[]> {
  try {
    const zip = await unzipper.Open.file(path);
    const part = zip.files.find((f) => /^\/?xl\/workbook\.xml$/i.test(f.path));
    if (!part) return [];
    const info = await readWorkbook(part.path, part.stream(), null);
    return info.sheets.map((s) => s.name);
  } catch {
    return [];
  }
}

async function sniffEncoding(path: string, name: string) {
  const handle = await openRegularFile(path, name);
  try {
    const buffer = new Uint8Array(ENCODING_SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const size = (await handle.stat()).size;
    return detectEncoding(buffer.subarray(0, bytesRead), bytesRead >= size);
  } finally {
    await handle.close();
  }
}

/** The first `count` items; the reader is closed when the loop ends early. */
async function* take(items: AsyncGenerator<FileItem>, count: number): AsyncGenerator<FileItem> {
  let n = 0;
  for await (const item of items) {
    if (item.kind !== 'header' && ++n > count) return;
    yield item;
  }
}

function problemOf(error: unknown): Bilingual {
  if (error instanceof ScorebookError && error.problems[0]) return error.problems[0].message;
  const text = error instanceof Error ? error.message : String(error);
  return { zh: text, en: text };
}

async function walk(root: string): Promise<{ path: string; name: string }[]> {
  const out: { path: string; name: string }[] = [];
  const seen = new Set<string>([await realpath(root)]);
  const visit = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir)) {
      if (entry.startsWith('.') || entry.startsWith('~$')) continue;
      const path = join(dir, entry);
      const stats = await stat(path).catch(() => null);
      if (stats?.isDirectory()) {
        const real = await realpath(path);
        if (seen.has(real)) continue;
        seen.add(real);
        await visit(path);
      } else {
        out.push({ path, name: relative(root, path).split(sep).join('/') });
      }
    }
  };
  await visit(root);
  return out;
}

// The folder's name as an id (`docs/sources.md`, the draft's id); a name without a letter (a
// month, `2026-10`) says which export only with the folder it is in.
function defaultId(dataDir: string): string {
  const parts: string[] = [];
  for (let dir = resolve(dataDir); ; dir = dirname(dir)) {
    const slug = slugOf(basename(dir));
    if (/[a-z]/.test(slug)) return [slug.replace(/^[^a-z]+/, ''), ...parts].join('-');
    if (slug !== '') parts.unshift(slug);
    if (dirname(dir) === dir) return parts.length === 0 ? 'source' : ['export', ...parts].join('-');
  }
}

function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
