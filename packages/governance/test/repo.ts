import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

/**
 * Commits a decided appeal that removes one QA review (`configs/appeals/<period>/<id>.yaml`): the
 * real change a supersede needs, since one that would change nothing is refused.
 */
export function commitAppeal(repo: string, period: string, id: string, agent: string, review: string): void {
  const [year = 2026, month = 1] = period.split('-').map(Number);
  const next = `${month === 12 ? year + 1 : year}-${String((month % 12) + 1).padStart(2, '0')}`;
  mkdirSync(join(repo, 'configs/appeals', period), { recursive: true });
  writeFileSync(
    join(repo, 'configs/appeals', period, `${id}.yaml`),
    `scorebook: 1
kind: appeal
agent: ${agent}
filed_at: ${next}-03T10:00:00+08:00
disputes: { record: qa_reviews/${review} }
claim: 这次质检不是我的会话
decision: { outcome: upheld, decided_by: 质检主管, decided_at: ${next}-04, reason: 复核属实 }
`,
  );
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', `appeal ${id}`);
}

/** Appends a line to a data file of the repository and commits it (a corrected export). */
export function commitRow(repo: string, file: string, line: string): void {
  const path = join(repo, file);
  const text = readFileSync(path, 'utf8');
  writeFileSync(path, `${text.endsWith('\n') ? text : `${text}\n`}${line}\n`);
  git(repo, 'commit', '-q', '-am', `data: ${line}`);
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
  options: { reason?: string; crashAt?: string; appealsDir?: string; breakStaleLock?: boolean } = {},
): { status: number | null; stderr: string } {
  const script = `
    const { publishPeriod } = await import(${JSON.stringify(index)});
    await publishPeriod({ period: ${JSON.stringify(period)}, policiesDir: 'configs/policies/ecommerce-cs',
      dataDir: 'data/sample', resultsRoot: 'data/results', cwd: ${JSON.stringify(repo)}
      ${options.reason ? `, supersede: { reason: ${JSON.stringify(options.reason)} }` : ''}
      ${options.appealsDir ? `, appealsDir: ${JSON.stringify(options.appealsDir)}` : ''}
      ${options.breakStaleLock ? ', breakStaleLock: true' : ''} });`;
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
