import { type Condition, foldCondition } from '@scorebook/conditions';
import type { Unit } from '@scorebook/contract';
import { WEEKDAYS } from '@scorebook/time';
import { DEFAULT_APPEAL_WINDOW_DAYS } from '../check/appeals-check.ts';
import { policyMetricCatalog } from '../metric-catalog.ts';
import type { Distribution, Exclusion, Policy, Rewards, Scorecard } from '../model.ts';

/** What part of a policy a change is in. */
export type ChangeArea =
  | 'policy'
  | 'business_hours'
  | 'exclusion'
  | 'metric'
  | 'grade'
  | 'scorecard'
  | 'eligibility'
  | 'group'
  | 'scored'
  | 'adjustment'
  | 'veto'
  | 'flag'
  | 'distribution'
  | 'reward'
  | 'award'
  | 'appeals'
  | 'periods';

/** One difference in meaning between two versions of a policy. */
export interface PolicyChange {
  area: ChangeArea;
  kind: 'added' | 'removed' | 'changed';
  /** The scorecard the change is in, if any. */
  scorecard: string | null;
  /**
   * The thing changed: an exclusion, metric, grade, adjustment or veto id; a weekday; for the
   * order of exclusions, their table.
   */
  subject: string | null;
  /**
   * The property changed (`weight`, `target`, `when`, `title_en` …; `order` for the order of
   * exclusions), null for an addition or removal.
   */
  field: string | null;
  /** Values before and after, normalised (quantities in the metric's unit); null when absent. */
  before: unknown;
  after: unknown;
  /** The unit of `before`/`after` when they are quantities of a metric. */
  unit: Unit | null;
  /**
   * The ratio metrics (unit `ratio`) that the conditions of `before`/`after` compare with a
   * number written in the policy, sorted; absent when none. Only eligibility, veto and flag
   * conditions, whose facts are metric ids; those numbers are fractions (`0.02` for 2%).
   */
  ratio_facts?: string[];
}

/**
 * The difference in meaning between two valid policy versions: what was added, removed or
 * changed, compared after normalisation, so comments, key order, quoting and the spelling of
 * quantities (`0.95` vs `95%`) make no difference. Every text people read is compared, the
 * English ones (`*_en`) included; so is the order of the exclusions of a table, which decides
 * the exclusion a row is counted under. `unitOf` gives a metric's unit (by default the after
 * version's catalog, then the before version's); it decides `ratio_facts`.
 */
export function diffPolicies(
  before: Policy,
  after: Policy,
  unitOf?: (metric: string) => Unit | null,
): PolicyChange[] {
  const changes: PolicyChange[] = [];
  const field = fieldRecorder(changes);

  for (const key of [
    'scorebook',
    'version',
    'effective_from',
    'title',
    'title_en',
    'description',
    'timezone',
  ] as const) {
    field('policy', null, null, key, before[key], after[key]);
  }

  const hoursA = before.business_hours;
  const hoursB = after.business_hours;
  if (hoursA === null || hoursB === null) {
    if (hoursA !== hoursB)
      changes.push(
        change('business_hours', hoursA === null ? 'added' : 'removed', null, null, hoursA, hoursB),
      );
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

  diffKeyed(
    changes,
    { area: 'exclusion', scorecard: null },
    before.exclusions,
    after.exclusions,
    (e) => e.id,
    ['table', 'reason', 'when'],
  );
  diffExclusionOrder(changes, before.exclusions, after.exclusions);
  diffKeyed(changes, { area: 'metric', scorecard: null }, before.metrics, after.metrics, (m) => m.id, [
    'title',
    'description',
    'kind',
    'better',
    'unit',
    'table',
    'field',
    'where',
    'numerator',
    'denominator',
  ]);
  // A formula metric's text, compared as written (kept apart: only formula metrics have it).
  const formulaOf = (m: Policy['metrics'][number]) => (m.kind === 'formula' ? m.formula : null);
  const formulasB = new Map(after.metrics.map((m) => [m.id, formulaOf(m)]));
  for (const m of before.metrics)
    if (formulasB.has(m.id))
      fieldRecorder(changes)('metric', null, m.id, 'formula', formulaOf(m), formulasB.get(m.id));
  // A rating metric's own keys (docs/ratings.md), likewise apart; `roles` is named `rater_roles`
  // (a scorecard's `roles` are job roles).
  for (const key of ['dimension', 'roles', 'min_raters', 'include_self'] as const) {
    const ratingOf = (m: Policy['metrics'][number]) => (m.kind === 'rating' ? m[key] : null);
    const ratingsB = new Map(after.metrics.map((m) => [m.id, ratingOf(m)]));
    const name = key === 'roles' ? 'rater_roles' : key;
    for (const m of before.metrics)
      if (ratingsB.has(m.id))
        fieldRecorder(changes)('metric', null, m.id, name, ratingOf(m), ratingsB.get(m.id));
  }
  diffKeyed(changes, { area: 'grade', scorecard: null }, before.grades, after.grades, (g) => g.grade, [
    'min_score',
    'label',
  ]);
  // The appeal rules as they apply: a key left out is its default (lists: every one, written null).
  const rulesA = appealRulesOf(before);
  const rulesB = appealRulesOf(after);
  for (const key of ['window_days', 'tables', 'metrics', 'vetoes', 'final', 'months'] as const)
    field('appeals', null, null, key, rulesA[key], rulesB[key]);
  // How quarters and years are scored, as they apply: no section is recompute, min_months 1.
  for (const key of ['quarter', 'year', 'min_months'] as const)
    field('periods', null, null, key, periodRulesOf(before)[key], periodRulesOf(after)[key]);

  const unitsBefore = unitsOf(before);
  const unitsAfter = unitsOf(after);
  const scorecardsA = new Map(before.scorecards.map((s) => [s.id, s]));
  const scorecardsB = new Map(after.scorecards.map((s) => [s.id, s]));
  for (const a of before.scorecards) {
    const b = scorecardsB.get(a.id);
    if (b === undefined) changes.push(change('scorecard', 'removed', a.id, null, summary(a), null));
    else diffScorecard(changes, a, b, unitsBefore, unitsAfter);
  }
  for (const b of after.scorecards)
    if (!scorecardsA.has(b.id)) changes.push(change('scorecard', 'added', b.id, null, null, summary(b)));
  const unit = unitOf ?? ((m: string) => unitsAfter.get(m) ?? unitsBefore.get(m) ?? null);
  return changes.map((c) => withRatioFacts(c, unit));
}

/** The areas whose conditions name metrics as facts (exclusions and metrics' `where` name record fields). */
const METRIC_FACT_AREAS: ReadonlySet<ChangeArea> = new Set(['eligibility', 'veto', 'flag']);

/** The change with its `ratio_facts`, when its conditions compare a ratio metric with a number. */
function withRatioFacts(change: PolicyChange, unitOf: (metric: string) => Unit | null): PolicyChange {
  if (!METRIC_FACT_AREAS.has(change.area)) return change;
  const facts = [change.before, change.after]
    .flatMap((value) => conditionsIn(value, change.field))
    .flatMap(factsComparedWithNumbers)
    .filter((fact) => unitOf(fact) === 'ratio');
  const sorted = [...new Set(facts)].sort();
  return sorted.length === 0 ? change : { ...change, ratio_facts: sorted };
}

/** The condition a change's value is (`when`), or holds (a rule added or removed whole). */
function conditionsIn(value: unknown, field: string | null): Condition[] {
  if (value === null || typeof value !== 'object') return [];
  if (field === 'when') return [value as Condition];
  const when = field === null ? (value as { when?: unknown }).when : undefined;
  return when !== null && typeof when === 'object' ? [when as Condition] : [];
}

/** The facts of a condition's leaves that compare the fact itself (no `path`) with a number. */
function factsComparedWithNumbers(condition: Condition): string[] {
  return foldCondition<string[]>(condition, {
    group: (_kind, children) => children.flat(),
    not: (child) => child,
    leaf: (leaf) => (leaf.path === undefined && typeof leaf.value === 'number' ? [leaf.fact] : []),
  });
}

type FieldRecorder = (
  area: ChangeArea,
  scorecard: string | null,
  subject: string | null,
  name: string,
  a: unknown,
  b: unknown,
  unit?: Unit | null,
) => void;

function fieldRecorder(changes: PolicyChange[]): FieldRecorder {
  return (area, scorecard, subject, name, a, b, unit = null) => {
    if (!same(a, b))
      changes.push({
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
}

function change(
  area: ChangeArea,
  kind: 'added' | 'removed',
  scorecard: string | null,
  subject: string | null,
  before: unknown,
  after: unknown,
  unit: Unit | null = null,
): PolicyChange {
  return { area, kind, scorecard, subject, field: null, before, after, unit };
}

/**
 * Compares two lists of the same kind of rule by key: additions and removals whole (without
 * source positions), and for rules in both the listed properties one by one.
 */
function diffKeyed<T extends object>(
  changes: PolicyChange[],
  where: { area: ChangeArea; scorecard: string | null },
  a: readonly T[],
  b: readonly T[],
  key: (t: T) => string,
  fields: ReadonlyArray<keyof T & string>,
  unitOf: (t: T, field: string | null) => Unit | null = () => null,
): void {
  const field = fieldRecorder(changes);
  const mapA = new Map(a.map((t) => [key(t), t]));
  const mapB = new Map(b.map((t) => [key(t), t]));
  for (const x of a) {
    const y = mapB.get(key(x));
    if (y === undefined)
      changes.push(change(where.area, 'removed', where.scorecard, key(x), strip(x), null, unitOf(x, null)));
    else
      for (const f of withEnglish(fields, x, y))
        field(where.area, where.scorecard, key(x), f, x[f], y[f], unitOf(y, f));
  }
  for (const y of b)
    if (!mapA.has(key(y)))
      changes.push(change(where.area, 'added', where.scorecard, key(y), null, strip(y), unitOf(y, null)));
}

function diffScorecard(
  changes: PolicyChange[],
  a: Scorecard,
  b: Scorecard,
  unitsA: Map<string, Unit>,
  unitsB: Map<string, Unit>,
): void {
  const id = a.id;
  const field = fieldRecorder(changes);
  for (const f of withEnglish(['title'], a, b)) field('scorecard', id, null, f, a[f], b[f]);
  field('scorecard', id, null, 'roles', [...a.roles].sort(), [...b.roles].sort());
  if (a.eligibility === null || b.eligibility === null) {
    if (a.eligibility !== b.eligibility) {
      changes.push(
        change(
          'eligibility',
          a.eligibility === null ? 'added' : 'removed',
          id,
          null,
          a.eligibility && strip(a.eligibility),
          b.eligibility && strip(b.eligibility),
        ),
      );
    }
  } else {
    const [x, y] = [a.eligibility, b.eligibility];
    for (const f of withEnglish(['when', 'reason'], x, y)) field('eligibility', id, null, f, x[f], y[f]);
  }
  diffKeyed(changes, { area: 'group', scorecard: id }, a.groups, b.groups, (g) => g.id, ['title', 'weight']);
  const quantityFields = new Set(['target', 'floor', 'bands', 'range', 'segments']);
  diffKeyed(
    changes,
    { area: 'scored', scorecard: id },
    a.scored,
    b.scored,
    (s) => s.metric,
    ['group', 'weight', 'method', 'target', 'floor', 'bands', 'range', 'segments', 'quota', 'min_sample'],
    (s, f) =>
      f === null || quantityFields.has(f) ? (unitsB.get(s.metric) ?? unitsA.get(s.metric) ?? null) : null,
  );
  diffKeyed(changes, { area: 'adjustment', scorecard: id }, a.adjustments, b.adjustments, (x) => x.id, [
    'metric',
    'points_each',
    'min',
    'max',
  ]);
  diffKeyed(changes, { area: 'veto', scorecard: id }, a.vetoes, b.vetoes, (x) => x.id, [
    'when',
    'cap_grade',
    'reason',
  ]);
  diffKeyed(changes, { area: 'flag', scorecard: id }, a.flags, b.flags, (x) => x.id, ['label', 'when']);
  diffDistribution(changes, id, a.distribution, b.distribution);
  diffRewards(changes, id, a.rewards, b.rewards);
  diffKeyed(changes, { area: 'award', scorecard: id }, a.awards, b.awards, (x) => x.id, [
    'title',
    'metric',
    'top',
    'amount',
    'min_sample',
  ]);
}

/**
 * A forced distribution: added or removed whole; else its tie-breakers (in order), and each
 * grade's shares by grade.
 */
function diffDistribution(
  changes: PolicyChange[],
  scorecard: string,
  a: Distribution | null,
  b: Distribution | null,
): void {
  if (a === null || b === null) {
    if (a !== b)
      changes.push(
        change(
          'distribution',
          a === null ? 'added' : 'removed',
          scorecard,
          null,
          a && strip(a),
          b && strip(b),
          'ratio',
        ),
      );
    return;
  }
  fieldRecorder(changes)('distribution', scorecard, null, 'tie_breakers', a.tie_breakers, b.tie_breakers);
  diffKeyed(
    changes,
    { area: 'distribution', scorecard },
    a.grades,
    b.grades,
    (r) => r.grade,
    ['max_share', 'min_share'],
    () => 'ratio',
  );
}

/** Rewards: added or removed whole; else each grade's coefficient, `not_rated` and the base. */
function diffRewards(changes: PolicyChange[], scorecard: string, a: Rewards | null, b: Rewards | null): void {
  if (a === null || b === null) {
    if (a !== b)
      changes.push(
        change('reward', a === null ? 'added' : 'removed', scorecard, null, a && strip(a), b && strip(b)),
      );
    return;
  }
  diffKeyed(changes, { area: 'reward', scorecard }, a.coefficients, b.coefficients, (c) => c.grade, [
    'coefficient',
  ]);
  const field = fieldRecorder(changes);
  field('reward', scorecard, null, 'not_rated', a.not_rated, b.not_rated);
  field('reward', scorecard, null, 'base', a.base, b.base);
}

/**
 * A change of the order of a table's exclusions, for each table where it changes which exclusion
 * a row is counted under: exclusions in both versions in another relative order, or an added one
 * placed before one of them. Removing an exclusion, or adding one after the others, changes no
 * precedence (they are reported as removed or added).
 */
function diffExclusionOrder(changes: PolicyChange[], a: readonly Exclusion[], b: readonly Exclusion[]): void {
  const tables = [...new Set([...a, ...b].map((e) => e.table))];
  for (const table of tables) {
    const before = a.filter((e) => e.table === table).map((e) => e.id);
    const after = b.filter((e) => e.table === table).map((e) => e.id);
    const inBefore = new Set(before);
    const inAfter = new Set(after);
    const keptBefore = before.filter((x) => inAfter.has(x));
    const keptAfter = after.filter((x) => inBefore.has(x));
    const lastKept = after.findLastIndex((x) => inBefore.has(x));
    const addedAhead = after.slice(0, lastKept).some((x) => !inBefore.has(x));
    if (addedAhead || !same(keptBefore, keptAfter))
      changes.push({
        area: 'exclusion',
        kind: 'changed',
        scorecard: null,
        subject: table,
        field: 'order',
        before,
        after,
        unit: null,
      });
  }
}

/** The fields to compare: those listed, then every English text (`*_en`) either side has. */
function withEnglish<T extends object>(
  fields: ReadonlyArray<keyof T & string>,
  a: T,
  b: T,
): Array<keyof T & string> {
  const english = [...Object.keys(a), ...Object.keys(b)].filter((k) => k.endsWith('_en')) as Array<
    keyof T & string
  >;
  return [...new Set([...fields, ...english.sort()])];
}

function unitsOf(policy: Policy): Map<string, Unit> {
  return new Map(policyMetricCatalog(policy).map((m) => [m.id, m.unit]));
}

function summary(s: Scorecard): unknown {
  return {
    title: s.title,
    roles: s.roles,
    ...(s.groups.length > 0 ? { groups: s.groups.map((g) => ({ id: g.id, weight: g.weight })) } : {}),
    scored: s.scored.map((i) =>
      i.group === null
        ? { metric: i.metric, weight: i.weight }
        : { metric: i.metric, group: i.group, weight: i.weight },
    ),
  };
}

/** A copy without source positions, which are not part of the meaning. */
function strip<T extends object>(value: T): Omit<T, 'source'> {
  const { source: _source, ...rest } = value as T & { source?: unknown };
  return rest;
}

/** Deep equality of plain data, independent of key order. */
function same(a: unknown, b: unknown): boolean {
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

/** A policy's `periods:` rules with the defaults filled in. */
function periodRulesOf(policy: Policy) {
  return policy.periods ?? { quarter: 'recompute', year: 'recompute', min_months: 1 };
}

/** A policy's appeal rules with the defaults filled in, lists sorted. */
function appealRulesOf(policy: Policy) {
  const rules = policy.appeals;
  const sorted = (list: string[] | null | undefined) =>
    list === null || list === undefined ? null : [...list].sort();
  return {
    window_days: rules?.window_days ?? DEFAULT_APPEAL_WINDOW_DAYS,
    tables: sorted(rules?.tables),
    metrics: sorted(rules?.metrics),
    vetoes: sorted(rules?.vetoes),
    final: rules?.final ?? true,
    months: rules?.months ?? 'none',
  };
}
