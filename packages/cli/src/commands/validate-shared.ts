import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { loadSharedBytes, sharedFolder } from '@scorebook/policy';
import type { SourceProblem } from '@scorebook/problems';

/** What `validate` found in a path of shared definitions: every problem, and the files read. */
export interface CheckedShared {
  problems: SourceProblem[];
  files: number;
}

/**
 * Checks shared definitions files on their own (`docs/shared.md`: shape, names, no references),
 * every problem of every file at once: a folder named `shared` (each `*.yaml` in it), or a `.yaml`
 * file in such a folder. Returns null for any other path.
 */
export function checkSharedAt(path: string): CheckedShared | null {
  if (!existsSync(path)) return null;
  const trimmed = path.replace(/[\\/]+$/, '');
  if (statSync(path).isFile()) {
    if (basename(dirname(trimmed)) !== 'shared' || !trimmed.endsWith('.yaml')) return null;
    const name = basename(trimmed).slice(0, -'.yaml'.length);
    return { problems: loadSharedBytes(name, trimmed, readFileSync(trimmed)).problems, files: 1 };
  }
  if (basename(trimmed) !== 'shared') return null;
  const names = sharedFolder(trimmed).names();
  return {
    problems: names.flatMap((n) => {
      const file = join(trimmed, `${n}.yaml`);
      return loadSharedBytes(n, file, readFileSync(file)).problems;
    }),
    files: names.length,
  };
}
