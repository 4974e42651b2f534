import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { checkAppealFiles, loadPeriodAppeals } from '@scorebook/appeals';
import type { SourceProblem } from '@scorebook/problems';
import { parseEvaluationPeriod } from '@scorebook/time';

/** What `validate` found in a path that holds appeals: every problem, and the files read. */
export interface CheckedAppeals {
  problems: SourceProblem[];
  files: number;
}

/**
 * Checks the appeals a `validate` argument names on their own (`docs/appeals.md`; schema and
 * meaning of each file, not against data or a policy), every problem of every file at once:
 * an appeal file in a period folder (`configs/appeals/2026-10/ap-001.yaml`), a period folder
 * (`configs/appeals/2026-10`), or an appeals folder whose sub-folders are periods and which holds
 * no YAML file itself (`configs/appeals`). Returns null for any other path (a policy's).
 */
export function checkAppealsAt(path: string): CheckedAppeals | null {
  if (!existsSync(path)) return null;
  const isFile = statSync(path).isFile();
  const folder = isFile ? basename(dirname(path)) : basename(path);
  const period = parseEvaluationPeriod(folder);
  if (isFile) {
    if (period === null || !/\.ya?ml$/.test(path)) return null;
    const loaded = checkAppealFiles(period.id, [
      { file: path, name: `${period.id}/${basename(path)}`, bytes: readFileSync(path) },
    ]);
    return { problems: loaded.problems, files: 1 };
  }
  if (period !== null) return ofPeriods(dirname(path), [folder]);
  const entries = readdirSync(path);
  const periods = entries.filter(
    (e) => parseEvaluationPeriod(e)?.id === e && statSync(join(path, e)).isDirectory(),
  );
  if (periods.length === 0 || entries.some((e) => /\.ya?ml$/.test(e))) return null;
  return ofPeriods(path, periods.sort());
}

// Files are counted as read, with problems or not (the loaded appeals list only a period without errors).
function ofPeriods(root: string, periods: readonly string[]): CheckedAppeals {
  const loaded = periods.map((p) => loadPeriodAppeals(root, p));
  const read = (p: string) =>
    readdirSync(join(root, p)).filter((n) => n.endsWith('.yaml') && statSync(join(root, p, n)).isFile())
      .length;
  return {
    problems: loaded.flatMap((l) => l.problems),
    files: periods.reduce((n, p) => n + read(p), 0),
  };
}
