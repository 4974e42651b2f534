import type { DuckDBAppender } from '@duckdb/node-api';
import type { Row } from '../row.ts';
import { fieldOfNormalizedColumn, normalizedValue } from './compile-condition.ts';
import type { SqlTable } from './compile-measure.ts';

/** A table being filled through a DuckDB appender, with the rows appended so far. */
export interface AppendTarget {
  appender: DuckDBAppender;
  table: SqlTable;
  rows: number;
}

/**
 * Appends one row, column by column: `seq` is the number of rows appended before it (reading
 * order), every other column the cell given for it. A value not of its column's type stops the
 * run: it would be a wrong number, not a refusal of the user's.
 */
export function appendRow(target: AppendTarget, cell: (column: string, index: number) => unknown): void {
  const { appender } = target;
  target.table.columns.forEach((column, c) => {
    const v = column.name === 'seq' ? target.rows : cell(column.name, c);
    if (v === null || v === undefined) {
      appender.appendNull();
      return;
    }
    switch (column.type) {
      case 'integer':
        if (typeof v !== 'number') break;
        appender.appendInteger(v);
        return;
      case 'double':
        if (typeof v !== 'number') break;
        appender.appendDouble(v);
        return;
      case 'boolean':
        if (typeof v !== 'boolean') break;
        appender.appendBoolean(v);
        return;
      default:
        if (typeof v !== 'string') break;
        appender.appendVarchar(v);
        return;
    }
    throw new Error(`${target.table.name}.${column.name}: ${JSON.stringify(v)} is not a ${column.type}`);
  });
  appender.endRow();
  target.rows++;
}

/** A row's cell for a column: the field's value, or for `normalized:<field>` its normalised text. */
export function cellOf(row: Row, column: string): unknown {
  const field = fieldOfNormalizedColumn(column);
  return field === null ? (row.values[column] ?? null) : normalizedValue(row.values[field]);
}
