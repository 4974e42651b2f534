import {
  type FieldSpec,
  type FieldType,
  INPUT_TABLES,
  isCustomTableName,
  TABLES,
  type TableName,
} from '@scorebook/contract';
import { type Bilingual, messageOf, type Problem } from '@scorebook/problems';
import type { Zone } from '@scorebook/time';
import { yamlString } from '../draft/yaml-text.ts';
import { SOURCE_ERRORS } from '../errors.ts';
import type { CustomTableSource, FieldMapping, TableSource } from '../model.ts';
import type { Cell } from '../read/file-items.ts';
import {
  type NumberFormat,
  numberFormatYaml,
  readFormattedNumber,
  suggestNumberFormat,
} from './number-format.ts';
import { VALUE_REJECTIONS, type ValueRejectionCode } from './rejections.ts';
import { compileTimeFormat } from './time-formats.ts';
import {
  type QuickReading,
  quickReading,
  quickValue,
  readValue,
  type TypedValue,
  ValueFailure,
  type ValueReading,
} from './type-value.ts';

/** A field a table's rows carry: a contract field, or an extra field (declared or not). */
export interface RowField {
  name: string;
  /** The column (CSV/xlsx header, JSON key) it is read from. */
  column: string;
  type: FieldType;
  /** True for the contract's fields. */
  contract: boolean;
  /** True for an extra field without a declared type: text, objects kept as they are. */
  undeclared: boolean;
  required: boolean;
  reading: ValueReading;
  mapping: FieldMapping | null;
  /** How a text cell of the field may be read without {@link readValue} ({@link QuickReading}). */
  quick: QuickReading | null;
}

/** Why a record is a rejected row: the field at fault and the message. */
export interface ValueRejection {
  field: string;
  code: ValueRejectionCode;
  message: Bilingual;
}

/** A record read into typed values by field name, or why it cannot be. */
export type TypedRecord =
  | { values: Record<string, unknown> }
  | { rejection: ValueRejection; partial: Record<string, unknown> };

/**
 * Reads the records of one table into the contract's fields and its extra fields, file by file
 * (`docs/contract/source-format.md`): a contract field from its mapped column or from a column of its own
 * name, a typed extra field from its column, every other column as an undeclared extra field
 * (text) under its own name. {@link TableTyper.fileHeader} is given each CSV/xlsx header and
 * returns the problems of that header (a required field without a column, a mapped column the
 * file lacks); JSON Lines records name their own keys.
 */
export class TableTyper {
  readonly table: TableName;
  /** The fields every row has, contract ones first, then declared extras. */
  readonly fields: readonly RowField[];
  /** Fields found in at least one file (a column, or a key of at least one JSON line). */
  readonly present = new Set<string>();
  readonly #byColumn = new Set<string>();
  readonly #names: ReadonlySet<string>;
  readonly #text: ValueReading;
  /** Each field with its cell's position in the current file's records, or -1. */
  #cells: ReadonlyArray<{ field: RowField; position: number }>;
  #extras: ReadonlyArray<readonly [number, string]> = [];
  /**
   * Makes an accepted record's values object from the values in the order they are set (the
   * fields, then the extra fields of the current file): one object literal, so one hidden class,
   * allocated at once; null when a key is `__proto__` (in a literal it would set the prototype).
   */
  #shape: MakeValues | null = null;
  /** The values of the record being typed, in the order of the shape's keys. */
  #scratch: unknown[] = [];

  /** A custom table's fields are those its declaration gives (`reading`, a custom table's source). */
  constructor(table: TableName, reading: TableSource | null, zone: Zone) {
    this.table = table;
    const spec = isCustomTableName(table) ? customFields(reading) : TABLES[table].fields;
    const mappings = new Map((reading?.fields ?? []).map((m) => [m.field, m]));
    const fields: RowField[] = [];
    for (const [name, field] of Object.entries(spec))
      fields.push(rowField(name, field, mappings.get(name) ?? null, zone, true));
    for (const m of reading?.fields ?? []) {
      if (!Object.hasOwn(spec, m.field))
        fields.push(rowField(m.field, { type: m.type ?? 'string' }, m, zone, false));
    }
    this.fields = fields;
    this.#cells = fields.map((field) => ({ field, position: -1 }));
    for (const f of fields) this.#byColumn.add(f.column);
    this.#names = new Set(fields.map((f) => f.name));
    this.#text = { type: 'string', spec: {}, map: null, formats: [], number: null, zone };
    this.#shape = shapeOf(fields.map((f) => f.name));
  }

  /** The columns this table reads by name: every mapped field's column and every required field's. */
  expectedColumns(): string[] {
    return [...new Set(this.fields.filter((f) => f.mapping !== null || f.required).map((f) => f.column))];
  }

  /** Starts a CSV/xlsx file: matches its header to the fields; every problem of the header. */
  fileHeader(file: string, columns: readonly string[], line: number): Problem[] {
    const problems: Problem[] = [];
    const index = new Map<string, number>();
    columns.forEach((c, i) => {
      if (!index.has(c)) index.set(c, i);
    });
    const header = columns.join(', ');
    const at = (
      code: 'REQUIRED_COLUMN_MISSING' | 'MAPPED_COLUMN_MISSING' | 'HEADER_OF_ANOTHER_TABLE',
      message: Bilingual,
    ): Problem => ({
      code,
      severity: 'error',
      message,
      file,
      line,
      column: null,
    });
    const consumed = new Set<number>();
    this.#cells = this.fields.map((field) => ({ field, position: index.get(field.column) ?? -1 }));
    for (const { field: f, position: i } of this.#cells) {
      if (i >= 0) {
        this.present.add(f.name);
        consumed.add(i);
        continue;
      }
      if (f.mapping !== null && f.mapping.column !== f.name) {
        problems.push(
          at(
            'MAPPED_COLUMN_MISSING',
            messageOf(SOURCE_ERRORS, 'MAPPED_COLUMN_MISSING', {
              file,
              field: f.name,
              column: f.column,
              header,
            }),
          ),
        );
      } else if (f.required) {
        const section = isCustomTableName(this.table) ? 'custom' : 'tables';
        const fix = `${section}:\n  ${this.table}:\n    fields:\n      ${f.name}: <${columnWords(f.name)}>`;
        problems.push(
          at(
            'REQUIRED_COLUMN_MISSING',
            messageOf(SOURCE_ERRORS, 'REQUIRED_COLUMN_MISSING', {
              file,
              table: this.table,
              field: f.name,
              header,
              fix,
            }),
          ),
        );
      }
    }
    // Required columns missing, where the header has every required column of other contract
    // tables: the file is said first to be in the wrong place (trial 6 M9).
    const others = problems.some((p) => p.code === 'REQUIRED_COLUMN_MISSING')
      ? tablesOfHeader(columns).filter((t) => t !== this.table)
      : [];
    if (others.length > 0)
      problems.unshift(
        at(
          'HEADER_OF_ANOTHER_TABLE',
          messageOf(SOURCE_ERRORS, 'HEADER_OF_ANOTHER_TABLE', {
            file,
            table: this.table,
            others: others.join(', '),
          }),
        ),
      );
    // A column consumed by a field is not also an extra field; nor is a column of a name some
    // field already has (a contract field read from another column shadows it).
    this.#extras = columns
      .map((c, i) => [i, c] as const)
      .filter(([i, c]) => !consumed.has(i) && !this.#byColumn.has(c) && !this.#names.has(c) && c !== '');
    for (const [, c] of this.#extras) this.present.add(c);
    this.#shape = shapeOf([...this.fields.map((f) => f.name), ...this.#extras.map(([, c]) => c)]);
    return problems;
  }

  /**
   * Types a CSV/xlsx record of the current file (cells aligned with its header). A rejected
   * record is rejected for its first field at fault, in field order; the fields after it are
   * still typed into `partial` (those that read), so that the record's time field tells whether
   * the rejected row is one of the period, whichever field came first.
   */
  record(cells: readonly Cell[]): TypedRecord {
    const shape = this.#shape;
    if (shape === null) return this.#record(cells);
    // The values in the order `#record` sets them, made into one object by the shape; a record
    // with a field at fault is read again by `#record`, which gives its rejection and the
    // partial values (without the keys at fault).
    const scratch = this.#scratch;
    const fields = this.#cells;
    const n = fields.length;
    for (let k = 0; k < n; k++) {
      // biome-ignore lint/style/noNonNullAssertion: k < n
      const { field, position } = fields[k]!;
      const cell = position < 0 ? undefined : cells[position];
      let value: TypedValue | ValueFailure | undefined =
        field.quick === null || typeof cell !== 'string'
          ? undefined
          : quickValue(cell, field.quick, field.reading);
      if (value === undefined) value = readValue(cell, field.reading, field.undeclared);
      if (value instanceof ValueFailure || (value === null && field.required)) return this.#record(cells);
      scratch[k] = value;
    }
    const extras = this.#extras;
    for (let j = 0; j < extras.length; j++) {
      // biome-ignore lint/style/noNonNullAssertion: j < extras.length
      const [i] = extras[j]!;
      scratch[n + j] = this.#extra(cells[i]);
    }
    return { values: shape(scratch) };
  }

  // `record`, key by key.
  #record(cells: readonly Cell[]): TypedRecord {
    const values: Record<string, unknown> = {};
    let rejection: ValueRejection | null = null;
    for (const { field, position } of this.#cells) {
      const r = this.#value(field, position < 0 ? undefined : cells[position], values);
      rejection ??= r;
    }
    if (rejection !== null) return { rejection, partial: values };
    for (const [i, name] of this.#extras) values[name] = this.#extra(cells[i]);
    return { values };
  }

  /** Types a JSON Lines object: its keys are its columns. */
  object(object: Readonly<Record<string, unknown>>): TypedRecord {
    const values: Record<string, unknown> = {};
    // Keys count as present whether or not the record is then rejected: a table whose every
    // record lacks a key is said once, with the keys its records do have.
    const extras: string[] = [];
    for (const key of Object.keys(object)) {
      if (this.#byColumn.has(key) || this.#names.has(key)) continue;
      this.present.add(key);
      extras.push(key);
    }
    let rejection: ValueRejection | null = null;
    for (const f of this.fields) {
      const has = Object.hasOwn(object, f.column);
      if (has) this.present.add(f.name);
      // As for a CSV record: the first field at fault rejects it, the others still fill `partial`.
      rejection ??= this.#value(f, has ? (object[f.column] as Cell) : undefined, values);
    }
    if (rejection !== null) return { rejection, partial: values };
    for (const key of extras) values[key] = this.#extra(object[key] as Cell);
    return { values };
  }

  // An undeclared extra field: its text (JSON objects and arrays as they are), empty as null.
  #extra(cell: Cell | undefined): unknown {
    const value = readValue(cell, this.#text, true);
    return value instanceof ValueFailure ? null : value;
  }

  #value(f: RowField, cell: Cell | undefined, values: Record<string, unknown>): ValueRejection | null {
    const value = readValue(cell, f.reading, f.undeclared);
    if (value instanceof ValueFailure) return rejection(this.table, f, value);
    if (value === null && f.required) {
      return {
        field: f.name,
        code: 'MISSING_FIELD',
        message: messageOf(VALUE_REJECTIONS, 'MISSING_FIELD', { field: f.name }),
      };
    }
    values[f.name] = value as TypedValue;
    return null;
  }
}

function rowField(
  name: string,
  spec: FieldSpec,
  mapping: FieldMapping | null,
  zone: Zone,
  contract: boolean,
): RowField {
  const formats = (mapping?.format ?? []).map(compileTimeFormat);
  return {
    name,
    column: mapping?.column ?? name,
    type: spec.type,
    contract,
    undeclared: !contract && mapping?.type === null,
    required: spec.required === true,
    reading: {
      type: spec.type,
      spec,
      map: mapping?.map ?? null,
      formats,
      number: mapping?.number ?? null,
      zone,
    },
    mapping,
    quick: quickReading({ type: spec.type, map: mapping?.map ?? null, formats }),
  };
}

/** Makes a values object from its values, in the order of the keys it was made for. */
export type MakeValues = (values: readonly unknown[]) => Record<string, unknown>;

/**
 * The object literal of the keys, as a function of their values (null when a key is
 * `__proto__`, which a literal reads as the prototype). Generated code, since only a literal gets
 * its hidden class and size at once (a record's values grown key by key, or copied and then set
 * by key, cost a property lookup per key); each key is written as its JSON string, which reads
 * back as the same key, so no header can inject code.
 */
export function shapeOf(keys: readonly string[]): MakeValues | null {
  if (keys.includes('__proto__')) return null;
  const body = keys.map((key, i) => `${JSON.stringify(key)}: v[${i}]`).join(', ');
  return new Function('v', `return { ${body} };`) as MakeValues;
}

function rejection(table: TableName, f: RowField, failure: ValueFailure): ValueRejection {
  const field = f.name;
  switch (failure.code) {
    case 'UNMAPPED_VALUE':
      return {
        field,
        code: failure.code,
        message: messageOf(VALUE_REJECTIONS, 'UNMAPPED_VALUE', {
          field,
          column: f.column,
          value: failure.value,
          keys: [...(f.reading.map?.keys() ?? [])].join(', '),
        }),
      };
    case 'NOT_ALLOWED_VALUE':
      return {
        field,
        code: failure.code,
        message: messageOf(VALUE_REJECTIONS, 'NOT_ALLOWED_VALUE', {
          table,
          field,
          value: failure.value,
          allowed: failure.detail,
          column: f.column,
        }),
      };
    case 'OUT_OF_RANGE':
      return {
        field,
        code: failure.code,
        message: messageOf(VALUE_REJECTIONS, 'OUT_OF_RANGE', {
          field,
          value: failure.value,
          range: failure.detail,
        }),
      };
    case 'BAD_VALUE':
      return {
        field,
        code: failure.code,
        message: messageOf(VALUE_REJECTIONS, 'BAD_VALUE', {
          field,
          // The export's column, when a source maps the field to one of another name.
          ...(f.column === field ? {} : { column: f.column }),
          value: failure.value,
          type: f.type,
          formats: (f.mapping?.format ?? [])
            .map((x) => (x.kind === 'tokens' ? x.tokens : x.kind))
            .join(' | '),
          ...(f.type === 'number' || f.type === 'int'
            ? { number: numberAdvice(table, f, failure.value) }
            : {}),
        }),
      };
  }
}

// What BAD_VALUE says of a number: the field's `number:` option, and the source lines that
// would read the value (the option extended by what the value shows), when some would.
function numberAdvice(
  table: TableName,
  f: RowField,
  value: string,
): { now: string | null; fix: string | null } {
  const now = f.reading.number;
  const int = f.type === 'int';
  const seen = suggestNumberFormat(value, int);
  const merged: NumberFormat | null =
    seen === null
      ? null
      : {
          thousands: now?.thousands ?? seen.thousands,
          strip: [...new Set([...(now?.strip ?? []), ...seen.strip])],
        };
  const fits = merged !== null && readFormattedNumber(value, merged, int) !== null;
  const section = isCustomTableName(table) ? 'custom' : 'tables';
  const column = f.column === f.name ? '' : `column: ${yamlString(f.column)}, `;
  return {
    now: now === null ? null : numberFormatYaml(now),
    fix:
      fits && merged !== null
        ? `${section}: { ${table}: { fields: { ${f.name}: { ${column}number: ${numberFormatYaml(merged)} } } } }`
        : null,
  };
}

// The declared fields of a custom table's source; none without one (a custom table always has one).
function customFields(reading: TableSource | null): Readonly<Record<string, FieldSpec>> {
  return reading !== null && 'spec' in reading ? (reading as CustomTableSource).spec.fields : {};
}

// The contract tables whose required fields (two or more) all have a column of their own name.
function tablesOfHeader(columns: readonly string[]): TableName[] {
  const names = new Set(columns);
  return INPUT_TABLES.filter((t) => {
    const required = Object.entries(TABLES[t].fields).filter(([, spec]) => spec.required === true);
    return required.length >= 2 && required.every(([field]) => names.has(field));
  });
}

function columnWords(field: string): string {
  return `列名 / column name of ${field}`;
}
