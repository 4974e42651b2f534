import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  type ConfigText,
  checkUsablePart,
  closest,
  configTextFromBytes,
  locate,
  type ParsedYaml,
  parseConfigYaml,
  problemAt,
  readConfigText,
} from '@scorebook/config-file';
import {
  type CustomTableName,
  DERIVED_CONVERSATION_FIELDS,
  type FieldSpec,
  INPUT_TABLES,
  type InputTableName,
  TABLES,
} from '@scorebook/contract';
import { formatPath, hasErrors, messageOf, type SourceProblem, sortProblems } from '@scorebook/problems';
import { isValidTimezone } from '@scorebook/time';
import { type CustomTableChecks, checkCustomTable } from '../custom/custom-table.ts';
import { SOURCE_ERRORS } from '../errors.ts';
import { type NumberFormat, stripProblem } from '../fields/number-format.ts';
import { timeFormatProblem } from '../fields/time-formats.ts';
import validate from '../generated/source-validator.js';
import { globProblem } from '../locate/glob.ts';
import { unmatchedGlobs } from '../locate/locate-files.ts';
import {
  type CustomTableSource,
  DEFAULT_SOURCE,
  type FieldMapping,
  type MappedValue,
  type Source,
  type SourceLine,
  type TableSource,
  type TimeFormat,
} from '../model.ts';
import { ENCODING_ALIASES, type Encoding } from '../read/file-items.ts';
import { SOURCE_FILE_NAME } from './source-file-name.ts';
import type { FieldDocument, NumberDocument, SourceDocument, TableDocument } from './source-schema.ts';

/** A source as loaded: the source when valid, and every problem found. */
export interface LoadedSource {
  source: Source | null;
  problems: SourceProblem[];
}

/**
 * What can still be read of a source.yaml with errors: the source read from its usable part, and
 * the tables of it whose files would be read as written — so that their headers can be checked
 * with the errors (`docs/sources.md`). A table is one of them when none of the errors is in its
 * entry except in a field's `map`, `format`, `number` or `type` (which change how values are read, not
 * which columns), none is in `ignore`, and a run reads it whatever the policy (not `targets`,
 * `improvement_plans`, `ratings` or a custom table, which only some policies read).
 */
export interface PartialSource {
  source: Source;
  headersChecked: ReadonlySet<InputTableName>;
  /**
   * True when every error is inside a field of a contract table (`tables.<table>.fields.<field>`,
   * such as a draft's TODO in a map): fields do not change which files a table takes, so the
   * files no table takes (STRAY_FILE) are known and said with the errors.
   */
  straysKnown: boolean;
}

/**
 * The source of a data folder: the file given (`--source`), else `<dataDir>/source.yaml` when
 * there is one, else the v1 default (every table by the v1 rules). When the file has errors, the
 * tables whose `files` match nothing in the folder are reported with them
 * (GLOB_MATCHES_NOTHING, a warning): that check needs only the table's own globs; and `partial`
 * says what can still be read, for the header checks of a run ({@link PartialSource}).
 */
export function findSource(
  dataDir: string,
  sourceFile: string | null = null,
): LoadedSource & { partial: PartialSource | null } {
  const file = sourceFile !== null ? resolve(sourceFile) : join(dataDir, SOURCE_FILE_NAME);
  if (sourceFile === null && !existsSync(file))
    return { source: DEFAULT_SOURCE, problems: [], partial: null };
  const read = readConfigText(file);
  if (read.text === null) return { source: null, problems: read.problems, partial: null };
  const { source, partial, problems } = checkSourceText(read.text);
  if (source !== null || partial === null) return { source, problems, partial: null };
  return {
    source,
    problems: sortProblems([...problems, ...unmatchedGlobs(dataDir, partial)]),
    partial: {
      source: partial,
      headersChecked: headersChecked(partial, problems),
      straysKnown: straysKnown(problems),
    },
  };
}

/** Reads and checks a source file: schema, then meaning; every problem with its position. */
export function loadSourceFile(file: string): LoadedSource {
  const read = readConfigText(file);
  if (read.text === null) return { source: null, problems: read.problems };
  const { source, problems } = checkSourceText(read.text);
  return { source, problems };
}

/** Checks source bytes read elsewhere (from git, say), reported under `file`. */
export function loadSourceBytes(file: string, bytes: Uint8Array): LoadedSource {
  const read = configTextFromBytes(file, bytes);
  if (read.text === null) return { source: null, problems: read.problems };
  const { source, problems } = checkSourceText(read.text);
  return { source, problems };
}

/**
 * The YAML, then the schema, then the meaning of every part the schema accepts (its usable part),
 * so that schema and meaning problems are reported together. `partial` is the source read from
 * the usable part when there are errors (null when nothing is usable): enough for checks that
 * need one table's entry only, never for a run.
 */
function checkSourceText(text: ConfigText): LoadedSource & { partial: Source | null } {
  const { parsed, problems } = parseConfigYaml(text);
  if (parsed === null || problems.length > 0)
    return { source: null, partial: null, problems: sortProblems(problems) };
  const { usable, problems: schema } = checkUsablePart(parsed, validate);
  if (usable === null) return { source: null, partial: null, problems: sortProblems(schema) };
  const checker = new SourceChecker(parsed);
  const source = checker.source(usable, text);
  const all = sortProblems([...schema, ...checker.problems]);
  return hasErrors(all)
    ? { source: null, partial: source, problems: all }
    : { source, partial: null, problems: all };
}

type Path = Array<string | number>;

class SourceChecker implements CustomTableChecks {
  readonly problems: SourceProblem[] = [];
  readonly #parsed: ParsedYaml;

  constructor(parsed: ParsedYaml) {
    this.#parsed = parsed;
  }

  source(raw: SourceDocument, text: ConfigText): Source {
    const timezone = raw.timezone ?? null;
    if (timezone !== null && !isValidTimezone(timezone))
      this.report(
        ['timezone'],
        'SOURCE_UNKNOWN_TIMEZONE',
        messageOf(SOURCE_ERRORS, 'SOURCE_UNKNOWN_TIMEZONE', { timezone }),
      );
    const ignore = raw.ignore ?? [];
    for (const [i, glob] of ignore.entries()) this.checkGlob(glob, ['ignore', i]);
    const tables = new Map<InputTableName, TableSource>();
    for (const table of INPUT_TABLES) {
      const t = raw.tables?.[table];
      if (t !== undefined) tables.set(table, this.#table(table, t));
    }
    const custom = new Map<CustomTableName, CustomTableSource>();
    for (const [name, t] of Object.entries(raw.custom ?? {})) {
      const checked = checkCustomTable(this, name, t);
      if (checked !== null) custom.set(checked.table, checked);
    }
    return {
      file: text.file,
      sha256: text.sha256,
      text: text.text,
      id: raw.id ?? null,
      timezone,
      ignore,
      tables,
      custom,
    };
  }

  #table(table: InputTableName, raw: TableDocument): TableSource {
    const path: Path = ['tables', table];
    const files = raw.files ?? null;
    for (const [i, glob] of (files ?? []).entries()) this.checkGlob(glob, [...path, 'files', i]);
    const fields: FieldMapping[] = [];
    for (const [field, value] of Object.entries(raw.fields ?? {})) {
      fields.push(this.#field(table, field, value, [...path, 'fields', field]));
    }
    return {
      table,
      files,
      encoding: this.encoding(raw.encoding),
      headerRow: raw.header_row ?? 1,
      sheet: raw.sheet ?? null,
      fields,
      source: this.line(path),
    };
  }

  #field(table: InputTableName, field: string, value: FieldDocument, path: Path): FieldMapping {
    const spec: FieldSpec | undefined = TABLES[table].fields[field];
    const o = typeof value === 'string' ? { column: value } : value;
    const declared = o.type ?? null;
    const names = { table, field };
    // A name one slip away from a contract field, without a type: a typo, not an extra column.
    const near =
      spec === undefined && declared === null ? closest(field, Object.keys(TABLES[table].fields)) : null;
    if (near !== null) {
      this.report(
        path,
        'SOURCE_FIELD_MISSPELT',
        messageOf(SOURCE_ERRORS, 'SOURCE_FIELD_MISSPELT', { table, field, near }),
        'key',
      );
      // Its map and format were meant for the other field: checking them as text would only add noise.
      return {
        field,
        column: o.column ?? field,
        map: null,
        format: null,
        number: null,
        type: null,
        source: this.line(path),
      };
    }
    if (spec !== undefined && declared !== null)
      this.report(
        [...path, 'type'],
        'SOURCE_TYPE_ON_CONTRACT_FIELD',
        messageOf(SOURCE_ERRORS, 'SOURCE_TYPE_ON_CONTRACT_FIELD', { ...names, type: spec.type }),
      );
    if (table === 'conversations' && Object.hasOwn(DERIVED_CONVERSATION_FIELDS, field))
      this.report(
        path,
        'SOURCE_FIELD_SHADOWS_DERIVED',
        messageOf(SOURCE_ERRORS, 'SOURCE_FIELD_SHADOWS_DERIVED', names),
        'key',
      );
    const type = spec?.type ?? declared ?? 'string';
    const { format, map, number } = this.reading(names, type, spec, o, path);
    return {
      field,
      column: o.column ?? field,
      map,
      format,
      number,
      type: spec === undefined ? declared : null,
      source: this.line(path),
    };
  }

  /** The format, map and number option of a field of `type`, each checked against the type (and its spec). */
  reading(
    names: { table: string; field: string },
    type: string,
    spec: FieldSpec | undefined,
    o: { map?: Record<string, MappedValue>; format?: string | string[]; number?: NumberDocument },
    path: Path,
  ): { format: TimeFormat[] | null; map: Map<string, MappedValue> | null; number: NumberFormat | null } {
    const { field } = names;
    const isTime = type === 'timestamp' || type === 'date';
    let format: TimeFormat[] | null = null;
    if (o.format !== undefined) {
      const texts = typeof o.format === 'string' ? [o.format] : o.format;
      if (!isTime) {
        this.report(
          [...path, 'format'],
          'SOURCE_FORMAT_NOT_TIME',
          messageOf(SOURCE_ERRORS, 'SOURCE_FORMAT_NOT_TIME', { ...names, type }),
        );
      } else {
        format = texts.map((t, i) => {
          const f = toTimeFormat(t);
          const why = timeFormatProblem(f, type);
          if (why !== null) {
            const at = typeof o.format === 'string' ? [...path, 'format'] : [...path, 'format', i];
            this.report(
              at,
              'SOURCE_BAD_TIME_FORMAT',
              messageOf(SOURCE_ERRORS, 'SOURCE_BAD_TIME_FORMAT', { format: t, why }),
            );
          }
          return f;
        });
      }
    }
    let map: Map<string, MappedValue> | null = null;
    if (o.map !== undefined) {
      if (isTime)
        this.report(
          [...path, 'map'],
          'SOURCE_MAP_ON_TIME',
          messageOf(SOURCE_ERRORS, 'SOURCE_MAP_ON_TIME', names),
        );
      else map = this.#map(field, type, spec, o.map, [...path, 'map']);
    }
    return { format, map, number: this.#number(names, type, o, path) };
  }

  // A field's `number:` option: on a number or int field without a map, each strip text usable.
  #number(
    names: { table: string; field: string },
    type: string,
    o: { map?: unknown; number?: NumberDocument },
    path: Path,
  ): NumberFormat | null {
    if (o.number === undefined) return null;
    const at = [...path, 'number'];
    if (type !== 'number' && type !== 'int') {
      this.report(
        at,
        'SOURCE_NUMBER_NOT_NUMBER',
        messageOf(SOURCE_ERRORS, 'SOURCE_NUMBER_NOT_NUMBER', { ...names, type }),
      );
      return null;
    }
    if (o.map !== undefined)
      this.report(
        at,
        'SOURCE_NUMBER_WITH_MAP',
        messageOf(SOURCE_ERRORS, 'SOURCE_NUMBER_WITH_MAP', names),
        'key',
      );
    const thousands = o.number.thousands ?? null;
    const strip = o.number.strip ?? [];
    for (const [i, text] of strip.entries()) {
      const why = stripProblem(text, thousands);
      if (why !== null)
        this.report(
          [...at, 'strip', i],
          'SOURCE_NUMBER_BAD_STRIP',
          messageOf(SOURCE_ERRORS, 'SOURCE_NUMBER_BAD_STRIP', { text, why }),
        );
    }
    return { thousands, strip };
  }

  #map(
    field: string,
    type: string,
    spec: FieldSpec | undefined,
    raw: Readonly<Record<string, MappedValue>>,
    path: Path,
  ): Map<string, MappedValue> {
    const map = new Map<string, MappedValue>();
    for (const [key, value] of Object.entries(raw)) {
      const trimmed = key.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '');
      if (map.has(trimmed)) {
        this.report(
          [...path, key],
          'SOURCE_MAP_DUPLICATE_KEY',
          messageOf(SOURCE_ERRORS, 'SOURCE_MAP_DUPLICATE_KEY', { key }),
          'key',
        );
        continue;
      }
      const v = value;
      map.set(trimmed, v);
      if (v === null) continue;
      if (v === 'TODO') {
        this.report(
          [...path, key],
          'SOURCE_MAP_TODO',
          messageOf(SOURCE_ERRORS, 'SOURCE_MAP_TODO', {
            field,
            key,
            role: isAgentRole(path, field),
            allowed: spec?.values?.join(', ') ?? null,
          }),
        );
      } else if (!fitsType(v, type, spec)) {
        this.report(
          [...path, key],
          'SOURCE_MAP_VALUE_TYPE',
          messageOf(SOURCE_ERRORS, 'SOURCE_MAP_VALUE_TYPE', { field, key, value: JSON.stringify(v), type }),
        );
      } else if (spec?.values !== undefined && !spec.values.includes(String(v))) {
        this.report(
          [...path, key],
          'SOURCE_MAP_VALUE_NOT_ALLOWED',
          messageOf(SOURCE_ERRORS, 'SOURCE_MAP_VALUE_NOT_ALLOWED', {
            field,
            key,
            value: String(v),
            allowed: spec.values.join(', '),
          }),
        );
      }
    }
    return map;
  }

  /** Reports a glob that cannot be used. */
  checkGlob(glob: string, path: Path): void {
    const why = globProblem(glob);
    if (why !== null)
      this.report(path, 'SOURCE_BAD_GLOB', messageOf(SOURCE_ERRORS, 'SOURCE_BAD_GLOB', { glob, why }));
  }

  /** Adds an error at a path of the document. */
  report(
    path: Path,
    code: string,
    message: SourceProblem['message'],
    anchor: 'value' | 'key' = 'value',
  ): void {
    this.problems.push(problemAt(this.#parsed, path, { code, severity: 'error', message }, anchor));
  }

  /** Where a path of the document was written. */
  line(path: Path): SourceLine {
    const [start] = locate(this.#parsed, path);
    const pos = this.#parsed.lineCounter.linePos(start);
    return { file: this.#parsed.source.file, line: pos.line, column: pos.col, path: formatPath(path) };
  }

  /** The encoding a source names (an alias read as its encoding), utf-8 by default. */
  encoding(name: string | undefined): Encoding {
    if (name === undefined) return 'utf-8';
    return ENCODING_ALIASES[name] ?? (name as Encoding);
  }
}

/** A format as written: `excel`, `unix_s`, `unix_ms`, or luxon tokens. */
export function toTimeFormat(text: string): TimeFormat {
  if (text === 'excel' || text === 'unix_s' || text === 'unix_ms') return { kind: text };
  return { kind: 'tokens', tokens: text };
}

function fitsType(value: string | number | boolean, type: string, spec: FieldSpec | undefined): boolean {
  switch (type) {
    case 'id':
    case 'string':
      return typeof value === 'string';
    case 'int':
    case 'number': {
      if (typeof value !== 'number' || (type === 'int' && !Number.isInteger(value))) return false;
      return (spec?.min === undefined || value >= spec.min) && (spec?.max === undefined || value <= spec.max);
    }
    case 'bool':
      return typeof value === 'boolean';
    default:
      return false;
  }
}

// The agents' role, whose drafted map's TODOs stand for the policy's scorecard roles.
function isAgentRole(path: Path, field: string): boolean {
  return path[0] === 'tables' && path[1] === 'agents' && field === 'role';
}

// Tables a run reads only for some policies: their headers wait for a valid source.
const READ_BY_SOME_POLICIES: ReadonlySet<InputTableName> = new Set([
  'targets',
  'improvement_plans',
  'ratings',
]);
// The keys of a field whose errors leave its column as written.
const VALUE_KEYS = ['map', 'format', 'number', 'type'];

/** {@link PartialSource.straysKnown}. */
function straysKnown(problems: readonly SourceProblem[]): boolean {
  const fields = INPUT_TABLES.map((table) => formatPath(['tables', table, 'fields']));
  return problems
    .filter((p) => p.severity === 'error')
    .every((p) => fields.some((prefix) => (p.path ?? '').startsWith(`${prefix}.`)));
}

/** The tables of a source with errors whose files would be read as written ({@link PartialSource}). */
function headersChecked(partial: Source, problems: readonly SourceProblem[]): Set<InputTableName> {
  const errors = problems.filter((p) => p.severity === 'error').map((p) => p.path ?? '');
  const within = (path: string, prefix: string) =>
    path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);
  const checked = new Set<InputTableName>();
  if (errors.some((path) => within(path, 'ignore'))) return checked;
  for (const table of partial.tables.keys()) {
    if (READ_BY_SOME_POLICIES.has(table)) continue;
    const entry = formatPath(['tables', table]);
    const fields = partial.tables.get(table)?.fields ?? [];
    const inValues = (path: string) =>
      fields.some((f) =>
        VALUE_KEYS.some((key) => within(path, formatPath(['tables', table, 'fields', f.field, key]))),
      );
    if (errors.every((path) => !within(path, entry) || inValues(path))) checked.add(table);
  }
  return checked;
}
