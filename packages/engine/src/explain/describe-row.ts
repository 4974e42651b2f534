import {
  type FieldSpec,
  isCustomTableName,
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
  const specs = isCustomTableName(table)
    ? customFields(table)
    : table === 'responses' || table === 'conversations' || table === 'improvement_plans'
      ? measuredFields(table)
      : TABLES[table].fields;
  const fields: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(specs)) {
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
