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

/**
 * The instants the appeal windows of `period`'s publication in force counted from (its manifest's
 * `appeals_window_from`; empty when it records none: they counted from the period's end), when
 * the period is published in `resultsRoot` under the policy `policyId`; null when it is not
 * published there, another policy's publication is there, or the manifest cannot be read. An
 * evaluation given them (`publishedAt`) takes the appeals the publication took.
 */
export function publishedWindowsOf(
  resultsRoot: string,
  period: string,
  policyId: string,
): Record<string, string> | null {
  const file = join(resultsRoot, period, 'manifest.json');
  if (!existsSync(file)) return null;
  try {
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as {
      policy?: { id?: unknown };
      appeals_window_from?: unknown;
    };
    if (manifest.policy?.id !== policyId) return null;
    const windows = manifest.appeals_window_from ?? {};
    if (typeof windows !== 'object' || windows === null) return null;
    const entries = Object.entries(windows);
    return entries.every(([, at]) => typeof at === 'string') ? Object.fromEntries(entries) : null;
  } catch {
    return null;
  }
}
