import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Evaluation } from '../evaluate.ts';

/** The files `evaluate` writes into its output folder, results.json last. */
export const RESULT_FILES = ['explanations.json', 'policy.json', 'rejected.json', 'results.json'] as const;

/** The bytes of each result file: JSON, two-space indented, newline-terminated; deterministic. */
export function serializeEvaluation(evaluation: Evaluation): Map<(typeof RESULT_FILES)[number], string> {
  const rejected = {
    scorebook: 1,
    period: evaluation.results.period.id,
    total: evaluation.rejected.length,
    rows: evaluation.rejected,
  };
  return new Map([
    ['explanations.json', `${JSON.stringify(evaluation.explanations, null, 2)}\n`],
    ['policy.json', `${JSON.stringify(evaluation.policySnapshot, null, 2)}\n`],
    ['rejected.json', `${JSON.stringify(rejected, null, 2)}\n`],
    ['results.json', `${JSON.stringify(evaluation.results, null, 2)}\n`],
  ]);
}

/**
 * Writes an evaluation into `outDir`: each file to a temporary name first, then renamed into
 * place, results.json last, so a reader never sees a half-written file.
 */
export function writeEvaluation(outDir: string, evaluation: Evaluation): string[] {
  mkdirSync(outDir, { recursive: true });
  const written: string[] = [];
  const temporary: string[] = [];
  try {
    const files = serializeEvaluation(evaluation);
    for (const [name, text] of files) {
      const tmp = join(outDir, `.${name}.${process.pid}.tmp`);
      writeFileSync(tmp, text);
      temporary.push(tmp);
    }
    for (const name of RESULT_FILES) {
      renameSync(join(outDir, `.${name}.${process.pid}.tmp`), join(outDir, name));
      written.push(join(outDir, name));
    }
  } finally {
    for (const tmp of temporary) rmSync(tmp, { force: true });
  }
  return written;
}
