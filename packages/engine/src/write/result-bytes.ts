import { createHash } from 'node:crypto';

/**
 * A result file's bytes, as consecutive chunks. A file is never one string: the explanations of a
 * large month are longer than the longest string V8 can hold (2^29 − 24 code units), so the
 * writer encodes them piece by piece and every reader of the bytes (hashes, comparisons, writes)
 * takes the chunks in order. Equal files have equal chunks (the chunking depends on the text
 * only).
 */
export type ResultBytes = readonly Uint8Array[];

/** A chunk is flushed once its text reaches this many UTF-16 code units (~1 MiB of ASCII). */
const CHUNK_UNITS = 1 << 20;

/** How many levels of objects and arrays are written member by member before whole-value stringify. */
const STREAMED_LEVELS = 3;

/**
 * The UTF-8 bytes of `JSON.stringify(value, null, 2) + '\n'`, exactly, for JSON data (plain
 * objects, arrays, strings, finite numbers, booleans, null; `undefined` members are left out of
 * objects and written `null` in arrays, as `JSON.stringify` does): the top levels are written
 * member by member and each deeper value by `JSON.stringify` with its lines re-indented (a JSON
 * string holds no raw line break, so every `\n` of a stringified value is a line break).
 */
export function jsonBytes(value: unknown): ResultBytes {
  return [...jsonChunks(value)];
}

/**
 * The chunks of {@link jsonBytes}, one at a time as they are encoded: a writer holds one chunk,
 * not the file.
 */
export function* jsonChunks(value: unknown): Generator<Uint8Array> {
  let parts: string[] = [];
  let units = 0;
  for (const text of jsonPieces(value, '', 0)) {
    parts.push(text);
    units += text.length;
    if (units < CHUNK_UNITS) continue;
    yield Buffer.from(parts.join(''), 'utf8');
    parts = [];
    units = 0;
  }
  parts.push('\n');
  yield Buffer.from(parts.join(''), 'utf8');
}

/** The text of `JSON.stringify(v, null, 2)` at `indent`, in pieces: members of the top levels one by one. */
function* jsonPieces(v: unknown, indent: string, level: number): Generator<string> {
  if (level >= STREAMED_LEVELS || v === null || typeof v !== 'object' || 'toJSON' in v) {
    const text = JSON.stringify(v, null, 2) as string | undefined;
    if (text === undefined) yield 'null';
    else yield indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(v)) {
    if (v.length === 0) {
      yield '[]';
      return;
    }
    for (const [i, item] of v.entries()) {
      yield i === 0 ? `[\n${inner}` : `,\n${inner}`;
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
      else yield* jsonPieces(item, inner, level + 1);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [key, member] of Object.entries(v)) {
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(key)}: `;
    first = false;
    yield* jsonPieces(member, inner, level + 1);
  }
  yield first ? '{}' : `\n${indent}}`;
}

/** The bytes of a text, as one chunk. */
export function textBytes(text: string): ResultBytes {
  return [Buffer.from(text, 'utf8')];
}

/** The hex sha256 of the bytes. */
export function sha256Of(bytes: ResultBytes): string {
  const hash = createHash('sha256');
  for (const chunk of bytes) hash.update(chunk);
  return hash.digest('hex');
}

/** The number of bytes. */
export function byteLengthOf(bytes: ResultBytes): number {
  return bytes.reduce((sum, chunk) => sum + chunk.byteLength, 0);
}

/** True when the chunks, one after the other, are exactly `other` (a file read back, say). */
export function sameBytes(bytes: ResultBytes, other: Uint8Array): boolean {
  if (byteLengthOf(bytes) !== other.byteLength) return false;
  let at = 0;
  for (const chunk of bytes) {
    if (Buffer.compare(chunk, other.subarray(at, at + chunk.byteLength)) !== 0) return false;
    at += chunk.byteLength;
  }
  return true;
}

/** The bytes as text, for a file known to be small enough for one string (results.json, a test's). */
export function textOf(bytes: ResultBytes): string {
  return Buffer.concat(bytes).toString('utf8');
}

/**
 * results.json as written by engine `from`, but recording engine `to` (its top-level `engine`
 * block, the one place a result file names the engine): an earlier engine's publication is then
 * compared byte for byte everywhere else. The bytes as they are when the block is not found.
 */
export function withEngineVersion(bytes: ResultBytes, from: string, to: string): ResultBytes {
  const text = Buffer.concat(bytes).toString('utf8');
  const block = (v: string) => `\n  "engine": {\n    "version": ${JSON.stringify(v)}\n  }`;
  const at = text.indexOf(block(from));
  if (at < 0) return bytes;
  return [Buffer.from(`${text.slice(0, at)}${block(to)}${text.slice(at + block(from).length)}`)];
}
