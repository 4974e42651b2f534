import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { SourceProblem } from '@scorebook/problems';
import { governanceMessage } from './errors.ts';
import { sha256 } from './git.ts';
import { baseDir, periodFolders, recorded, supersededSlots } from './paths.ts';

/**
 * Warnings for policy version files edited in place after they governed a publication: for each
 * given file, every publication under the results root (in force or superseded) whose manifest
 * names that file (`policy.file`, relative to the git work tree) with a sha256 other than the
 * file's bytes now. The published results are not affected — `verify --all` reads the policy
 * from the recorded commit — but re-evaluating, superseding or an impact of that period would use
 * the edited rules. One warning per file, listing its periods, at the first line and column where
 * the file differs from the text a publication recorded (`policy.json`'s `text`; the earliest over
 * the edited publications; line 1 when no recorded text can be read). A manifest that cannot be
 * read is left to `verify --all`.
 */
export function editedPublishedPolicies(
  files: readonly string[],
  resultsRoot: string,
  cwd = process.cwd(),
): SourceProblem[] {
  const base = baseDir(cwd);
  const governed = governedBy(resolve(cwd, resultsRoot));
  const problems: SourceProblem[] = [];
  for (const file of files) {
    const uses = governed.get(recorded(base, resolve(cwd, file)));
    if (uses === undefined || !existsSync(file)) continue;
    const bytes = readFileSync(file);
    const now = sha256(bytes);
    const edited = uses.filter((u) => u.sha256 !== now);
    if (edited.length === 0) continue;
    const periods = [...new Set(edited.map((u) => u.period))].join(', ');
    const text = bytes.toString('utf8');
    const places = edited.flatMap((u) => {
      const published = publishedText(u.publication);
      return published === null ? [] : [firstDifference(published, text)];
    });
    const [line, column] = places.sort((a, b) => a[0] - b[0] || a[1] - b[1])[0] ?? [1, 1];
    problems.push({
      code: 'POLICY_EDITED_AFTER_PUBLICATION',
      severity: 'warning',
      message: governanceMessage('POLICY_EDITED_AFTER_PUBLICATION', { periods }),
      file,
      line,
      column,
      path: '',
    });
  }
  return problems;
}

/**
 * The periods under a results root whose publications (in force or superseded) were governed by
 * a policy file (its path relative to the git work tree, as manifests record it), oldest first.
 */
export function periodsGovernedBy(file: string, resultsRoot: string, cwd = process.cwd()): string[] {
  const uses = governedBy(resolve(cwd, resultsRoot)).get(recorded(baseDir(cwd), resolve(cwd, file))) ?? [];
  return [...new Set(uses.map((u) => u.period))];
}

/** Policy file (as recorded) → the periods and sha256 of the publications it governed. */
function governedBy(root: string): Map<string, { period: string; sha256: string; publication: string }[]> {
  const governed = new Map<string, { period: string; sha256: string; publication: string }[]>();
  for (const period of periodFolders(root)) {
    const dir = join(root, period);
    const publications = [...supersededSlots(dir).map((slot) => join(dir, 'superseded', String(slot))), dir];
    for (const publication of publications) {
      const policy = policyOf(join(publication, 'manifest.json'));
      if (policy === null) continue;
      const list = governed.get(policy.file) ?? [];
      if (!list.some((g) => g.period === period && g.sha256 === policy.sha256))
        list.push({ period, sha256: policy.sha256, publication });
      governed.set(policy.file, list);
    }
  }
  return governed;
}

function policyOf(manifest: string): { file: string; sha256: string } | null {
  try {
    const value = JSON.parse(readFileSync(manifest, 'utf8')) as {
      policy?: { file?: unknown; sha256?: unknown };
    };
    const { file, sha256: hash } = value.policy ?? {};
    return typeof file === 'string' && typeof hash === 'string' ? { file, sha256: hash } : null;
  } catch {
    return null;
  }
}

/** The policy text a publication recorded (`policy.json`'s `text`), or null when it cannot be read. */
function publishedText(publication: string): string | null {
  try {
    const { text } = JSON.parse(readFileSync(join(publication, 'policy.json'), 'utf8')) as { text?: unknown };
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
}

/**
 * The 1-based line and column of `now` where it first differs from `before`: the first
 * differing character of the first differing line; a line only one of them has starts at column
 * 1 (lines removed at the end point at the last line of `now`).
 */
function firstDifference(before: string, now: string): [number, number] {
  const a = before.replace(/^\uFEFF/, '').split(/\r?\n/);
  const b = now.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (y === undefined) return [Math.max(1, b.length), 1];
    if (x === undefined) return [i + 1, 1];
    let c = 0;
    while (c < x.length && c < y.length && x[c] === y[c]) c++;
    return [i + 1, c + 1];
  }
  return [1, 1];
}
