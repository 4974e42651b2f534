import { relative } from 'node:path';
import type { DraftRoles } from '@scorebook/source';
import { say } from '../text.ts';
import { type DraftPolicyFolder, type DraftTimezoneOptions, draftPolicyFolders } from './draft-timezone.ts';

/**
 * The roles a draft source maps the agents' `role` column to: every role of every scorecard of
 * the valid versions of the policy folders the timezone is taken from (`--policies`, else those of
 * `policiesRoot`), in code-point order. Not known (names null) when there is no such folder or no
 * valid version; the note says where they come from or why not, in both languages.
 */
export function draftRoles(
  options: DraftTimezoneOptions,
  folders: readonly DraftPolicyFolder[] = draftPolicyFolders(options),
): DraftRoles {
  const shown = (path: string) => relative(options.cwd, path) || '.';
  const dirs = folders.map((f) => f.dir);
  const root = shown(options.policiesRoot);
  const dir = dirs.length === 1 ? (options.policies ?? shown(dirs[0] ?? '')) : root;
  if (dirs.length === 0)
    return {
      names: null,
      note: {
        zh: say('zh', 'INIT_ROLES_UNKNOWN', { why: say('zh', 'INIT_TIMEZONE_NO_POLICY', { root }) }),
        en: say('en', 'INIT_ROLES_UNKNOWN', { why: say('en', 'INIT_TIMEZONE_NO_POLICY', { root }) }),
      },
    };
  const versions = folders.flatMap((f) => f.versions);
  if (versions.length === 0)
    return {
      names: null,
      note: {
        zh: say('zh', 'INIT_ROLES_UNKNOWN', { why: say('zh', 'INIT_TIMEZONE_NO_VERSION', { dir }) }),
        en: say('en', 'INIT_ROLES_UNKNOWN', { why: say('en', 'INIT_TIMEZONE_NO_VERSION', { dir }) }),
      },
    };
  const names = [...new Set(versions.flatMap((v) => v.scorecards.flatMap((s) => s.roles)))].sort((a, b) =>
    a < b ? -1 : a > b ? 1 : 0,
  );
  const where =
    dirs.length === 1
      ? { zh: say('zh', 'INIT_ROLES_POLICY', { dir }), en: say('en', 'INIT_ROLES_POLICY', { dir }) }
      : {
          zh: say('zh', 'INIT_ROLES_FOLDERS', { root, count: dirs.length }),
          en: say('en', 'INIT_ROLES_FOLDERS', { root, count: dirs.length }),
        };
  return {
    names,
    note: {
      zh: say('zh', 'INIT_ROLES_FROM', { where: where.zh, count: versions.length }),
      en: say('en', 'INIT_ROLES_FROM', { where: where.en, count: versions.length }),
    },
  };
}
