import { basename } from 'node:path';
import type { Condition } from '@scorebook/conditions';
import {
  type MetricDefinition,
  metricDefinition,
  type PolicySnapshot,
  type RatioSide,
  type SnapshotMetric,
  type SnapshotScorecard,
  type SnapshotWeekday,
} from '@scorebook/contract';
import type { Policy, Scorecard } from '@scorebook/policy';

/**
 * The content of `policy.json`: the policy version an evaluation applied and the metric
 * definitions it measured (`definitions`, in evaluation order), so that a published period can
 * be shown without reading today's policy files or catalog. Pure and deterministic: keys are
 * written in a fixed order, the keys of conditions sorted, lists in the policy's order.
 */
export function policySnapshot(policy: Policy, definitions: readonly MetricDefinition[]): PolicySnapshot {
  const v2 = policy.scorebook === 2;
  return {
    scorebook: 1,
    ...(v2 ? { format: 2 as const } : {}),
    id: policy.id,
    version: policy.version,
    effective_from: policy.effective_from,
    title: policy.title,
    title_en: policy.title_en,
    description: policy.description,
    timezone: policy.timezone,
    ...(policy.currency === null ? {} : { currency: policy.currency }),
    file: basename(policy.file),
    sha256: policy.sha256,
    ...(policy.shared === undefined
      ? {}
      : { shared: policy.shared.map((u) => ({ file: u.file, sha256: u.sha256 })) }),
    grades: policy.grades.map((g) => ({
      grade: g.grade,
      min_score: g.min_score,
      label: g.label,
      label_en: g.label_en,
    })),
    business_hours:
      policy.business_hours === null
        ? null
        : { week: week(policy.business_hours.week), holidays: [...policy.business_hours.holidays] },
    exclusions: policy.exclusions.map((e) => ({
      id: e.id,
      table: e.table,
      reason: e.reason,
      reason_en: e.reason_en,
      when: condition(e.when),
      line: e.source.line,
    })),
    scorecards: policy.scorecards.map((s) => scorecard(s, v2)),
    metrics: definitions.map(metric),
    ...(policy.periods === null ? {} : { periods: { ...policy.periods } }),
    ...(policy.appeals === null
      ? {}
      : {
          appeals: {
            window_days: policy.appeals.window_days,
            tables: policy.appeals.tables === null ? null : [...policy.appeals.tables],
            metrics: policy.appeals.metrics === null ? null : [...policy.appeals.metrics],
            vetoes: policy.appeals.vetoes === null ? null : [...policy.appeals.vetoes],
            final: policy.appeals.final,
            // Written only when the version says it, so that earlier snapshots keep their bytes.
            ...(policy.appeals.months === null ? {} : { months: policy.appeals.months }),
          },
        }),
    text: policy.text,
  };
}

function week(w: Readonly<Record<SnapshotWeekday, readonly string[]>>): Record<SnapshotWeekday, string[]> {
  return {
    mon: [...w.mon],
    tue: [...w.tue],
    wed: [...w.wed],
    thu: [...w.thu],
    fri: [...w.fri],
    sat: [...w.sat],
    sun: [...w.sun],
  };
}

function scorecard(s: Scorecard, v2: boolean): SnapshotScorecard {
  return {
    id: s.id,
    title: s.title,
    title_en: s.title_en,
    roles: [...s.roles],
    eligibility:
      s.eligibility === null
        ? null
        : {
            when: condition(s.eligibility.when),
            reason: s.eligibility.reason,
            reason_en: s.eligibility.reason_en,
            line: s.eligibility.source.line,
          },
    scored: s.scored.map((i) => ({
      metric: i.metric,
      weight: i.weight,
      method: i.method,
      target: i.target,
      floor: i.floor,
      bands: i.bands.map((b) => ({ bound: b.bound, value: b.value, score: b.score })),
      ...(v2 ? { range: i.range === null ? null : { ...i.range } } : {}),
      min_sample: i.min_sample,
      group: i.group,
      ...(i.segments === null
        ? {}
        : {
            segments: {
              field: i.segments.field,
              segments: i.segments.segments.map((g) => ({ ...g })),
            },
          }),
      ...(i.quota ? { quota: true as const } : {}),
      line: i.source.line,
    })),
    adjustments: s.adjustments.map((a) => ({
      id: a.id,
      metric: a.metric,
      points_each: a.points_each,
      min: a.min,
      max: a.max,
      line: a.source.line,
    })),
    vetoes: s.vetoes.map((v) => ({
      id: v.id,
      reason: v.reason,
      reason_en: v.reason_en,
      when: condition(v.when),
      cap_grade: v.cap_grade,
      line: v.source.line,
    })),
    ...(v2
      ? {
          groups: s.groups.map((g) => ({
            id: g.id,
            title: g.title,
            title_en: g.title_en,
            weight: g.weight,
            line: g.source.line,
          })),
          flags: s.flags.map((f) => ({
            id: f.id,
            label: f.label,
            label_en: f.label_en,
            when: condition(f.when),
            line: f.source.line,
          })),
          distribution:
            s.distribution === null
              ? null
              : {
                  tie_breakers: [...s.distribution.tie_breakers],
                  grades: s.distribution.grades.map((r) => ({
                    grade: r.grade,
                    max_share: r.max_share,
                    min_share: r.min_share,
                  })),
                  line: s.distribution.source.line,
                },
          rewards:
            s.rewards === null
              ? null
              : {
                  coefficients: s.rewards.coefficients.map((c) => ({
                    grade: c.grade,
                    coefficient: c.coefficient,
                  })),
                  not_rated: s.rewards.not_rated,
                  base: s.rewards.base === null ? null : { ...s.rewards.base },
                  line: s.rewards.source.line,
                },
          awards: s.awards.map((a) => ({
            id: a.id,
            title: a.title,
            title_en: a.title_en,
            metric: a.metric,
            top: a.top,
            amount: a.amount,
            min_sample: a.min_sample,
            line: a.source.line,
          })),
        }
      : {}),
    line: s.source.line,
  };
}

function metric(d: MetricDefinition): SnapshotMetric {
  switch (d.kind) {
    case 'ratio':
      return metricDefinition(d, {
        kind: d.kind,
        numerator: side(d.numerator),
        denominator: side(d.denominator),
      });
    case 'count':
      return metricDefinition(d, { kind: d.kind, table: d.table, where: orNull(d.where) });
    case 'formula':
      return metricDefinition(d, { kind: d.kind, formula: d.formula });
    case 'rating': {
      const { dimension, roles, min_raters, include_self } = d;
      return metricDefinition(d, {
        kind: d.kind,
        where: orNull(d.where),
        dimension,
        roles,
        min_raters,
        include_self,
      });
    }
    default:
      return metricDefinition(d, { kind: d.kind, table: d.table, field: d.field, where: orNull(d.where) });
  }
}

function side(s: RatioSide): RatioSide {
  return { table: s.table, where: orNull(s.where) };
}

function orNull(where: Condition | null): Condition | null {
  return where === null ? null : condition(where);
}

// Conditions with their keys sorted, so that policy.json does not depend on how the YAML was written.
function condition(value: Condition): Condition {
  return sortKeys(value) as Condition;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}
