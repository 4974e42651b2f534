import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RESULT_FILES } from '@scorebook/engine';
import { ScorebookError } from '@scorebook/problems';
import { sha256 } from '../src/git.ts';
import { type PublishOptions, publishPeriod } from '../src/index.ts';

const golden = fileURLToPath(new URL('../../engine/test/fixtures/golden/', import.meta.url));
const index = new URL('../src/index.ts', import.meta.url).href;

/** The policy version file of the test repositories, relative to their top. */
export const POLICY = 'configs/policies/ecommerce-cs/2026-10-01.yaml';

/** A scratch git repository with the golden policy and data, committed on `main`. */
export function makeRepo(): string {
  const repo = mkdtempSync(join(tmpdir(), 'scorebook-repo-'));
  mkdirSync(join(repo, 'configs/policies'), { recursive: true });
  cpSync(join(golden, 'policies/ecommerce-cs'), join(repo, 'configs/policies/ecommerce-cs'), {
    recursive: true,
  });
  cpSync(join(golden, 'data'), join(repo, 'data/sample'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'policy and data');
  return repo;
}

/** Runs git in a repository, as a test user. */
export function git(repo: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.email=test@scorebook.dev', '-c', 'user.name=Test', ...args], {
    cwd: repo,
    encoding: 'utf8',
  }).trim();
}

/** Publishes a period of the repository in this process. */
export function publish(repo: string, period: string, extra: Partial<PublishOptions> = {}) {
  return publishPeriod({
    period,
    policiesDir: 'configs/policies/ecommerce-cs',
    dataDir: 'data/sample',
    resultsRoot: 'data/results',
    cwd: repo,
    ...extra,
  });
}

/**
 * Publishes in a child process (exit code, or null when it was killed); `crashAt` names the point
 * where it kills itself (see `crashPoint` in the engine).
 */
export function publishInChild(
  repo: string,
  period: string,
  options: { reason?: string; crashAt?: string } = {},
): { status: number | null; stderr: string } {
  const script = `
    const { publishPeriod } = await import(${JSON.stringify(index)});
    await publishPeriod({ period: ${JSON.stringify(period)}, policiesDir: 'configs/policies/ecommerce-cs',
      dataDir: 'data/sample', resultsRoot: 'data/results', cwd: ${JSON.stringify(repo)}
      ${options.reason ? `, supersede: { reason: ${JSON.stringify(options.reason)} }` : ''} });`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, SCOREBOOK_TEST_CRASH_AT: options.crashAt ?? '' },
    encoding: 'utf8',
  });
  return { status: child.signal === 'SIGKILL' ? null : child.status, stderr: child.stderr };
}

/** The error an action stops with. */
export async function stopOf(action: () => unknown): Promise<ScorebookError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ScorebookError) return error;
    throw error;
  }
  throw new Error('expected a ScorebookError');
}

/** Whether a publication folder is whole: a valid manifest whose recorded hashes match its files. */
export function isWhole(dir: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      files: Record<string, string>;
    };
    const names = Object.keys(manifest.files);
    return (
      names.length === RESULT_FILES.length &&
      names.every((n) => sha256(readFileSync(join(dir, n))) === manifest.files[n])
    );
  } catch {
    return false;
  }
}
