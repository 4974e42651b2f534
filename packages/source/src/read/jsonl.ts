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
import { type JsonKind, READ_ERRORS, readError } from './read-errors.ts';

/** How to read JSON Lines text. */
export interface JsonLinesOptions {
  /** The file as named in messages. */
  name: string;
  /** The longest line, in bytes (line break included), before the file is refused. */
  maxRecordBytes: number;
  /** The first line of the text, when it does not start the file. */
  firstLine?: number;
}

/**
 * Reads a JSON Lines file in its declared encoding: one item per non-blank line, with its
 * 1-based line, in batches (one per decoded chunk). See {@link jsonLinesItems}.
 */
export function readJsonLinesBatches(options: ReadFileOptions): AsyncGenerator<FileItem[]> {
  return parseChunkBatches(
    decodeFile(options),
    new JsonLinesParser({
      name: options.name,
      maxRecordBytes: options.maxRecordBytes ?? MAX_RECORD_BYTES,
      ...(options.range === undefined ? {} : { firstLine: options.range.line }),
    }),
  );
}

/**
 * The items of JSON Lines text: a line holding a JSON object is an `object` item; any other
 * line is `bad` (BAD_JSON: not JSON, or JSON that is not an object); a line that is empty or
 * only spaces and tabs is skipped. A line break is LF or CR LF. A line longer than
 * `maxRecordBytes` stops the run (LINE_TOO_LONG) as soon as that many bytes are read. A file
 * without lines yields nothing (a table without rows).
 */
export function jsonLinesItems(
  chunks: AsyncIterable<DecodedChunk>,
  options: JsonLinesOptions,
): AsyncGenerator<FileItem> {
  return parseChunks(chunks, new JsonLinesParser(options));
}

class JsonLinesParser implements ChunkParser {
  readonly #name: string;
  readonly #max: number;
  readonly #cursor: LineCursor;

  constructor(options: JsonLinesOptions) {
    this.#name = options.name;
    this.#max = options.maxRecordBytes;
    this.#cursor = new LineCursor(options.firstLine ?? 1);
  }

  push(chunk: DecodedChunk, out: FileItem[]): void {
    const cursor = this.#cursor;
    cursor.feed(chunk, (text, from, lf, next) => {
      if (next - cursor.start > this.#max) throw this.#tooLong(cursor.line);
      const item = lineItem(text.slice(from, lf), cursor.line);
      if (item !== null) out.push(item);
    });
    if (cursor.end - cursor.start > this.#max) throw this.#tooLong(cursor.line);
  }

  finish(out: FileItem[]): void {
    const cursor = this.#cursor;
    if (cursor.pending.length === 0) return;
    // The last line, without a line feed after it: one that does not parse was most likely cut off.
    const item = lineItem(cursor.pending, cursor.line, true);
    if (item !== null) out.push(item);
  }

  #tooLong(line: number): Error {
    return readError(this.#name, line, 'LINE_TOO_LONG', { file: this.#name, line, limit: this.#max });
  }
}

// `last`: the file's last line, without a line feed after it; not parsing, it is flagged `cutOff`.
function lineItem(body: string, line: number, last = false): FileItem | null {
  if (body.length === 0 || body === '\r') return null;
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    if (/^[ \t]*\r?$/.test(body)) return null;
    // A line starting with a byte-order mark: two files joined (JSON has no such white space).
    if (body.charCodeAt(0) === 0xfeff)
      return {
        kind: 'bad',
        line,
        code: 'BOM_INSIDE_FILE',
        message: messageOf(READ_ERRORS, 'BOM_INSIDE_FILE'),
      };
    const detail = (error as Error).message;
    return bad(line, null, detail.length > 200 ? `${detail.slice(0, 200)}…` : detail, last);
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return { kind: 'object', line, values: value as Record<string, unknown> };
  }
  const found: JsonKind =
    value === null ? 'null' : Array.isArray(value) ? 'array' : (typeof value as JsonKind);
  return bad(line, found, '');
}

function bad(line: number, found: JsonKind | null, detail: string, cutOff = false): FileItem {
  return {
    kind: 'bad',
    line,
    code: 'BAD_JSON',
    message: messageOf(READ_ERRORS, 'BAD_JSON', { found, detail }),
    ...(cutOff ? { cutOff: true as const } : {}),
  };
}
