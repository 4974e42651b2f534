import type { PolicySnapshot, SnapshotMetric } from '@scorebook/contract';
import { diffPolicies, type PolicyChange, policyOfSnapshot } from '@scorebook/policy';
import type { SitePeriod } from './load.ts';
import { slugOf } from './slug.ts';

/** One policy version as published: a distinct policy.json (by sha256) and the periods it governed. */
export interface PolicyVersion {
  id: string;
  version: string;
  /** The URL segment: the version, and the first 12 hex digits of the sha256 when two texts share a version. */
  slug: string;
  snapshot: PolicySnapshot;
  /** The periods evaluated with it, newest first. */
  periods: SitePeriod[];
}

/**
 * The policy versions of the published snapshots, by policy id (sorted), each family's versions
 * oldest `effective_from` first (then version, then sha256). Only policy.json files are read,
 * never the policies folder: a version edited after publication shows as a second text of the
 * same version.
 */
export function policyVersions(periods: readonly SitePeriod[]): Map<string, PolicyVersion[]> {
  const bySha = new Map<string, PolicyVersion>();
  for (const period of periods) {
    const snapshot = period.policy;
    if (snapshot === null) continue;
    const key = `${snapshot.id}\u0000${snapshot.sha256}`;
    const known = bySha.get(key);
    if (known !== undefined) known.periods.push(period);
    else
      bySha.set(key, { id: snapshot.id, version: snapshot.version, slug: '', snapshot, periods: [period] });
  }
  const families = new Map<string, PolicyVersion[]>();
  for (const v of [...bySha.values()].sort(compareVersions)) {
    const family = families.get(v.id) ?? [];
    family.push(v);
    families.set(v.id, family);
  }
  for (const family of families.values()) {
    const texts = new Map<string, number>();
    for (const v of family) texts.set(v.version, (texts.get(v.version) ?? 0) + 1);
    for (const v of family)
      v.slug =
        (texts.get(v.version) ?? 0) > 1
          ? `${slugOf(v.version)}-${v.snapshot.sha256.slice(0, 12)}`
          : slugOf(v.version);
  }
  return new Map([...families.entries()].sort(([a], [b]) => compareText(a, b)));
}

/** The published version a period was evaluated with, or null when it has no policy.json. */
export function versionOf(
  families: ReadonlyMap<string, readonly PolicyVersion[]>,
  period: SitePeriod,
): PolicyVersion | null {
  const snapshot = period.policy;
  if (snapshot === null) return null;
  return families.get(snapshot.id)?.find((v) => v.snapshot.sha256 === snapshot.sha256) ?? null;
}

/**
 * The difference in meaning from `before` to `after`, computed by the policy package's diff on
 * the two snapshots; the unit of a scored metric's quantities is the snapshots' own metric's.
 */
export function policyChanges(before: PolicySnapshot, after: PolicySnapshot): PolicyChange[] {
  const units = new Map<string, SnapshotMetric['unit']>();
  for (const m of [...before.metrics, ...after.metrics]) units.set(m.id, m.unit);
  return diffPolicies(policyOfSnapshot(before), policyOfSnapshot(after)).map((change) =>
    change.area === 'scored' && change.subject !== null
      ? { ...change, unit: units.get(change.subject) ?? change.unit }
      : change,
  );
}

function compareVersions(a: PolicyVersion, b: PolicyVersion): number {
  return (
    compareText(a.id, b.id) ||
    compareText(a.snapshot.effective_from, b.snapshot.effective_from) ||
    compareText(a.version, b.version) ||
    compareText(a.snapshot.sha256, b.snapshot.sha256)
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
