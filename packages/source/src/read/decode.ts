import { constants, type Stats } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { TextDecoder } from 'node:util';
import type { Encoding, FileItem, ReadFileOptions } from './file-items.ts';
import { type EncodingHint, readError, type SpecialFileKind } from './read-errors.ts';

/**
 * A piece of a file's text, decoded from the bytes [`start`, `end`) of the file. Pieces follow
 * each other without gap; a byte-order mark is never part of one (the first starts after it).
 */
export interface DecodedChunk {
  text: string;
  /** File offset of the first byte `text` was decoded from. */
  start: number;
  /** File offset just past the last byte `text` was decoded from. */
  end: number;
  /** For each line feed of `text`, in order: the file offset of the line after it. */
  lineStarts: number[];
}

/** How to decode a file's bytes. */
export interface DecodeOptions {
  /** The file as named in messages. */
  name: string;
  encoding: Encoding;
  /** The table the file belongs to, named in hints (`tables.<table>`); null when unknown. */
  table?: string | null;
  /** Receives every byte in order, exactly once, before it is decoded; valid only during the call. */
  onBytes?: (bytes: Uint8Array) => void;
  /**
   * Where the bytes are in the file, when they do not start it: the file offset of the first
   * and the line it is on. Such bytes have no byte-order mark.
   */
  from?: { offset: number; line: number };
}

/** Bytes handed on at a time from a file. */
const READ_CHUNK_BYTES = 64 * 1024;
/** Bytes read at a time from a file (one promise round trip each), into one buffer reused. */
const READ_BUFFER_BYTES = 16 * READ_CHUNK_BYTES;

/**
 * Decodes bytes in their declared encoding, as pieces of text that end on character
 * boundaries. A chunk of `source` is read before the next is asked for and never kept (it may
 * be a view of a buffer that the source reads into again). A byte-order mark of the declared encoding at the start is skipped; the mark of
 * another encoding where the declared one would read it as text stops with FILE_BOM_MISMATCH.
 * A file that ends inside a character stops with FILE_TRUNCATED (it was cut off); other bytes not
 * valid in the encoding stop with FILE_NOT_UTF8 (utf-8) or FILE_BAD_ENCODING, naming
 * the line and the exact byte offset of the first bad byte wherever the chunks split, with a
 * hint: the encoding a byte-order mark announces, or GB18030 when the bytes decode as GB18030.
 */
export async function* decodeBytes(
  source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: DecodeOptions,
): AsyncGenerator<DecodedChunk> {
  const { encoding, onBytes } = options;
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const wide = encoding === 'utf-16le' || encoding === 'utf-16be';
  // The file's first bytes, gathered to read a byte-order mark; null once read (or not the start).
  let first: Uint8Array | null = options.from === undefined ? new Uint8Array(0) : null;
  // Bytes after the last character boundary, decoded with the next chunk.
  let tail: Uint8Array = new Uint8Array(0);
  const at: Place = {
    base: options.from?.offset ?? 0,
    lines: (options.from?.line ?? 1) - 1,
    lineStart: true,
    fileStart: new Uint8Array(0),
  };
  for await (const raw of source) {
    onBytes?.(raw);
    if (raw.length === 0) continue;
    let bytes = raw;
    if (first !== null) {
      // The byte-order mark is read from the first four bytes, however the chunks split.
      first = concat(first, raw);
      if (first.length < 4) {
        // Kept past this chunk, which may be a view of a buffer that is read into again.
        first = first.slice();
        continue;
      }
      bytes = first;
      first = null;
      at.fileStart = bytes.slice(0, 4);
      at.base = skipBom(bytes, options);
      bytes = bytes.subarray(at.base);
    }
    if (tail.length > 0) bytes = concat(tail, bytes);
    const end = boundary(bytes, encoding);
    const piece = bytes.subarray(0, end);
    tail = bytes.slice(end);
    const text = decodePiece(decoder, piece, at, options);
    const lineStarts = lineFeeds(piece, at.base, wide, encoding === 'utf-16be');
    if (text.length > 0) yield { text, start: at.base, end: at.base + end, lineStarts };
    at.lines += lineStarts.length;
    if (end > 0) at.lineStart = lineStarts.at(-1) === at.base + end;
    at.base += end;
  }
  if (first !== null) {
    // A file shorter than four bytes.
    at.fileStart = first;
    at.base = skipBom(first, options);
    tail = first.subarray(at.base);
  }
  if (tail.length > 0) {
    // Bytes that begin a character the file ends inside: a file cut off, not a wrong encoding.
    if (!decodes(encoding, tail, false) && decodes(encoding, tail, true)) throw truncated(tail, at, options);
    const text = decodePiece(decoder, tail, at, options);
    const lineStarts = lineFeeds(tail, at.base, wide, encoding === 'utf-16be');
    yield { text, start: at.base, end: at.base + tail.length, lineStarts };
  }
}

/**
 * Decodes a file (see {@link decodeBytes}), reading it with {@link fileChunks};
 * the file is checked to be a regular file first ({@link openRegularFile}).
 */
export function decodeFile(
  options: Pick<ReadFileOptions, 'path' | 'name' | 'encoding' | 'table' | 'onBytes' | 'range'>,
): AsyncGenerator<DecodedChunk> {
  const { range } = options;
  const piece =
    range === undefined || range.start === 0 ? {} : { from: { offset: range.start, line: range.line } };
  return decodeBytes(
    fileChunks(options.path, options.name, range?.start ?? 0, range?.end ?? Number.POSITIVE_INFINITY),
    {
      name: options.name,
      encoding: options.encoding,
      table: options.table ?? null,
      ...(options.onBytes === undefined ? {} : { onBytes: options.onBytes }),
      ...piece,
    },
  );
}

/**
 * Opens a file for reading after checking it is a regular file: a directory, a FIFO, a socket
 * or a device stops with FILE_NOT_REGULAR without being opened for a blocking read (a FIFO
 * without a writer would wait forever); a missing or unreadable file stops with FILE_UNREADABLE.
 */
export async function openRegularFile(path: string, name: string): Promise<FileHandle> {
  checkRegular(await statOf(path, name), name);
  let handle: FileHandle;
  try {
    // Non-blocking, so that a file replaced by a FIFO after the check cannot hang the open.
    handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw readError(name, null, 'FILE_UNREADABLE', { file: name, reason: reasonOf(error) });
  }
  try {
    checkRegular(await handle.stat(), name);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return handle;
}

/** Stops with FILE_NOT_REGULAR (or FILE_UNREADABLE) unless `path` is a regular file. */
export async function checkRegularFile(path: string, name: string): Promise<void> {
  checkRegular(await statOf(path, name), name);
}

/**
 * Walks the lines of decoded text chunk by chunk, keeping what a chunk leaves unfinished: the
 * line being read (1-based), the file offset it starts at, and its text so far.
 */
export class LineCursor {
  line: number;
  start = -1;
  pending = '';
  /** File offset just past the text fed so far. */
  end = 0;

  /** A cursor at the start of the text, whose first line is `line`. */
  constructor(line = 1) {
    this.line = line;
  }

  /**
   * Feeds a chunk: for each line it completes, `take(text, from, lf, next)` with the line at
   * `text[from, lf)` (without its LF) and `next` the file offset of the line after it; while
   * `take` runs, `line` and `start` are that line's.
   */
  feed(chunk: DecodedChunk, take: (text: string, from: number, lf: number, next: number) => void): void {
    if (this.start < 0) this.start = chunk.start;
    const text = this.pending.length === 0 ? chunk.text : this.pending + chunk.text;
    let from = 0;
    for (const next of chunk.lineStarts) {
      const lf = text.indexOf('\n', from);
      take(text, from, lf, next);
      from = lf + 1;
      this.line++;
      this.start = next;
    }
    this.pending = text.slice(from);
    this.end = chunk.end;
  }
}

/** Reads decoded text into items: given each chunk in order, then told the text has ended. */
export interface ChunkParser {
  /** Adds the items of `chunk` to `out`; throws what stops the run. */
  push(chunk: DecodedChunk, out: FileItem[]): void;
  /** Adds the items of the text's end to `out`; throws what stops the run. */
  finish(out: FileItem[]): void;
}

/**
 * Feeds decoded chunks to a parser and yields its items in order, one batch (a fresh array,
 * never empty) per chunk. When the parser (or the decoding) stops the run, the items it found
 * before the stop are yielded first. (One hand-over per chunk instead of per item: an async
 * generator's hand-over costs a promise and a turn of the microtask queue, which per record was
 * a good part of reading a large table.)
 */
export async function* parseChunkBatches(
  chunks: AsyncIterable<DecodedChunk>,
  parser: ChunkParser,
): AsyncGenerator<FileItem[]> {
  let out: FileItem[] = [];
  let stopped = false;
  let stop: unknown;
  try {
    for await (const chunk of chunks) {
      parser.push(chunk, out);
      if (out.length > 0) {
        yield out;
        out = [];
      }
    }
    parser.finish(out);
  } catch (error) {
    stopped = true;
    stop = error;
  }
  if (out.length > 0) yield out;
  if (stopped) throw stop;
}

/** {@link parseChunkBatches} item by item. */
export async function* parseChunks(
  chunks: AsyncIterable<DecodedChunk>,
  parser: ChunkParser,
): AsyncGenerator<FileItem> {
  for await (const batch of parseChunkBatches(chunks, parser)) yield* batch;
}

// Where the next piece of a file starts.
interface Place {
  /** Its file offset. */
  base: number;
  /** The line feeds before it. */
  lines: number;
  /** Whether a line starts there. */
  lineStart: boolean;
  /** The file's first four bytes (fewer in a shorter file). */
  fileStart: Uint8Array;
}

const BOMS: ReadonlyArray<readonly [Encoding, readonly number[]]> = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
  ['gb18030', [0x84, 0x31, 0x95, 0x33]],
];

/**
 * The bytes [`start`, `end`) of a file, in pieces of at most {@link READ_CHUNK_BYTES}: views of
 * one buffer that {@link READ_BUFFER_BYTES} at a time are read into, each valid only until the
 * next piece is asked for (copy what is kept).
 */
export async function* fileChunks(
  path: string,
  name: string,
  start = 0,
  end = Number.POSITIVE_INFINITY,
): AsyncGenerator<Uint8Array> {
  const handle = await openRegularFile(path, name);
  try {
    // A Uint8Array, not a Buffer: the views' `slice` then copies, as readers of chunks expect.
    const buffer = new Uint8Array(Math.max(0, Math.min(READ_BUFFER_BYTES, end - start)));
    for (let position = start; position < end; ) {
      const length = Math.min(buffer.length, end - position);
      let bytesRead: number;
      try {
        ({ bytesRead } = await handle.read(buffer, 0, length, position));
      } catch (error) {
        throw readError(name, null, 'FILE_UNREADABLE', { file: name, reason: reasonOf(error) });
      }
      if (bytesRead === 0) return;
      position += bytesRead;
      for (let at = 0; at < bytesRead; at += READ_CHUNK_BYTES)
        yield buffer.subarray(at, Math.min(at + READ_CHUNK_BYTES, bytesRead));
    }
  } finally {
    await handle.close();
  }
}

async function statOf(path: string, name: string): Promise<Stats> {
  try {
    return await stat(path);
  } catch (error) {
    throw readError(name, null, 'FILE_UNREADABLE', { file: name, reason: reasonOf(error) });
  }
}

function checkRegular(stats: Stats, name: string): void {
  if (stats.isFile()) return;
  const kind: SpecialFileKind = stats.isDirectory()
    ? 'directory'
    : stats.isFIFO()
      ? 'fifo'
      : stats.isSocket()
        ? 'socket'
        : stats.isCharacterDevice() || stats.isBlockDevice()
          ? 'device'
          : 'other';
  throw readError(name, null, 'FILE_NOT_REGULAR', { file: name, kind });
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file (ENOENT)';
  if (code === 'EACCES' || code === 'EPERM') return `permission denied (${code})`;
  return error instanceof Error ? error.message : String(error);
}

// The length of the declared encoding's byte-order mark at the start of `bytes`, or 0. The
// mark of another encoding that the declared one reads as text stops the run: read on, it would
// become part of the first column's name. (Where the declared encoding cannot read it, the
// decoding error names the encoding the mark announces.)
function skipBom(bytes: Uint8Array, options: DecodeOptions): number {
  for (const [encoding, mark] of BOMS) {
    if (!startsWith(bytes, mark)) continue;
    if (encoding === options.encoding) return mark.length;
    if (!decodes(options.encoding, bytes.subarray(0, mark.length), true)) return 0;
    throw readError(options.name, 1, 'FILE_BOM_MISMATCH', {
      file: options.name,
      table: options.table ?? null,
      declared: options.encoding,
      found: encoding,
    });
  }
  return 0;
}

function decodePiece(decoder: TextDecoder, piece: Uint8Array, at: Place, options: DecodeOptions): string {
  try {
    return decoder.decode(piece);
  } catch {
    throw badBytes(piece, at, options);
  }
}

// `piece` starts on a character boundary and does not decode: finds the first bad byte exactly.
// A prefix that a streaming decoder rejects ends at or after the bad sequence; the longest
// prefix before that which decodes completely ends where the bad sequence begins.
function badBytes(piece: Uint8Array, at: Place, options: DecodeOptions): Error {
  const { encoding } = options;
  let low = 0;
  let high = piece.length + 1;
  while (low + 1 < high) {
    const mid = (low + high) >>> 1;
    if (decodes(encoding, piece.subarray(0, mid), true)) low = mid;
    else high = mid;
  }
  let bad = Math.min(high - 1, piece.length);
  while (bad > 0 && !decodes(encoding, piece.subarray(0, bad), false)) bad--;
  const line = lineOf(piece, bad, at, encoding);
  const params = {
    file: options.name,
    table: options.table ?? null,
    line,
    offset: at.base + bad,
    bytes: hexBytes(piece.subarray(bad, bad + 4)),
    hint: hintFor(piece, bad, at, encoding),
  };
  return encoding === 'utf-8'
    ? readError(options.name, line, 'FILE_NOT_UTF8', params)
    : readError(options.name, line, 'FILE_BAD_ENCODING', { ...params, encoding });
}

// `tail`, the file's last bytes, begins a character and ends before it does (FILE_TRUNCATED).
// (A file shorter than four bytes is all tail: its whole characters come before the cut one.)
function truncated(tail: Uint8Array, at: Place, options: DecodeOptions): Error {
  const whole = boundary(tail, options.encoding);
  const line = lineOf(tail, whole, at, options.encoding);
  return readError(options.name, line, 'FILE_TRUNCATED', {
    file: options.name,
    line,
    offset: at.base + whole,
    bytes: hexBytes(tail.subarray(whole)),
    encoding: options.encoding,
  });
}

// The line of the byte at `offset` of `piece`, which starts at `at` (1 + the line feeds before it).
function lineOf(piece: Uint8Array, offset: number, at: Place, encoding: Encoding): number {
  const wide = encoding === 'utf-16le' || encoding === 'utf-16be';
  return at.lines + lineFeeds(piece.subarray(0, offset), at.base, wide, encoding === 'utf-16be').length + 1;
}

// Bytes as a message shows them: `0xE4 0xB8`.
function hexBytes(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`).join(' ');
}

// What the message suggests: the encoding of a byte-order mark the file begins with, else
// GB18030 when the bad line and what follows it in this piece (up to 64 KiB past the bad byte)
// decode as GB18030, with the line as it then reads; for a file declared GB18030, UTF-8 when
// they decode as UTF-8.
function hintFor(piece: Uint8Array, bad: number, at: Place, declared: Encoding): EncodingHint {
  for (const [encoding, mark] of BOMS) {
    if (encoding !== declared && startsWith(at.fileStart, mark)) return { kind: 'bom', encoding };
  }
  const lineFeed = bad === 0 ? -1 : piece.lastIndexOf(0x0a, bad - 1);
  const lineKnown = lineFeed !== -1 || at.lineStart;
  const to = Math.min(piece.length, bad + 64 * 1024);
  // A UTF-8 file declared GB18030: from the bad line's start what follows decodes as UTF-8.
  if (declared === 'gb18030')
    return lineKnown && decodes('utf-8', piece.subarray(lineFeed + 1, to), true)
      ? { kind: 'utf-8' }
      : { kind: 'none' };
  // GB18030 is read from the line's start, or else just past a byte it never uses inside a character.
  let from = lineFeed;
  if (!lineKnown) {
    const below = piece.subarray(0, bad).findIndex((b) => b < 0x30);
    if (below >= 0) from = below;
  }
  if (!decodes('gb18030', piece.subarray(from + 1, to), true)) return { kind: 'none' };
  if (!lineKnown) return { kind: 'gb18030', preview: null };
  const lineEnd = piece.indexOf(0x0a, bad);
  const text = new TextDecoder('gb18030').decode(piece.subarray(from + 1, lineEnd === -1 ? to : lineEnd), {
    stream: true,
  });
  const shown = text.replace(/\r$/, '').replace(/[\t\r]/g, ' ');
  if (shown === '') return { kind: 'gb18030', preview: null };
  return { kind: 'gb18030', preview: shown.length > 60 ? `${shown.slice(0, 60)}…` : shown };
}

function decodes(encoding: Encoding, bytes: Uint8Array, stream: boolean): boolean {
  try {
    new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes, { stream });
    return true;
  } catch {
    return false;
  }
}

// The end of the last whole character of `bytes` (which starts on a character boundary), for
// valid input; for invalid input any cut will do, the decoder reports the bad bytes either side.
function boundary(bytes: Uint8Array, encoding: Encoding): number {
  const n = bytes.length;
  switch (encoding) {
    case 'utf-8': {
      // The last of the final four bytes that is not a continuation byte (0x80–0xbf).
      const tail = bytes.subarray(Math.max(0, n - 4));
      const at = tail.findLastIndex((b) => b < 0x80 || b >= 0xc0);
      const b = tail[at];
      if (b === undefined) return n;
      const i = n - tail.length + at;
      if (b < 0x80) return i + 1;
      return i + (b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2) <= n ? n : i;
    }
    case 'utf-16le':
    case 'utf-16be': {
      const even = n - (n % 2);
      const high = encoding === 'utf-16le' ? bytes[even - 1] : bytes[even - 2];
      return high !== undefined && high >= 0xd8 && high <= 0xdb ? even - 2 : even;
    }
    case 'gb18030': {
      // Bytes below 0x30 are never inside a GB18030 character: parse forward from the last one.
      for (let p = bytes.findLastIndex((b) => b < 0x30) + 1; p < n; ) {
        // biome-ignore lint/style/noNonNullAssertion: p < n
        const b = bytes[p]!;
        if (b <= 0x80 || b === 0xff) {
          p++;
          continue;
        }
        const second = bytes[p + 1];
        if (second === undefined) return p;
        const length = second >= 0x30 && second <= 0x39 ? 4 : 2;
        if (p + length > n) return p;
        p += length;
      }
      return n;
    }
  }
}

// For each line feed in `bytes` (a whole number of characters starting at file offset `base`),
// the file offset of the line after it. In UTF-16 a line feed is the code unit 0x000A.
function lineFeeds(bytes: Uint8Array, base: number, wide: boolean, bigEndian: boolean): number[] {
  const out: number[] = [];
  if (!wide) {
    for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) out.push(base + i + 1);
    return out;
  }
  const low = bigEndian ? 1 : 0;
  for (let i = bytes.indexOf(0x0a); i !== -1; i = bytes.indexOf(0x0a, i + 1)) {
    if (i % 2 === low && bytes[i + (bigEndian ? -1 : 1)] === 0) out.push(base + i - low + 2);
  }
  return out;
}

function startsWith(bytes: Uint8Array, mark: readonly number[]): boolean {
  return bytes.length >= mark.length && mark.every((b, i) => bytes[i] === b);
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
