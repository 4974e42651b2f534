import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { CONFIG_FILE_ERRORS, problemAt } from '@scorebook/config-file';
import {
  type ArgsOf,
  type Bilingual,
  messageOf,
  type SourceProblem,
  sortProblems,
} from '@scorebook/problems';
import { POLICY_ERRORS } from '../errors/catalogue.ts';
import type { Policy } from '../model.ts';
import { type LoadedPolicy, loadPolicyFile } from './load-policy.ts';

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

type FamilyCode =
  | 'POLICY_ID_NOT_FOLDER'
  | 'DUPLICATE_VERSION'
  | 'DUPLICATE_EFFECTIVE_FROM'
  | 'FILE_NAME_NOT_EFFECTIVE_FROM';

/**
 * Loads every version in a policy folder (`*.yaml`, `*.yml`, in name order, hidden files left
 * out) and checks the family: each `id` equals the folder name, `version` and `effective_from`
 * are unique, files are named after their effective date. Never throws for bad input.
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
    if (!statSync(dir).isDirectory())
      return empty('NOT_A_FOLDER', messageOf(POLICY_ERRORS, 'NOT_A_FOLDER', { path: dir }));
    names = readdirSync(dir)
      .filter((n) => POLICY_FILE.test(n) && !n.startsWith('.'))
      .sort();
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    return empty('FILE_UNREADABLE', messageOf(CONFIG_FILE_ERRORS, 'FILE_UNREADABLE', { reason }));
  }
  if (names.length === 0) return empty('NO_POLICY_FILES', messageOf(POLICY_ERRORS, 'NO_POLICY_FILES'));
  const loaded = names.map((n) => loadPolicyFile(join(dir, n)));
  const problems = loaded.flatMap((l) => l.problems);
  const versions = new Map<string, string>();
  const dates = new Map<string, string>();
  for (const l of loaded) {
    if (l.raw === null || l.parsed === null) continue;
    const parsed = l.parsed;
    const report = <K extends FamilyCode>(
      path: string[],
      severity: 'error' | 'warning',
      code: K,
      ...params: ArgsOf<(typeof POLICY_ERRORS)[K]>
    ) =>
      problems.push(
        problemAt(parsed, path, { code, severity, message: messageOf(POLICY_ERRORS, code, ...params) }),
      );
    const { id: policyId, effective_from: effective } = l.raw;
    const version = typeof l.raw.version === 'number' ? String(l.raw.version) : l.raw.version;
    if (typeof policyId === 'string' && policyId !== id)
      report(['id'], 'error', 'POLICY_ID_NOT_FOLDER', { id: policyId, folder: id });
    if (typeof version === 'string') {
      const other = versions.get(version);
      if (other !== undefined) report(['version'], 'error', 'DUPLICATE_VERSION', { version, other });
      else versions.set(version, basename(l.file));
    }
    if (typeof effective === 'string') {
      const other = dates.get(effective);
      if (other !== undefined)
        report(['effective_from'], 'error', 'DUPLICATE_EFFECTIVE_FROM', { date: effective, other });
      else dates.set(effective, basename(l.file));
      const name = basename(l.file).replace(POLICY_FILE, '');
      if (name !== effective)
        report(['effective_from'], 'warning', 'FILE_NAME_NOT_EFFECTIVE_FROM', { expected: effective });
    }
  }
  const sorted = sortProblems(problems);
  const familyOk = !sorted.some((p) => p.severity === 'error');
  const valid = familyOk ? loaded.flatMap((l) => (l.policy ? [l.policy] : [])) : [];
  valid.sort((a, b) => (a.effective_from < b.effective_from ? -1 : 1));
  return { dir, id, loaded, versions: valid, problems: sorted };
}
