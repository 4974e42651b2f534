import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { stopOf } from '../../test/stopped.ts';
import { type Evaluation, evaluate } from '../evaluate.ts';
import { lockDirectory, lockFileOf, recoverDirectory } from './staged-directory.ts';
import { RESULT_FILES, serializeEvaluation, writeEvaluation } from './write-results.ts';

const golden = fileURLToPath(new URL('../../test/fixtures/golden/', import.meta.url));
const index = new URL('../index.ts', import.meta.url).href;
let evaluation: Evaluation;
beforeAll(async () => {
  evaluation = await evaluate({
    policiesDir: join(golden, 'policies/ecommerce-cs'),
    dataDir: join(golden, 'data'),
    period: '2026-10',
  });
});

/** The marker each of the three files carries: which run wrote it. */
function markers(dir: string): string[] {
  return [
    JSON.parse(readFileSync(join(dir, 'explanations.json'), 'utf8')).period,
    JSON.parse(readFileSync(join(dir, 'rejected.json'), 'utf8')).period,
    JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).period.id,
  ];
}

/** Writes the golden evaluation, marked, into `out` in a child process; `crashAt` kills it there. */
function writeInChild(out: string, marker: string, crashAt?: string): number | null {
  const script = `
    const { evaluate, writeEvaluation } = await import(${JSON.stringify(index)});
    const e = await evaluate({ policiesDir: ${JSON.stringify(join(golden, 'policies/ecommerce-cs'))}, dataDir: ${JSON.stringify(join(golden, 'data'))}, period: '2026-10' });
    e.results.period = { ...e.results.period, id: ${JSON.stringify(marker)} };
    e.explanations.period = ${JSON.stringify(marker)};
    writeEvaluation(${JSON.stringify(out)}, e);`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, SCOREBOOK_TEST_CRASH_AT: crashAt ?? '' },
    encoding: 'utf8',
  });
  if (child.signal === null && child.status !== 0) throw new Error(child.stderr);
  return child.signal === 'SIGKILL' ? null : child.status;
}

describe('writing results', () => {
  it('replaces the folder whole and leaves nothing beside it', () => {
    const parent = mkdtempSync(join(tmpdir(), 'scorebook-write-'));
    const out = join(parent, '2026-10');
    expect(writeEvaluation(out, evaluation)).toEqual({
      files: RESULT_FILES.map((f) => join(out, f)),
      brokenLock: null,
    });
    expect(writeEvaluation(out, evaluation).files).toHaveLength(RESULT_FILES.length);
    expect(readdirSync(parent)).toEqual(['2026-10']);
    expect(readdirSync(out).sort()).toEqual([...RESULT_FILES]);
    expect(markers(out)).toEqual(['2026-10', '2026-10', '2026-10']);
    // The files, encoded as they are written, are the bytes serializeEvaluation gives.
    for (const [name, bytes] of serializeEvaluation(evaluation))
      expect(readFileSync(join(out, name)).equals(Buffer.concat(bytes)), name).toBe(true);
  });

  it('gives back a failure to encode a file as it is (not a write failure), keeping the earlier results', () => {
    const parent = mkdtempSync(join(tmpdir(), 'scorebook-write-'));
    const out = join(parent, 'out');
    writeEvaluation(out, evaluation);
    const broken = {
      ...evaluation,
      explanations: { ...evaluation.explanations, period: 1n },
    } as unknown as Evaluation;
    expect(() => writeEvaluation(out, broken)).toThrow(TypeError);
    expect(markers(out)).toEqual(['2026-10', '2026-10', '2026-10']);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it('stops a second writer with kind busy, naming the holder and the lock file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'scorebook-write-')), 'out');
    const lock = lockDirectory(out);
    const error = stopOf(() => writeEvaluation(out, evaluation));
    lock.release();
    expect(error.kind).toBe('busy');
    expect(error.problems[0]!.code).toBe('OUTPUT_BUSY');
    expect(error.problems[0]!.message.en).toContain(`pid ${process.pid} on ${hostname()}`);
    expect(error.problems[0]!.message.en).toContain(`rm ${lockFileOf(out)}`);
    expect(existsSync(out)).toBe(false);
  });

  it('reports a lock left by a process that no longer runs, with how to remove it', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'scorebook-write-')), 'out');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(
      lockFileOf(out),
      JSON.stringify({ pid: Number(dead.stdout), host: hostname(), started_at: '2026-11-01T00:00:00Z' }),
    );
    // Left three hours ago (the file's time is what tells its age).
    const threeHoursAgo = new Date(Date.now() - 3 * 3600 * 1000 - 5000);
    utimesSync(lockFileOf(out), threeHoursAgo, threeHoursAgo);
    const error = stopOf(() => writeEvaluation(out, evaluation));
    expect(error.problems[0]!.code).toBe('OUTPUT_LOCK_STALE');
    expect(error.problems[0]!.file).toBe(lockFileOf(out));
    expect(error.problems[0]!.message.zh).toContain(`rm ${lockFileOf(out)}`);
    expect(error.problems[0]!.message.zh).toContain(
      `主机 ${hostname()} 上的进程 ${dead.stdout},自 2026-11-01T00:00:00Z 起,已 3 小时`,
    );
    expect(error.problems[0]!.message.zh).not.toContain(' on ');
    expect(error.problems[0]!.message.en).toContain(
      `pid ${dead.stdout} on ${hostname()} since 2026-11-01T00:00:00Z, 3 h ago`,
    );
  });

  it('breaks a lock a process that no longer runs left with breakStaleLock, and says so', () => {
    const parent = mkdtempSync(join(tmpdir(), 'scorebook-write-'));
    const out = join(parent, 'out');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    writeFileSync(
      lockFileOf(out),
      JSON.stringify({ pid: Number(dead.stdout), host: hostname(), started_at: '2026-11-01T00:00:00Z' }),
    );
    expect(stopOf(() => writeEvaluation(out, evaluation)).problems[0]!.code).toBe('OUTPUT_LOCK_STALE');
    const written = writeEvaluation(out, evaluation, { breakStaleLock: true });
    expect(written.brokenLock?.file).toBe(lockFileOf(out));
    expect(written.brokenLock?.holder.en).toMatch(
      new RegExp(`^pid ${dead.stdout} on .* since 2026-11-01T00:00:00Z, \\d+ s ago$`),
    );
    expect(markers(out)).toEqual(['2026-10', '2026-10', '2026-10']);
    expect(readdirSync(parent)).toEqual(['out']);
  });

  it.runIf(process.platform === 'linux')(
    'takes a lock whose holder was killed and is not reaped yet (a zombie) for one a killed process left',
    async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'scorebook-write-')), 'out');
      // The shell starts a child and becomes a sleep, which never reaps it; the child is killed
      // only then, so it stays a zombie (a shell that killed it itself might reap it first, under
      // load). A minute at most, killed at the end: under load the first look may come seconds later.
      const parent = spawn('sh', ['-c', 'sleep 30 & echo $!; exec sleep 60'], {
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      const pid = await new Promise<number>((done) =>
        parent.stdout.once('data', (d) => done(Number(String(d)))),
      );
      const look = (path: string) => {
        try {
          return readFileSync(path, 'utf8');
        } catch {
          return '';
        }
      };
      try {
        for (let i = 0; i < 1000 && look(`/proc/${parent.pid}/cmdline`) !== 'sleep\x0060\x00'; i++)
          await new Promise((r) => setTimeout(r, 10));
        process.kill(pid, 'SIGKILL');
        let state = '';
        for (let i = 0; i < 1000 && state !== 'Z'; i++) {
          await new Promise((r) => setTimeout(r, 10));
          const stat = look(`/proc/${pid}/stat`);
          state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
        }
        expect(state).toBe('Z');
        writeFileSync(
          lockFileOf(out),
          JSON.stringify({ pid, host: hostname(), started_at: '2026-11-01T00:00:00Z' }),
        );
        expect(stopOf(() => writeEvaluation(out, evaluation)).problems[0]!.code).toBe('OUTPUT_LOCK_STALE');
      } finally {
        parent.kill('SIGKILL');
      }
    },
  );

  it('takes an empty lock file older than a minute for one a killed process left, a new one for a writer', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'scorebook-write-')), 'out');
    writeFileSync(lockFileOf(out), '');
    // Just created: a writer between creating the file and writing its holder in it.
    const young = stopOf(() => writeEvaluation(out, evaluation));
    expect(young.problems[0]!.code).toBe('OUTPUT_BUSY');
    const twoMinutesAgo = new Date(Date.now() - 125_000);
    utimesSync(lockFileOf(out), twoMinutesAgo, twoMinutesAgo);
    const old = stopOf(() => writeEvaluation(out, evaluation));
    expect(old.problems[0]!.code).toBe('OUTPUT_LOCK_STALE');
    expect(old.problems[0]!.message.zh).toContain('锁文件是空的或已损坏,记不出持有者;锁文件已存在 2 分钟');
    expect(old.problems[0]!.message.en).toContain(
      'the lock file is empty or damaged and names no holder; it is 2 min old',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a folder holding other files, and a published period', () => {
    const out = mkdtempSync(join(tmpdir(), 'scorebook-write-'));
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const foreign = stopOf(() => writeEvaluation(out, evaluation));
    expect([foreign.kind, foreign.problems[0]!.code]).toEqual(['refused', 'OUTPUT_HOLDS_OTHER_FILES']);
    expect(foreign.problems[0]!.message.en).toContain('(notes.txt)');
    writeFileSync(join(out, 'manifest.json'), '{}');
    expect(stopOf(() => writeEvaluation(out, evaluation)).problems[0]!.code).toBe('OUTPUT_IS_PUBLICATION');
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('says a file is in the way when the output is a file', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'scorebook-write-')), 'out');
    writeFileSync(out, 'x');
    expect(stopOf(() => writeEvaluation(out, evaluation)).problems[0]!.code).toBe('OUTPUT_NOT_A_FOLDER');
  });
});

describe('a real full disk', () => {
  it.runIf(process.platform === 'linux' && process.getuid?.() === 0)(
    'a small tmpfs: DISK_FULL, and the disk is left as free as before',
    (context) => {
      const mount = mkdtempSync(join(tmpdir(), 'scorebook-tmpfs-'));
      if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=48k', 'tmpfs', mount]).status !== 0)
        return context.skip('cannot mount a tmpfs here');
      try {
        const error = stopOf(() => writeEvaluation(join(mount, 'out'), evaluation));
        expect(error.problems[0]!.code).toBe('DISK_FULL');
        expect(readdirSync(mount)).toEqual([]);
      } finally {
        spawnSync('umount', [mount]);
      }
    },
  );
});

const CRASH_POINTS = [
  'write:explanations.json',
  'write:rejected.json',
  'write:results.json',
  'rename:aside',
  'rename:commit',
  'remove:replaced',
];

describe('a crash while writing results', () => {
  for (const point of CRASH_POINTS) {
    it(`at ${point} leaves the old results or the new, whole, and the next run tidies up`, () => {
      const parent = mkdtempSync(join(tmpdir(), 'scorebook-crash-'));
      const out = join(parent, 'out');
      expect(writeInChild(out, 'old')).toBe(0);
      expect(writeInChild(out, 'new', point)).toBeNull();
      const expected = point === 'remove:replaced' ? 'new' : 'old';
      if (point === 'rename:commit') {
        // Killed between the two renames: the old folder waits, whole, beside its place.
        expect(existsSync(out)).toBe(false);
        const aside = readdirSync(parent).find((e) => e.startsWith('.out.replaced-'))!;
        expect(markers(join(parent, aside))).toEqual(['old', 'old', 'old']);
      } else {
        expect(markers(out)).toEqual([expected, expected, expected]);
      }
      const stale = stopOf(() => writeEvaluation(out, evaluation));
      expect(stale.problems[0]!.code).toBe('OUTPUT_LOCK_STALE');
      unlinkSync(lockFileOf(out));
      if (point === 'rename:commit') {
        expect(recoverDirectory(out).restored).toMatch(/\.out\.replaced-\d+$/);
        expect(markers(out)).toEqual(['old', 'old', 'old']);
      }
      expect(writeInChild(out, 'again')).toBe(0);
      expect(markers(out)).toEqual(['again', 'again', 'again']);
      expect(readdirSync(parent)).toEqual(['out']);
    }, 120_000);
  }
});

describe('a file written in chunks', () => {
  const staged = new URL('./staged-directory.ts', import.meta.url).href;
  // Three chunks of 5, 10 and 7 bytes: a crash while it is written falls after half of the first.
  const chunks = ['aaaaa', 'bbbbbbbbbb', 'ccccccc'];
  const writeChunks = (target: string, crashAt: string) =>
    spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { replaceDirectory } = await import(${JSON.stringify(staged)});
        replaceDirectory(${JSON.stringify(target)}, (s) => s.write('f.bin', ${JSON.stringify(chunks)}.map((c) => Buffer.from(c))));`,
      ],
      { env: { ...process.env, SCOREBOOK_TEST_CRASH_AT: crashAt }, encoding: 'utf8' },
    );

  it('is the chunks one after the other', () => {
    const target = join(mkdtempSync(join(tmpdir(), 'scorebook-chunks-')), 'out');
    expect(writeChunks(target, '').status).toBe(0);
    expect(readFileSync(join(target, 'f.bin'), 'utf8')).toBe(chunks.join(''));
  });

  it('is cut after half of its first chunk by a crash while it is written, in the staging folder only', () => {
    const parent = mkdtempSync(join(tmpdir(), 'scorebook-chunks-'));
    expect(writeChunks(join(parent, 'out'), 'write:f.bin').signal).toBe('SIGKILL');
    const [staging] = readdirSync(parent);
    expect(staging).toMatch(/^\.out\./);
    expect(readFileSync(join(parent, staging!, 'f.bin'), 'utf8')).toBe('aa');
  });
});
