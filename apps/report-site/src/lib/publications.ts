// The publication history of a period (`superseded/<n>/` and the manifest in force), as the audit
// page, the period overview and the home page show it: only what the manifests record.
import type { Manifest, Results } from '@scorebook/contract';
import type { SitePeriod } from './load.ts';

/** One publication of a period: an earlier one kept in `superseded/<n>/`, or the one in force. */
export interface Publication {
  /** `superseded/<n>` for an earlier publication; null for the one in force. */
  slot: string | null;
  manifest: Manifest | null;
  results: Results;
  /**
   * Why it was replaced: the reason the publication that replaced it recorded
   * (`supersedes.reason` of the next manifest), as recorded; null for the one in force.
   */
  replacedBecause: string | null;
}

/**
 * Every publication of a published period, oldest first, the one in force last; empty for a
 * draft. Each earlier publication's reason is the one recorded by the publication after it.
 */
export function publications(period: SitePeriod): Publication[] {
  if (period.manifest === null) return [];
  const earlier = period.history.map(
    (h, i): Publication => ({
      slot: `superseded/${h.dir}`,
      manifest: h.manifest,
      results: h.results,
      replacedBecause: (period.history[i + 1]?.manifest ?? period.manifest)?.supersedes?.reason ?? null,
    }),
  );
  return [
    ...earlier,
    { slot: null, manifest: period.manifest, results: period.results, replacedBecause: null },
  ];
}

/**
 * The appeal ids `publish --supersede` added to a reason it recorded (docs/appeals.md:
 * `appeals: ap-1, ap-2` without `--reason`, `<reason> (appeals: ap-1, ap-2)` with one); empty
 * when the reason has no such part.
 */
export function reasonAppeals(reason: string): string[] {
  const found = /^appeals: (.+)$/.exec(reason) ?? /\(appeals: ([^()]+)\)$/.exec(reason);
  return found?.[1] === undefined ? [] : found[1].split(', ');
}

/**
 * When a publication was made (`published_at`, an instant) as the wall time of the period's
 * timezone (`2026-12-03 17:14`); null for a manifest written before it recorded the time.
 */
export function publishedAtLocal(manifest: Manifest | null, timezone: string): string | null {
  if (manifest?.published_at === undefined) return null;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(manifest.published_at));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
