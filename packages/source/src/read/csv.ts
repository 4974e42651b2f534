import { messageOf } from '@scorebook/problems';
import {
  type ChunkParser,
  type DecodedChunk,
  decodeFile,
  LineCursor,
  parseChunkBatches,
  parseChunks,
} from './decode.ts';
import { type FileItem, MAX_RECORD_BYTES, type ReadFileOptions } from './file-items.ts';
import { headerRepeated, READ_ERRORS, readError, totalRow } from './read-errors.ts';
import { isWhiteSpace, trimText } from './white-space.ts';

/** How to read CSV text. */
export interface CsvOptions {
  /** The file as named in messages. */
  name: string;
  /** The 1-based row of the header; the rows above it are skipped. */
  headerRow: number;
  /** The longest record, in bytes (line break included), before the file is refused. */
  maxRecordBytes: number;
  /**
   * For text that does not start the file: its first line, and the header (trimmed cells) that
   * the file's start gave; the text then holds records only, and no header item is yielded.
   */
  piece?: { line: number; columns: readonly string[] };
}

/**
 * Reads a CSV file (RFC 4180, comma-separated, in its declared encoding): the header, then one
 * item per record, each with the 1-based line it starts on, in batches (one per decoded chunk).
 * See {@link csvItems}.
 */
export function readCsvBatches(options: ReadFileOptions): AsyncGenerator<FileItem[]> {
  const { range } = options;
  return parseChunkBatches(
    decodeFile(options),
    new CsvParser({
      name: options.name,
      headerRow: options.headerRow,
      maxRecordBytes: options.maxRecordBytes ?? MAX_RECORD_BYTES,
      ...(range === undefined || range.columns === null
        ? {}
        : { piece: { line: range.line, columns: range.columns } }),
    }),
  );
}

/**
 * The items of CSV text. A quote is special only at the start of a cell: there it opens a quoted
 * cell, which may span lines, holds commas and line breaks as they are, and reads `""` as one
 * quote; anywhere else a quote is a literal character (`5" screen`). A line break is LF or
 * CR LF (outside quotes the CR belongs to the line break, also on a last line without LF).
 * Blank lines are skipped. Rows (records and blank lines, as Excel counts them) above
 * `headerRow` are skipped; the header is the first non-blank row from there, its cells trimmed.
 * Stops the run on: no header (FILE_EMPTY, NO_HEADER_ROW), a repeated column name
 * (DUPLICATE_COLUMN; empty names are not names), a header with text after a closing quote
 * (HEADER_BAD_QUOTE), a quoted cell never closed (UNCLOSED_QUOTE, at the line it opened), a
 * record longer than `maxRecordBytes` (RECORD_TOO_LONG, as soon as that many bytes are read).
 * A record with text after a closing quote is `bad` (BAD_QUOTE), one with a number of cells
 * other than the header's is `bad` (FIELD_COUNT); the file goes on.
 */
export function csvItems(chunks: AsyncIterable<DecodedChunk>, options: CsvOptions): AsyncGenerator<FileItem> {
  return parseChunks(chunks, new CsvParser(options));
}

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const BOM = 0xfeff;

/** A record being read: its cells so far, and the quoted cell it is inside, if any. */
interface OpenRecord {
  line: number;
  /** File offset of its first byte. */
  start: number;
  cells: string[];
  /** The quoted cell being read. */
  cell: string;
  inQuote: boolean;
  /** The line the last quoted cell opened on. */
  quoteLine: number;
  /** The 1-based column of the first cell with text after its closing quote, or 0. */
  badColumn: number;
  /** Whether the record's line started with a byte-order mark (set aside before it was read). */
  bom: boolean;
}

class CsvParser implements ChunkParser {
  readonly #name: string;
  readonly #headerRow: number;
  readonly #max: number;
  #columns: string[] = [];
  /** The header's width, -1 until the header is read. */
  #width = -1;
  /**
   * The first code unit a line repeating the header starts with (its first name's, a comma when
   * that is empty), -1 when no line can (the header has no name).
   */
  #head0 = -1;
  /** Rows before the header (records and blank lines). */
  #rows = 0;
  #sawRecord = false;
  readonly #cursor: LineCursor;
  #open: OpenRecord | null = null;

  constructor(options: CsvOptions) {
    this.#name = options.name;
    this.#headerRow = options.headerRow;
    this.#max = options.maxRecordBytes;
    this.#cursor = new LineCursor(options.piece?.line ?? 1);
    if (options.piece !== undefined) {
      this.#setHeader([...options.piece.columns]);
      this.#sawRecord = true;
    }
  }

  push(chunk: DecodedChunk, out: FileItem[]): void {
    const cursor = this.#cursor;
    const max = this.#max;
    // The next quote and the next comma at or after the line being read, -1 for none in the
    // chunk's text: each found once for the lines before it rather than on every line.
    let quote = -2;
    let comma = -2;
    cursor.feed(chunk, (text, from, lf, next) => {
      if (quote !== -1 && quote < from) quote = text.indexOf('"', from);
      const width = this.#width;
      const c0 = text.charCodeAt(from);
      if (c0 === BOM && this.#open === null && width >= 0) {
        // A record starting with a byte-order mark (two exports joined): read without it, then rejected.
        this.#slowLine(text.slice(from + 1, lf), next, true, out, true);
        return;
      }
      if (this.#open === null && width >= 0 && (quote === -1 || quote > lf)) {
        // The fast path: a line of a file whose header is read, outside any record, without quotes.
        if (next - cursor.start > max) throw this.#tooLong(cursor.line, null);
        const stop = lf > from && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
        if (stop > from) {
          // The line's cells cut from the chunk's text at its commas, as `split(',')` cuts them.
          const cells: string[] = [];
          let cell = from;
          if (comma !== -1 && comma < from) comma = text.indexOf(',', from);
          while (comma !== -1 && comma < stop) {
            cells.push(text.slice(cell, comma));
            cell = comma + 1;
            comma = text.indexOf(',', cell);
          }
          cells.push(text.slice(cell, stop));
          out.push(
            cells.length !== width
              ? (totalRow(cells, cursor.line) ?? this.#fieldCount(cursor.line, cells.length))
              : // A line repeating the header starts with its first name (or white space before it).
                (c0 === this.#head0 || isWhiteSpace(c0)) && this.#isHeader(cells)
                ? headerRepeated(cursor.line, false)
                : (totalRow(cells, cursor.line) ?? { kind: 'record', line: cursor.line, cells }),
          );
        }
      } else {
        // A line with quotes, outside any record: read at once when every quoted cell closes on
        // the line without a doubled quote and is followed by a comma or the line's end; any
        // other line cell by cell (the quoted cell's text is the same either way).
        const cells = this.#open === null && width >= 0 ? quotedLineCells(text, from, lf) : null;
        if (cells === null) this.#slowLine(text.slice(from, lf), next, true, out);
        else {
          if (next - cursor.start > max) throw this.#tooLong(cursor.line, null);
          out.push(
            cells.length !== width
              ? (totalRow(cells, cursor.line) ?? this.#fieldCount(cursor.line, cells.length))
              : this.#isHeader(cells)
                ? headerRepeated(cursor.line, false)
                : (totalRow(cells, cursor.line) ?? { kind: 'record', line: cursor.line, cells }),
          );
        }
      }
    });
    const open = this.#open;
    if (cursor.end - (open === null ? cursor.start : open.start) > max) {
      throw this.#tooLong(open === null ? cursor.line : open.line, open?.inQuote ? open.quoteLine : null);
    }
  }

  finish(out: FileItem[]): void {
    const cursor = this.#cursor;
    if (cursor.pending.length > 0 || this.#open !== null) {
      const bom = this.#open === null && this.#width >= 0 && cursor.pending.charCodeAt(0) === BOM;
      this.#slowLine(bom ? cursor.pending.slice(1) : cursor.pending, cursor.end, false, out, bom);
      const open = this.#open;
      if (open !== null) {
        throw readError(this.#name, open.quoteLine, 'UNCLOSED_QUOTE', {
          file: this.#name,
          line: open.quoteLine,
        });
      }
    }
    if (this.#width >= 0) return;
    if (!this.#sawRecord) throw readError(this.#name, null, 'FILE_EMPTY', { file: this.#name });
    throw readError(this.#name, null, 'NO_HEADER_ROW', {
      file: this.#name,
      headerRow: this.#headerRow,
      rows: this.#rows,
    });
  }

  // One line (`body`, without its LF; `next` is the file offset after it), read cell by cell;
  // `bom` when a byte-order mark that started the line was set aside.
  #slowLine(body: string, next: number, lineFeed: boolean, out: FileItem[], bom = false): void {
    let record = this.#open;
    if (record === null) {
      const stop = body.length > 0 && body.charCodeAt(body.length - 1) === CR ? body.length - 1 : body.length;
      if (stop === 0) {
        // A line of a byte-order mark alone is no blank line: it is said like any other.
        if (bom) out.push(this.#bomItem(this.#cursor.line));
        else if (this.#width < 0) this.#rows++;
        return;
      }
      record = {
        line: this.#cursor.line,
        start: this.#cursor.start,
        cells: [],
        cell: '',
        inQuote: false,
        quoteLine: 0,
        badColumn: 0,
        bom,
      };
    }
    if (!scanLine(body, record, this.#cursor.line)) {
      if (lineFeed) record.cell += '\n';
      this.#open = record;
      return;
    }
    this.#open = null;
    if (next - record.start > this.#max) throw this.#tooLong(record.line, null);
    // Without a line feed after it, the record is the file's last line, and the file may be cut off.
    if (this.#width >= 0) out.push(this.#item(record, !lineFeed));
    else this.#headerOrTitle(record, out);
  }

  #item(record: OpenRecord, unterminated: boolean): FileItem {
    if (record.cells.length === this.#width && this.#isHeader(record.cells))
      return headerRepeated(record.line, record.bom);
    if (record.bom) return this.#bomItem(record.line);
    if (record.badColumn > 0) {
      return {
        kind: 'bad',
        line: record.line,
        code: 'BAD_QUOTE',
        message: messageOf(READ_ERRORS, 'BAD_QUOTE', {
          column: record.badColumn,
          name: this.#columns[record.badColumn - 1] ?? null,
        }),
      };
    }
    if (record.cells.length !== this.#width)
      return (
        totalRow(record.cells, record.line) ??
        this.#fieldCount(record.line, record.cells.length, unterminated)
      );
    return totalRow(record.cells, record.line) ?? { kind: 'record', line: record.line, cells: record.cells };
  }

  #headerOrTitle(record: OpenRecord, out: FileItem[]): void {
    this.#sawRecord = true;
    this.#rows++;
    if (this.#rows < this.#headerRow) return;
    const { line } = record;
    if (record.badColumn > 0) {
      throw readError(this.#name, line, 'HEADER_BAD_QUOTE', {
        file: this.#name,
        line,
        column: record.badColumn,
      });
    }
    const columns = record.cells.map((c) => c.trim());
    // Old Mac "CSV" ends lines with a lone CR: the whole file then reads as one header line.
    if (columns.some((c) => /\r(?!\n)/.test(c)))
      throw readError(this.#name, line, 'CR_LINE_BREAKS', { file: this.#name });
    const seen = new Map<string, number>();
    for (const [i, name] of columns.entries()) {
      if (name === '') continue;
      const first = seen.get(name);
      if (first !== undefined) {
        throw readError(this.#name, line, 'DUPLICATE_COLUMN', {
          file: this.#name,
          line,
          name,
          first: first + 1,
          second: i + 1,
        });
      }
      seen.set(name, i);
    }
    this.#setHeader(columns);
    out.push({ kind: 'header', line, columns });
  }

  #setHeader(columns: string[]): void {
    this.#columns = columns;
    this.#width = columns.length;
    const first = columns[0] ?? '';
    this.#head0 = !columns.some((c) => c !== '') ? -1 : first === '' ? COMMA : first.charCodeAt(0);
  }

  // Whether a record's cells (as many as the header's), trimmed, are the header's names.
  #isHeader(cells: readonly string[]): boolean {
    if (this.#head0 < 0) return false;
    const columns = this.#columns;
    for (let i = 0; i < cells.length; i++) if (trimText(cells[i] ?? '') !== columns[i]) return false;
    return true;
  }

  #bomItem(line: number): FileItem {
    return { kind: 'bad', line, code: 'BOM_INSIDE_FILE', message: messageOf(READ_ERRORS, 'BOM_INSIDE_FILE') };
  }

  // Fewer cells on the file's last line, with no line break after it: most likely a file cut off
  // (said by its text, and flagged `cutOff` for the run's FILE_CUT_OFF warning).
  #fieldCount(line: number, found: number, unterminated = false): FileItem {
    const expected = this.#width;
    if (unterminated && found < expected)
      return {
        kind: 'bad',
        line,
        code: 'FIELD_COUNT',
        message: messageOf(READ_ERRORS, 'FIELD_COUNT_LAST_LINE', { found, expected }),
        cutOff: true,
      };
    return {
      kind: 'bad',
      line,
      code: 'FIELD_COUNT',
      message: messageOf(READ_ERRORS, 'FIELD_COUNT', { found, expected }),
    };
  }

  #tooLong(line: number, openQuoteLine: number | null): Error {
    return readError(this.#name, line, 'RECORD_TOO_LONG', {
      file: this.#name,
      line,
      limit: this.#max,
      openQuoteLine,
    });
  }
}

// The cells of the line `text[from, lf)` as {@link scanLine} reads them, when every quoted cell
// closes on the line, holds no doubled quote and is followed by a comma or the line's end; null
// for any other line.
function quotedLineCells(text: string, from: number, lf: number): string[] | null {
  const stop = lf > from && text.charCodeAt(lf - 1) === CR ? lf - 1 : lf;
  const cells: string[] = [];
  let i = from;
  for (;;) {
    if (i < stop && text.charCodeAt(i) === QUOTE) {
      const q = text.indexOf('"', i + 1);
      if (q === -1 || q >= stop || text.charCodeAt(q + 1) === QUOTE) return null;
      cells.push(text.slice(i + 1, q));
      i = q + 1;
      if (i >= stop) return cells;
      if (text.charCodeAt(i) !== COMMA) return null;
      i++;
      continue;
    }
    const comma = text.indexOf(',', i);
    if (comma === -1 || comma >= stop) {
      cells.push(text.slice(i, stop));
      return cells;
    }
    cells.push(text.slice(i, comma));
    i = comma + 1;
  }
}

// Reads the cells of one line (without its LF) into `record`. True when the record ends with
// the line; false when the line ends inside a quoted cell (the cell then holds the line's text).
function scanLine(body: string, record: OpenRecord, line: number): boolean {
  // Outside quotes a CR before the line feed belongs to the line break.
  const stop = body.length > 0 && body.charCodeAt(body.length - 1) === CR ? body.length - 1 : body.length;
  let i = 0;
  for (;;) {
    if (record.inQuote) {
      const q = body.indexOf('"', i);
      if (q === -1) {
        record.cell += body.slice(i);
        return false;
      }
      record.cell += body.slice(i, q);
      if (body.charCodeAt(q + 1) === QUOTE) {
        record.cell += '"';
        i = q + 2;
        continue;
      }
      record.inQuote = false;
      i = q + 1;
      if (i >= stop) {
        record.cells.push(record.cell);
        return true;
      }
      if (body.charCodeAt(i) !== COMMA) {
        // Text after the closing quote: the record is bad; the rest of the cell is read as text.
        if (record.badColumn === 0) record.badColumn = record.cells.length + 1;
        const comma = body.indexOf(',', i);
        const end = comma === -1 ? stop : comma;
        record.cell += body.slice(i, end);
        i = end;
        if (i >= stop) {
          record.cells.push(record.cell);
          return true;
        }
      }
      record.cells.push(record.cell);
      record.cell = '';
      i++;
      continue;
    }
    if (i < stop && body.charCodeAt(i) === QUOTE) {
      record.inQuote = true;
      record.quoteLine = line;
      i++;
      continue;
    }
    const comma = body.indexOf(',', i);
    if (comma === -1) {
      record.cells.push(body.slice(i, stop));
      return true;
    }
    record.cells.push(body.slice(i, comma));
    i = comma + 1;
  }
}
