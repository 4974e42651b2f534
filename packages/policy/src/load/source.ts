import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { messageOf, type PolicyErrorCode } from '../errors/catalogue.ts';
import type { Problem } from '../errors/problem.ts';

/** Policies larger than this are refused before parsing. */
export const MAX_POLICY_BYTES = 256 * 1024;

/** The text of a policy file and the sha256 of its bytes. */
export interface PolicySource {
  file: string;
  text: string;
  sha256: string;
}

/**
 * Reads a policy file: refuses files over {@link MAX_POLICY_BYTES} and text that is not UTF-8;
 * a leading BOM is dropped. Returns the problem instead of throwing.
 */
export function readPolicySource(file: string): SourceResult {
  let bytes: Buffer;
  try {
    const size = statSync(file).size;
    if (size > MAX_POLICY_BYTES) return failed(file, 'FILE_TOO_LARGE', { size, limit: MAX_POLICY_BYTES });
    bytes = readFileSync(file);
  } catch (error) {
    return failed(file, 'FILE_UNREADABLE', {
      reason: (error as NodeJS.ErrnoException).code ?? String(error),
    });
  }
  return policySourceFromBytes(file, bytes);
}

/** Decodes policy bytes already read (the `diff` and `impact` commands read them from git). */
export function policySourceFromBytes(file: string, bytes: Uint8Array): SourceResult {
  if (bytes.byteLength > MAX_POLICY_BYTES)
    return failed(file, 'FILE_TOO_LARGE', { size: bytes.byteLength, limit: MAX_POLICY_BYTES });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return failed(file, 'FILE_NOT_UTF8');
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { source: { file, text, sha256 }, problems: [] };
}

type SourceResult = { source: PolicySource | null; problems: Problem[] };

function failed(
  file: string,
  code: PolicyErrorCode,
  params: Record<string, string | number> = {},
): SourceResult {
  return {
    source: null,
    problems: [
      { file, line: 1, column: 1, path: '', code, severity: 'error', message: messageOf(code, params) },
    ],
  };
}
