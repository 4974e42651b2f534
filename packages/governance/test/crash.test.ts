// Crash-point tests: publish runs in a child process that kills itself (SIGKILL) at a named point
// — each file written (half-way through), each rename — and what is left must be the earlier
// publication or the new one, whole, with verify --all still answering for every period.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { lockFileOf } from '@scorebook/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPublished } from '../src/index.ts';
import { commitAppeal, git, isWhole, makeRepo, publish, publishInChild } from './repo.ts';

const FIRST = [
  'write:explanations.json',
  'write:policy.json',
  'write:rejected.json',
  'write:results.json',
  'write:manifest.json',
  'rename:commit',
];
const SUPERSEDE = [
  'write:superseded/1/policy.json',
  'write:superseded/1/results.json',
  'write:superseded/1/manifest.json',
  'write:results.json',
  'write:manifest.json',
  'rename:aside',
  'rename:commit',
  'remove:replaced',
];

let repo: string;
let november: string;

beforeAll(() => {
  repo = makeRepo();
  expect(publishInChild(repo, '2026-11').status).toBe(0);
  git(repo, 'add', '-A');
  git(repo, 'commit', '-q', '-m', 'publish 2026-11');
  november = readFileSync(join(repo, 'data/results/2026-11/manifest.json'), 'utf8');
  // What each supersede below publishes: a decision taken after the publication.
  commitAppeal(repo, '2026-11', 'ap-1', 'a001', 'q00013');
});

const results = () => join(repo, 'data/results');
const leftovers = () => readdirSync(results()).filter((e) => e.startsWith('.'));

function takeAwayLock(period: string): void {
  unlinkSync(lockFileOf(join(results(), period)));
}

describe('a publish killed at every point', () => {
  for (const point of FIRST) {
    it(`first publish, killed at ${point}: the period stays unpublished and verify --all works`, async () => {
      expect(publishInChild(repo, '2026-10', { crashAt: point }).status).toBeNull();
      expect(existsSync(join(results(), '2026-10'))).toBe(false);
      const rows = await verifyPublished('data/results', { cwd: repo });
      // Nothing of 2026-10 was published; the killed publish's staging folder, if it made one, and
      // its lock are named, with how to remove them, and that nothing is published (trial 16).
      const staging = leftovers().filter((e) => e.startsWith('.2026-10.staging-'));
      expect(rows.map((r) => [r.period, r.publication, r.status, r.problems.map((p) => p.code)])).toEqual([
        ['2026-10', null, 'interrupted', [...staging.map(() => 'PUBLISH_LEFTOVER'), 'PUBLISH_LOCK_STALE']],
        ['2026-11', null, 'ok', []],
      ]);
      const lockMessage = rows[0]?.problems.find((p) => p.code === 'PUBLISH_LOCK_STALE')?.message.en;
      expect(lockMessage).toContain(`rm ${lockFileOf(join(results(), '2026-10'))}`);
      expect(lockMessage).toContain('nothing of 2026-10 is published');
      for (const p of rows[0]?.problems.filter((p) => p.code === 'PUBLISH_LEFTOVER') ?? [])
        expect(p.message.en).toContain('nothing of 2026-10 is published, and this is no publication');
      const busy = publishInChild(repo, '2026-10');
      expect(busy.status).toBe(1);
      expect(busy.stderr).toContain('OUTPUT_LOCK_STALE');
      takeAwayLock('2026-10');
      expect(publishInChild(repo, '2026-10').status).toBe(0);
      expect(isWhole(join(results(), '2026-10'))).toBe(true);
      expect(leftovers()).toEqual([]);
      rmSync(join(results(), '2026-10'), { recursive: true });
    });
  }

  for (const point of SUPERSEDE) {
    it(`supersede, killed at ${point}: the earlier publication or the new, whole`, async () => {
      const dir = join(results(), '2026-11');
      expect(
        publishInChild(repo, '2026-11', {
          reason: 'corrected',
          crashAt: point,
          appealsDir: 'configs/appeals',
        }).status,
      ).toBeNull();
      const rows = await verifyPublished('data/results', { cwd: repo });
      if (point === 'rename:commit') {
        // Between the two renames: the earlier publication waits, whole, beside its place.
        expect(existsSync(dir)).toBe(false);
        const aside = leftovers().find((e) => e.startsWith('.2026-11.replaced-'))!;
        expect(readFileSync(join(results(), aside, 'manifest.json'), 'utf8')).toBe(november);
        expect(rows.map((r) => [r.period, r.status, r.problems.map((p) => p.code)])).toEqual([
          ['2026-11', 'interrupted', ['PUBLISH_INTERRUPTED', 'PUBLISH_LOCK_STALE']],
        ]);
        expect(rows[0]?.problems[0]?.message.en).toContain(`mv ${join(results(), aside)} ${dir}`);
      } else if (point === 'remove:replaced') {
        expect(isWhole(dir) && isWhole(join(dir, 'superseded/1'))).toBe(true);
        expect(readFileSync(join(dir, 'superseded/1/manifest.json'), 'utf8')).toBe(november);
        expect(rows.map((r) => [r.publication, r.status])).toEqual([
          ['superseded/1', 'ok'],
          [null, 'ok'],
        ]);
      } else {
        expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(november);
        expect(isWhole(dir)).toBe(true);
        expect(rows.map((r) => [r.period, r.publication, r.status])).toEqual([['2026-11', null, 'ok']]);
      }
      const codes = rows.at(-1)?.problems.map((p) => p.code) ?? [];
      expect(codes).toContain('PUBLISH_LOCK_STALE');
      // A staging folder the killed publish left is named beside the lock on a row that verifies.
      const staging = leftovers().some((e) => e.startsWith('.2026-11.staging-'));
      if (rows.at(-1)?.status === 'ok') expect(codes.includes('PUBLISH_LEFTOVER')).toBe(staging);
      takeAwayLock('2026-11');
      // The next publish tidies up first: the earlier publication is back in place (or the new one
      // stays), so a plain publish is refused rather than taken as a first one.
      const plain = publishInChild(repo, '2026-11');
      expect(plain.status).toBe(1);
      expect(plain.stderr).toContain('PERIOD_CLOSED');
      expect(leftovers()).toEqual([]);
      git(repo, 'checkout', '-q', '--', 'data/results');
      git(repo, 'clean', '-fdq', 'data/results');
      expect(readFileSync(join(dir, 'manifest.json'), 'utf8')).toBe(november);
    });
  }
});

describe('a lock a killed publish left, broken with breakStaleLock', () => {
  it('is taken over: the period is published, the command records --break-stale-lock, verify --all accepts it', async () => {
    const own = makeRepo();
    const root = join(own, 'data/results');
    expect(publishInChild(own, '2026-10', { crashAt: 'write:results.json' }).status).toBeNull();
    const lock = lockFileOf(join(root, '2026-10'));
    expect(existsSync(lock)).toBe(true);
    expect(publishInChild(own, '2026-10').stderr).toContain('--break-stale-lock');
    expect(publishInChild(own, '2026-10', { breakStaleLock: true }).status).toBe(0);
    expect(isWhole(join(root, '2026-10'))).toBe(true);
    // The broken lock moved aside, the staging folder of the killed publish and the new lock: all gone.
    expect(readdirSync(root)).toEqual(['2026-10']);
    const manifest = JSON.parse(readFileSync(join(root, '2026-10/manifest.json'), 'utf8'));
    expect(manifest.command).toMatch(/ --break-stale-lock$/);
    git(own, 'add', '-A');
    git(own, 'commit', '-q', '-m', 'publish 2026-10');
    const rows = await verifyPublished('data/results', { cwd: own });
    expect(rows.map((r) => [r.period, r.status, r.problems.map((p) => p.code)])).toEqual([
      ['2026-10', 'ok', []],
    ]);

    // In this process: the broken lock is in the publication; with no lock to break, nothing is recorded.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(
      lockFileOf(join(root, '2026-11')),
      JSON.stringify({ pid: Number(dead.stdout), host: hostname(), started_at: '2026-12-01T00:00:00Z' }),
    );
    const broken = await publish(own, '2026-11', { breakStaleLock: true });
    expect(broken.brokenLock?.file).toBe(lockFileOf(join(root, '2026-11')));
    expect(broken.brokenLock?.holder.en).toMatch(
      new RegExp(`^pid ${dead.stdout} on .* since 2026-12-01T00:00:00Z, \\d+ s ago$`),
    );
    expect(broken.manifest.command).toMatch(/ --break-stale-lock$/);
    git(own, 'add', '-A');
    git(own, 'commit', '-q', '-m', 'publish 2026-11');
    commitAppeal(own, '2026-11', 'ap-1', 'a001', 'q00013');
    const again = await publish(own, '2026-11', {
      breakStaleLock: true,
      supersede: { reason: 'appeal' },
      appealsDir: 'configs/appeals',
    });
    expect(again.brokenLock).toBeNull();
    expect(again.manifest.command).not.toContain('--break-stale-lock');
  });
});
