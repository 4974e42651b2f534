import { Glob } from '../locate/glob.ts';
import { compareCodePoints as compare } from './normalize.ts';

// A run of digits and date separators holding at least four digits: 2026-10, 20261005,
// 2026年10月, 2026-10-05_0900. Shorter numbers (v2, (1), part3) are kept.
const DATED_RUN = /\d[\d\-_.年月日]*[\d年月日]/gu;

/**
 * The glob a file's path generalises to: every run of digits and date separators (`-`, `_`,
 * `.`, `年`, `月`, `日`) with at least four digits becomes `*`, in every segment, so that
 * `会话记录_2026-10.csv` gives `会话记录_*.csv` and `聊天记录/20261005.xlsx` gives
 * `聊天记录/*.xlsx`. A path without such a run is its own glob.
 */
export function datedGlob(path: string): string {
  return path.replace(DATED_RUN, (run) => (run.replace(/\D/gu, '').length >= 4 ? '*' : run));
}

/** Like {@link datedGlob}, but each digit of a dated run becomes `?`: `会话_2026-10.csv` → `会话_????-??.csv`. */
function narrowDatedGlob(path: string): string {
  return path.replace(DATED_RUN, (run) =>
    run.replace(/\D/gu, '').length >= 4 ? run.replace(/\d/gu, '?') : run,
  );
}

/**
 * The `files` glob of one file of a table: its {@link datedGlob}, or when that would also match
 * a path in `others` (files of other tables, ignored or left unassigned) its
 * {@link narrowDatedGlob}, or when that would too, the path itself.
 */
export function fileGlob(path: string, others: readonly string[]): string {
  for (const glob of [datedGlob(path), narrowDatedGlob(path)]) {
    const compiled = new Glob(glob);
    if (!others.some((other) => compiled.matches(other))) return glob;
  }
  return path;
}

/** The `files` globs of a table: {@link fileGlob} of each of its files, sorted, without repeats. */
export function tableGlobs(paths: readonly string[], others: readonly string[]): string[] {
  return [...new Set(paths.map((path) => fileGlob(path, others)))].sort(compare);
}

/**
 * The `ignore` globs for files that are not CSV, JSON Lines or xlsx: a file with an extension
 * becomes `<dir>/*.<ext>` unless that glob matches one of `keep` (the data files), then it and
 * any name without an extension stay literal. Sorted, without repeats.
 */
export function ignoreGlobs(paths: readonly string[], keep: readonly string[]): string[] {
  const globs = new Set<string>();
  for (const path of paths) {
    const slash = path.lastIndexOf('/');
    const name = path.slice(slash + 1);
    const dot = name.lastIndexOf('.');
    const glob = dot > 0 ? `${path.slice(0, slash + 1)}*${name.slice(dot)}` : path;
    const compiled = new Glob(glob);
    globs.add(keep.some((k) => compiled.matches(k)) ? path : glob);
  }
  return [...globs].sort(compare);
}
