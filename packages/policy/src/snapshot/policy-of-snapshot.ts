import type { PolicySnapshot } from '@scorebook/contract';
import type { Policy, SourceRef } from '../model.ts';

/**
 * The policy a `policy.json` snapshot records, for comparing published versions with
 * {@link diffPolicies} (the report site's policy pages). Meaning only: a rule's source position is
 * its snapshot line (column 1, no JSON path), which the diff never compares; the policy's own
 * metrics are the snapshot's metrics that are not built in.
 */
export function policyOfSnapshot(s: PolicySnapshot): Policy {
  const at = (line: number): SourceRef => ({ file: s.file, line, column: 1, path: '' });
  return {
    scorebook: s.format ?? 1,
    id: s.id,
    version: s.version,
    effective_from: s.effective_from,
    title: s.title,
    title_en: s.title_en,
    description: s.description,
    timezone: s.timezone,
    currency: s.currency ?? null,
    business_hours: s.business_hours,
    // policy.json records the appeal rules and the periods section only when the policy has them.
    appeals: s.appeals === undefined ? null : { ...s.appeals, months: s.appeals.months ?? null },
    periods: s.periods ?? null,
    exclusions: s.exclusions.map((e) => withSource(e, at)),
    metrics: s.metrics.filter((m) => !m.builtin),
    grades: s.grades,
    scorecards: s.scorecards.map((c) => ({
      id: c.id,
      title: c.title,
      title_en: c.title_en,
      roles: c.roles,
      eligibility: c.eligibility === null ? null : withSource(c.eligibility, at),
      scored: c.scored.map((i) => ({
        ...withSource(i, at),
        range: i.range ?? null,
        segments: i.segments ?? null,
        quota: i.quota === true,
      })),
      groups: (c.groups ?? []).map((g) => withSource(g, at)),
      adjustments: c.adjustments.map((a) => withSource(a, at)),
      vetoes: c.vetoes.map((v) => withSource(v, at)),
      flags: (c.flags ?? []).map((f) => withSource(f, at)),
      distribution: c.distribution ? withSource(c.distribution, at) : null,
      rewards: c.rewards ? withSource(c.rewards, at) : null,
      awards: (c.awards ?? []).map((a) => withSource(a, at)),
      source: at(c.line),
    })),
    file: s.file,
    sha256: s.sha256,
    text: s.text,
  };
}

function withSource<T extends { line: number }>(
  rule: T,
  at: (line: number) => SourceRef,
): Omit<T, 'line'> & { source: SourceRef } {
  const { line, ...rest } = rule;
  return { ...rest, source: at(line) };
}
