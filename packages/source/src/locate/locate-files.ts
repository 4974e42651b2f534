import { lstatSync, readdirSync, realpathSync, type Stats, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import {
  byInputTable,
  type CustomTableName,
  INPUT_TABLES,
  type InputTableName,
  type TableName,
} from '@scorebook/contract';
import { messageOf, type Problem, ScorebookError, type SourceProblem } from '@scorebook/problems';
import { SOURCE_ERRORS } from '../errors.ts';
import { SOURCE_FILE_NAME } from '../load/source-file-name.ts';
import type { Source, TableSource } from '../model.ts';
import type { FileFormat } from '../read/file-items.ts';
import { Glob, globProblem } from './glob.ts';
import { datedGlob, draftFromSuggestions, type StraySuggestion, suggestTable } from './suggest-table.ts';

/** A file of a table. */
export interface LocatedFile {
  /** Absolute path. */
  path: string;
  /** Relative to the data folder, `/`-separated: how messages and provenance name it. */
  name: string;
  format: FileFormat;
  size: number;
}

/** A table's files in reading order (lexical by `name`), and how the source says to read them. */
export interface LocatedTable {
  table: TableName;
  files: LocatedFile[];
  /** The table's entry in source.yaml; null when it is read by the v1 rules with contract names. */
  reading: TableSource | null;
}

/** Every table of a data folder with its files; warnings that do not stop a run. */
export interface DataFiles {
  dataDir: string;
  tables: Readonly<Record<InputTableName, LocatedTable>>;
  /** The source's custom tables (`docs/custom-tables.md`), in the order declared. */
  custom: ReadonlyMap<CustomTableName, LocatedTable>;
  warnings: Problem[];
  /**
   * Errors that stop the run but leave every table's files located: files no table takes
   * (STRAY_FILE, and SOURCE_NEEDED without a source). The caller reports them with what it finds
   * in the located files (their headers, their encodings), every problem at once.
   */
  strays: Problem[];
}

const FORMATS: Readonly<Record<string, FileFormat>> = { '.csv': 'csv', '.jsonl': 'jsonl', '.xlsx': 'xlsx' };

/**
 * Finds the files of every table (`docs/contract/source-format.md`): a table listed with `files` by its globs,
 * any other by the v1 rules (`<table>.csv`, `<table>.jsonl`, or the files directly inside
 * `<table>/`). Every other file of the folder must be the source file, hidden (a name starting
 * with `.`), an Excel lock file (`~$…`) or match `ignore`; anything else stops the run, as do a
 * file claimed by two tables, an unreadable extension, something that is not a regular file,
 * and a folder without `agents`. Throws a ScorebookError with every problem at once; stray files
 * alone do not throw: they are given back in `strays`, for the caller to report with the rest.
 */
export function locateFiles(dataDir: string, source: Source): DataFiles {
  const root = resolve(dataDir);
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const add = (code: keyof typeof SOURCE_ERRORS, file: string | null, message: Problem['message']) =>
    problems.push({ code, severity: 'error', message, file, line: null, column: null });
  let entries: Entry[];
  try {
    entries = walk(root);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    add(
      'DATA_DIR_UNREADABLE',
      dataDir,
      messageOf(SOURCE_ERRORS, 'DATA_DIR_UNREADABLE', { dir: dataDir, reason }),
    );
    throw new ScorebookError('input', problems);
  }
  // The source file given, and `source.yaml` beside the data (read or not), belong to no table.
  const sourceNames = new Set([SOURCE_FILE_NAME]);
  if (source.file !== null) sourceNames.add(relativeName(root, resolve(source.file)));
  const claims = [
    ...INPUT_TABLES.map((table) => claimOf(table, source.tables.get(table) ?? null)),
    ...[...source.custom.values()].map((reading) => claimOf(reading.table, reading)),
  ];
  const ignore = source.ignore.map((g) => new Glob(g));
  const files = new Map<TableName, LocatedFile[]>(claims.map((c) => [c.table, []]));
  const v1Forms = new Map<TableName, Set<string>>();

  const strays: string[] = [];
  for (const entry of entries) {
    if (sourceNames.has(entry.name)) continue;
    const [claim, second] = claims.filter((c) => c.matches(entry.name));
    if (claim === undefined) {
      if (ignore.some((g) => g.matches(entry.name))) continue;
      if (entry.kind === 'file') strays.push(entry.name);
      else
        add(
          'NOT_A_FILE',
          entry.name,
          messageOf(SOURCE_ERRORS, 'NOT_A_FILE', { file: entry.name, kind: entry.kind }),
        );
      continue;
    }
    if (second !== undefined) {
      add(
        'FILE_IN_TWO_TABLES',
        entry.name,
        messageOf(SOURCE_ERRORS, 'FILE_IN_TWO_TABLES', {
          file: entry.name,
          first: claim.table,
          second: second.table,
        }),
      );
      continue;
    }
    if (entry.kind !== 'file') {
      add(
        'NOT_A_FILE',
        entry.name,
        messageOf(SOURCE_ERRORS, 'NOT_A_FILE', { file: entry.name, kind: entry.kind }),
      );
      continue;
    }
    const format = FORMATS[extname(entry.name).toLowerCase()];
    if (format === undefined) {
      add(
        'UNKNOWN_EXTENSION',
        entry.name,
        messageOf(SOURCE_ERRORS, 'UNKNOWN_EXTENSION', { file: entry.name, table: claim.table }),
      );
      continue;
    }
    if (claim.v1Form !== null) {
      const form = claim.v1Form(entry.name);
      const forms = v1Forms.get(claim.table) ?? new Set<string>();
      forms.add(form);
      v1Forms.set(claim.table, forms);
    }
    files.get(claim.table)?.push({ path: entry.path, name: entry.name, format, size: entry.size });
  }

  const suggestions: StraySuggestion[] = [];
  const strayProblems: Problem[] = [];
  const stray = (code: keyof typeof SOURCE_ERRORS, file: string | null, message: Problem['message']) =>
    strayProblems.push({ code, severity: 'error', message, file, line: null, column: null });
  for (const group of strayGroups(strays)) {
    const guess = suggestTable(group);
    suggestions.push(guess);
    stray(
      'STRAY_FILE',
      group[0],
      messageOf(SOURCE_ERRORS, 'STRAY_FILE', {
        file: group[0],
        count: group.length,
        last: group[group.length - 1] ?? group[0],
        table: guess.table ?? '',
        fix: source.file === null ? '' : guess.fix,
      }),
    );
  }
  // Without a source every stray file needs the same file: one draft that reads them all.
  if (source.file === null && suggestions.length > 0)
    stray(
      'SOURCE_NEEDED',
      dataDir,
      messageOf(SOURCE_ERRORS, 'SOURCE_NEEDED', {
        dir: dataDir,
        groups: suggestions.length,
        draft: draftFromSuggestions(suggestions),
      }),
    );
  for (const [table, forms] of v1Forms) {
    if (forms.size > 1)
      add(
        'TABLE_GIVEN_TWICE',
        join(dataDir, table),
        messageOf(SOURCE_ERRORS, 'TABLE_GIVEN_TWICE', { table, forms: [...forms].sort().join(', ') }),
      );
  }
  if (files.get('agents')?.length === 0 && problems.length === 0 && strayProblems.length === 0)
    add('AGENTS_MISSING', dataDir, messageOf(SOURCE_ERRORS, 'AGENTS_MISSING', { dir: dataDir }));
  if (problems.length > 0) throw new ScorebookError('input', [...problems, ...strayProblems]);

  const located = (table: TableName, reading: TableSource | null): LocatedTable => {
    const list = (files.get(table) ?? []).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (reading?.files && list.length === 0) warnings.push(globMatchesNothing(reading));
    return { table, files: list, reading };
  };
  const tables = byInputTable((table) => located(table, source.tables.get(table) ?? null));
  const custom = new Map([...source.custom].map(([table, reading]) => [table, located(table, reading)]));
  return { dataDir: root, tables, custom, warnings, strays: strayProblems };
}

/**
 * The GLOB_MATCHES_NOTHING warnings of a source that cannot be used for a run (source.yaml has
 * errors): each table listed with `files` none of whose globs matches a file of the folder.
 * {@link locateFiles} warns of the same tables once the source is valid; this check needs only
 * the table's own globs, so it is reported with the errors (a table with an unusable glob
 * is left out: SOURCE_BAD_GLOB says why). A folder that cannot be read gives
 * none (locating the files reports it).
 */
export function unmatchedGlobs(dataDir: string, source: Source): SourceProblem[] {
  let entries: Entry[];
  try {
    entries = walk(resolve(dataDir));
  } catch {
    return [];
  }
  return (
    [...source.tables.values(), ...source.custom.values()]
      // A table with a glob that cannot be used has its SOURCE_BAD_GLOB already.
      .filter((reading) => reading.files?.every((g) => globProblem(g) === null))
      .filter((reading) => {
        const claim = claimOf(reading.table, reading);
        return !entries.some((entry) => claim.matches(entry.name));
      })
      .map(globMatchesNothing)
  );
}

function globMatchesNothing(reading: TableSource): SourceProblem {
  return {
    code: 'GLOB_MATCHES_NOTHING',
    severity: 'warning',
    message: messageOf(SOURCE_ERRORS, 'GLOB_MATCHES_NOTHING', {
      table: reading.table,
      globs: (reading.files ?? []).join(', '),
    }),
    ...reading.source,
  };
}

interface Claim {
  table: TableName;
  matches(name: string): boolean;
  /** For a table read by the v1 rules: which of its forms a file is (`x.csv`, `x.jsonl`, `x/`). */
  v1Form: ((name: string) => string) | null;
}

function claimOf(table: TableName, reading: TableSource | null): Claim {
  if (reading?.files) {
    const globs = reading.files.map((g) => new Glob(g));
    return { table, matches: (name) => globs.some((g) => g.matches(name)), v1Form: null };
  }
  const folder = `${table}/`;
  return {
    table,
    matches: (name) =>
      name === `${table}.csv` ||
      name === `${table}.jsonl` ||
      (name.startsWith(folder) && !name.slice(folder.length).includes('/')),
    v1Form: (name) => (name.startsWith(folder) ? folder : name),
  };
}

interface Entry {
  path: string;
  name: string;
  kind: 'file' | 'fifo' | 'socket' | 'device' | 'broken link';
  size: number;
}

// Every entry below the folder but hidden ones and Excel lock files, folders descended into
// (a symbolic link to a folder too, once), in no particular order.
function walk(root: string): Entry[] {
  const out: Entry[] = [];
  const seen = new Set<string>([realpathSync(root)]);
  const visit = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name.startsWith('.') || name.startsWith('~$')) continue;
      const path = join(dir, name);
      let stats: Stats;
      try {
        stats = statSync(path);
      } catch {
        if (lstatSync(path).isSymbolicLink()) {
          out.push({ path, name: relativeName(root, path), kind: 'broken link', size: 0 });
          continue;
        }
        throw new Error(`cannot read ${path}`);
      }
      if (stats.isDirectory()) {
        const real = realpathSync(path);
        if (seen.has(real)) continue;
        seen.add(real);
        visit(path);
        continue;
      }
      const kind = stats.isFile() ? 'file' : stats.isFIFO() ? 'fifo' : stats.isSocket() ? 'socket' : 'device';
      out.push({ path, name: relativeName(root, path), kind, size: stats.size });
    }
  };
  visit(root);
  return out;
}

/** Stray files by folder and extension, each group in name order (a folder of daily files is one). */
type StrayGroup = readonly [string, ...string[]];

function strayGroups(names: readonly string[]): StrayGroup[] {
  const groups = new Map<string, StrayGroup>();
  for (const name of [...names].sort()) {
    const slash = name.lastIndexOf('/');
    // A folder's files of one extension are one group; top-level files, those of one dated glob.
    const key =
      slash < 0 ? `\u0000${datedGlob(name)}` : `${name.slice(0, slash)}\u0000${extname(name).toLowerCase()}`;
    const group = groups.get(key);
    groups.set(key, group ? [...group, name] : [name]);
  }
  return [...groups.values()];
}

function relativeName(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
