import type { Encoding } from '../read/file-items.ts';

/** What the first bytes of a text file say about its encoding. */
export interface DetectedEncoding {
  /** Null when the sample is neither UTF-8 nor GB18030 and has no byte-order mark. */
  encoding: Encoding | null;
  /** The encoding was read from a byte-order mark. */
  bom: boolean;
}

/**
 * Detects the encoding of a CSV or JSON Lines file from its first bytes: a UTF-8, UTF-16LE or
 * UTF-16BE byte-order mark decides; otherwise UTF-8 when the sample decodes as UTF-8 (plain
 * ASCII included) but for a character cut short at its end — at the end of a sample, or of a
 * whole file that was cut off —, else GB18030 when it decodes as GB18030, else null. `complete`
 * says whether the sample is the whole file: when it is not, a character cut at the end of the
 * sample is not held against GB18030.
 */
export function detectEncoding(sample: Uint8Array, complete: boolean): DetectedEncoding {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf) return { encoding: 'utf-8', bom: true };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  // UTF-8 also when only its last character is cut short (a file cut off): declared utf-8, the
  // reader then says so (FILE_TRUNCATED) instead of reading it as GB18030.
  if (decodes(sample, 'utf-8', false)) return { encoding: 'utf-8', bom: false };
  if (decodes(sample, 'gb18030', complete)) return { encoding: 'gb18030', bom: false };
  return { encoding: null, bom: false };
}

function decodes(sample: Uint8Array, encoding: 'utf-8' | 'gb18030', complete: boolean): boolean {
  try {
    // With `stream`, a sequence cut at the end of the sample is kept for a next call, not refused.
    new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: !complete });
    return true;
  } catch {
    return false;
  }
}
