import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lockDirectory } from '@scorebook/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const golden = fileURLToPath(new URL('../../engine/test/fixtures/golden/', import.meta.url));
const policy = 'configs/policies/ecommerce-cs/2026-10-01.yaml';
const home = process.cwd();
let repo: string;

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@scorebook.dev', '-c', 'user.name=T', ...args], {
    cwd: repo,
  }).toString();
const publish = (...extra: string[]) =>
  runCli(
    'publish',
    '--period',
    '2026-10',
    '--policies',
    'configs/policies/ecommerce-cs',
    '--data',
    'data/sample',
    '--quiet',
    ...extra,
  );

beforeAll(() => {
  repo = mkdtempSync(join(tmpdir(), 'scorebook-cli-repo-'));
  mkdirSync(join(repo, 'configs/policies'), { recursive: true });
  cpSync(join(golden, 'policies/ecommerce-cs'), join(repo, 'configs/policies/ecommerce-cs'), {
    recursive: true,
  });
  cpSync(join(golden, 'data'), join(repo, 'data/sample'), { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'policy and data');
  process.chdir(repo);
});

afterAll(() => process.chdir(home));

describe('scorebook publish', { timeout: 60_000 }, () => {
  it('refuses a policy with uncommitted changes: exit 1, the file and how to commit it', async () => {
    const original = readFileSync(policy, 'utf8');
    writeFileSync(policy, original.replace('title: ', 'title: 改 '));
    const r = await publish('--lang', 'en');
    writeFileSync(policy, original);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`✗ ${join(repo, policy)} FILE_HAS_CHANGES\n`);
    expect(r.stderr).toContain(`Commit them first: git add ${policy} && git commit`);
  });

  it('publishes, then refuses the closed period, and a second process while one runs', async () => {
    expect((await publish()).code).toBe(0);
    const closed = await publish();
    expect([closed.code, closed.stderr.split('\n')[0]]).toEqual([
      1,
      `✗ ${join(repo, 'data/results/2026-10')} PERIOD_CLOSED`,
    ]);
    const lock = lockDirectory(join(repo, 'data/results/2026-10'));
    const busy = await publish('--supersede', '--reason', 'x');
    lock.release();
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain('OUTPUT_BUSY');
    git('add', '-A');
    git('commit', '-q', '-m', 'publish 2026-10');
  });

  it('keeps what an interrupted publish leaves out of git, through a .gitignore committed with the periods', () => {
    expect(readFileSync('data/results/.gitignore', 'utf8')).toBe(
      [
        '# Written by scorebook publish: what an interrupted publish leaves beside the periods (a lock,',
        '# a folder being written, the earlier publication set aside). The next publish tidies them up;',
        '# they are never committed. Commit this file with the periods.',
        '.*.lock',
        '.*.lock.*',
        '.*.staging-*',
        '.*.replaced-*',
        '',
      ].join('\n'),
    );
    expect(git('ls-files', 'data/results/.gitignore')).toBe('data/results/.gitignore\n');
    // What a publish of 2026-11 killed midway leaves.
    writeFileSync('data/results/.2026-11.lock', '{"pid":1}\n');
    writeFileSync('data/results/.2026-11.lock.broken-4242-0a1b2c3d', '{"pid":1}\n');
    mkdirSync('data/results/.2026-11.staging-4242-0a1b2c3d');
    writeFileSync('data/results/.2026-11.staging-4242-0a1b2c3d/results.json', '{}');
    mkdirSync('data/results/.2026-10.replaced-4242');
    writeFileSync('data/results/.2026-10.replaced-4242/results.json', '{}');
    const status = git('status', '--porcelain', '--untracked-files=all');
    rmSync('data/results/.2026-11.lock');
    rmSync('data/results/.2026-11.lock.broken-4242-0a1b2c3d');
    rmSync('data/results/.2026-11.staging-4242-0a1b2c3d', { recursive: true });
    rmSync('data/results/.2026-10.replaced-4242', { recursive: true });
    expect(status).toBe('');
  });
});

describe('scorebook verify --all', { timeout: 60_000 }, () => {
  it('names an input changed since publication, with both hashes, and exits 1', async () => {
    const file = 'data/sample/surveys.csv';
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, `${original}s9999,a001,2026-10-20T10:00:00+08:00,,5,\n`);
    const r = await runCli('verify', '--all', '--lang', 'en');
    writeFileSync(file, original);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /^2026-10 {4}input changed\n {4}✗ \S+surveys\.csv INPUT_CHANGED: The input file surveys\.csv changed since publication: recorded sha256 [0-9a-f]{12}, now [0-9a-f]{12}\.\n {4}· INPUT_CHANGE_EFFECT: /m,
    );
    const ok = await runCli('verify', '--all');
    expect([ok.code, ok.stdout.split('\n')[1]]).toEqual([0, '2026-10    通过(ok)']);
  });
});

describe('scorebook validate after a publication', { timeout: 60_000 }, () => {
  it('warns about a version file edited in place after it governed a published period', async () => {
    const original = readFileSync(policy, 'utf8');
    const clean = await runCli('validate', 'configs/policies/ecommerce-cs', '--results', 'data/results');
    writeFileSync(policy, original.replace('title: ', 'title: 改 '));
    const edited = await runCli(
      'validate',
      'configs/policies/ecommerce-cs',
      '--results',
      'data/results',
      '--format',
      'json',
    );
    writeFileSync(policy, original);
    expect(clean.code).toBe(0);
    expect(clean.stderr).not.toContain('POLICY_EDITED_AFTER_PUBLICATION');
    expect(edited.code).toBe(0);
    const problems = JSON.parse(edited.stdout) as Array<{
      code: string;
      severity: string;
      file: string;
      line: number;
      column: number;
    }>;
    // At the edit: the first `title: ` line, just after `title: `.
    const lines = original.split('\n');
    const line = lines.findIndex((l) => l.includes('title: ')) + 1;
    const column = (lines[line - 1] ?? '').indexOf('title: ') + 'title: '.length + 1;
    expect(line).toBeGreaterThan(1);
    expect(problems.map((p) => [p.code, p.severity, p.file, p.line, p.column])).toEqual([
      [
        'POLICY_EDITED_AFTER_PUBLICATION',
        'warning',
        join('configs/policies/ecommerce-cs', '2026-10-01.yaml'),
        line,
        column,
      ],
    ]);
  });
});

describe('scorebook impact and test', { timeout: 60_000 }, () => {
  it('impact of a new version file, as Markdown', async () => {
    writeFileSync(
      'configs/policies/ecommerce-cs/2026-12-01.yaml',
      readFileSync(policy, 'utf8')
        .replace('effective_from: 2026-10-01', 'effective_from: 2026-12-01')
        .replace('"2026.10"', '"2026.12"')
        .replace(
          '{ metric: fcr, weight: 20, target: 85%, floor: 60% }',
          '{ metric: fcr, weight: 20, target: 99%, floor: 90% }',
        ),
    );
    const r = await runCli(
      'impact',
      '--base',
      'main',
      '--policies',
      'configs/policies/ecommerce-cs',
      '--format',
      'markdown',
      '--lang',
      'en',
    );
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      '### added: `2026-12-01.yaml` — 2026.10 (2026-10-01.yaml, base) → 2026.12 (2026-12-01.yaml, working tree)',
    );
    expect(r.stdout).toMatch(/#### Agents whose total score changes \([1-9]\d*\)/);
  });

  it('test: a typo key fails with its place, and the last line counts', async () => {
    mkdirSync('configs/policies/ecommerce-cs/tests', { recursive: true });
    writeFileSync(
      'configs/policies/ecommerce-cs/tests/typo.yaml',
      'period: 2026-10\ntests:\n  - name: typo\n    data: ../../../../data/sample\n    expect:\n      - { agent: a001, grdae: C }\n',
    );
    const r = await runCli('test', 'configs/policies/ecommerce-cs', '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `    ${join('configs/policies/ecommerce-cs/tests/typo.yaml')}:6:24 UNKNOWN_KEY: Unknown key "grdae". Did you mean "grade"?\n`,
    );
    expect(r.stdout).toMatch(/\n0 passed, 1 failed\n$/);
  });
});

describe('scorebook evaluate writes a whole folder', { timeout: 60_000 }, () => {
  it('refuses a folder holding other files, and a published period', async () => {
    const args = [
      '--policies',
      'configs/policies/ecommerce-cs',
      '--data',
      'data/sample',
      '--period',
      '2026-10',
      '--quiet',
    ];
    const out = mkdtempSync(join(tmpdir(), 'scorebook-out-'));
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const foreign = await runCli('evaluate', ...args, '--out', out);
    expect([foreign.code, foreign.stderr.split('\n')[0]]).toEqual([1, `✗ ${out} OUTPUT_HOLDS_OTHER_FILES`]);
    const published = await runCli('evaluate', ...args, '--out', 'data/results/2026-10');
    expect(published.stderr).toContain('OUTPUT_IS_PUBLICATION');
  });
});

describe('scorebook publish --max-rejected', { timeout: 60_000 }, () => {
  it('publishes a period over the default limit, and verify of the one period re-evaluates with the recorded limit', async () => {
    const own = mkdtempSync(join(tmpdir(), 'scorebook-cli-rejected-'));
    const inOwn = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.email=t@scorebook.dev', '-c', 'user.name=T', ...args], { cwd: own });
    cpSync(join(golden, 'policies/ecommerce-cs'), join(own, 'configs/policies/ecommerce-cs'), {
      recursive: true,
    });
    cpSync(join(golden, 'data'), join(own, 'data/sample'), { recursive: true });
    // Five surveys rejected (csat 7) of 381: more than 1%.
    const surveys = join(own, 'data/sample/surveys.csv');
    const bad = [1, 2, 3, 4, 5].map((i) => `s90000${i},a001,,2026-10-0${i}T10:00:00+08:00,7,`);
    writeFileSync(surveys, `${readFileSync(surveys, 'utf8')}${bad.join('\n')}\n`);
    inOwn('init', '-q', '-b', 'main');
    inOwn('add', '-A');
    inOwn('commit', '-q', '-m', 'policy and data');
    process.chdir(own);
    try {
      const refused = await publish('--lang', 'en');
      expect([refused.code, refused.stderr.split('\n')[0]]).toEqual([
        1,
        '✗ surveys.csv TOO_MANY_REJECTED (surveys)',
      ]);
      const invalid = await publish('--max-rejected', 'many');
      expect(invalid.code).toBe(2);
      expect((await publish('--max-rejected', '2%')).code).toBe(0);
      const manifest = JSON.parse(readFileSync('data/results/2026-10/manifest.json', 'utf8'));
      expect([manifest.max_rejected, manifest.command.endsWith(' --max-rejected 2%')]).toEqual(['2%', true]);
      const verified = await runCli(
        'verify',
        '--policies',
        'configs/policies/ecommerce-cs',
        '--data',
        'data/sample',
        '--results',
        'data/results/2026-10',
        '--quiet',
      );
      expect([verified.code, verified.stdout.trim().split('\n').at(-1)]).toEqual([
        0,
        '✓ 期间 2026-10 已复核:重新计算的结果与记录逐字节一致。',
      ]);
      // Another policy's folder (another team's, say): one line, not a 'changed file' and its diff.
      cpSync('configs/policies/ecommerce-cs', 'configs/policies/other-team', { recursive: true });
      const other = await runCli(
        'verify',
        '--policies',
        'configs/policies/other-team',
        '--data',
        'data/sample',
        '--results',
        'data/results/2026-10',
        '--lang',
        'en',
      );
      expect([other.code, other.stderr.trim(), other.stdout]).toEqual([
        1,
        "✗ data/results/2026-10 holds the results of the policy ecommerce-cs; this verify gives the policy other-team (configs/policies/other-team): one policy's results cannot be verified with another's. Point --policies at ecommerce-cs's folder (its manifest or results.json records where its file is).",
        '',
      ]);
    } finally {
      process.chdir(repo);
    }
  });
});
