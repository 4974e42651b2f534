import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';

/**
 * Runs git in `cwd`: its output trimmed, or as it is when `raw` (a status line starts with a
 * space: ` M file`); null when git fails (not a repository, unknown ref, no git).
 */
function git(cwd: string, args: string[], raw = false): string | null {
  try {
    const out = execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return raw ? out : out.trim();
  } catch {
    return null;
  }
}

/** The top of the git work tree containing `dir`, or null outside a repository. */
export function gitRoot(dir: string): string | null {
  return git(dir, ['rev-parse', '--show-toplevel']);
}

/** The commit HEAD points to, or null. */
export function headCommit(dir: string): string | null {
  return git(dir, ['rev-parse', 'HEAD']);
}

/** A path inside the work tree as git names it: relative to the top, with `/`. */
export function gitPath(root: string, file: string): string {
  return relative(root, resolve(file)).split(sep).join('/');
}

/** The last commit that changed a file, or null when untracked or outside a repository. */
export function lastCommitOf(file: string): string | null {
  const root = gitRoot(resolve(file, '..'));
  if (root === null) return null;
  const commit = git(root, ['log', '-1', '--format=%H', '--', gitPath(root, file)]);
  return commit === '' ? null : commit;
}

/**
 * The files under `dir` that git sees as changed, staged or untracked (`git status --porcelain`
 * paths, relative to the top of the work tree), with `dir` as git names it; null outside a
 * repository or without git.
 */
export function uncommittedUnder(dir: string): { path: string; files: string[] } | null {
  const root = gitRoot(dir);
  if (root === null) return null;
  const path = gitPath(root, dir);
  // -z: entries end in NUL and paths are not quoted; each is `XY path`, and a rename or copy
  // (X or Y `R` or `C`) is followed by one more entry, the path it came from, which is not listed.
  const out = git(root, ['status', '--porcelain', '-z', '--untracked-files=all', '--', path], true);
  if (out === null) return null;
  const entries = out.split('\0');
  const files: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] ?? '';
    if (entry === '') continue;
    files.push(entry.slice(3));
    if (/[RC]/.test(entry.slice(0, 2))) i++;
  }
  return { path, files };
}

/**
 * The rule that makes git ignore `path` (`<file>:<line>:<pattern>`, as `git check-ignore -v`
 * gives it; a path inside an ignored folder is ignored by that folder's rule), or null: not
 * ignored, outside a repository, or without git. Tracked files are never ignored.
 */
export function ignoreRule(path: string): string | null {
  const root = gitRoot(existingFolderOf(path));
  if (root === null) return null;
  const out = git(root, ['check-ignore', '-v', '--', gitPath(root, path)]);
  if (out === null || out === '') return null;
  // `<source>:<line>:<pattern>\t<path>`; a matching negated pattern (`!…`) means not ignored.
  const tab = out.indexOf('\t');
  const rule = tab < 0 ? out : out.slice(0, tab);
  const pattern = rule.replace(/^.*?:\d+:/u, '');
  return pattern.startsWith('!') ? null : rule;
}

// git runs in a folder that exists: the path's own, else its nearest existing parent.
function existingFolderOf(path: string): string {
  let dir = resolve(path);
  while (!existsSync(dir) || !statSync(dir).isDirectory()) {
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return dir;
}

/** The full commit of a ref (branch, tag, sha), or null when git does not know it. */
export function resolveRef(dir: string, ref: string): string | null {
  return git(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
}

/** Whether a file is committed as it is: outside git, never committed, changed since HEAD, or clean. */
export type CommitState = 'outside' | 'uncommitted' | 'changed' | 'clean';

/**
 * How a file stands against HEAD: `uncommitted` when HEAD does not hold it (untracked, or only
 * staged), `changed` when its bytes in the working tree or the index differ from HEAD's.
 */
export function commitState(file: string): CommitState {
  const root = gitRoot(resolve(file, '..'));
  if (root === null) return 'outside';
  const path = gitPath(root, file);
  if (git(root, ['cat-file', '-e', `HEAD:${path}`]) === null) return 'uncommitted';
  return git(root, ['diff', '--quiet', 'HEAD', '--', path]) === null ? 'changed' : 'clean';
}

/** Whether the repository at `dir` holds a commit (a shallow clone may not). */
export function hasCommit(dir: string, commit: string): boolean {
  return git(dir, ['cat-file', '-e', `${commit}^{commit}`]) !== null;
}

/** The content of a file at a commit, by its path relative to the repository's top; or null. */
export function fileAt(root: string, path: string, commit: string): Buffer | null {
  try {
    return execFileSync('git', ['show', `${commit}:${path}`], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch {
    return null;
  }
}

/** The sha256 of bytes, in hex. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
