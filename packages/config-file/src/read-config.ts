import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { messageOf, type SourceProblem } from '@scorebook/problems';
import { CONFIG_FILE_ERRORS } from './errors.ts';

/** Configuration files larger than this are refused before parsing. */
export const MAX_CONFIG_BYTES = 256 * 1024;

/** The text of a configuration file and the sha256 of its bytes. */
export interface ConfigText {
  file: string;
  text: string;
  sha256: string;
}

/** A file's text, or the problem that kept it from being read. */
export type ConfigTextResult = { text: ConfigText; problems: [] } | { text: null; problems: SourceProblem[] };

/**
 * Reads a configuration file: refuses files over {@link MAX_CONFIG_BYTES} and text that is not
 * UTF-8; a leading BOM is dropped. Returns the problem instead of throwing.
 */
export function readConfigText(file: string): ConfigTextResult {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_CONFIG_BYTES)
      return failed(
        file,
        messageOf(CONFIG_FILE_ERRORS, 'FILE_TOO_LARGE', { size, limit: MAX_CONFIG_BYTES }),
        'FILE_TOO_LARGE',
      );
    bytes = readFileSync(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return failed(file, messageOf(CONFIG_FILE_ERRORS, 'FILE_UNREADABLE', { reason }), 'FILE_UNREADABLE');
  }
  return configTextFromBytes(file, bytes);
}

/** Decodes configuration bytes already read (from git, say), reported under `file`. */
export function configTextFromBytes(file: string, bytes: Uint8Array): ConfigTextResult {
  if (bytes.byteLength > MAX_CONFIG_BYTES)
    return failed(
      file,
      messageOf(CONFIG_FILE_ERRORS, 'FILE_TOO_LARGE', { size: bytes.byteLength, limit: MAX_CONFIG_BYTES }),
      'FILE_TOO_LARGE',
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return failed(file, messageOf(CONFIG_FILE_ERRORS, 'FILE_NOT_UTF8'), 'FILE_NOT_UTF8');
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { text: { file, text, sha256 }, problems: [] };
}

function failed(file: string, message: SourceProblem['message'], code: string): ConfigTextResult {
  return {
    text: null,
    problems: [{ file, line: 1, column: 1, path: '', code, severity: 'error', message }],
  };
}
