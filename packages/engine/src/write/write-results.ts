import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Evaluation } from '../evaluate.ts';
import { jsonBytes, jsonChunks, type ResultBytes } from './result-bytes.ts';
import { type BrokenLock, lockDirectory, recoverDirectory, replaceDirectory } from './staged-directory.ts';
import { writeStop } from './write-errors.ts';

/** The files `evaluate` writes into its output folder. */
export const RESULT_FILES = ['explanations.json', 'policy.json', 'rejected.json', 'results.json'] as const;

/**
 * The bytes of each result file: JSON, two-space indented, newline-terminated; deterministic.
 * Each is `JSON.stringify(value, null, 2)` and a newline, encoded piece by piece ({@link jsonBytes}):
 * a large month's explanations are longer than one string can be.
 */
export function serializeEvaluation(evaluation: Evaluation): Map<(typeof RESULT_FILES)[number], ResultBytes> {
  return new Map([...resultValues(evaluation)].map(([name, value]) => [name, jsonBytes(value)]));
}

/** What each result file holds, as a JSON value, in {@link RESULT_FILES} order. */
function resultValues(evaluation: Evaluation): Map<(typeof RESULT_FILES)[number], unknown> {
  const rejected = {
    scorebook: 1,
    period: evaluation.results.period.id,
    total: evaluation.rejected.length,
    rows: evaluation.rejected,
  };
  return new Map<(typeof RESULT_FILES)[number], unknown>([
    ['explanations.json', evaluation.explanations],
    ['policy.json', evaluation.policySnapshot],
    ['rejected.json', rejected],
    ['results.json', evaluation.results],
  ]);
}

/** Options of {@link writeEvaluation}. */
export interface WriteOptions {
  /** Break a stale lock of the folder instead of stopping (`--break-stale-lock`; see `lockDirectory`). */
  breakStaleLock?: boolean;
}

/** What {@link writeEvaluation} wrote. */
export interface WrittenEvaluation {
  /** The paths written. */
  files: string[];
  /** The stale lock broken to write them, or null. */
  brokenLock: BrokenLock | null;
}

/**
 * Writes an evaluation as the folder `outDir`, all at once: under the folder's lock
 * (`.<name>.lock` beside it; a second writer stops with kind `busy`), the three files are written
 * into a staging folder beside it and swapped in (see `replaceDirectory`), so that a reader or a
 * crash sees the previous results or the new ones, never files of two runs. Refuses (kind
 * `refused`) a folder holding anything but result files, and a published period (manifest.json).
 */
export function writeEvaluation(
  outDir: string,
  evaluation: Evaluation,
  options: WriteOptions = {},
): WrittenEvaluation {
  const target = resolve(outDir);
  const lock = lockDirectory(target, { breakStale: options.breakStaleLock === true });
  try {
    recoverDirectory(target);
    refuseForeignContent(target);
    // Each file is encoded as it is written: one chunk of it in memory at a time.
    replaceDirectory(target, (staged) => {
      for (const [name, value] of resultValues(evaluation)) staged.write(name, jsonChunks(value));
    });
  } finally {
    lock.release();
  }
  return { files: RESULT_FILES.map((name) => join(outDir, name)), brokenLock: lock.broken };
}

function refuseForeignContent(target: string): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) throw writeStop('input', 'OUTPUT_NOT_A_FOLDER', target, { target });
  const entries = readdirSync(target);
  if (entries.includes('manifest.json'))
    throw writeStop('refused', 'OUTPUT_IS_PUBLICATION', target, { target });
  const foreign = entries.filter((e) => !(RESULT_FILES as readonly string[]).includes(e)).sort();
  if (foreign.length > 0)
    throw writeStop('refused', 'OUTPUT_HOLDS_OTHER_FILES', target, {
      target,
      names: foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? ', …' : ''),
    });
}
