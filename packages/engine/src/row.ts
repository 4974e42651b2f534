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
