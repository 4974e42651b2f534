import {
  type CustomTableName,
  type FieldSpec,
  isCustomTableName,
  type MeasuredTableName,
  type MeasuredTableRef,
  measuredFields,
  type RecordRef,
  TABLES,
  type TableName,
} from '@scorebook/contract';
import { formatInstantLocal, type Zone } from '@scorebook/time';
import type { Row } from '../row.ts';

/**
 * Describes a row for explanations, with its file and line, so a reader can find it in the export.
 * A custom table's row is described by the fields `customFields` gives for it (its declaration's).
 */
export function describeRow(
  table: MeasuredTableRef | TableName,
  row: Row,
  files: readonly string[],
  zone: Zone,
  customFields: (table: TableName) => Readonly<Record<string, FieldSpec>> = () => ({}),
): RecordRef {
  const specs = isCustomTableName(table) ? Object.entries(customFields(table)) : contractFields(table);
  const fields: Record<string, unknown> = {};
  for (const [name, spec] of specs) {
    const v = row.values[name];
    if (v === undefined || (v === null && spec.shownWhenSet === true)) continue;
    fields[name] = spec.type === 'timestamp' && typeof v === 'number' ? formatInstantLocal(v, zone) : v;
  }
  return {
    table,
    file: row.file >= 0 ? (files[row.file] ?? null) : null,
    line: row.file >= 0 ? row.line : null,
    fields,
  };
}

// The fields of a contract or measured table, in order, listed once per table.
const CONTRACT_FIELDS = new Map<string, ReadonlyArray<readonly [string, FieldSpec]>>();

function contractFields(
  table: MeasuredTableName | Exclude<TableName, CustomTableName>,
): ReadonlyArray<readonly [string, FieldSpec]> {
  let fields = CONTRACT_FIELDS.get(table);
  if (fields === undefined) {
    fields = Object.entries(
      table === 'responses' || table === 'conversations' || table === 'improvement_plans'
        ? measuredFields(table)
        : TABLES[table].fields,
    );
    CONTRACT_FIELDS.set(table, fields);
  }
  return fields;
}
