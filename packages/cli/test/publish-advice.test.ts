import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const golden = fileURLToPath(new URL('../../engine/test/fixtures/golden/', import.meta.url));
const home = process.cwd();
let repo: string;
let outside: string;

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@scorebook.dev', '-c', 'user.name=T', ...args], { cwd: repo });
const publish = (period: string, data: string, results: string, ...extra: string[]) =>
  runCli(
    'publish',
    '--period',
    period,
    '--policies',
    'configs/policies/ecommerce-cs',
    '--data',
    data,
    '--results',
    results,
    ...extra,
  );
const lastLines = (text: string, n: number) => text.trimEnd().split('\n').slice(-n);

// The README's walkthrough: own exports and results under exports/, which .gitignore keeps out.
beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'scorebook-cli-advice-'));
  outside = mkdtempSync(join(tmpdir(), 'scorebook-cli-outside-'));
  mkdirSync(join(repo, 'configs/policies'), { recursive: true });
  cpSync(join(golden, 'policies/ecommerce-cs'), join(repo, 'configs/policies/ecommerce-cs'), {
    recursive: true,
  });
  cpSync(join(golden, 'data'), join(repo, 'data/sample'), { recursive: true });
  cpSync(join(golden, 'data'), join(repo, 'exports/data'), { recursive: true });
  cpSync(join(golden, 'data'), outside, { recursive: true });
  writeFileSync(join(repo, '.gitignore'), '# own exports\n/exports/\n');
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'policy and data');
  process.chdir(repo);
});

afterAll(() => process.chdir(home));

describe('what publish says to do next', { timeout: 60_000 }, () => {
  it('says that git ignores the results folder and the data folder, and what to do instead of git add', async () => {
    const r = await publish('2026-10', 'exports/data', 'exports/results', '--lang', 'en');
    expect(r.code).toBe(0);
    expect(lastLines(r.stderr, 2)).toEqual([
      `  Closed. But git ignores ${join(repo, 'exports/results/2026-10')} (rule .gitignore:2:/exports/): git add will not take it, so a fresh clone has neither this publication nor a way to verify it. To commit it, remove that rule (or git add -f ${join(repo, 'exports/results/2026-10')}), then commit; to keep it out of git (a trial on this machine), keep the folder safe yourself.`,
      '  Note: the data folder exports/data is ignored by git (rule .gitignore:2:/exports/). verify reads it again, as the manifest records; once it is corrected, moved or removed, this publication can no longer be verified. Keep it unchanged, and publish with --archive .scorebook/archive from now on (it keeps the input files by sha256, outside git; verify --all reads it by default). This period, published, is archived only by its next publish --supersede.',
    ]);
  });

  it('hints --archive for a data folder outside the repository, in Chinese by default', async () => {
    const r = await publish('2026-11', outside, 'data/results');
    expect(r.code).toBe(0);
    const [closed, note] = lastLines(r.stderr, 2);
    expect(closed).toBe(
      `  已关闭:${join(repo, 'data/results/2026-11')}。请提交到 git:git add data/results && git commit -m "publish 2026-11"`,
    );
    expect(note).toMatch(/^ {2}注意:数据目录 \S+ 不在 git 仓库中。verify 按 manifest 重新读取它/);
    expect(note).toContain('--archive .scorebook/archive');
  });

  it('says nothing of the data once it is archived, nor of data git keeps', async () => {
    // December of the golden data has no agent with the 30 conversations eligibility asks for.
    const archived = await publish(
      '2026-12',
      outside,
      'data/results',
      '--archive',
      '.scorebook/archive',
      '--allow-none-rated',
      // December ends on 2027-01-01.
      '--allow-open-period',
      // Its conversations and messages stop on 2026-12-05.
      '--allow-partial-data',
    );
    expect(lastLines(archived.stderr, 1)).toEqual([
      `  已关闭:${join(repo, 'data/results/2026-12')}。请提交到 git:git add data/results && git commit -m "publish 2026-12"`,
    ]);
    const kept = await publish('2026-10', 'data/sample', 'data/results', '--lang', 'en');
    expect(lastLines(kept.stderr, 1)).toEqual([
      `  Closed: ${join(repo, 'data/results/2026-10')}. Commit it to git: git add data/results && git commit -m "publish 2026-10"`,
    ]);
  });
});
