import * as engine from '@scorebook/engine';
import { ScorebookError } from '@scorebook/problems';
import { describe, expect, it, vi } from 'vitest';
import { verifyPublished } from '../src/index.ts';
import { git, makeRepo, publish, stopOf } from './repo.ts';

// The race between O_EXCL's EEXIST and the read of the holder, played by the engine's lock
// functions: the lock another publish held is gone when it is read.
vi.mock('@scorebook/engine', async (original) => {
  const actual = await original<typeof engine>();
  return { ...actual, lockDirectory: vi.fn(actual.lockDirectory), lockStateOf: vi.fn(actual.lockStateOf) };
});
const gone = () => {
  throw new ScorebookError('busy', [
    {
      code: 'OUTPUT_BUSY',
      severity: 'error',
      file: null,
      line: null,
      column: null,
      message: { zh: '锁文件是空的', en: 'the lock file is empty' },
    },
  ]);
};

describe('a lock that vanished before its holder was read', { timeout: 120_000 }, () => {
  it('is taken on a second try by publish; gone twice, publish stops saying it vanished', async () => {
    const repo = makeRepo();
    vi.mocked(engine.lockDirectory).mockImplementationOnce(gone);
    const published = await publish(repo, '2026-10');
    expect(published.manifest.period).toBe('2026-10');
    vi.mocked(engine.lockDirectory).mockImplementationOnce(gone).mockImplementationOnce(gone);
    const stop = await stopOf(() => publish(repo, '2026-11'));
    expect([stop.kind, stop.problems.map((p) => p.code)]).toEqual(['busy', ['PUBLISH_LOCK_VANISHED']]);
    expect(stop.problems[0]?.message.en).toMatch(/^The lock .*\.2026-11\.lock of 2026-11 vanished twice/);
  });

  it('is no warning of verify --all: the publish it guarded has ended', async () => {
    const repo = makeRepo();
    await publish(repo, '2026-10');
    git(repo, 'add', '-A');
    git(repo, 'commit', '-q', '-m', 'publish 2026-10');
    vi.mocked(engine.lockStateOf).mockImplementation((dir) => ({
      file: `${dir}.gone.lock`,
      holder: { zh: '锁文件是空的', en: 'the lock file is empty' },
      stale: false,
    }));
    try {
      const rows = await verifyPublished('data/results', { cwd: repo });
      expect(rows.map((r) => [r.period, r.status, r.problems.map((p) => p.code)])).toEqual([
        ['2026-10', 'ok', []],
      ]);
    } finally {
      vi.mocked(engine.lockStateOf).mockReset();
    }
  });
});
