import { spawnSync } from 'node:child_process';
import {
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stopOf } from '../../test/stopped.ts';
import { breakStaleLock, judgeLock, lockDirectory, lockFileOf } from './staged-directory.ts';

/** A pid that ran on this host and has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(child.stdout);
}

/** A folder `out` in a new temporary parent, with a lock file beside it holding `content`. */
function lockedBy(content: string, ageSeconds = 0): { parent: string; out: string; lock: string } {
  const parent = mkdtempSync(join(tmpdir(), 'scorebook-lock-'));
  const out = join(parent, 'out');
  const lock = lockFileOf(out);
  writeFileSync(lock, content);
  const at = new Date(Date.now() - ageSeconds * 1000);
  utimesSync(lock, at, at);
  return { parent, out, lock };
}

const holder = (pid: number, host = hostname()) =>
  JSON.stringify({ pid, host, started_at: '2026-11-01T00:00:00Z' });

describe('breaking a stale lock', () => {
  it('is refused without breakStale (OUTPUT_LOCK_STALE names the flag), and done with it', () => {
    const pid = deadPid();
    const { parent, out, lock } = lockedBy(holder(pid), 3 * 3600 + 5);
    const refused = stopOf(() => lockDirectory(out));
    expect([refused.kind, refused.problems[0]!.code]).toEqual(['busy', 'OUTPUT_LOCK_STALE']);
    expect(refused.problems[0]!.message.zh).toContain('加 --break-stale-lock 再运行一次即可收回这个锁');
    expect(refused.problems[0]!.message.en).toContain(
      'Run again with --break-stale-lock to take the lock over',
    );
    expect(readFileSync(lock, 'utf8')).toBe(holder(pid));

    const taken = lockDirectory(out, { breakStale: true });
    expect(taken.broken).toEqual({
      file: lock,
      holder: {
        zh: `主机 ${hostname()} 上的进程 ${pid},自 2026-11-01T00:00:00Z 起,已 3 小时`,
        en: `pid ${pid} on ${hostname()} since 2026-11-01T00:00:00Z, 3 h ago`,
      },
    });
    expect(JSON.parse(readFileSync(lock, 'utf8')).pid).toBe(process.pid);
    // The stale lock moved aside is deleted: only the new lock is beside the folder.
    expect(readdirSync(parent)).toEqual(['.out.lock']);
    taken.release();
    expect(readdirSync(parent)).toEqual([]);
  });

  it('never breaks a lock whose holder runs on this host, nor one of another host', () => {
    const live = lockedBy(holder(process.pid), 3600);
    const busy = stopOf(() => lockDirectory(live.out, { breakStale: true }));
    expect([busy.kind, busy.problems[0]!.code]).toEqual(['busy', 'OUTPUT_BUSY']);
    expect(readFileSync(live.lock, 'utf8')).toBe(holder(process.pid));
    expect(readdirSync(live.parent)).toEqual(['.out.lock']);

    const elsewhere = lockedBy(holder(deadPid(), `not-${hostname()}`), 3600);
    const other = stopOf(() => lockDirectory(elsewhere.out, { breakStale: true }));
    expect(other.problems[0]!.code).toBe('OUTPUT_BUSY');
    expect(readdirSync(elsewhere.parent)).toEqual(['.out.lock']);
  });

  it('never breaks a lock that names no holder and is younger than a minute; an older one it does', () => {
    const young = lockedBy('', 30);
    expect(stopOf(() => lockDirectory(young.out, { breakStale: true })).problems[0]!.code).toBe(
      'OUTPUT_BUSY',
    );
    expect(readFileSync(young.lock, 'utf8')).toBe('');

    const old = lockedBy('', 100);
    const taken = lockDirectory(old.out, { breakStale: true });
    expect(taken.broken?.holder.en).toBe(
      'the lock file is empty or damaged and names no holder; it is 100 s old',
    );
    taken.release();
  });

  it('does not remove a lock renewed between the judgement and the rename: it is put back, OUTPUT_LOCK_CHANGED', () => {
    const { parent, out, lock } = lockedBy(holder(deadPid()), 600);
    const judged = judgeLock(lock)!;
    expect(judged.stale).toBe(true);
    // Another process took it over meanwhile and wrote itself in (this one: it runs).
    writeFileSync(lock, holder(process.pid));
    const changed = stopOf(() => breakStaleLock(out, judged));
    expect([changed.kind, changed.problems[0]!.code, changed.problems[0]!.file]).toEqual([
      'busy',
      'OUTPUT_LOCK_CHANGED',
      lock,
    ]);
    expect(changed.problems[0]!.message.en).toBe(
      `The lock of ${out} was not broken: it changed after it was judged stale (it is now pid ${process.pid} on ${hostname()} since 2026-11-01T00:00:00Z, 0 s ago); another process may just have taken or renewed it. The lock is at ${lock} as it was. Nothing was written; run again later.`,
    );
    expect(readFileSync(lock, 'utf8')).toBe(holder(process.pid));
    expect(readdirSync(parent)).toEqual(['.out.lock']);
  });

  it('does not remove a new lock with the same bytes as the stale one (another file in its place)', () => {
    const { parent, out, lock } = lockedBy('', 600);
    const judged = judgeLock(lock)!;
    expect(judged.stale).toBe(true);
    // Broken by another process, whose own new lock is still empty (it has not written its holder yet).
    writeFileSync(join(parent, 'new'), '');
    // Its time set to the stale one's: only the file (its inode) tells them apart.
    utimesSync(join(parent, 'new'), new Date(judged.mtimeMs), new Date(judged.mtimeMs));
    renameSync(join(parent, 'new'), lock);
    expect(judgeLock(lock)!.mtimeMs).toBe(judged.mtimeMs);
    expect(stopOf(() => breakStaleLock(out, judged)).problems[0]!.code).toBe('OUTPUT_LOCK_CHANGED');
    expect(readdirSync(parent)).toEqual(['.out.lock']);
    expect(judgeLock(lock)!.ino).not.toBe(judged.ino);
  });

  it('leaves a lock gone before the rename gone: there is nothing to break', () => {
    const { parent, out, lock } = lockedBy(holder(deadPid()), 600);
    const judged = judgeLock(lock)!;
    unlinkSync(lock);
    expect(breakStaleLock(out, judged)).toBe(false);
    expect(readdirSync(parent)).toEqual([]);
    // Taken as usual then, and not said to be broken (nor recorded so by publish).
    const taken = lockDirectory(out, { breakStale: true });
    expect(taken.broken).toBeNull();
    taken.release();
  });

  it('is one breaker’s at a time: with <lock>.break there, another stops (OUTPUT_LOCK_BREAKING) and touches nothing', () => {
    const { parent, out, lock } = lockedBy(holder(deadPid()), 600);
    writeFileSync(`${lock}.break`, '');
    const stopped = stopOf(() => lockDirectory(out, { breakStale: true }));
    expect([stopped.kind, stopped.problems[0]!.code]).toEqual(['busy', 'OUTPUT_LOCK_BREAKING']);
    expect(stopped.problems[0]!.message.en).toContain(`remove it (rm ${lock}.break) and run again`);
    expect(readdirSync(parent).sort()).toEqual(['.out.lock', '.out.lock.break']);
    // Once it is gone, the break goes ahead, and leaves no .break behind.
    unlinkSync(`${lock}.break`);
    const taken = lockDirectory(out, { breakStale: true });
    expect(taken.broken).not.toBeNull();
    expect(readdirSync(parent)).toEqual(['.out.lock']);
    taken.release();
  });

  it('reads the lock again once it holds .break: a lock another breaker took since is left alone', () => {
    const { parent, out, lock } = lockedBy(holder(deadPid()), 600);
    const judged = judgeLock(lock)!;
    // Broken and taken by another process between this one's judgement and its break.
    unlinkSync(lock);
    writeFileSync(lock, holder(process.pid));
    expect(stopOf(() => breakStaleLock(out, judged)).problems[0]!.code).toBe('OUTPUT_LOCK_CHANGED');
    expect(readFileSync(lock, 'utf8')).toBe(holder(process.pid));
    expect(readdirSync(parent)).toEqual(['.out.lock']);
  });
});
