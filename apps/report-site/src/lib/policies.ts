import { createHash } from 'node:crypto';
import type { PolicySnapshot, SnapshotMetric } from '@scorebook/contract';
import { diffPolicies, type PolicyChange, policyOfSnapshot } from '@scorebook/policy';
import type { SitePeriod } from './load.ts';
import { slugOf } from './slug.ts';

/**
 * One policy version as published: a distinct text (the policy file's sha256 and, when it uses
 * shared definitions, theirs: docs/shared.md) and the periods it governed.
 */
export interface PolicyVersion {
  id: string;
  version: string;
  /**
   * The URL segment: the version, and when two texts share a version the first 12 hex digits of
   * the sha256, then — for a text with shared definitions — `-` and the first 8 hex digits of the
   * sha256 of its shared files' `file:sha256` lines.
   */
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
    const key = `${snapshot.id}\u0000${textOf(snapshot)}`;
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
          ? `${slugOf(v.version)}-${v.snapshot.sha256.slice(0, 12)}${sharedSuffix(v.snapshot)}`
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
  const text = textOf(snapshot);
  return families.get(snapshot.id)?.find((v) => textOf(v.snapshot) === text) ?? null;
}

// What makes two snapshots the same text: the policy file and the shared files it resolved.
function textOf(snapshot: PolicySnapshot): string {
  return `${snapshot.sha256}\u0000${sharedLines(snapshot)}`;
}

function sharedSuffix(snapshot: PolicySnapshot): string {
  const lines = sharedLines(snapshot);
  return lines === '' ? '' : `-${createHash('sha256').update(lines).digest('hex').slice(0, 8)}`;
}

function sharedLines(snapshot: PolicySnapshot): string {
  return (snapshot.shared ?? []).map((f) => `${f.file}:${f.sha256}`).join('\n');
}

/**
 * The difference in meaning from `before` to `after`, computed by the policy package's diff on
 * the two snapshots; the unit of a scored metric's quantities, and of the metrics conditions
 * compare (`ratio_facts`), is the snapshots' own metric's.
 */
export function policyChanges(before: PolicySnapshot, after: PolicySnapshot): PolicyChange[] {
  const units = new Map<string, SnapshotMetric['unit']>();
  for (const m of [...before.metrics, ...after.metrics]) units.set(m.id, m.unit);
  const unitOf = (metric: string) => units.get(metric) ?? null;
  return diffPolicies(policyOfSnapshot(before), policyOfSnapshot(after), unitOf).map((change) =>
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
    compareText(textOf(a.snapshot), textOf(b.snapshot))
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The metrics of a snapshot whose unit is `ratio`: the facts whose thresholds in eligibility,
 * veto and flag conditions the policy pages write as percentages (`formatPolicyCondition`).
 */
export function ratioMetricIds(metrics: Iterable<Pick<SnapshotMetric, 'id' | 'unit'>>): string[] {
  return [...metrics].filter((m) => m.unit === 'ratio').map((m) => m.id);
}
