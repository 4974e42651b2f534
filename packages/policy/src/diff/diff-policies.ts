import { builtinMetrics, type MetricDefinition, type Unit } from '@scorebook/contract';
import { WEEKDAYS } from '@scorebook/time';
import type { Policy, Scorecard, ScoredItem } from '../model.ts';

/** What part of a policy a change is in. */
export type ChangeArea =
  | 'policy'
  | 'business_hours'
  | 'exclusion'
  | 'metric'
  | 'grade'
  | 'scorecard'
  | 'eligibility'
  | 'scored'
  | 'adjustment'
  | 'veto';

/** One difference in meaning between two versions of a policy. */
export interface PolicyChange {
  area: ChangeArea;
  kind: 'added' | 'removed' | 'changed';
  /** The scorecard the change is in, if any. */
  scorecard: string | null;
  /** The thing changed: an exclusion, metric, grade, adjustment or veto id; a weekday. */
  subject: string | null;
  /** The property changed (`weight`, `target`, `when` …), null for an addition or removal. */
  field: string | null;
  /** Values before and after, normalised (quantities in the metric's unit); null when absent. */
  before: unknown;
  after: unknown;
  /** The unit of `before`/`after` when they are quantities of a metric. */
  unit: Unit | null;
}

/**
 * The difference in meaning between two valid policy versions: what was added, removed or
 * changed, compared after normalisation, so comments, key order, quoting and the spelling of
 * quantities (`0.95` vs `95%`) make no difference.
 */
export function diffPolicies(before: Policy, after: Policy): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const push = (c: Omit<PolicyChange, 'unit'> & { unit?: Unit | null }) =>
    changes.push({ ...c, unit: c.unit ?? null });
  const field = (
    area: ChangeArea,
    scorecard: string | null,
    subject: string | null,
    name: string,
    a: unknown,
    b: unknown,
    unit: Unit | null = null,
  ) => {
    if (!same(a, b))
      push({
        area,
        kind: 'changed',
        scorecard,
        subject,
        field: name,
        before: a ?? null,
        after: b ?? null,
        unit,
      });
  };

  for (const key of ['version', 'effective_from', 'title', 'title_en', 'description', 'timezone'] as const) {
    field('policy', null, null, key, before[key], after[key]);
  }

  const hoursA = before.business_hours;
  const hoursB = after.business_hours;
  if (hoursA === null || hoursB === null) {
    if (hoursA !== hoursB)
      push({
        area: 'business_hours',
        kind: hoursA === null ? 'added' : 'removed',
        scorecard: null,
        subject: null,
        field: null,
        before: hoursA,
        after: hoursB,
      });
  } else {
    for (const day of WEEKDAYS)
      field('business_hours', null, day, 'intervals', hoursA.week[day], hoursB.week[day]);
    field(
      'business_hours',
      null,
      'holidays',
      'dates',
      [...hoursA.holidays].sort(),
      [...hoursB.holidays].sort(),
    );
  }

  keyed(before.exclusions, after.exclusions, (e) => e.id, {
    added: (e) =>
      push({
        area: 'exclusion',
        kind: 'added',
        scorecard: null,
        subject: e.id,
        field: null,
        before: null,
        after: strip(e),
      }),
    removed: (e) =>
      push({
        area: 'exclusion',
        kind: 'removed',
        scorecard: null,
        subject: e.id,
        field: null,
        before: strip(e),
        after: null,
      }),
    both: (a, b) => {
      for (const k of ['table', 'reason', 'reason_en', 'when'] as const)
        field('exclusion', null, a.id, k, a[k], b[k]);
    },
  });

  keyed(before.metrics, after.metrics, (m) => m.id, {
    added: (m) =>
      push({
        area: 'metric',
        kind: 'added',
        scorecard: null,
        subject: m.id,
        field: null,
        before: null,
        after: m,
      }),
    removed: (m) =>
      push({
        area: 'metric',
        kind: 'removed',
        scorecard: null,
        subject: m.id,
        field: null,
        before: m,
        after: null,
      }),
    both: (a, b) => {
      for (const k of [
        'title',
        'kind',
        'better',
        'unit',
        'table',
        'field',
        'where',
        'numerator',
        'denominator',
      ] as const) {
        field('metric', null, a.id, k, a[k], b[k]);
      }
    },
  });

  keyed(before.grades, after.grades, (g) => g.grade, {
    added: (g) =>
      push({
        area: 'grade',
        kind: 'added',
        scorecard: null,
        subject: g.grade,
        field: null,
        before: null,
        after: g,
      }),
    removed: (g) =>
      push({
        area: 'grade',
        kind: 'removed',
        scorecard: null,
        subject: g.grade,
        field: null,
        before: g,
        after: null,
      }),
    both: (a, b) => {
      field('grade', null, a.grade, 'min_score', a.min_score, b.min_score);
      field('grade', null, a.grade, 'label', a.label, b.label);
    },
  });

  const unitsBefore = unitsOf(before);
  const unitsAfter = unitsOf(after);
  keyed(before.scorecards, after.scorecards, (s) => s.id, {
    added: (s) =>
      push({
        area: 'scorecard',
        kind: 'added',
        scorecard: s.id,
        subject: null,
        field: null,
        before: null,
        after: summary(s),
      }),
    removed: (s) =>
      push({
        area: 'scorecard',
        kind: 'removed',
        scorecard: s.id,
        subject: null,
        field: null,
        before: summary(s),
        after: null,
      }),
    both: (a, b) => diffScorecard(a, b, unitsBefore, unitsAfter, push, field),
  });
  return changes;
}

type Push = (c: Omit<PolicyChange, 'unit'> & { unit?: Unit | null }) => void;
type Field = (
  area: ChangeArea,
  scorecard: string | null,
  subject: string | null,
  name: string,
  a: unknown,
  b: unknown,
  unit?: Unit | null,
) => void;

function diffScorecard(
  a: Scorecard,
  b: Scorecard,
  unitsA: Map<string, Unit>,
  unitsB: Map<string, Unit>,
  push: Push,
  field: Field,
): void {
  const id = a.id;
  field('scorecard', id, null, 'title', a.title, b.title);
  field('scorecard', id, null, 'roles', [...a.roles].sort(), [...b.roles].sort());
  if (a.eligibility === null || b.eligibility === null) {
    if (a.eligibility !== b.eligibility) {
      push({
        area: 'eligibility',
        kind: a.eligibility === null ? 'added' : 'removed',
        scorecard: id,
        subject: null,
        field: null,
        before: a.eligibility && strip(a.eligibility),
        after: b.eligibility && strip(b.eligibility),
      });
    }
  } else {
    field('eligibility', id, null, 'when', a.eligibility.when, b.eligibility.when);
    field('eligibility', id, null, 'reason', a.eligibility.reason, b.eligibility.reason);
  }
  keyed(a.scored, b.scored, (s) => s.metric, {
    added: (s) =>
      push({
        area: 'scored',
        kind: 'added',
        scorecard: id,
        subject: s.metric,
        field: null,
        before: null,
        after: strip(s),
        unit: unitsB.get(s.metric) ?? null,
      }),
    removed: (s) =>
      push({
        area: 'scored',
        kind: 'removed',
        scorecard: id,
        subject: s.metric,
        field: null,
        before: strip(s),
        after: null,
        unit: unitsA.get(s.metric) ?? null,
      }),
    both: (x, y) => {
      const unit = unitsB.get(x.metric) ?? null;
      const keys: Array<keyof ScoredItem> = ['weight', 'method', 'target', 'floor', 'bands', 'min_sample'];
      for (const k of keys)
        field(
          'scored',
          id,
          x.metric,
          k,
          x[k],
          y[k],
          k === 'weight' || k === 'method' || k === 'min_sample' ? null : unit,
        );
    },
  });
  keyed(a.adjustments, b.adjustments, (x) => x.id, {
    added: (x) =>
      push({
        area: 'adjustment',
        kind: 'added',
        scorecard: id,
        subject: x.id,
        field: null,
        before: null,
        after: strip(x),
      }),
    removed: (x) =>
      push({
        area: 'adjustment',
        kind: 'removed',
        scorecard: id,
        subject: x.id,
        field: null,
        before: strip(x),
        after: null,
      }),
    both: (x, y) => {
      for (const k of ['metric', 'points_each', 'min', 'max'] as const)
        field('adjustment', id, x.id, k, x[k], y[k]);
    },
  });
  keyed(a.vetoes, b.vetoes, (x) => x.id, {
    added: (x) =>
      push({
        area: 'veto',
        kind: 'added',
        scorecard: id,
        subject: x.id,
        field: null,
        before: null,
        after: strip(x),
      }),
    removed: (x) =>
      push({
        area: 'veto',
        kind: 'removed',
        scorecard: id,
        subject: x.id,
        field: null,
        before: strip(x),
        after: null,
      }),
    both: (x, y) => {
      for (const k of ['when', 'cap_grade', 'reason'] as const) field('veto', id, x.id, k, x[k], y[k]);
    },
  });
}

function keyed<T>(
  a: readonly T[],
  b: readonly T[],
  key: (t: T) => string,
  on: { added: (t: T) => void; removed: (t: T) => void; both: (x: T, y: T) => void },
): void {
  const mapB = new Map(b.map((t) => [key(t), t]));
  const mapA = new Map(a.map((t) => [key(t), t]));
  for (const x of a) {
    const y = mapB.get(key(x));
    if (y === undefined) on.removed(x);
    else on.both(x, y);
  }
  for (const y of b) if (!mapA.has(key(y))) on.added(y);
}

function unitsOf(policy: Policy): Map<string, Unit> {
  const all: MetricDefinition[] = [...builtinMetrics(), ...policy.metrics];
  return new Map(all.map((m) => [m.id, m.unit]));
}

function summary(s: Scorecard): unknown {
  return {
    title: s.title,
    roles: s.roles,
    scored: s.scored.map((i) => ({ metric: i.metric, weight: i.weight })),
  };
}

/** A copy without source positions, which are not part of the meaning. */
function strip<T extends object>(value: T): Omit<T, 'source'> {
  const { source: _source, ...rest } = value as T & { source?: unknown };
  return rest;
}

/** Deep equality of plain data, independent of key order. */
export function same(a: unknown, b: unknown): boolean {
  return canonicalJson(a ?? null) === canonicalJson(b ?? null);
}

/** JSON with object keys sorted, for comparing and displaying conditions. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
