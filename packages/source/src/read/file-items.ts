import type { Bilingual } from '@scorebook/problems';

/** Text encodings a CSV or JSON Lines file may be declared in (`docs/contract/source-format.md`). */
export const ENCODINGS = ['utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** Other names of the encodings a source may write: GBK and GB2312 are subsets of GB18030. */
export const ENCODING_ALIASES: Readonly<Record<string, Encoding>> = {
  utf8: 'utf-8',
  gbk: 'gb18030',
  gb2312: 'gb18030',
};

/** File formats, from the file's extension. */
export const FILE_FORMATS = ['csv', 'jsonl', 'xlsx'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

/**
 * An xlsx cell formatted as a date or time: its wall-clock reading, as the milliseconds that
 * `Date.UTC` gives for those calendar fields (so 2026-10-05 09:00 reads as
 * `Date.UTC(2026, 9, 5, 9, 0)`), to be placed in a timezone by the field's typing.
 */
export class WallClock {
  readonly ms: number;

  constructor(ms: number) {
    this.ms = ms;
  }
}

/**
 * A cell as a file gives it, before mapping and typing: CSV cells are text; JSON values are as
 * parsed (objects and arrays included); xlsx cells are text, numbers, booleans or date cells.
 * An empty cell is `null` in xlsx and JSON null, `''` in CSV.
 */
export type Cell =
  | string
  | number
  | boolean
  | null
  | WallClock
  | readonly unknown[]
  | { readonly [k: string]: unknown };

/** How to read one file. */
export interface ReadFileOptions {
  /** The path to open. */
  path: string;
  /** The file as named in messages and provenance: relative to the data folder, `/`-separated. */
  name: string;
  format: FileFormat;
  /** CSV and JSON Lines only; xlsx is always zipped XML in UTF-8. */
  encoding: Encoding;
  /** CSV and xlsx: the 1-based row of the header; the rows above it are skipped. */
  headerRow: number;
  /** xlsx: the sheet's name; null for the first sheet. */
  sheet: string | null;
  /**
   * Receives every byte of the file in order, exactly once (for sha256 and progress); the bytes
   * are valid only during the call (a buffer read into again): copy what is kept.
   */
  onBytes?: (bytes: Uint8Array) => void;
  /** The longest record, in bytes, before the file is refused (default {@link MAX_RECORD_BYTES}). */
  maxRecordBytes?: number;
  /**
   * xlsx: the most bytes the sheets that must wait for the shared strings may unpack to on disk
   * (default: 200 times the file's size, at least 2 GiB); beyond it the file stops (XLSX_PART_TOO_LARGE).
   */
  maxSpoolBytes?: number;
  /** The table the file belongs to, when known: messages then say where in source.yaml to write a fix. */
  table?: string | null;
  /**
   * CSV and JSON Lines: read only the bytes [`start`, `end`) of the file, a piece that
   * {@link splitFile} cut at record boundaries, whose first line is `line`. A piece that does not
   * start the file (`start` > 0) has no byte-order mark and no header: a CSV piece reads its
   * records with the header `columns` the file's first piece gave.
   */
  range?: FileRange;
}

/** A piece of a file to read on its own (see {@link ReadFileOptions.range}). */
export interface FileRange {
  start: number;
  end: number;
  line: number;
  /** CSV: the header's cells, trimmed, when the piece does not start the file. */
  columns: readonly string[] | null;
}

/** A record longer than this (16 MiB) is not a record of an export: the file is refused. */
export const MAX_RECORD_BYTES = 16 * 1024 * 1024;

/**
 * What a file yields, in file order. CSV and xlsx files yield their header first, then one item
 * per record; JSON Lines files yield records only (each object names its own keys). `line` is
 * the 1-based line (CSV, JSON Lines: where the record starts) or row (xlsx) of the item.
 * A record that cannot be read (`bad`) is a rejected row; the file goes on.
 */
export type FileItem =
  | { kind: 'header'; line: number; columns: string[] }
  | { kind: 'record'; line: number; cells: Cell[] }
  | { kind: 'object'; line: number; values: Readonly<Record<string, unknown>> }
  | {
      kind: 'bad';
      line: number;
      code: BadRecordCode;
      message: Bilingual;
      /**
       * Set (true) on the file's last line when no line feed follows it and it is bad because it
       * is short: a CSV record with fewer cells than the header (FIELD_COUNT, the
       * FIELD_COUNT_LAST_LINE text), a JSON Lines line that does not parse as JSON (BAD_JSON). The
       * file was most likely cut off inside that line, and the rows after it are missing
       * (`docs/sources.md`, a file cut off); absent on every other item. xlsx never sets it.
       */
      cutOff?: true;
    };

/** Why a record could not be read; each is a rejected row. */
export type BadRecordCode =
  | 'BAD_JSON'
  | 'FIELD_COUNT'
  | 'BAD_QUOTE'
  | 'HEADER_REPEATED'
  | 'TOTAL_ROW'
  | 'BOM_INSIDE_FILE';
