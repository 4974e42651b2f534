import { createHash } from 'node:crypto';
import {
  byInputTable,
  type CustomTableName,
  type FieldSpec,
  INPUT_TABLES,
  type InputTableName,
  isCustomTableName,
  TABLES,
  type TableName,
} from '@scorebook/contract';
import { type Bilingual, messageOf, type Problem, ScorebookError } from '@scorebook/problems';
import {
  type DataFiles,
  type FileItem,
  findSource,
  type LocatedFile,
  type LocatedTable,
  locateFiles,
  type PartialSource,
  readFile,
  readFileBatches,
  SOURCE_ERRORS,
  type Source,
  type TableSource,
  TableTyper,
  type ValueRejection,
  withMisplacedHeader,
} from '@scorebook/source';
import { Zone } from '@scorebook/time';
import { RUN_ERRORS } from '../errors.ts';
import { EvaluationError } from '../evaluation-error.ts';

/**
 * A record of a table, typed; or why it cannot be read (a rejected row). `file` is the index of
 * its file in {@link Inputs.fileNames}, `fileName` that name.
 */
export type TableRecord =
  | {
      file: number;
      fileName: string;
      line: number;
      values: Record<string, unknown>;
      rejection?: undefined;
      cutOff?: undefined;
    }
  | {
      file: number;
      fileName: string;
      line: number;
      rejection: { field: string | null; code: string; message: Bilingual };
      /** What could be read before the fault, e.g. the row's id. */
      values: Record<string, unknown> | null;
      /**
       * The reader's flag ({@link FileItem}'s `cutOff`): the file's last line, without a line feed
       * after it, too short to be a record — the file was most likely cut off inside it.
       */
      cutOff?: true;
    };

/**
 * A file cut off inside its last line, as its reader flagged it (`cutOff`): the table, the file
 * (relative to the data folder) and the line (FILE_CUT_OFF, `docs/sources.md`).
 */
export interface CutOffFile {
  table: TableName;
  file: string;
  line: number;
}

/** What was read of a file, for provenance. */
export interface FileProvenance {
  path: string;
  sha256: string;
  rows: number;
}

/** One input table ready to be read: its files and how their records are typed. */
export interface TableInput {
  table: TableName;
  files: readonly LocatedFile[];
  reading: TableSource | null;
  typer: TableTyper;
  /** Filled by the first full read: each file's sha256 and records, in reading order. */
  provenance: FileProvenance[];
  /** Records read (all periods, before rejection). */
  rows: number;
  /**
   * Filled by the first full read, as `provenance` is: the files whose reader flagged their last
   * line as cut off, in reading order (at most one entry per file). Not written to any result.
   */
  cutOff: CutOffFile[];
  /** The header of each CSV and xlsx file, by file name: its cells and line. */
  headers: Map<string, { columns: string[]; line: number }>;
}

/** Every input table of a data folder, and the names of the files rows refer to by index. */
export interface Inputs {
  dataDir: string;
  source: Source;
  tables: Readonly<Record<InputTableName, TableInput>>;
  /** The source's custom tables (`docs/custom-tables.md`), in the order declared. */
  custom: ReadonlyMap<CustomTableName, TableInput>;
  /** Files by index (relative to the data folder), in the order they were first read. */
  fileNames: string[];
  warnings: Problem[];
}

/** Progress while reading: records read so far of a table. */
export interface ReadProgress {
  table: TableName;
  rows: number;
  /** Bytes of the table's files read so far, and in all (for a progress bar). */
  bytes: number;
  totalBytes: number;
  done: boolean;
}

const BATCH = 1024;
const PROGRESS_EVERY = 50_000;

/**
 * Opens the inputs of a data folder through its source: locates every table's files (a stray
 * file stops the run) and reads the header of every CSV and xlsx file, so that a required field
 * without a column or a mapped column a file lacks is reported for every file at once, before
 * any record is read. The headers of the tables in `unread` (tables only a feature reads, or custom
 * tables no metric reads, for a
 * policy without it) are not checked: their files are located, and nothing else. Throws a
 * ScorebookError with every problem.
 */
export async function openInputs(options: {
  dataDir: string;
  source: Source;
  zone: Zone;
  unread?: ReadonlySet<TableName>;
}): Promise<Inputs> {
  const located = locateFiles(options.dataDir, options.source);
  // Stray files are said with what the located files' headers and encodings have (every problem at once).
  const problems: Problem[] = [...located.strays];
  const input = ({ table, files, reading }: LocatedTable): TableInput => ({
    table,
    files,
    reading,
    typer: new TableTyper(table, reading, options.zone),
    provenance: [],
    rows: 0,
    cutOff: [],
    headers: new Map(),
  });
  const tables = byInputTable((table) => input(located.tables[table]));
  const custom = new Map([...located.custom].map(([table, l]) => [table, input(l)]));
  for (const t of [...Object.values(tables), ...custom.values()]) {
    if (options.unread?.has(t.table)) continue;
    problems.push(...(await headerProblems(t)));
  }
  if (problems.length > 0) throw new ScorebookError('input', problems);
  return {
    dataDir: located.dataDir,
    source: options.source,
    tables,
    custom,
    fileNames: [],
    warnings: located.warnings,
  };
}

/**
 * The source of a data folder for a run ({@link findSource}). When source.yaml has errors, throws
 * an EvaluationError with them and with the header problems of the files of the tables that can
 * still be read as written ({@link PartialSource}: a mapped column or a required field a file
 * lacks), so that one run reports both; the records are read only through a valid source.
 */
export async function sourceOfData(dataDir: string, sourceFile: string | null): Promise<Source> {
  const { source, problems, partial } = findSource(dataDir, sourceFile);
  if (source !== null) return source;
  const headers = partial === null ? [] : await partialHeaderProblems(dataDir, partial);
  const file = problems.find((p) => p.severity === 'error')?.file ?? null;
  const checked = INPUT_TABLES.filter((t) => partial?.headersChecked.has(t));
  const notRead: Problem = {
    code: 'SOURCE_ROWS_NOT_READ',
    severity: 'warning',
    message: messageOf(SOURCE_ERRORS, 'SOURCE_ROWS_NOT_READ', { tables: checked.join(', ') }),
    file,
    line: null,
    column: null,
  };
  throw new EvaluationError([...problems, ...headers, notRead]);
}

/**
 * The header problems of the tables of a partial source, and its stray files when they are known
 * ({@link PartialSource.straysKnown}); none when its files cannot be located (that is said once
 * the source is valid).
 */
async function partialHeaderProblems(dataDir: string, partial: PartialSource): Promise<Problem[]> {
  let located: DataFiles;
  try {
    located = locateFiles(dataDir, partial.source);
  } catch (error) {
    if (error instanceof ScorebookError) return [];
    throw error;
  }
  // Headers are matched by name: the zone only types values, which are not read here.
  const zone = new Zone('UTC');
  const problems: Problem[] = [];
  for (const table of INPUT_TABLES) {
    if (!partial.headersChecked.has(table)) continue;
    const { files, reading } = located.tables[table];
    const typer = new TableTyper(table, reading, zone);
    problems.push(...(await headerProblems({ files, reading, typer, headers: new Map() })));
  }
  // Files no table takes, when the errors cannot change which files the tables take.
  if (partial.straysKnown) problems.push(...located.strays);
  return problems;
}

/** Reads the header of each CSV and xlsx file of a table into `headers`: its problems, or why a file cannot be read. */
async function headerProblems(
  input: Pick<TableInput, 'files' | 'reading' | 'typer' | 'headers'>,
): Promise<Problem[]> {
  const { files, reading, typer, headers } = input;
  const problems: Problem[] = [];
  for (const file of files) {
    if (file.format === 'jsonl') continue;
    try {
      for await (const item of readFile(fileOptions(file, reading))) {
        if (item.kind === 'header') {
          problems.push(
            ...(await withMisplacedHeader(
              { ...fileOptions(file, reading), table: typer.table },
              typer,
              item.columns,
              typer.fileHeader(file.name, item.columns, item.line),
            )),
          );
          headers.set(file.name, { columns: item.columns, line: item.line });
        }
        break;
      }
    } catch (error) {
      // A file that cannot be read at all (empty, not in its encoding): said with the others.
      if (!(error instanceof ScorebookError)) throw error;
      problems.push(...error.problems);
    }
  }
  return problems;
}

/**
 * Reads a table's files in order and yields its records in batches, typed through the source.
 * The first read of a table records each file's sha256 and record count; a later read of the
 * same table (conversations are read twice) gives the same records and records nothing.
 */
export async function* tableBatches(
  inputs: Inputs,
  table: TableName,
  onProgress?: (progress: ReadProgress) => void,
): AsyncGenerator<TableRecord[]> {
  const input = tableInput(inputs, table);
  const first = input.provenance.length === 0;
  const totalBytes = input.files.reduce((sum, f) => sum + f.size, 0);
  let bytes = 0;
  let rows = 0;
  let batch: TableRecord[] = [];
  for (const file of input.files) {
    let index = inputs.fileNames.indexOf(file.name);
    if (index < 0) index = inputs.fileNames.push(file.name) - 1;
    const hash = createHash('sha256');
    let fileRows = 0;
    const onBytes = (chunk: Uint8Array) => {
      if (first) hash.update(chunk);
      bytes += chunk.byteLength;
    };
    for await (const items of readFileBatches({ ...fileOptions(file, input.reading), onBytes })) {
      for (const item of items) {
        if (item.kind === 'header') {
          input.typer.fileHeader(file.name, item.columns, item.line);
          continue;
        }
        fileRows++;
        rows++;
        if (rows % PROGRESS_EVERY === 0) onProgress?.({ table, rows, bytes, totalBytes, done: false });
        const record = typedRecord(item, input.typer, index, file.name);
        if (first && record.cutOff === true) input.cutOff.push({ table, file: file.name, line: record.line });
        batch.push(record);
        if (batch.length === BATCH) {
          yield batch;
          batch = [];
        }
      }
    }
    if (first) input.provenance.push({ path: file.name, sha256: hash.digest('hex'), rows: fileRows });
  }
  if (batch.length > 0) yield batch;
  if (first) input.rows = rows;
  onProgress?.({ table, rows, bytes, totalBytes, done: true });
}

/** A record item of a file, typed by the table's typer (or the reason it cannot be read). */
export function typedRecord(
  item: Exclude<FileItem, { kind: 'header' }>,
  typer: TableTyper,
  file: number,
  fileName: string,
): TableRecord {
  if (item.kind === 'bad') {
    return {
      file,
      fileName,
      line: item.line,
      rejection: { field: null, code: item.code, message: item.message },
      values: null,
      ...(item.cutOff === true ? { cutOff: true as const } : {}),
    };
  }
  const typed = item.kind === 'record' ? typer.record(item.cells) : typer.object(item.values);
  return 'values' in typed
    ? { file, fileName, line: item.line, values: typed.values }
    : { file, fileName, line: item.line, rejection: rejectionOf(typed.rejection), values: typed.partial };
}

/**
 * Files of a table whose bytes are identical (a file downloaded twice, `x (1).csv`): each row
 * would count twice, so it stops the run naming both.
 */
export function duplicateFiles(inputs: Inputs): Problem[] {
  const problems: Problem[] = [];
  for (const { table, provenance } of [...Object.values(inputs.tables), ...inputs.custom.values()]) {
    const first = new Map<string, string>();
    for (const f of provenance) {
      const earlier = first.get(f.sha256);
      if (earlier === undefined) first.set(f.sha256, f.path);
      else
        problems.push({
          code: 'DUPLICATE_FILE',
          severity: 'error',
          message: messageOf(RUN_ERRORS, 'DUPLICATE_FILE', { table, file: f.path, first: earlier }),
          file: f.path,
          line: null,
          column: null,
        });
    }
  }
  return problems;
}

/** The combined sha256 of a table: its file's, or for several the sha256 of `name<TAB>sha256` lines. */
export function tableSha256(files: readonly FileProvenance[]): string | null {
  const [only, ...more] = files;
  if (only === undefined) return null;
  if (more.length === 0) return only.sha256;
  const lines = files.map((f) => `${f.path}\t${f.sha256}\n`).join('');
  return createHash('sha256').update(lines).digest('hex');
}

function rejectionOf(r: ValueRejection): { field: string | null; code: string; message: Bilingual } {
  return { field: r.field, code: r.code, message: r.message };
}

/** A table's input: a contract table's, or a custom table's that the source declares. */
export function tableInput(inputs: Inputs, table: TableName): TableInput {
  if (!isCustomTableName(table)) return inputs.tables[table];
  const input = inputs.custom.get(table);
  if (input === undefined) throw new Error(`the source declares no custom table ${table}`);
  return input;
}

/**
 * Each field of a table's rows with its type: the contract's (a custom table's declared ones),
 * then the typed extra fields.
 */
export function fieldsOfTyper(table: TableName, typer: TableTyper): Record<string, FieldSpec> {
  const specs: Record<string, FieldSpec> = isCustomTableName(table)
    ? Object.fromEntries(
        typer.fields
          .filter((f) => f.contract)
          .map((f) => [f.name, { ...f.reading.spec, type: f.type, required: f.required }]),
      )
    : { ...TABLES[table].fields };
  for (const f of typer.fields) if (!f.contract && !f.undeclared) specs[f.name] = { type: f.type };
  return specs;
}

/** How to read one of a table's files (the source's encoding, header row and sheet). */
export function fileOptions(file: LocatedFile, reading: TableSource | null) {
  return {
    path: file.path,
    name: file.name,
    format: file.format,
    encoding: reading?.encoding ?? 'utf-8',
    headerRow: reading?.headerRow ?? 1,
    sheet: reading?.sheet ?? null,
  } as const;
}
