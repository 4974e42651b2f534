import { type CustomTableName, type FieldSpec, INPUT_TABLES, isCustomTableName } from '@scorebook/contract';
import { messageOf, type SourceProblem } from '@scorebook/problems';
import type { NumberFormat } from '../fields/number-format.ts';
import type { CustomFieldDocument, CustomTableDocument, NumberDocument } from '../load/source-schema.ts';
import type { CustomTableSource, FieldMapping, MappedValue, SourceLine, TimeFormat } from '../model.ts';
import type { Encoding } from '../read/file-items.ts';
import { CUSTOM_TABLE_ERRORS } from './custom-errors.ts';

type Path = Array<string | number>;

/** What checking a custom table needs of the source checker: reporting, positions, readings. */
export interface CustomTableChecks {
  report(path: Path, code: string, message: SourceProblem['message'], anchor?: 'value' | 'key'): void;
  line(path: Path): SourceLine;
  /** The format and map of a field (checked as for a field of `tables`). */
  reading(
    names: { table: string; field: string },
    type: string,
    spec: FieldSpec,
    raw: { map?: Record<string, MappedValue>; format?: string | string[]; number?: NumberDocument },
    path: Path,
  ): { format: TimeFormat[] | null; map: Map<string, MappedValue> | null; number: NumberFormat | null };
  checkGlob(glob: string, path: Path): void;
  encoding(name: string | undefined): Encoding;
}

// What each key field must be, and the types that fit it.
const KEYS = [
  { key: 'id', types: ['id'], need: 'id' },
  { key: 'agent', types: ['id'], need: 'id' },
  { key: 'time', types: ['timestamp', 'date'], need: 'timestamp 或/or date' },
] as const;

/**
 * Checks one entry of `custom` (`docs/custom-tables.md`): its name (`x_…`, never a contract
 * table's), its globs, each field's bounds, values, map and format, and that `id`, `agent` and
 * `time` name three declared fields of the right types, none `required: false`. Reports every
 * problem through `checks`; returns the table as read (or null when its name is refused).
 */
export function checkCustomTable(
  checks: CustomTableChecks,
  name: string,
  raw: CustomTableDocument,
): CustomTableSource | null {
  const path: Path = ['custom', name];
  if (!isCustomTableName(name)) {
    const reserved = (INPUT_TABLES as readonly string[]).includes(name) || name === 'responses';
    checks.report(
      path,
      'CUSTOM_TABLE_NAME',
      messageOf(CUSTOM_TABLE_ERRORS, 'CUSTOM_TABLE_NAME', { table: name, reserved }),
      'key',
    );
    return null;
  }
  const table: CustomTableName = name;
  for (const [i, glob] of raw.files.entries()) checks.checkGlob(glob, [...path, 'files', i]);
  const specs: Record<string, FieldSpec> = {};
  const fields: FieldMapping[] = [];
  for (const [field, value] of Object.entries(raw.fields)) {
    const at = [...path, 'fields', field];
    const spec = fieldSpec(checks, table, field, value, at);
    specs[field] = spec;
    const { format, map, number } = checks.reading({ table, field }, spec.type, spec, value, at);
    fields.push({
      field,
      column: value.column ?? field,
      map,
      format,
      number,
      type: null,
      source: checks.line(at),
    });
  }
  const declared = Object.keys(specs).join(', ');
  const named = new Map<string, string[]>();
  for (const { key, types, need } of KEYS) {
    const field = raw[key];
    named.set(field, [...(named.get(field) ?? []), key]);
    const spec = specs[field];
    if (spec === undefined) {
      checks.report(
        [...path, key],
        'CUSTOM_KEY_FIELD_UNDECLARED',
        messageOf(CUSTOM_TABLE_ERRORS, 'CUSTOM_KEY_FIELD_UNDECLARED', {
          table,
          key,
          field,
          fields: declared,
        }),
      );
      continue;
    }
    if (!(types as readonly string[]).includes(spec.type))
      checks.report(
        [...path, 'fields', field, 'type'],
        'CUSTOM_KEY_FIELD_TYPE',
        messageOf(CUSTOM_TABLE_ERRORS, 'CUSTOM_KEY_FIELD_TYPE', { table, key, field, type: spec.type, need }),
      );
    if (raw.fields[field]?.required === false)
      checks.report(
        [...path, 'fields', field, 'required'],
        'CUSTOM_KEY_FIELD_OPTIONAL',
        messageOf(CUSTOM_TABLE_ERRORS, 'CUSTOM_KEY_FIELD_OPTIONAL', { table, key, field }),
      );
    specs[field] = { ...spec, required: true };
  }
  for (const [field, keys] of named)
    if (keys.length > 1)
      checks.report(
        [...path, keys[1] ?? 'id'],
        'CUSTOM_KEY_FIELDS_SAME',
        messageOf(CUSTOM_TABLE_ERRORS, 'CUSTOM_KEY_FIELDS_SAME', { table, field, keys: keys.join(', ') }),
      );
  return {
    table,
    files: raw.files,
    encoding: checks.encoding(raw.encoding),
    headerRow: raw.header_row ?? 1,
    sheet: raw.sheet ?? null,
    fields,
    source: checks.line(path),
    spec: {
      name: table,
      zh: raw.title ?? table,
      fields: specs,
      titles: Object.fromEntries(
        Object.entries(raw.fields).flatMap(([field, value]) =>
          value.title === undefined
            ? []
            : [[field, { title: value.title, title_en: value.title_en ?? value.title }]],
        ),
      ),
      idField: raw.id,
      agentField: raw.agent,
      timeField: raw.time,
    },
  };
}

function fieldSpec(
  checks: CustomTableChecks,
  table: string,
  field: string,
  raw: CustomFieldDocument,
  path: Path,
): FieldSpec {
  const { type } = raw;
  const numeric = type === 'int' || type === 'number';
  if ((raw.min !== undefined || raw.max !== undefined) && !numeric)
    checks.report(
      [...path, raw.min === undefined ? 'max' : 'min'],
      'CUSTOM_BOUNDS_NOT_NUMERIC',
      messageOf(CUSTOM_TABLE_ERRORS, 'CUSTOM_BOUNDS_NOT_NUMERIC', { table, field, type }),
    );
  if (raw.min !== undefined && raw.max !== undefined && raw.min > raw.max)
    checks.report(
      [...path, 'min'],
      'CUSTOM_BOUNDS_REVERSED',
      messageOf(CUSTOM_TABLE_ERRORS, 'CUSTOM_BOUNDS_REVERSED', { table, field, min: raw.min, max: raw.max }),
    );
  if (raw.values !== undefined && type !== 'string')
    checks.report(
      [...path, 'values'],
      'CUSTOM_VALUES_NOT_TEXT',
      messageOf(CUSTOM_TABLE_ERRORS, 'CUSTOM_VALUES_NOT_TEXT', { table, field, type }),
    );
  return {
    type,
    required: raw.required === true,
    ...(numeric && raw.min !== undefined ? { min: raw.min } : {}),
    ...(numeric && raw.max !== undefined ? { max: raw.max } : {}),
    ...(type === 'string' && raw.values !== undefined ? { values: raw.values } : {}),
  };
}
