import type { Condition } from '@scorebook/conditions';
import type { AgentResult, PolicySnapshot, Unit } from '@scorebook/contract';
import { policyOfSnapshot } from '@scorebook/policy';
import { type CalibrationData, conditionLeaves, editKey, type PublishedMetric } from './calibrate.ts';
import type { SitePeriod } from './load.ts';

/**
 * What the calibration page of a scorecard reads (docs/calibration.md), from a period's
 * policy.json and results.json only: the policy as published, the metrics the scorecard's rules
 * read (scored items, adjustments, tie-breakers, the facts of its eligibility, vetoes and flags)
 * and, per agent of the scorecard, those metrics' published results and the published outcome.
 */
export function calibrationData(
  period: string,
  snapshot: PolicySnapshot,
  agents: readonly AgentResult[],
  scorecard: string,
): CalibrationData {
  const policy = policyOfSnapshot(snapshot);
  const card = policy.scorecards.find((s) => s.id === scorecard);
  if (card === undefined) throw new RangeError(`no scorecard "${scorecard}" in the policy of ${period}`);
  const conditions: Condition[] = [
    ...(card.eligibility === null ? [] : [card.eligibility.when]),
    ...card.vetoes.map((v) => v.when),
    ...card.flags.map((f) => f.when),
  ];
  const read = new Set([
    ...card.scored.map((s) => s.metric),
    ...card.adjustments.map((a) => a.metric),
    ...(card.distribution?.tie_breakers ?? []),
    ...conditions.flatMap((c) => conditionLeaves(c).map((l) => l.fact)),
  ]);
  const metrics = snapshot.metrics
    .filter((m) => read.has(m.id))
    .map((m) => ({
      id: m.id,
      title: m.title,
      title_en: m.title_en,
      kind: m.kind,
      better: m.better,
      unit: m.unit,
    }));
  const ids = metrics.map((m) => m.id);
  return {
    period,
    policy,
    scorecard,
    metrics,
    agents: agents
      .filter((a) => a.scorecard === scorecard)
      .map((a) => {
        const published: Record<string, PublishedMetric> = {};
        for (const id of ids) {
          const m = Object.hasOwn(a.metrics, id) ? a.metrics[id] : undefined;
          if (m === undefined) continue;
          const { value, sample, status, segments, quota } = m;
          published[id] = {
            value,
            sample,
            status,
            ...(segments === undefined ? {} : { segments }),
            ...(quota === undefined ? {} : { quota }),
          };
        }
        return {
          agent_id: a.agent_id,
          name: a.name,
          team: a.team,
          role: a.role,
          employment_status: a.employment_status,
          metrics: published,
          facts: a.facts === undefined ? null : { ...a.facts },
          // An applied appeal of the agent that disputes a veto is the one that voids it.
          voided_vetoes: (a.appeals ?? []).flatMap((appeal) =>
            appeal.role === 'appellant' && appeal.status === 'applied' && appeal.disputes.startsWith('veto:')
              ? [appeal.disputes.slice('veto:'.length)]
              : [],
          ),
          published: { status: a.status, total: a.total_score, grade: a.grade, rank: a.rank },
        };
      }),
  };
}

/** One number of the calibration form: the rule it belongs to, what it is, its edit key and unit. */
export interface CalibrationField {
  section: 'items' | 'groups' | 'grades' | 'adjustments' | 'vetoes' | 'distribution';
  /** The rule: a metric, group, grade, adjustment, veto id. */
  subject: string;
  what:
    | 'weight'
    | 'target'
    | 'floor'
    | 'min_sample'
    | 'low'
    | 'high'
    | 'floor_low'
    | 'floor_high'
    | 'band'
    | 'band_score'
    | 'min_score'
    | 'points'
    | 'min'
    | 'max'
    | 'leaf'
    | 'max_share'
    | 'min_share';
  /** For bands and condition leaves: the index (from 0); the leaf's fact and operator. */
  index: number;
  leaf: { fact: string; operator: string } | null;
  key: string;
  unit: Unit | 'number';
  /** The published number, in the policy's units. */
  value: number;
}

/**
 * Every number of the scorecard and grades a reader may change, in the page's order: the scored
 * items (weight; target and floor, a range's four bounds or each band's threshold and score;
 * minimum sample, but for a count, a sum or a formula), group weights, grade thresholds, adjustments (points each, min, max when
 * written), the numeric leaves of the vetoes' conditions (in the unit of the metric they test), the distribution's shares when written.
 */
export function calibrationFields(data: CalibrationData): CalibrationField[] {
  const card = data.policy.scorecards.find((s) => s.id === data.scorecard);
  if (card === undefined) return [];
  const unitOf = (id: string): Unit | 'number' => data.metrics.find((m) => m.id === id)?.unit ?? 'number';
  const out: CalibrationField[] = [];
  const add = (
    section: CalibrationField['section'],
    subject: string,
    what: CalibrationField['what'],
    key: string,
    unit: Unit | 'number',
    value: number | null,
    index = 0,
    leaf: CalibrationField['leaf'] = null,
  ) => {
    if (value !== null) out.push({ section, subject, what, index, leaf, key, unit, value });
  };
  for (const item of card.scored) {
    const m = item.metric;
    const unit = unitOf(m);
    add('items', m, 'weight', editKey('weight', m), 'number', item.weight);
    if (item.method === 'linear') {
      add('items', m, 'target', editKey('target', m), unit, item.target);
      add('items', m, 'floor', editKey('floor', m), unit, item.floor);
    }
    if (item.range !== null)
      for (const k of ['floor_low', 'low', 'high', 'floor_high'] as const)
        add('items', m, k, editKey(k, m), unit, item.range[k]);
    item.bands.forEach((b, i) => {
      add('items', m, 'band', editKey('band', m, i), unit, b.value, i);
      add('items', m, 'band_score', editKey('band_score', m, i), 'number', b.score, i);
    });
    // A count, a sum or a formula is never insufficient: its minimum sample has no effect.
    const kind = data.metrics.find((x) => x.id === m)?.kind;
    if (kind !== 'count' && kind !== 'sum' && kind !== 'formula')
      add('items', m, 'min_sample', editKey('min_sample', m), 'number', item.min_sample);
  }
  for (const g of card.groups) add('groups', g.id, 'weight', editKey('group', g.id), 'number', g.weight);
  for (const g of data.policy.grades.slice(0, -1))
    add('grades', g.grade, 'min_score', editKey('grade', g.grade), 'number', g.min_score);
  for (const a of card.adjustments) {
    add('adjustments', a.id, 'points', editKey('points', a.id), 'number', a.points_each);
    add('adjustments', a.id, 'min', editKey('min', a.id), 'number', a.min);
    add('adjustments', a.id, 'max', editKey('max', a.id), 'number', a.max);
  }
  for (const v of card.vetoes)
    conditionLeaves(v.when).forEach((leaf, i) => {
      if (typeof leaf.value === 'number')
        // A metric's threshold in the metric's unit (a ratio as a percentage, as its target).
        add('vetoes', v.id, 'leaf', editKey('veto', v.id, i), unitOf(leaf.fact), leaf.value, i, {
          fact: leaf.fact,
          operator: leaf.operator,
        });
    });
  for (const r of card.distribution?.grades ?? []) {
    add('distribution', r.grade, 'max_share', editKey('max_share', r.grade), 'ratio', r.max_share);
    add('distribution', r.grade, 'min_share', editKey('min_share', r.grade), 'ratio', r.min_share);
  }
  return out;
}

/**
 * The scorecards of a period that have a calibration page: those of its policy.json with agents;
 * none for a quarter or year scored from its months (`results.months`), whose totals are the
 * means of the months' totals, not a scoring of the period's metrics (docs/calibration.md).
 */
export function calibrationScorecards(period: SitePeriod): string[] {
  if (period.results.months !== undefined) return [];
  return (period.policy?.scorecards ?? [])
    .filter((s) => period.results.agents.some((a) => a.scorecard === s.id))
    .map((s) => s.id);
}

/** A later version of a period's policy that a published period used (docs/calibration.md). */
export interface LaterVersion {
  version: string;
  effective_from: string;
  /** The version's file name (`2026-12-01.yaml`). */
  file: string;
  /** The newest published period that used it. */
  period: string;
}

/**
 * The latest version of the period's policy that a published period (one with manifest.json) of
 * the same policy id used, when its `effective_from` is after the period's own version's; null
 * otherwise, and for a period without policy.json. Of several periods that used it, the newest
 * (`periods` are newest first, as the site reads them).
 */
export function laterVersion(
  period: Pick<SitePeriod, 'policy'>,
  periods: ReadonlyArray<Pick<SitePeriod, 'id' | 'manifest' | 'policy'>>,
): LaterVersion | null {
  const own = period.policy;
  if (own === null) return null;
  let latest: LaterVersion | null = null;
  for (const p of periods) {
    const s = p.policy;
    if (p.manifest === null || s === null || s.id !== own.id || s.effective_from <= own.effective_from)
      continue;
    if (latest === null || s.effective_from > latest.effective_from)
      latest = { version: s.version, effective_from: s.effective_from, file: s.file, period: p.id };
  }
  return latest;
}
