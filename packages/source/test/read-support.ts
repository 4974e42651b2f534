// Helpers of the reader tests: in-memory files cut into chunks, collecting items, GB18030 bytes.
import { ScorebookError } from '@scorebook/problems';
import { csvItems } from '../src/read/csv.ts';
import { decodeBytes } from '../src/read/decode.ts';
import { type Encoding, type FileItem, MAX_RECORD_BYTES } from '../src/read/file-items.ts';
import { jsonLinesItems } from '../src/read/jsonl.ts';

export interface MemoryRead {
  encoding?: Encoding;
  /** Chunk sizes, used in turn (default: the whole text at once). */
  chunks?: number[];
  headerRow?: number;
  maxRecordBytes?: number;
  onBytes?: (bytes: Uint8Array) => void;
}

/** Cuts bytes into chunks of the given sizes, used in turn. */
export function cut(bytes: Uint8Array, sizes: readonly number[] | undefined): Uint8Array[] {
  if (sizes === undefined || sizes.length === 0) return [bytes];
  const out: Uint8Array[] = [];
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  return out;
}

function bytesOf(input: string | Uint8Array): Uint8Array {
  return typeof input === 'string' ? new TextEncoder().encode(input) : input;
}

/** The CSV items of in-memory text (UTF-8 when given as a string). */
export function csvOf(input: string | Uint8Array, options: MemoryRead = {}): AsyncGenerator<FileItem> {
  const chunks = decodeBytes(cut(bytesOf(input), options.chunks), {
    name: 't.csv',
    encoding: options.encoding ?? 'utf-8',
    table: 'conversations',
    ...(options.onBytes === undefined ? {} : { onBytes: options.onBytes }),
  });
  return csvItems(chunks, {
    name: 't.csv',
    headerRow: options.headerRow ?? 1,
    maxRecordBytes: options.maxRecordBytes ?? MAX_RECORD_BYTES,
  });
}

/** The JSON Lines items of in-memory text. */
export function jsonlOf(input: string | Uint8Array, options: MemoryRead = {}): AsyncGenerator<FileItem> {
  const chunks = decodeBytes(cut(bytesOf(input), options.chunks), {
    name: 't.jsonl',
    encoding: options.encoding ?? 'utf-8',
    table: 'events',
  });
  return jsonLinesItems(chunks, {
    name: 't.jsonl',
    maxRecordBytes: options.maxRecordBytes ?? MAX_RECORD_BYTES,
  });
}

/** Every item. */
export async function collect(items: AsyncIterable<FileItem>): Promise<FileItem[]> {
  const out: FileItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

/** The error that stops the reading (failing the test if none does), and the items before it. */
export async function failure(
  items: AsyncIterable<FileItem>,
): Promise<{ error: ScorebookError; before: FileItem[] }> {
  const before: FileItem[] = [];
  try {
    for await (const item of items) before.push(item);
  } catch (error) {
    if (error instanceof ScorebookError) return { error, before };
    throw error;
  }
  throw new Error(`no error; items: ${JSON.stringify(before).slice(0, 500)}`);
}

/** Items in a short form: `line kind` and the cells, columns or code. */
export function brief(items: readonly FileItem[]): unknown[] {
  return items.map((item) => {
    if (item.kind === 'header') return [item.line, 'header', item.columns];
    if (item.kind === 'record') return [item.line, item.cells];
    if (item.kind === 'object') return [item.line, item.values];
    return [item.line, item.code];
  });
}

let table: Map<string, number[]> | null = null;

/** The GB18030 bytes of a text (an encoder built from the platform's decoder). */
export function encodeGb18030(text: string): Uint8Array {
  table ??= gb18030Table();
  const out: number[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp < 0x80) out.push(cp);
    else if (cp >= 0x10000) {
      let p = cp - 0x10000 + 189000;
      const b4 = p % 10;
      p = (p - b4) / 10;
      const b3 = p % 126;
      p = (p - b3) / 126;
      const b2 = p % 10;
      const b1 = (p - b2) / 10;
      out.push(b1 + 0x81, b2 + 0x30, b3 + 0x81, b4 + 0x30);
    } else {
      const bytes = table.get(char);
      if (bytes === undefined) throw new Error(`no GB18030 bytes for U+${cp.toString(16)}`);
      out.push(...bytes);
    }
  }
  return Uint8Array.from(out);
}

function gb18030Table(): Map<string, number[]> {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const map = new Map<string, number[]>();
  const add = (bytes: number[]) => {
    try {
      const char = decoder.decode(Uint8Array.from(bytes));
      if (!map.has(char)) map.set(char, bytes);
    } catch {
      // Not a character.
    }
  };
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) add([lead, trail]);
  }
  for (let b1 = 0x81; b1 <= 0x84; b1++)
    for (let b2 = 0x30; b2 <= 0x39; b2++)
      for (let b3 = 0x81; b3 <= 0xfe; b3++) for (let b4 = 0x30; b4 <= 0x39; b4++) add([b1, b2, b3, b4]);
  return map;
}

/** UTF-16 bytes of a text, with or without a byte-order mark. */
export function encodeUtf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const le = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return order === 'le' ? new Uint8Array(le) : new Uint8Array(Buffer.from(le).swap16());
}
