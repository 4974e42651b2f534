import { createReadStream } from 'node:fs';
import { ScorebookError } from '@scorebook/problems';

/**
 * Streams a file as UTF-8 text chunks, handing the raw bytes to `onBytes` (for hashing). A
 * leading BOM is dropped. Bytes that are not UTF-8 stop
 * the run with the file and the line of the first bad byte.
 */
export async function* decodeUtf8(
  file: string,
  onBytes?: (bytes: Uint8Array) => void,
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let line = 1;
  for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
    const bytes = chunk as Buffer;
    onBytes?.(bytes);
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      throw notUtf8(file, line + countNewlines(bytes, firstInvalidOffset(bytes)));
    }
    line += countNewlines(bytes, bytes.length);
    yield text;
  }
  try {
    const rest = decoder.decode();
    if (rest.length > 0) yield rest;
  } catch {
    throw notUtf8(file, line);
  }
}

function notUtf8(file: string, line: number): ScorebookError {
  return new ScorebookError('input', [
    {
      code: 'FILE_NOT_UTF8',
      severity: 'error',
      file,
      line,
      column: null,
      message: {
        zh: `${file} 第 ${line} 行含有非 UTF-8 字节。请把导出文件另存为 UTF-8(常见于 Excel 默认的 GBK 编码)。`,
        en: `${file} line ${line} has bytes that are not UTF-8. Save the export as UTF-8 (Excel often writes GBK).`,
      },
    },
  ]);
}

function countNewlines(bytes: Uint8Array, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

/** Offset of the first byte that cannot start or continue a UTF-8 sequence in this chunk. */
function firstInvalidOffset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const need =
      b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return bytes.length;
      if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return bytes.length;
}
