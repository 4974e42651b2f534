import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CONFIG_FILE_ERRORS, problemAt } from '@scorebook/config-file';
import {
  type Bilingual,
  messageOf as catalogueMessage,
  type SourceProblem,
  sortProblems,
} from '@scorebook/problems';
import type { Period } from '@scorebook/time';
import { messageOf } from './errors/catalogue.ts';
import { type LoadedPolicy, loadPolicyFile } from './load-policy.ts';
import type { Policy } from './model.ts';

/** The versions of one policy, as found in its folder. */
export interface PolicyFamily {
  dir: string;
  /** The folder name, which every version's `id` must equal. */
  id: string;
  loaded: LoadedPolicy[];
  /** The valid versions, oldest `effective_from` first. */
  versions: Policy[];
  problems: SourceProblem[];
}

const POLICY_FILE = /\.ya?ml$/;

/**
 * Loads every version in a policy folder and checks the family: each `id` equals the folder
 * name, `version` and `effective_from` are unique, files are named after their effective date.
 */
export function loadPolicyFamily(dir: string): PolicyFamily {
  const id = basename(dir.replace(/[\\/]+$/, ''));
  const empty = (code: string, message: Bilingual): PolicyFamily => ({
    dir,
    id,
    loaded: [],
    versions: [],
    problems: [{ file: dir, line: 1, column: 1, path: '', code, severity: 'error', message }],
  });
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) return empty('NOT_A_FOLDER', messageOf('NOT_A_FOLDER', { path: dir }));
    names = readdirSync(dir)
      .filter((n) => POLICY_FILE.test(n) && !n.startsWith('.'))
      .sort();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return empty('FILE_UNREADABLE', catalogueMessage(CONFIG_FILE_ERRORS, 'FILE_UNREADABLE', { reason }));
  }
  if (names.length === 0) return empty('NO_POLICY_FILES', messageOf('NO_POLICY_FILES'));
  const loaded = names.map((n) => loadPolicyFile(join(dir, n)));
  const problems = loaded.flatMap((l) => l.problems);
  const versions = new Map<string, string>();
  const dates = new Map<string, string>();
  for (const l of loaded) {
    if (l.raw === null || l.parsed === null) continue;
    const parsed = l.parsed;
    const report = (
      path: string[],
      code: Parameters<typeof messageOf>[0],
      params: Record<string, string>,
      severity: 'error' | 'warning' = 'error',
    ) => problems.push(problemAt(parsed, path, { code, severity, message: messageOf(code, params) }));
    const { id: policyId, effective_from: effective } = l.raw;
    const version = typeof l.raw.version === 'number' ? String(l.raw.version) : l.raw.version;
    if (typeof policyId === 'string' && policyId !== id)
      report(['id'], 'POLICY_ID_NOT_FOLDER', { id: policyId, folder: id });
    if (typeof version === 'string') {
      const other = versions.get(version);
      if (other !== undefined) report(['version'], 'DUPLICATE_VERSION', { version, other });
      else versions.set(version, basename(l.file));
    }
    if (typeof effective === 'string') {
      const other = dates.get(effective);
      if (other !== undefined)
        report(['effective_from'], 'DUPLICATE_EFFECTIVE_FROM', { date: effective, other });
      else dates.set(effective, basename(l.file));
      const name = basename(l.file).replace(POLICY_FILE, '');
      if (name !== effective)
        report(['effective_from'], 'FILE_NAME_NOT_EFFECTIVE_FROM', { expected: effective }, 'warning');
    }
  }
  const sorted = sortProblems(problems);
  const familyOk = !sorted.some((p) => p.severity === 'error');
  const valid = familyOk ? loaded.flatMap((l) => (l.policy ? [l.policy] : [])) : [];
  valid.sort((a, b) => (a.effective_from < b.effective_from ? -1 : 1));
  return { dir, id, loaded, versions: valid, problems: sorted };
}

/**
 * The version in force for a period: the one whose `effective_from` is the latest on or before
 * the period's first day. Returns a problem when there is none.
 */
export function selectVersion(
  family: PolicyFamily,
  period: Period,
): { policy: Policy | null; problem: SourceProblem | null } {
  let chosen: Policy | null = null;
  for (const v of family.versions) if (v.effective_from <= period.firstDay) chosen = v;
  if (chosen !== null) return { policy: chosen, problem: null };
  const earliest = family.versions[0]?.effective_from ?? '—';
  return {
    policy: null,
    problem: {
      file: family.dir,
      line: 1,
      column: 1,
      path: '',
      code: 'NO_VERSION_FOR_PERIOD',
      severity: 'error',
      message: messageOf('NO_VERSION_FOR_PERIOD', {
        id: family.id,
        period: period.id,
        firstDay: period.firstDay,
        earliest,
      }),
    },
  };
}
