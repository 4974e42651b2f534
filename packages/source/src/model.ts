import type { CustomTableName, CustomTableSpec, InputTableName, TableName } from '@scorebook/contract';
import type { NumberFormat } from './fields/number-format.ts';
import type { Encoding } from './read/file-items.ts';

/** Where a part of `source.yaml` was written: file, 1-based line and column, JSON path. */
export interface SourceLine {
  file: string;
  line: number;
  column: number;
  path: string;
}

/** Types an extra field may be declared with (`type:`). */
export const EXTRA_FIELD_TYPES = ['string', 'number', 'int', 'bool', 'timestamp', 'date'] as const;
export type ExtraFieldType = (typeof EXTRA_FIELD_TYPES)[number];

/** How a timestamp or date is written in an export. */
export type TimeFormat =
  | { kind: 'tokens'; tokens: string }
  | { kind: 'excel' }
  | { kind: 'unix_s' }
  | { kind: 'unix_ms' };

/** A value a `map` gives: text, a number, a boolean, or null (missing). */
export type MappedValue = string | number | boolean | null;

/** One entry of a table's `fields`: which column a field is read from, and how. */
export interface FieldMapping {
  /** The contract field, or an extra field's name. */
  field: string;
  /** The source column (header text, or JSON key). */
  column: string;
  /** Total map of trimmed cell text to typed value; null when the field has none. */
  map: ReadonlyMap<string, MappedValue> | null;
  /** Formats tried in order for a timestamp or date; null for the contract's ISO 8601. */
  format: readonly TimeFormat[] | null;
  /** How a number or int field's text is written (`number:`); null for the plain grammar. */
  number: NumberFormat | null;
  /** Declared type of an extra field; null for a contract field or an undeclared extra. */
  type: ExtraFieldType | null;
  source: SourceLine;
}

/** How one table is read: its files, encoding, header row, sheet and field mappings. */
export interface TableSource {
  table: TableName;
  /** Globs relative to the data folder; null to find the table by the v1 rules. */
  files: readonly string[] | null;
  encoding: Encoding;
  /** 1-based row of the header in CSV and xlsx files. */
  headerRow: number;
  /** xlsx: the sheet to read; null for the first. */
  sheet: string | null;
  fields: readonly FieldMapping[];
  source: SourceLine;
}

/**
 * A custom table a source declares under `custom` (`docs/custom-tables.md`): read like a table
 * of `tables` (its `files` always given; every declared field is a field of its rows), with the
 * types, id, agent and time fields of its declaration.
 */
export interface CustomTableSource extends TableSource {
  table: CustomTableName;
  files: readonly string[];
  spec: CustomTableSpec;
}

/**
 * A validated source (`source.yaml`), or the v1 default when a data folder has none: every
 * table by the v1 rules, UTF-8, contract field names.
 */
export interface Source {
  /** The file it was read from, its sha256 and text; null for the v1 default. */
  file: string | null;
  sha256: string | null;
  text: string | null;
  id: string | null;
  /** Timestamps without an offset are wall-clock time here; null for the policy's timezone. */
  timezone: string | null;
  ignore: readonly string[];
  tables: ReadonlyMap<InputTableName, TableSource>;
  /** The custom tables it declares, in the order written. */
  custom: ReadonlyMap<CustomTableName, CustomTableSource>;
}

/** The source of a data folder without `source.yaml`: the v1 rules of the data contract. */
export const DEFAULT_SOURCE: Source = {
  file: null,
  sha256: null,
  text: null,
  id: null,
  timezone: null,
  ignore: [],
  tables: new Map(),
  custom: new Map(),
};
