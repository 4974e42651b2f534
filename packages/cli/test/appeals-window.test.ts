import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Manifest } from '@scorebook/contract';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

const golden = fileURLToPath(new URL('../../engine/test/fixtures/golden/', import.meta.url));
const home = process.cwd();
let repo: string;

const git = (...args: string[]) =>
  execFileSync('git', ['-c', 'user.email=t@scorebook.dev', '-c', 'user.name=T', ...args], {
    cwd: repo,
  }).toString();
const SOURCE = ['--policies', 'configs/policies/ecommerce-cs', '--data', 'data/sample'];
const publish = (...extra: string[]) =>
  runCli('publish', '--period', '2026-10', ...SOURCE, '--quiet', ...extra);

// Filed on 2026-12-01: after 2026-10's end + 30 days, within 30 days of its first publication (now).
const APPEAL = `scorebook: 1
kind: appeal
agent: a001
filed_at: 2026-12-01T10:00:00+08:00
disputes: { record: qa_reviews/q00007 }
claim: 这次质检不是我的会话
decision: { outcome: upheld, decided_by: 质检主管, decided_at: 2026-12-01, reason: 复核属实 }
`;

beforeAll(async () => {
  repo = mkdtempSync(join(tmpdir(), 'scorebook-cli-window-'));
  mkdirSync(join(repo, 'configs/policies'), { recursive: true });
  cpSync(join(golden, 'policies/ecommerce-cs'), join(repo, 'configs/policies/ecommerce-cs'), {
    recursive: true,
  });
  cpSync(join(golden, 'data'), join(repo, 'data/sample'), { recursive: true });
  mkdirSync(join(repo, 'configs/appeals/2026-10'), { recursive: true });
  mkdirSync(join(repo, 'configs/no-appeals'), { recursive: true });
  writeFileSync(join(repo, 'configs/no-appeals/README'), 'no appeals here\n');
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'policy and data');
  process.chdir(repo);
  expect((await publish()).code).toBe(0);
  git('add', '-A');
  git('commit', '-q', '-m', 'publish 2026-10');
  writeFileSync('configs/appeals/2026-10/ap-late.yaml', APPEAL);
  git('add', '-A');
  git('commit', '-q', '-m', 'appeal ap-late');
  expect((await publish('--supersede')).code).toBe(0);
  git('add', '-A');
  git('commit', '-q', '-m', 'publish 2026-10 again');
}, 120_000);

afterAll(() => process.chdir(home));

describe('verify of one period', { timeout: 60_000 }, () => {
  it('counts appeal windows from the times the manifest records, as verify --all does', async () => {
    const one = await runCli(
      'verify',
      ...SOURCE,
      '--results',
      'data/results/2026-10',
      '--quiet',
      '--lang',
      'en',
    );
    expect([one.code, one.stdout.trim().split('\n').at(-1)]).toEqual([
      0,
      '✓ Period 2026-10 verified: the recomputed results are byte-identical.',
    ]);
    // evaluate of the published period counts from its first publication too, and says so
    // (trial 16 finding 2): the appeal is taken, the results are the publication's.
    const preview = await runCli(
      'evaluate',
      '--period',
      '2026-10',
      ...SOURCE,
      '--out',
      join(repo, 'preview'),
    );
    expect(preview.code).toBe(0);
    expect(preview.stderr).not.toContain('超过了申诉期限');
    const first = (JSON.parse(readFileSync('data/results/2026-10/manifest.json', 'utf8')) as Manifest)
      .appeals_window_from?.['2026-10'];
    expect(preview.stderr).toContain(
      `  申诉期限:从 2026-10 首次发布(${first?.slice(0, 10)})的次日起算,与 publish 和 verify 相同(--results 中的发布)。`,
    );
    expect(readFileSync(join(repo, 'preview/results.json'))).toEqual(
      readFileSync('data/results/2026-10/results.json'),
    );
    // Without the publication (another results folder): from the period's end, the appeal late,
    // and a line saying that publish counts from the first publication.
    mkdirSync('data/elsewhere', { recursive: true });
    const unpublished = await runCli(
      'evaluate',
      '--period',
      '2026-10',
      ...SOURCE,
      '--results',
      'data/elsewhere',
      '--out',
      join(repo, 'preview-unpublished'),
      '--lang',
      'en',
    );
    expect(unpublished.stderr).toContain('after the deadline 2026-11-30 (30 days after the period)');
    expect(unpublished.stderr).toContain(
      "⚠ 2026-10 is not published (no publication of it in --results), so this run counts appeal windows from the period's end; publish counts them from the day after the first publication (a first publish: the day it runs), and takes the appeals refused above as late that fall within that window.",
    );
  });

  it('says first that the appeals are not the publication’s, and which folder it read (trial 7 M3)', async () => {
    const verify = (...extra: string[]) =>
      runCli('verify', ...SOURCE, '--results', 'data/results/2026-10', '--quiet', '--lang', 'en', ...extra);
    const other = await verify('--appeals', 'configs/no-appeals');
    expect(other.code).toBe(1);
    expect(other.stdout.split('\n')[0]).toMatch(
      /^✗ The appeal files are not the publication's: \S*ap-late\.yaml [0-9a-f]{12} when published, \(none\) now, so the differences below come from appeals\. The publication used --appeals configs\/appeals: verify again with it/,
    );
    // The same folder, its file changed after publication: no other folder to name.
    const file = 'configs/appeals/2026-10/ap-late.yaml';
    writeFileSync(file, APPEAL.replace('复核属实', '复核属实。'));
    try {
      const changed = await verify();
      expect(changed.code).toBe(1);
      expect(changed.stdout.split('\n')[0]).toMatch(
        /^✗ The appeal files are not the publication's: \S*ap-late\.yaml ([0-9a-f]{12}) when published, \S*ap-late\.yaml (?!\1)[0-9a-f]{12} now, .* the appeal files changed after publication\. Restore the published ones/,
      );
    } finally {
      writeFileSync(file, APPEAL);
    }
    expect((await verify()).stdout).not.toContain('appeal files are not');
  });
});

describe('a publish refused after breaking a stale lock and tidying up', { timeout: 60_000 }, () => {
  it('says what it did before the refusal (trial 16 finding 5)', async () => {
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    const lock = join(repo, 'data/results/.2026-10.lock');
    writeFileSync(
      lock,
      JSON.stringify({ pid: Number(dead.stdout), host: hostname(), started_at: '2026-11-01T00:00:00Z' }),
    );
    // What a publish killed while it wrote leaves: a staging folder beside the period.
    mkdirSync(join(repo, 'data/results/.2026-10.staging-999-abc'), { recursive: true });
    // Nothing decided since the publication in force: refused.
    const refused = await publish('--supersede', '--reason', '再发布一次', '--break-stale-lock');
    refused.stderr = refused.stderr.replace(/已 \d+ 秒/, '已 0 秒');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('SUPERSEDE_UNCHANGED');
    expect(refused.stderr.split('\n')[0]).toBe(
      `  已收回一个失效的锁(--break-stale-lock):${lock}(主机 ${hostname()} 上的进程 ${dead.stdout},自 2026-11-01T00:00:00Z 起,已 0 秒)。`,
    );
    expect(existsSync(lock)).toBe(false);
    expect(existsSync(join(repo, 'data/results/.2026-10.staging-999-abc'))).toBe(false);
  });
});

describe('verify of one period, without --appeals', { timeout: 120_000 }, () => {
  it('reads the appeals folder the publication recorded (trial 10 finding 1)', async () => {
    mkdirSync('configs/team-appeals/2026-10', { recursive: true });
    writeFileSync('configs/team-appeals/2026-10/ap-late.yaml', APPEAL);
    git('add', '-A');
    git('commit', '-q', '-m', 'a team appeals folder');
    const published = await publish('--results', 'data/team-results', '--appeals', 'configs/team-appeals');
    expect(published.code).toBe(0);
    git('add', '-A');
    git('commit', '-q', '-m', 'publish the team 2026-10');
    const verify = (...extra: string[]) =>
      runCli(
        'verify',
        ...SOURCE,
        '--results',
        'data/team-results/2026-10',
        '--quiet',
        '--lang',
        'en',
        ...extra,
      );
    const one = await verify();
    expect([one.code, one.stdout.split('\n')[0], one.stdout.trim().split('\n').at(-1)]).toEqual([
      0,
      'The appeals folder is the one the publication recorded: --appeals configs/team-appeals (give --appeals to read another).',
      '✓ Period 2026-10 verified: the recomputed results are byte-identical.',
    ]);
    // Another folder given is read, and said to differ from the publication's.
    const other = await verify('--appeals', 'configs/no-appeals');
    expect(other.code).toBe(1);
    expect(other.stdout.split('\n')[0]).toContain('The publication used --appeals configs/team-appeals');
  });
});

describe('--appeals', { timeout: 60_000 }, () => {
  it('that does not exist, or is a file, is a usage error naming the path, for every command taking it', async () => {
    const commands: string[][] = [
      ['publish', '--period', '2026-10', ...SOURCE, '--supersede', '--reason', 'x'],
      ['evaluate', '--period', '2026-10', ...SOURCE],
      ['verify', ...SOURCE, '--results', 'data/results/2026-10'],
      ['impact', '--base', 'HEAD', '--period', '2026-10', ...SOURCE],
      ['suggest-targets', ...SOURCE],
    ];
    for (const command of commands) {
      const missing = await runCli(...command, '--appeals', 'configs/appeal', '--lang', 'en');
      expect([command[0], missing.code, missing.stderr.split('\n')[0]]).toEqual([
        command[0],
        2,
        "--appeals configs/appeal does not exist: it takes the appeals folder (default configs/appeals), whose <period>/*.yaml are each period's appeals. Check the path; point it at an empty folder when there are none.",
      ]);
    }
    const file = await runCli('evaluate', '--period', '2026-10', ...SOURCE, '--appeals', APPEAL_FILE);
    expect([file.code, file.stderr.split('\n')[0]]).toEqual([
      2,
      `--appeals ${APPEAL_FILE} 不是文件夹:它应为申诉文件夹(默认 configs/appeals),其中的 <期间>/*.yaml 是各期间的申诉。请检查路径;没有申诉时指向一个空文件夹。`,
    ]);
  });

  it('a supersede that no longer reads appeals the publication in force read names them', async () => {
    const r = await publish(
      '--supersede',
      '--reason',
      'x',
      '--appeals',
      'configs/no-appeals',
      '--lang',
      'en',
    );
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n')).toEqual([
      '· APPEALS_NO_LONGER_APPLIED: The 2026-10 publication this one superseded read the appeals 2026-10/ap-late; the new one did not find those files (not in the appeals folder configs/no-appeals), so their decisions no longer apply. Unless these decisions were meant to be withdrawn, check --appeals and publish again with --supersede.',
    ]);
  });
});

const APPEAL_FILE = 'configs/appeals/2026-10/ap-late.yaml';
