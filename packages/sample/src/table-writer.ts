import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

const FLUSH_AT = 1 << 20;

/** Writes one CSV table to disk as rows come, in chunks, so memory stays flat. */
export class CsvTableWriter {
  readonly #fd: number;
  readonly #columns: readonly string[];
  #buffer = '';
  rows = 0;

  constructor(dir: string, table: string, columns: readonly string[]) {
    this.#fd = openSync(join(dir, `${table}.csv`), 'w');
    this.#columns = columns;
    this.#buffer = `${columns.join(',')}\n`;
  }

  /** Appends a row; values are written in column order, null as an empty cell, quoted when needed. */
  write(row: Readonly<Record<string, string | number | boolean | null>>): void {
    const line = this.#columns.map((column) => {
      const v = row[column];
      if (v === null || v === undefined) return '';
      const text = String(v);
      return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    });
    this.#buffer += `${line.join(',')}\n`;
    this.rows++;
    if (this.#buffer.length >= FLUSH_AT) this.#flush();
  }

  /** Flushes and closes the file. */
  close(): void {
    this.#flush();
    closeSync(this.#fd);
  }

  #flush(): void {
    writeSync(this.#fd, this.#buffer);
    this.#buffer = '';
  }
}
