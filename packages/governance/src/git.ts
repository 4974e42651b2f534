import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

/** Runs git in `cwd`; null when git fails (not a repository, unknown ref, no git). */
function git(cwd: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
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

/** The last commit that changed a file, or null when untracked or outside a repository. */
export function lastCommitOf(file: string): string | null {
  const root = gitRoot(resolve(file, '..'));
  if (root === null) return null;
  const commit = git(root, ['log', '-1', '--format=%H', '--', relative(root, resolve(file))]);
  return commit === '' ? null : commit;
}

/** The full commit of a ref (branch, tag, sha), or null when git does not know it. */
export function resolveRef(dir: string, ref: string): string | null {
  return git(dir, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
}

/**
 * Writes the files of a folder as they were at a commit into `target` (for the policy at a base
 * ref). Returns the number of files written; 0 when the folder did not exist there.
 */
export function exportFolderAt(dir: string, commit: string, target: string): number {
  const root = gitRoot(dir);
  if (root === null) return 0;
  const path = relative(root, resolve(dir)).split('\\').join('/');
  const list = git(root, ['ls-tree', '-r', '--name-only', commit, '--', path]);
  if (list === null || list === '') return 0;
  let written = 0;
  for (const file of list.split('\n')) {
    const content = execFileSync('git', ['show', `${commit}:${file}`], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    const out = join(target, relative(path, file));
    mkdirSync(resolve(out, '..'), { recursive: true });
    writeFileSync(out, content);
    written++;
  }
  return written;
}

/** The content of one file at a commit, or null. */
export function fileAt(file: string, commit: string): Buffer | null {
  const root = gitRoot(resolve(file, '..'));
  if (root === null) return null;
  try {
    return execFileSync('git', ['show', `${commit}:${relative(root, resolve(file)).split('\\').join('/')}`], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return null;
  }
}
