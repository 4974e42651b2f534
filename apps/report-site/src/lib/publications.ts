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
  return instantLocal(manifest.published_at, timezone);
}

/**
 * A period published before it ended, and how that is known: `published_at` when the manifest
 * records the time of publication and it is before the period's end; `build` when it records none
 * and the site is built before the end (the manifest was there, so the publication came before
 * the build). `at` and `end` are wall times of the period's timezone with the timezone's name.
 */
export interface EarlyPublication {
  basis: 'published_at' | 'build';
  at: string;
  end: string;
}

/**
 * Whether a period was published before its end (`results.period.end`, an instant): for a
 * published period, `published_at` < end, or, without `published_at`, the build's time < end;
 * null otherwise, and for a draft (never published). Without `published_at` and built after the
 * end, the site cannot tell, and says nothing.
 */
export function earlyPublication(period: SitePeriod, built: Date = siteBuildTime()): EarlyPublication | null {
  const { manifest } = period;
  if (manifest === null) return null;
  const { end, timezone } = period.results.period;
  const endMs = Date.parse(end);
  const recorded = manifest.published_at;
  const recordedMs = recorded === undefined ? Number.NaN : Date.parse(recorded);
  const shown = (ms: number) => `${instantLocal(new Date(ms).toISOString(), timezone)} ${timezone}`;
  if (!Number.isNaN(recordedMs))
    return recordedMs < endMs ? { basis: 'published_at', at: shown(recordedMs), end: shown(endMs) } : null;
  return built.getTime() < endMs ? { basis: 'build', at: shown(built.getTime()), end: shown(endMs) } : null;
}

let buildTime: Date | undefined;

/**
 * The time of this build: `SCOREBOOK_SITE_NOW` when it is an instant (ISO 8601; the tests set
 * it), else the time it was first asked for; one time for every page of a build.
 */
export function siteBuildTime(): Date {
  if (buildTime !== undefined) return buildTime;
  const given = Date.parse(process.env.SCOREBOOK_SITE_NOW ?? '');
  buildTime = Number.isNaN(given) ? new Date() : new Date(given);
  return buildTime;
}

/** An instant as the wall time of a timezone, to the minute (`2026-12-03 17:14`). */
function instantLocal(instant: string, timezone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}
