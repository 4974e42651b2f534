import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePeriod } from '@scorebook/time';
import { supersededSlots } from './paths.ts';

/**
 * When a period was first published: `published_at` of its first publication — the lowest
 * `superseded/<n>/` slot, else the publication in force — or null when the period is not
 * published, or was first published before manifests recorded the time (`docs/appeals.md`).
 */
export function firstPublishedAt(periodDir: string): string | null {
  const [first] = supersededSlots(periodDir);
  const file =
    first === undefined
      ? join(periodDir, 'manifest.json')
      : join(periodDir, 'superseded', String(first), 'manifest.json');
  if (!existsSync(file)) return null;
  try {
    const at = (JSON.parse(readFileSync(file, 'utf8')) as { published_at?: unknown }).published_at;
    return typeof at === 'string' ? at : null;
  } catch {
    return null;
  }
}

/**
 * The instants the appeal windows of a publication of `period` count from, by period: the
 * period's first publication (`now` for a first publication), and each month of a quarter or
 * year that has been published with a time. Periods without a known time are left out (their
 * windows count from their end).
 */
export function appealWindowsFrom(
  resultsRoot: string,
  period: string,
  now: string | null,
): Record<string, string> {
  const windows: Record<string, string> = {};
  const parsed = parsePeriod(period);
  if (parsed !== null && parsed.kind !== 'month') {
    const [year, month] = parsed.firstDay.split('-').map(Number);
    const count = parsed.kind === 'year' ? 12 : 3;
    for (let i = 0; i < count; i++) {
      const id = `${year}-${String((month ?? 1) + i).padStart(2, '0')}`;
      const at = firstPublishedAt(join(resultsRoot, id));
      if (at !== null) windows[id] = at;
    }
  }
  const own = now ?? firstPublishedAt(join(resultsRoot, period));
  if (own !== null) windows[period] = own;
  return windows;
}
