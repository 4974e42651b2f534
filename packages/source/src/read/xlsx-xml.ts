import { TextDecoder } from 'node:util';
import { crc32 } from 'node:zlib';
import type { Problem } from '@scorebook/problems';
import { type ArgsOf, messageOf } from '@scorebook/problems';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { XLSX_ERRORS } from './xlsx-errors.ts';

/**
 * Why reading a workbook stopped, before the file's name is known to the code that found it;
 * `readXlsx` turns it into a `ScorebookError` with the file as the place.
 */
export class XlsxStop extends Error {
  readonly problem: Omit<Problem, 'file'>;

  constructor(problem: Omit<Problem, 'file'>) {
    super(problem.message.en);
    this.problem = problem;
  }
}

/** An `XlsxStop` of a catalogue entry, at a row and column of the sheet when given. */
export function stop<K extends keyof typeof XLSX_ERRORS & string>(
  key: K,
  place: { line: number | null; column: number | null },
  ...args: ArgsOf<(typeof XLSX_ERRORS)[K]>
): XlsxStop {
  return new XlsxStop({
    code: key,
    severity: 'error',
    message: messageOf(XLSX_ERRORS, key, ...args),
    line: place.line,
    column: place.column,
  });
}

/** The `XLSX_CORRUPT` stop for a reason written in both languages. */
export function corrupt(zh: string, en: string): XlsxStop {
  return new XlsxStop({
    code: 'XLSX_CORRUPT',
    severity: 'error',
    message: {
      zh: XLSX_ERRORS.XLSX_CORRUPT.zh({ reason: zh }),
      en: XLSX_ERRORS.XLSX_CORRUPT.en({ reason: en }),
    },
    line: null,
    column: null,
  });
}

/** Callbacks of an XML part's elements, by local name (any namespace prefix removed). */
export interface XmlHandlers {
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(text: string): void;
}

/** What a part's bytes must match: the CRC-32 and size from its zip header, when known there. */
export interface PartCheck {
  crc32: number;
  size: number;
}

/**
 * Parses an XML part of the workbook from its bytes, chunk by chunk, calling the handlers, and
 * yields after each chunk (so that a caller can hand over what the chunk produced). The text is
 * UTF-8 unless a UTF-16 byte-order mark says otherwise. The bytes are checked against the zip
 * header's CRC-32 and size when given. Malformed XML, text that is not valid in its encoding and a
 * CRC or size mismatch are `XLSX_CORRUPT` stops naming the part.
 */
export async function* xmlChunks(
  part: string,
  bytes: AsyncIterable<Uint8Array>,
  handlers: XmlHandlers,
  check: PartCheck | null,
): AsyncGenerator<void> {
  const parser = new SaxesParser({ position: false, xmlns: false } as const);
  parser.on('opentag', (tag: SaxesTagPlain) => handlers.open(localName(tag.name), tag.attributes));
  parser.on('closetag', (tag: SaxesTagPlain) => handlers.close(localName(tag.name)));
  parser.on('text', (text) => handlers.text(text));
  parser.on('cdata', (text) => handlers.text(text));
  let decoder: TextDecoder | null = null;
  let crc = 0;
  let size = 0;
  for await (const chunk of bytes) {
    if (check !== null) {
      crc = crc32(chunk, crc);
      size += chunk.length;
    }
    const text: TextDecoder = decoder ?? new TextDecoder(encodingOf(chunk), { fatal: true });
    decoder = text;
    feed(part, () => parser.write(text.decode(chunk, { stream: true })));
    yield;
  }
  feed(part, () => {
    if (decoder !== null) parser.write(decoder.decode());
    parser.close();
  });
  if (check !== null && (crc !== check.crc32 >>> 0 || size !== check.size)) {
    throw corrupt(`${part} 的校验和不符`, `the checksum of ${part} does not match`);
  }
  yield;
}

/** Parses a whole XML part (see {@link xmlChunks}). */
export async function parseXmlPart(
  part: string,
  bytes: AsyncIterable<Uint8Array>,
  handlers: XmlHandlers,
  check: PartCheck | null,
): Promise<void> {
  for await (const _ of xmlChunks(part, bytes, handlers, check));
}

/** `_x000D_`-style escapes of OOXML strings (ECMA-376 §22.9.2.19) decoded; `_x005F_` is `_`. */
export function decodeXstring(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
}

function encodingOf(chunk: Uint8Array): string {
  if (chunk[0] === 0xff && chunk[1] === 0xfe) return 'utf-16le';
  if (chunk[0] === 0xfe && chunk[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

function feed(part: string, write: () => void): void {
  try {
    write();
  } catch (error) {
    if (error instanceof XlsxStop) throw error;
    const detail = (error as Error).message;
    throw corrupt(`${part} 不是有效的 XML(${detail})`, `${part} is not valid XML (${detail})`);
  }
}
