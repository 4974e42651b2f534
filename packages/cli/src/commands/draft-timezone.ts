import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadPolicyFamily, type PolicyFamily, policyFoldersIn } from '@scorebook/policy';
import type { DraftTimezone } from '@scorebook/source';
import { say } from '../text.ts';

/** Where `source init` looks for the policy whose timezone and roles the draft takes. */
export interface DraftTimezoneOptions {
  /** `--policies`: the policy folder the data is for. */
  policies?: string;
  /** The folder of policy folders (`configs/policies`), read when `policies` is not given. */
  policiesRoot: string;
  /** The folder paths in the note are relative to. */
  cwd: string;
}

/**
 * The `timezone` of a draft source, so that `source check` reads wall-clock times as `evaluate`
 * will: the timezone of `--policies`'s valid versions; without it, of the only policy folder of
 * `policiesRoot`, or of all of them when they share one. Left out (zone null) when there is no
 * such folder, no valid version, or more than one timezone; the note says which, in both languages.
 */
export function draftTimezone(
  options: DraftTimezoneOptions,
  folders: readonly DraftPolicyFolder[] = draftPolicyFolders(options),
): DraftTimezone {
  const shown = (path: string) => relative(options.cwd, path) || '.';
  const both = (zh: string, en: string) => ({ zh, en });
  const leftOut = (why: { zh: string; en: string }): DraftTimezone => ({
    zone: null,
    note: both(
      say('zh', 'INIT_TIMEZONE_LEFT_OUT', { why: why.zh }),
      say('en', 'INIT_TIMEZONE_LEFT_OUT', { why: why.en }),
    ),
  });
  const given = options.policies;
  const shownDir = (dir: string) => (given !== undefined ? given : shown(dir));
  const dirs = folders.map((f) => f.dir);
  const root = shown(options.policiesRoot);
  if (dirs.length === 0)
    return leftOut(
      both(say('zh', 'INIT_TIMEZONE_NO_POLICY', { root }), say('en', 'INIT_TIMEZONE_NO_POLICY', { root })),
    );
  const zones = new Map<string, string[]>();
  for (const { dir, versions } of folders)
    for (const v of versions) zones.set(v.timezone, [...(zones.get(v.timezone) ?? []), shown(dir)]);
  if (zones.size === 0) {
    const dir = dirs.length === 1 ? shownDir(dirs[0] ?? '') : root;
    return leftOut(
      both(say('zh', 'INIT_TIMEZONE_NO_VERSION', { dir }), say('en', 'INIT_TIMEZONE_NO_VERSION', { dir })),
    );
  }
  const where =
    dirs.length === 1
      ? both(
          say('zh', 'INIT_TIMEZONE_POLICY', { dir: shownDir(dirs[0] ?? '') }),
          say('en', 'INIT_TIMEZONE_POLICY', { dir: shownDir(dirs[0] ?? '') }),
        )
      : both(
          say('zh', 'INIT_TIMEZONE_ALL', { root, count: dirs.length }),
          say('en', 'INIT_TIMEZONE_ALL', { root, count: dirs.length }),
        );
  const [only, ...others] = [...zones.keys()].sort();
  if (only !== undefined && others.length === 0)
    return {
      zone: only,
      note: both(
        say('zh', 'INIT_TIMEZONE_FROM', { where: where.zh }),
        say('en', 'INIT_TIMEZONE_FROM', { where: where.en }),
      ),
    };
  const listed = [...zones.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([zone, folders]) => `${zone}: ${[...new Set(folders)].join(', ')}`)
    .join('; ');
  const place =
    dirs.length === 1
      ? where
      : both(say('zh', 'INIT_TIMEZONE_FOLDERS', { root }), say('en', 'INIT_TIMEZONE_FOLDERS', { root }));
  return leftOut(
    both(
      say('zh', 'INIT_TIMEZONE_DIFFER', { where: place.zh, zones: listed }),
      say('en', 'INIT_TIMEZONE_DIFFER', { where: place.en, zones: listed }),
    ),
  );
}

/** A policy folder a draft source reads, with its valid versions. */
export interface DraftPolicyFolder {
  dir: string;
  versions: PolicyFamily['versions'];
}

/**
 * The policy folders a draft source takes its timezone and roles from — `--policies`, else the
 * policy folders of `policiesRoot` ({@link policyFoldersIn}: those holding a policy file), in name
 * order — each loaded once for both.
 */
export function draftPolicyFolders(options: DraftTimezoneOptions): DraftPolicyFolder[] {
  const dirs =
    options.policies !== undefined
      ? [resolve(options.cwd, options.policies)]
      : existsSync(options.policiesRoot)
        ? policyFoldersIn(options.policiesRoot).map((name) => join(options.policiesRoot, name))
        : [];
  return dirs.map((dir) => ({ dir, versions: loadPolicyFamily(dir).versions }));
}
