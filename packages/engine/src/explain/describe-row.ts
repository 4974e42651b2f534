import {
  type InputTableName,
  type MeasuredTableName,
  measuredFields,
  type RecordRef,
  TABLES,
} from '@scorebook/contract';
import { formatInstantLocal, type Zone } from '@scorebook/time';
import type { Row } from '../row.ts';

/** Describes a row for explanations, with its file and line, so a reader can find it in the export. */
export function describeRow(
  table: MeasuredTableName | InputTableName,
  row: Row,
  files: readonly string[],
  zone: Zone,
): RecordRef {
  const specs =
    table === 'responses' || table === 'conversations' ? measuredFields(table) : TABLES[table].fields;
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
