import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { leftoversOf } from '@scorebook/engine';
import { parseEvaluationPeriod } from '@scorebook/time';
import { gitRoot } from './git.ts';

/** The folder paths in manifests and commands are relative to: the git work tree, else `cwd`. */
export function baseDir(cwd: string): string {
  return gitRoot(cwd) ?? resolve(cwd);
}

/** A path as recorded in a manifest: relative to the base, with forward slashes. */
export function recorded(base: string, path: string): string {
  return relative(base, resolve(path)).split(sep).join('/') || '.';
}

/** The slots of `<period>/superseded/` (folders named by a number), in ascending order. */
export function supersededSlots(periodDir: string): number[] {
  const dir = join(periodDir, 'superseded');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => /^[1-9]\d*$/.test(n) && statSync(join(dir, n)).isDirectory())
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * The folders of a results root that are periods (named `2026-10`, `2026-Q4`, `2026`), oldest
 * first, whether or not they hold a manifest. Hidden entries — locks, staging and replaced folders
 * an interrupted write left — are not periods.
 */
export function periodFolders(resultsRoot: string): string[] {
  if (!existsSync(resultsRoot)) return [];
  return readdirSync(resultsRoot)
    .filter((n) => parseEvaluationPeriod(n) !== null && statSync(join(resultsRoot, n)).isDirectory())
    .sort();
}

/** The periods with a lock file (`.<period>.lock`) under a results root, sorted. */
export function lockedPeriods(resultsRoot: string): string[] {
  if (!existsSync(resultsRoot)) return [];
  return readdirSync(resultsRoot)
    .map((entry) => /^\.(.+)\.lock$/.exec(entry)?.[1])
    .filter((period): period is string => period !== undefined && parseEvaluationPeriod(period) !== null)
    .sort();
}

/** Periods whose folder is missing because a publish stopped between its renames: period → the aside folder. */
export function interruptedPeriods(resultsRoot: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!existsSync(resultsRoot)) return found;
  for (const entry of readdirSync(resultsRoot)) {
    const period = /^\.(.+)\.replaced-\d+$/.exec(entry)?.[1];
    if (
      period === undefined ||
      parseEvaluationPeriod(period) === null ||
      existsSync(join(resultsRoot, period))
    )
      continue;
    const aside = leftoversOf(join(resultsRoot, period)).find((l) => l.kind === 'replaced');
    if (aside) found.set(period, aside.path);
  }
  return found;
}

/**
 * The appeals folder a publish reads when none is named (`scorebook publish` without `--appeals`),
 * relative to the git work tree: a recorded command leaves `--appeals` out for it when the
 * period has no appeal files.
 */
export const DEFAULT_APPEALS_DIR = 'configs/appeals';
