import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { Manifest } from '@scorebook/contract';
import { EvaluationError, evaluate, RESULT_FILES, serializeEvaluation } from '@scorebook/engine';
import { fileAt } from './git.ts';
import { baseDir } from './paths.ts';
import { publishedPeriods } from './publish.ts';

/** How a published period stands when recomputed. */
export type VerifyStatus = 'ok' | 'differs' | 'input_missing' | 'policy_missing';

/** One row of `verify --all`. */
export interface VerifyRow {
  period: string;
  status: VerifyStatus;
  /** The result files that differ, or what is missing. */
  detail: string;
}

/**
 * Re-verifies every published period against its recorded policy and inputs: the policy version
 * file as recorded (read from git at its recorded commit when the working tree has changed it),
 * the data folder recorded, recomputed and compared byte for byte with the published files.
 */
export async function verifyPublished(resultsRoot: string, cwd = process.cwd()): Promise<VerifyRow[]> {
  const base = baseDir(cwd);
  const rows: VerifyRow[] = [];
  for (const period of publishedPeriods(resolve(cwd, resultsRoot))) {
    const dir = resolve(cwd, resultsRoot, period);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    rows.push(await verifyOne(period, dir, manifest, base));
  }
  return rows;
}

async function verifyOne(period: string, dir: string, manifest: Manifest, base: string): Promise<VerifyRow> {
  const dataDir = resolve(base, manifest.data_dir);
  if (!existsSync(dataDir)) return { period, status: 'input_missing', detail: manifest.data_dir };
  const policyFile = resolve(base, manifest.policy.file);
  let policiesDir = dirname(policyFile);
  let temporary: string | null = null;
  const current = existsSync(policyFile) ? sha256(readFileSync(policyFile)) : null;
  if (current !== manifest.policy.sha256) {
    const recordedBytes = manifest.policy.git_commit ? fileAt(policyFile, manifest.policy.git_commit) : null;
    if (recordedBytes === null || sha256(recordedBytes) !== manifest.policy.sha256) {
      return {
        period,
        status: 'policy_missing',
        detail: `${manifest.policy.file} @ ${manifest.policy.sha256.slice(0, 12)}`,
      };
    }
    temporary = mkdtempSync(join(tmpdir(), 'scorebook-verify-'));
    policiesDir = join(temporary, manifest.policy.id);
    mkdirSync(policiesDir);
    writeFileSync(join(policiesDir, basename(policyFile)), recordedBytes);
  }
  try {
    const evaluation = await evaluate({ policiesDir, dataDir, period });
    const fresh = serializeEvaluation(evaluation);
    const differing = RESULT_FILES.filter(
      (name) => !existsSync(join(dir, name)) || readFileSync(join(dir, name), 'utf8') !== fresh.get(name),
    );
    return differing.length === 0
      ? { period, status: 'ok', detail: '' }
      : { period, status: 'differs', detail: differing.join(', ') };
  } catch (error) {
    if (error instanceof EvaluationError)
      return { period, status: 'input_missing', detail: error.problems.map((p) => p.code).join(', ') };
    throw error;
  } finally {
    if (temporary !== null) rmSync(temporary, { recursive: true, force: true });
  }
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
