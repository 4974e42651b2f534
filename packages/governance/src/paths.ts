import { relative, resolve, sep } from 'node:path';
import { gitRoot } from './git.ts';

/** The folder paths in manifests and commands are relative to: the git work tree, else `cwd`. */
export function baseDir(cwd: string): string {
  return gitRoot(cwd) ?? resolve(cwd);
}

/** A path as recorded in a manifest: relative to the base, with forward slashes. */
export function recorded(base: string, path: string): string {
  return relative(base, resolve(path)).split(sep).join('/') || '.';
}
