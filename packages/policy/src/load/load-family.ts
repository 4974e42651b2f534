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
import { type LoadedPolicy, loadPolicyFile, type PolicyCheckOptions } from './load-policy.ts';

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
  | 'FILE_NAME_NOT_EFFECTIVE_FROM'
  | 'EFFECTIVE_MID_MONTH';

/** `2026-11-11` → `2026-11`; the month after for `next`. */
function monthOf(date: string, next: boolean): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  if (!next) return date.slice(0, 7);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * A warning for each version effective on another day than the 1st (`EFFECTIVE_MID_MONTH`, at
 * its `effective_from`): periods take the version in force on their first day, so it governs
 * from the next month, up to the month before the next version's first month (none when that
 * comes first); the month of its date stays with the version in force on its first day (if any).
 */
function midMonthVersions(loaded: readonly LoadedPolicy[]): SourceProblem[] {
  const dated = loaded
    .flatMap((l) => {
      const date = l.raw?.effective_from;
      const version = l.raw?.version;
      return l.parsed !== null && typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date)
        ? [{ parsed: l.parsed, date, version: version === undefined ? '' : String(version) }]
        : [];
    })
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const firstMonth = (date: string) => monthOf(date, !date.endsWith('-01'));
  return dated.flatMap((v, i) => {
    if (v.date.endsWith('-01')) return [];
    const first = firstMonth(v.date);
    const next = dated[i + 1];
    const end = next === undefined ? null : firstMonth(next.date);
    const governs = end === null || end > first;
    const last = end === null || !governs ? '' : previousMonth(end);
    return [
      problemAt(v.parsed, ['effective_from'], {
        code: 'EFFECTIVE_MID_MONTH',
        severity: 'warning',
        message: messageOf(POLICY_ERRORS, 'EFFECTIVE_MID_MONTH', {
          date: v.date,
          month: monthOf(v.date, false),
          previous: dated.findLast((d) => d.date <= `${monthOf(v.date, false)}-01`)?.version ?? '',
          first: governs ? first : '',
          last: last === first ? first : last,
        }),
      }),
    ];
  });
}

function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * Loads every version in a policy folder (`*.yaml`, `*.yml`, in name order, hidden files left
 * out) and checks the family: each `id` equals the folder name, `version` and `effective_from`
 * are unique, files are named after their effective date. `options` go to each file's check.
 * Never throws for bad input.
 */
export function loadPolicyFamily(dir: string, options: PolicyCheckOptions = {}): PolicyFamily {
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
  if (names.length === 0) {
    // The folder of every policy (configs/policies) given for one policy's: its policy folders named.
    const families = policyFoldersIn(dir);
    return families.length === 0
      ? empty('NO_POLICY_FILES', messageOf(POLICY_ERRORS, 'NO_POLICY_FILES'))
      : empty(
          'NO_POLICY_FILES',
          messageOf(POLICY_ERRORS, 'NO_POLICY_FILES_HOLDS_FOLDERS', {
            folders: families,
            example: join(dir, families[0] ?? ''),
          }),
        );
  }
  const loaded = names.map((n) => loadPolicyFile(join(dir, n), options));
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
  problems.push(...midMonthVersions(loaded));
  const sorted = sortProblems(problems);
  const familyOk = !sorted.some((p) => p.severity === 'error');
  const valid = familyOk ? loaded.flatMap((l) => (l.policy ? [l.policy] : [])) : [];
  valid.sort((a, b) => (a.effective_from < b.effective_from ? -1 : 1));
  return { dir, id, loaded, versions: valid, problems: sorted };
}

/**
 * The policy folders of a folder of them (`configs/policies`): the names of the folders directly in
 * `dir` that hold a policy file (a `.yaml` or `.yml` file), hidden folders and files left out, in
 * name order. A folder without one (`README-assets/`) is not a policy. Throws when `dir` cannot be read.
 */
export function policyFoldersIn(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
    .filter((e) => {
      try {
        return readdirSync(join(dir, e.name)).some((n) => POLICY_FILE.test(n) && !n.startsWith('.'));
      } catch {
        return false;
      }
    })
    .map((e) => e.name)
    .sort();
}
