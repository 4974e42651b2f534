import type { InputTableName, TableValues } from '@scorebook/contract';

/** A row of an input or derived table: its typed values and where it was read. */
export class Row {
  /** Values by field: timestamps as epoch milliseconds, dates as `YYYY-MM-DD`, missing as null. */
  readonly values: Record<string, unknown>;
  /** Index into the dataset's file list. */
  readonly file: number;
  /** 1-based line in that file. */
  readonly line: number;

  constructor(values: Record<string, unknown>, file: number, line: number) {
    this.values = values;
    this.file = file;
    this.line = line;
  }
}

/**
 * The values of a record of `table` that the source's typer read (a record not rejected by it,
 * or a row of that table), typed as the typer guarantees them: every contract field present and
 * of its type, null only when the field is not required (`docs/contract/source-format.md`). Reading the
 * values through this view is what lets the engine use `started_at` as a number without a check.
 */
export function valuesOf<T extends InputTableName>(
  _table: T,
  values: Record<string, unknown>,
): TableValues<T> {
  // The one place where the typer's guarantee becomes a type.
  return values as TableValues<T>;
}
