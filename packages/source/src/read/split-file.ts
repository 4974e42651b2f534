import { createHash } from 'node:crypto';
import { fileChunks } from './decode.ts';
import type { Encoding, FileFormat } from './file-items.ts';

/** A file cut into pieces at record boundaries, to be read in parallel, and its sha256. */
export interface FilePieces {
  sha256: string;
  /** In file order, without gap: each starts where a record (or a blank line) starts. */
  pieces: Array<{ start: number; end: number; line: number }>;
}

/** How to cut a file. */
export interface SplitFileOptions {
  path: string;
  name: string;
  format: FileFormat;
  encoding: Encoding;
  /** About how many bytes a piece holds (a piece ends at the first record boundary past it). */
  pieceBytes: number;
  /**
   * Called with each piece as soon as it is found, in file order (the same pieces the answer
   * lists), so that pieces can be read while the rest of the file is still being cut.
   */
  onPiece?: (piece: FilePieces['pieces'][number]) => void;
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;

/**
 * Cuts a CSV or JSON Lines file into pieces of about `pieceBytes` that each start on a record,
 * reading it once (and hashing it on the way). A JSON Lines record is a line. A CSV record ends
 * at a line feed outside quoted cells, by the reader's rules (`csv.ts`): a quote opens a quoted
 * cell only at the start of a cell, `""` inside one is a quote, and text after a closing quote
 * belongs to the cell up to the next comma. Only encodings in which the bytes of a line feed,
 * a quote and a comma never occur inside another character (UTF-8, GB18030) can be cut; for
 * UTF-16 and xlsx the answer is null.
 */
export async function splitFile(options: SplitFileOptions): Promise<FilePieces | null> {
  if (options.format === 'xlsx' || options.encoding === 'utf-16le' || options.encoding === 'utf-16be')
    return null;
  const csv = options.format === 'csv';
  const hash = createHash('sha256');
  const pieces: FilePieces['pieces'] = [];
  const found = (piece: FilePieces['pieces'][number]) => {
    pieces.push(piece);
    options.onPiece?.(piece);
  };
  let pieceStart = 0;
  let pieceLine = 1;
  let line = 1;
  let offset = 0;
  const state: QuoteState = { inQuote: false };
  // Follows the lines that end in `bytes` from `from` on (`base`: the file offset of bytes[0]),
  // cutting a piece at the first record boundary past `pieceBytes`; gives where the last line
  // that does not end in them starts.
  const lines = (bytes: Uint8Array, from: number, base: number): number => {
    // The next quote at or after the line being read (-1: none in these bytes), found once for
    // the lines before it rather than searched for on every line.
    let quote = -2;
    for (let lf = bytes.indexOf(LF, from); lf !== -1; lf = bytes.indexOf(LF, from)) {
      if (csv) {
        if (quote !== -1 && quote < from) quote = bytes.indexOf(QUOTE, from);
        if (state.inQuote || (quote !== -1 && quote < lf)) scanLineBytes(bytes, from, lf, state);
      }
      from = lf + 1;
      line++;
      const next = base + from;
      if (!state.inQuote && next - pieceStart >= options.pieceBytes) {
        found({ start: pieceStart, end: next, line: pieceLine });
        pieceStart = next;
        pieceLine = line;
      }
    }
    return from;
  };
  // The bytes of the line being read that the previous chunk ended inside.
  let carry: Uint8Array = new Uint8Array(0);
  for await (const chunk of fileChunks(options.path, options.name)) {
    hash.update(chunk);
    let from = 0;
    if (carry.length > 0) {
      // The line the previous chunk ended inside, made whole with this chunk's first line feed
      // (only that line is copied, not the chunk).
      const lf = chunk.indexOf(LF);
      if (lf === -1) {
        carry = concat(carry, chunk);
        offset += chunk.length;
        continue;
      }
      lines(concat(carry, chunk.subarray(0, lf + 1)), 0, offset - carry.length);
      from = lf + 1;
    }
    from = lines(chunk, from, offset);
    // A copy: the chunk is a view of a buffer the next read reuses.
    carry = chunk.slice(from);
    offset += chunk.length;
  }
  if (offset > pieceStart || pieces.length === 0) found({ start: pieceStart, end: offset, line: pieceLine });
  return { sha256: hash.digest('hex'), pieces };
}

interface QuoteState {
  inQuote: boolean;
}

// Follows one line, bytes [from, lf), through the quoting rules of the CSV reader's scanLine.
function scanLineBytes(bytes: Uint8Array, from: number, lf: number, state: QuoteState): void {
  const stop = lf > from && bytes[lf - 1] === CR ? lf - 1 : lf;
  let i = from;
  for (;;) {
    if (state.inQuote) {
      const q = bytes.indexOf(QUOTE, i);
      if (q === -1 || q >= lf) return;
      if (bytes[q + 1] === QUOTE && q + 1 < lf) {
        i = q + 2;
        continue;
      }
      state.inQuote = false;
      i = q + 1;
      if (i >= stop) return;
      if (bytes[i] !== COMMA) {
        const comma = bytes.indexOf(COMMA, i);
        if (comma === -1 || comma >= stop) return;
        i = comma;
      }
      i++;
      continue;
    }
    if (i < stop && bytes[i] === QUOTE) {
      state.inQuote = true;
      i++;
      continue;
    }
    const comma = bytes.indexOf(COMMA, i);
    if (comma === -1 || comma >= stop) return;
    i = comma + 1;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
