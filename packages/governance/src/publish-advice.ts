import { gitRoot, ignoreRule, uncommittedUnder } from './git.ts';

/**
 * How git holds a folder: `kept` (inside a repository, not ignored; for a data folder, every file
 * committed too), `outside` every repository, `ignored` by a rule of a .gitignore (named), or,
 * for a data folder, `uncommitted` with that many files git does not hold.
 */
export type GitStanding =
  | { kind: 'kept' }
  | { kind: 'outside' }
  | { kind: 'ignored'; rule: string }
  | { kind: 'uncommitted'; files: number };

/** What to tell whoever just published, so that the publication stays verifiable. */
export interface PublishAdvice {
  /** The new period folder: `kept` means commit it; `ignored` and `outside` mean `git add` will not. */
  results: Exclude<GitStanding, { kind: 'uncommitted' }>;
  /**
   * The data folder, when no archive was given and git does not keep it (null otherwise): `verify`
   * recomputes from it, so once it is corrected or removed only an archive could re-verify.
   */
  data: Exclude<GitStanding, { kind: 'kept' }> | null;
}

/**
 * The advice after publishing `resultsDir` from `dataDir` (docs/governance.md, publish): how git
 * holds each folder (`git check-ignore`, `git status`), and whether the inputs were archived.
 */
export function publishAdvice(resultsDir: string, dataDir: string, archived: boolean): PublishAdvice {
  return { results: standing(resultsDir), data: archived ? null : dataStanding(dataDir) };
}

function standing(dir: string): Exclude<GitStanding, { kind: 'uncommitted' }> {
  if (gitRoot(dir) === null) return { kind: 'outside' };
  const rule = ignoreRule(dir);
  return rule === null ? { kind: 'kept' } : { kind: 'ignored', rule };
}

function dataStanding(dir: string): PublishAdvice['data'] {
  const held = standing(dir);
  if (held.kind !== 'kept') return held;
  const files = uncommittedUnder(dir)?.files.length ?? 0;
  return files === 0 ? null : { kind: 'uncommitted', files };
}
