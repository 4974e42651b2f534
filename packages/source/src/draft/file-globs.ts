import { compare } from './guess-format.ts';

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
export function narrowDatedGlob(path: string): string {
  return path.replace(DATED_RUN, (run) =>
    run.replace(/\D/gu, '').length >= 4 ? run.replace(/\d/gu, '?') : run,
  );
}

/**
 * Whether `glob` (with `*` and `?` inside one path segment, `**` across segments, as
 * `source-format.md` defines them) matches `path`.
 */
export function globMatches(glob: string, path: string): boolean {
  let re = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      re += '.*';
      i++;
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else re += c.replace(/[.+^${}()|[\]\\]/gu, '\\$&');
  }
  return new RegExp(`^${re}$`, 'u').test(path);
}

/**
 * The `files` glob of one file of a table: its {@link datedGlob}, or when that would also match
 * a path in `others` (files of other tables, ignored or left unassigned) its
 * {@link narrowDatedGlob}, or when that would too, the path itself.
 */
export function fileGlob(path: string, others: readonly string[]): string {
  for (const glob of [datedGlob(path), narrowDatedGlob(path)]) {
    if (!others.some((other) => globMatches(glob, other))) return glob;
  }
  return path;
}

/** The `files` globs of a table: {@link fileGlob} of each of its files, sorted, without repeats. */
export function tableGlobs(paths: readonly string[], others: readonly string[]): string[] {
  return [...new Set(paths.map((path) => fileGlob(path, others)))].sort(compare);
}

/**
 * The `ignore` globs for files that belong to no table because of their kind: files with an
 * extension become `<dir>/*.<ext>` (as long as the glob matches none of `keep`, the data files),
 * Excel lock files `~$…` become `<dir>/~$*`, other names stay literal. Sorted, without repeats.
 */
export function ignoreGlobs(paths: readonly string[], keep: readonly string[]): string[] {
  const globs = new Set<string>();
  for (const path of paths) {
    const slash = path.lastIndexOf('/');
    const dir = path.slice(0, slash + 1);
    const name = path.slice(slash + 1);
    const dot = name.lastIndexOf('.');
    const glob = name.startsWith('~$') ? `${dir}~$*` : dot > 0 ? `${dir}*${name.slice(dot)}` : path;
    globs.add(keep.some((k) => globMatches(glob, k)) ? path : glob);
  }
  return [...globs].sort(compare);
}
