import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LEFTOVER_PATTERNS } from '@scorebook/engine';

const HEADER = [
  '# Written by scorebook publish: what an interrupted publish leaves beside the periods (a lock,',
  '# a folder being written, the earlier publication set aside). The next publish tidies them up;',
  '# they are never committed. Commit this file with the periods.',
];

/**
 * Makes sure `<resultsRoot>/.gitignore` lists {@link LEFTOVER_PATTERNS}, before a publish takes
 * its lock, so that a publish killed midway leaves nothing `git add -A` would take. A file the
 * user wrote is kept: only the missing patterns are added at its end. Returns the file when it
 * was written or changed, else null.
 */
export function ensureResultsIgnore(resultsRoot: string): string | null {
  const file = join(resultsRoot, '.gitignore');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : null;
  const lines = new Set((text ?? '').split(/\r?\n/).map((l) => l.trim()));
  const missing = LEFTOVER_PATTERNS.filter((p) => !lines.has(p));
  if (missing.length === 0) return null;
  mkdirSync(resultsRoot, { recursive: true });
  const before = text === null ? HEADER.join('\n') : text.replace(/(\r?\n)+$/, '');
  writeFileSync(file, `${before === '' ? '' : `${before}\n`}${missing.join('\n')}\n`);
  return file;
}
