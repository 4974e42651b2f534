import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GOVERNANCE_ERRORS } from '@scorebook/governance';
import { type Bilingual, messageOf } from '@scorebook/problems';

/**
 * The published periods of a results folder whose files no longer match their manifest: every
 * file `manifest.json` records that is missing or whose sha256 differs, by period — the files
 * the site's pages of that period warn of (`docs/site.md`). A period without a manifest (a draft)
 * or whose manifest cannot be read is not checked here (`verify --all` says what is wrong with it).
 */
export function alteredPublications(resultsDir: string, periods: readonly string[]): Bilingual[] {
  const found: Bilingual[] = [];
  for (const period of periods) {
    const dir = join(resultsDir, period);
    let files: Record<string, unknown>;
    try {
      const manifest: unknown = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
      const recorded = (manifest as { files?: unknown }).files;
      if (typeof recorded !== 'object' || recorded === null) continue;
      files = recorded as Record<string, unknown>;
    } catch {
      continue;
    }
    for (const [name, recorded] of Object.entries(files)) {
      const file = join(dir, name);
      const current = existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null;
      if (current !== recorded)
        found.push(
          messageOf(GOVERNANCE_ERRORS, 'PUBLISHED_FILE_CHANGED', {
            file: `${period}/${name}`,
            recorded: String(recorded),
            current,
          }),
        );
    }
  }
  return found;
}
