import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fstatSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { type Bilingual, ScorebookError } from '@scorebook/problems';
import { writeStop } from './write-errors.ts';

/**
 * Test-only: when the environment variable `SCOREBOOK_TEST_CRASH_AT` names this point, the
 * process kills itself with SIGKILL there, as a power cut or `kill -9` would. Crash-point tests
 * run a command in a child process with it set; nothing else may set it.
 */
function crashPoint(point: string): void {
  if (process.env.SCOREBOOK_TEST_CRASH_AT === point) process.kill(process.pid, 'SIGKILL');
}

/** What a lock file says about its holder. */
interface LockHolder {
  pid: number;
  host: string;
  started_at: string;
}

/** A held lock on an output folder; `release` removes it. */
export interface DirectoryLock {
  file: string;
  /** The stale lock that was broken to take this one (`breakStale`), or null. */
  broken: BrokenLock | null;
  release(): void;
}

/** A stale lock that {@link lockDirectory} removed before taking the lock. */
export interface BrokenLock {
  file: string;
  /** Who held it and how old it was, as {@link LockState.holder} says. */
  holder: Bilingual;
}

/** Options of {@link lockDirectory}. */
export interface LockOptions {
  /**
   * Break a stale lock (OUTPUT_LOCK_STALE) instead of stopping: {@link breakStaleLock} removes it,
   * then the lock is taken as usual. A lock with a living holder, of another host, or holding no
   * holder and younger than a minute is never broken.
   */
  breakStale?: boolean;
}

/** The lock file of a folder: `<parent>/.<name>.lock`, beside the folder it guards. */
export function lockFileOf(target: string): string {
  return join(dirname(target), `.${basename(target)}.lock`);
}

/**
 * Takes the lock of an output folder: creates `<parent>/.<name>.lock` exclusively (O_EXCL) with
 * the pid, host and start time. Throws a ScorebookError of kind `busy` when another process holds
 * it (OUTPUT_BUSY), or when it was left by a process of this host that no longer runs, or holds
 * no holder and is older than a minute (OUTPUT_LOCK_STALE, saying how to remove it). A stale lock
 * is taken over only with `breakStale`, through {@link breakStaleLock}, which removes it only
 * while it is still the lock judged stale. The parent folder is created when missing.
 */
export function lockDirectory(target: string, options: LockOptions = {}): DirectoryLock {
  const parent = dirname(target);
  const file = lockFileOf(target);
  guard(parent, () => mkdirSync(parent, { recursive: true }));
  let broken: BrokenLock | null = null;
  let fd = createLock(file, parent);
  if (fd === null && options.breakStale === true) {
    const judged = judgeLock(file);
    if (judged?.stale === true && breakStaleLock(target, judged)) broken = { file, holder: judged.holder };
    // Broken, or gone since it was met: taken as usual, unless another process took it first.
    fd = createLock(file, parent);
  }
  if (fd === null) throw busy(target, file);
  const holder: LockHolder = { pid: process.pid, host: hostname(), started_at: new Date().toISOString() };
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(file, { force: true });
    throw failure(error, parent, file);
  }
  closeSync(fd);
  return {
    file,
    broken,
    release: () => {
      try {
        unlinkSync(file);
      } catch {
        // Already gone: someone removed it by hand.
      }
    },
  };
}

/** The lock file created exclusively, open for writing; null when one is there already. */
function createLock(file: string, parent: string): number | null {
  try {
    return openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw failure(error, parent, file);
  }
}

/** A lock file as read once, and what that says: which file it is, its bytes, its holder and age. */
export interface JudgedLock {
  /** Which file it is (a new lock in its place is another file) and when it was last written. */
  dev: number;
  ino: number;
  mtimeMs: number;
  bytes: Buffer;
  holder: Bilingual;
  /** As {@link LockState.stale}. */
  stale: boolean;
}

/**
 * Reads the lock file once (its identity and bytes from one open file) and judges it as
 * {@link lockStateOf} does; null when there is none.
 */
export function judgeLock(file: string): JudgedLock | null {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    // A lock that cannot be read names no holder: judged by its age, as an empty one.
    let stats: { dev: number; ino: number; mtimeMs: number } | null = null;
    try {
      stats = statSync(file);
    } catch {
      // Gone or unreachable too: no age to tell.
    }
    const age = stats === null ? 0 : Math.max(0, Math.floor((Date.now() - stats.mtimeMs) / 1000));
    return {
      dev: stats?.dev ?? 0,
      ino: stats?.ino ?? 0,
      mtimeMs: stats?.mtimeMs ?? 0,
      bytes: Buffer.alloc(0),
      holder: describeHolder(null, age),
      stale: stats !== null && age >= UNREADABLE_LOCK_SECONDS,
    };
  }
  try {
    const { dev, ino, mtimeMs } = fstatSync(fd);
    const bytes = readFileSync(fd);
    const holder = holderOf(bytes);
    const age = Math.max(0, Math.floor((Date.now() - mtimeMs) / 1000));
    return {
      dev,
      ino,
      mtimeMs,
      bytes,
      holder: describeHolder(holder, age),
      stale:
        holder === null
          ? age >= UNREADABLE_LOCK_SECONDS
          : holder.host === hostname() && !isRunning(holder.pid),
    };
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes the lock of `target` that was judged stale, only while it is still that lock; true
 * when it removed it, false when the lock was gone already (nothing was broken). One breaker at
 * a time: it first creates `<lock>.break` exclusively (O_EXCL; another breaker at work stops
 * with OUTPUT_LOCK_BREAKING, kind `busy`), and removes it when done, however the break ends.
 * Holding it, the breaker reads the lock again: when it is no longer the file judged (the same
 * file, bytes and time, still stale) another process broke and took it, and the break stops with
 * OUTPUT_LOCK_CHANGED without touching it. Else it is renamed aside to
 * `<lock>.broken-<pid>-<random>` and read there once more (no other breaker can have moved it,
 * and a process taking the lock never replaces one): the same, it is deleted; otherwise it is
 * linked back into place (a lock taken in the meantime is never overwritten) and the break stops
 * with OUTPUT_LOCK_CHANGED, saying whether it could be put back.
 */
export function breakStaleLock(target: string, judged: JudgedLock): boolean {
  const file = lockFileOf(target);
  const parent = dirname(target);
  const breaking = `${file}${BREAKING}`;
  const fd = createLock(breaking, parent);
  if (fd === null) throw writeStop('busy', 'OUTPUT_LOCK_BREAKING', file, { target, lock: file, breaking });
  closeSync(fd);
  try {
    const again = judgeLock(file);
    if (again === null) return false;
    if (!sameLock(again, judged))
      throw writeStop('busy', 'OUTPUT_LOCK_CHANGED', file, {
        target,
        holder: again.holder,
        lock: file,
        aside: null,
      });
    const aside = `${file}.broken-${process.pid}-${randomBytes(4).toString('hex')}`;
    try {
      renameSync(file, aside);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
      throw failure(error, parent, file);
    }
    const now = judgeLock(aside);
    if (now !== null && sameLock(now, judged)) {
      guard(parent, () => unlinkSync(aside));
      return true;
    }
    const putBack = restoreLock(aside, file);
    throw writeStop('busy', 'OUTPUT_LOCK_CHANGED', file, {
      target,
      holder: now?.holder ?? describeHolder(null, 0),
      lock: file,
      aside: putBack ? null : aside,
    });
  } finally {
    rmSync(breaking, { force: true });
  }
}

/** The file a breaker holds while it breaks a lock: `<lock>.break`. */
const BREAKING = '.break';

// Whether a lock read again is the one judged stale: the same file, bytes and time, still stale.
function sameLock(now: JudgedLock, judged: JudgedLock): boolean {
  return (
    now.stale &&
    now.dev === judged.dev &&
    now.ino === judged.ino &&
    now.mtimeMs === judged.mtimeMs &&
    now.bytes.equals(judged.bytes)
  );
}

/**
 * Puts a lock moved aside back in its place, never over a lock taken there since: a hard link
 * (which fails when the name exists), else, where the file system has no hard links, a rename
 * when the place is still free. False when it stays aside.
 */
function restoreLock(aside: string, file: string): boolean {
  try {
    linkSync(aside, file);
    unlinkSync(aside);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
  }
  try {
    if (existsSync(file)) return false;
    renameSync(aside, file);
    return true;
  } catch {
    return false;
  }
}

/** Where a folder being written waits before its swap: `<parent>/.<name>.staging-<pid>-<random>`. */
const STAGING = '.staging-';
/** Where a replaced folder waits during the swap: `<parent>/.<name>.replaced-<pid>`. */
const REPLACED = '.replaced-';

/**
 * What an interrupted write leaves beside its target, as `.gitignore` patterns: the lock
 * (`lockFileOf`), what breaking a stale one may leave (`.<name>.lock.break`,
 * `.<name>.lock.broken-…`), the staging folder and the replaced one. The next write tidies them up;
 * none of them is ever to be committed.
 */
export const LEFTOVER_PATTERNS: readonly string[] = [
  '.*.lock',
  '.*.lock.*',
  `.*${STAGING}*`,
  `.*${REPLACED}*`,
];

/** A folder being filled before it replaces its target in one rename. */
export interface StagedDirectory {
  /** The staging folder's path. */
  readonly dir: string;
  /** Writes a file (relative path, `/`-separated) and flushes it to disk. */
  write(path: string, content: string | Uint8Array | Iterable<Uint8Array>): void;
  /** Copies a file into the staging folder and flushes it to disk. */
  copy(from: string, path: string): void;
}

/**
 * Replaces (or creates) the folder `target` with one that `fill` writes, so that a reader or a
 * crash sees the old folder or the new one, whole, never a mix. Order: a staging folder beside
 * the target is filled and every file and folder in it flushed (fsync); then, if the target
 * exists, it is renamed aside to `.<name>.replaced-<pid>`; the staging folder is renamed to the
 * target (the commit point) and the parent flushed; the aside folder is removed. On any failure
 * the staging folder is removed (a full disk is not kept full) and an aside folder is put back.
 * A crash between the two renames leaves the old folder whole in the aside folder;
 * {@link recoverDirectory} puts it back. The caller holds the target's lock.
 */
export function replaceDirectory(target: string, fill: (staged: StagedDirectory) => void): void {
  const parent = dirname(target);
  const name = basename(target);
  const staging = join(parent, `.${name}${STAGING}${process.pid}-${randomBytes(4).toString('hex')}`);
  let aside: string | null = null;
  let committed = false;
  try {
    guard(parent, () => mkdirSync(staging));
    const folders = new Set<string>([staging]);
    const place = (path: string): string => {
      const file = join(staging, ...path.split('/'));
      const folder = dirname(file);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      return file;
    };
    fill({
      dir: staging,
      write: (path, content) => writeDurably(place(path), content, `write:${path}`),
      copy: (from, path) => writeDurably(place(path), readFileSync(from), `write:${path}`),
    });
    for (const folder of [...folders].sort().reverse()) syncFolder(folder);
    if (existsSync(target)) {
      aside = join(parent, `.${name}${REPLACED}${process.pid}`);
      crashPoint('rename:aside');
      renameSync(target, aside);
    }
    crashPoint('rename:commit');
    renameSync(staging, target);
    committed = true;
    syncFolder(parent);
    if (aside !== null) {
      crashPoint('remove:replaced');
      rmSync(aside, { recursive: true, force: true });
    }
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (aside !== null && !committed && !existsSync(target)) renameSync(aside, target);
    throw failure(error, parent, target);
  }
}

/** What {@link recoverDirectory} found and did. */
export interface Recovery {
  /** A replaced folder put back because the swap was interrupted before its commit. */
  restored: string | null;
  /** Leftover staging and replaced folders removed. */
  removed: string[];
}

/**
 * Tidies up after an interrupted {@link replaceDirectory} of `target`; call it holding the lock.
 * When the target is missing and a replaced folder is beside it, the swap stopped between its two
 * renames: the replaced folder (the old one, whole) is renamed back. Every other leftover staging
 * or replaced folder of this target is removed.
 */
export function recoverDirectory(target: string): Recovery {
  const parent = dirname(target);
  const recovery: Recovery = { restored: null, removed: [] };
  const leftovers = leftoversOf(target);
  const replaced = leftovers.filter((l) => l.kind === 'replaced').map((l) => l.path);
  const [newest] = replaced.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (!existsSync(target) && newest !== undefined) {
    guard(parent, () => renameSync(newest, target));
    syncFolder(parent);
    recovery.restored = newest;
  }
  for (const l of leftovers) {
    if (l.path === recovery.restored) continue;
    guard(parent, () => rmSync(l.path, { recursive: true, force: true }));
    recovery.removed.push(l.path);
  }
  return recovery;
}

/** A folder an interrupted write left beside its target. */
export interface Leftover {
  kind: 'staging' | 'replaced';
  path: string;
}

/** The staging and replaced folders beside `target` (hidden: their names start with a dot). */
export function leftoversOf(target: string): Leftover[] {
  const parent = dirname(target);
  if (!existsSync(parent)) return [];
  const prefix = `.${basename(target)}`;
  const found: Leftover[] = [];
  for (const entry of readdirSync(parent)) {
    if (!entry.startsWith(prefix)) continue;
    const rest = entry.slice(prefix.length);
    if (rest.startsWith(STAGING)) found.push({ kind: 'staging', path: join(parent, entry) });
    else if (rest.startsWith(REPLACED)) found.push({ kind: 'replaced', path: join(parent, entry) });
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** A lock file found beside a folder: who holds it, and whether that process is gone. */
export interface LockState {
  file: string;
  /**
   * Who holds it and for how long, in each language: `pid <n> on <host> since <time>, <age> ago`,
   * or that the file holds no holder (empty or damaged), with its age.
   */
  holder: { zh: string; en: string };
  /**
   * True when an interrupted write left it: its holder ran on this host and no longer runs, or
   * the file holds no holder and is older than {@link UNREADABLE_LOCK_SECONDS} (a process killed
   * between creating the file and writing its holder in it).
   */
  stale: boolean;
}

/**
 * A lock file that holds no holder is a writer's for this long at most (it writes its holder just
 * after creating the file); older, it was left by a process killed in between.
 */
const UNREADABLE_LOCK_SECONDS = 60;

/** The lock of an output folder, if one is there (see {@link lockDirectory}); null when there is none. */
export function lockStateOf(target: string): LockState | null {
  const file = lockFileOf(target);
  const judged = judgeLock(file);
  return judged === null ? null : { file, holder: judged.holder, stale: judged.stale };
}

/** An age in the largest whole unit that keeps two digits of detail: 45 s, 12 min, 5 h, 3 days. */
function ageText(seconds: number): { zh: string; en: string } {
  if (seconds < 120) return { zh: `${seconds} 秒`, en: `${seconds} s` };
  if (seconds < 7200)
    return { zh: `${Math.floor(seconds / 60)} 分钟`, en: `${Math.floor(seconds / 60)} min` };
  if (seconds < 172_800)
    return { zh: `${Math.floor(seconds / 3600)} 小时`, en: `${Math.floor(seconds / 3600)} h` };
  return { zh: `${Math.floor(seconds / 86_400)} 天`, en: `${Math.floor(seconds / 86_400)} days` };
}

function describeHolder(holder: LockHolder | null, ageSeconds: number): { zh: string; en: string } {
  const age = ageText(ageSeconds);
  if (holder === null)
    return {
      zh: `锁文件是空的或已损坏,记不出持有者;锁文件已存在 ${age.zh}`,
      en: `the lock file is empty or damaged and names no holder; it is ${age.en} old`,
    };
  const since = holder.started_at || null;
  return {
    zh: `主机 ${holder.host} 上的进程 ${holder.pid},${since === null ? '开始时间不明' : `自 ${since} 起`},已 ${age.zh}`,
    en: `pid ${holder.pid} on ${holder.host} since ${since ?? 'an unknown time'}, ${age.en} ago`,
  };
}

function holderOf(bytes: Buffer): LockHolder | null {
  try {
    const value = JSON.parse(bytes.toString('utf8')) as Partial<LockHolder>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string') return null;
    return { pid: value.pid, host: value.host, started_at: String(value.started_at ?? '') };
  } catch {
    return null;
  }
}

function busy(target: string, file: string): ScorebookError {
  const state = lockStateOf(target);
  return writeStop('busy', state?.stale ? 'OUTPUT_LOCK_STALE' : 'OUTPUT_BUSY', file, {
    target,
    holder: state?.holder ?? describeHolder(null, 0),
    lock: file,
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * True when the process has ended and only waits to be reaped (Linux: state Z or X in
 * `/proc/<pid>/stat`). Signal 0 still reaches such a process; where nothing reaps it (a container
 * whose first process is not an init) a killed writer would look alive for ever. False where
 * `/proc` cannot tell.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The state follows the command name, which is in parentheses and may itself hold any character.
    const state = stat[stat.lastIndexOf(')') + 2];
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}

/**
 * Writes a file (text, bytes, or chunks of bytes taken one at a time, in order) and flushes it;
 * the crash point falls after half of the first chunk (of the whole file, for text or bytes).
 */
function writeDurably(
  file: string,
  content: string | Uint8Array | Iterable<Uint8Array>,
  point: string,
): void {
  const chunks =
    typeof content === 'string'
      ? [Buffer.from(content)]
      : content instanceof Uint8Array
        ? [content]
        : content;
  const fd = openSync(file, 'wx');
  try {
    let first = true;
    for (const chunk of chunks) {
      if (first) {
        const half = Math.floor(chunk.byteLength / 2);
        writeAll(fd, chunk.subarray(0, half));
        crashPoint(point);
        writeAll(fd, chunk.subarray(half));
        first = false;
      } else writeAll(fd, chunk);
    }
    if (first) crashPoint(point);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function writeAll(fd: number, bytes: Uint8Array): void {
  let done = 0;
  while (done < bytes.byteLength) done += writeSync(fd, bytes, done, bytes.byteLength - done);
}

/** Flushes a folder's entries (after renames). Windows cannot open a folder for that; it is skipped. */
function syncFolder(dir: string): void {
  if (process.platform === 'win32') return;
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function guard(dir: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    throw failure(error, dir, dir);
  }
}

const READ_ONLY = new Set(['EACCES', 'EPERM', 'EROFS']);
const FULL = new Set(['ENOSPC', 'EDQUOT']);

/**
 * A file system error as the problem a person can act on. Anything else — no system error code:
 * a failure to encode what is written, a bug — is given back as it is, never as a write failure
 * the user is told to fix.
 */
function failure(error: unknown, dir: string, file: string): unknown {
  if (error instanceof ScorebookError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  if (typeof code !== 'string' || code === '') return error;
  if (READ_ONLY.has(code)) return writeStop('input', 'OUTPUT_READ_ONLY', dir, { dir, reason: code });
  if (FULL.has(code)) return writeStop('input', 'DISK_FULL', dir, { dir });
  if (code === 'ENOTDIR' || code === 'EEXIST')
    return writeStop('input', 'OUTPUT_NOT_A_FOLDER', file, { target: file });
  return writeStop('input', 'WRITE_FAILED', file, { file, reason: code });
}
