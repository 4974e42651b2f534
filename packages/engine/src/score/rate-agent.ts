import { type ConditionTrace, traceCondition } from '@scorebook/conditions';
import type { GroupResult, MetricResult } from '@scorebook/contract';
import type { Flag, Policy, Scorecard, Veto } from '@scorebook/policy';
import type { Zone } from '@scorebook/time';

/** Why an agent is not rated. */
export type NotRatedCode = 'NO_SCORECARD' | 'NOT_ELIGIBLE' | 'NO_SCORED_METRIC';

/** The rating of one agent before ranks are assigned. */
export interface Rating {
  status: 'rated' | 'not_rated';
  reason: string | null;
  reason_code: NotRatedCode | null;
  base_score: number | null;
  adjustments: Record<string, number>;
  total_score: number | null;
  vetoes: string[];
  grade: string | null;
  /** The grade before vetoes capped it. */
  grade_before_vetoes: string | null;
  worst_metrics: string[];
  /** Each group's subtotal (policy order); empty for a flat `scored` list. Computed for every agent. */
  groups: GroupResult[];
  eligibility: ConditionTrace | null;
  veto_traces: Array<{ veto: Veto; trace: ConditionTrace }>;
  /** The ids of the flags that hold (v2), in policy order; evaluated for not-rated agents too. */
  flags: string[];
  flag_traces: Array<{ flag: Flag; trace: ConditionTrace }>;
}

/**
 * Rates an agent with a scorecard (`docs/contract/semantics.md`, scoring): eligibility, base score over the
 * metrics that have a score, adjustments, total, grade, vetoes, worst metrics. `values` are the
 * facts of agent-level conditions: every metric's value by id (null where no data) and, for
 * policy format 2, the agent facts (`docs/scorecards.md`); `voidedVetoes` are vetoes an upheld
 * appeal voided (`docs/appeals.md`): they hold but cap nothing.
 */
export function rateAgent(
  policy: Policy,
  scorecard: Scorecard,
  metrics: Readonly<Record<string, MetricResult>>,
  values: Readonly<Record<string, number | string | null>>,
  zone: Zone,
  voidedVetoes: ReadonlySet<string> = new Set(),
): Rating {
  const worst = worstMetrics(scorecard, metrics);
  const { base, groups } = baseScore(scorecard, metrics);
  const notRated = (code: NotRatedCode, reason: string, eligibility: ConditionTrace | null = null) => {
    const rating = { ...notRatedRating(code, reason, worst, eligibility), groups };
    return { ...rating, ...raiseFlags(scorecard, values, rating, zone) };
  };

  let eligibility: ConditionTrace | null = null;
  if (scorecard.eligibility !== null) {
    eligibility = traceCondition(scorecard.eligibility.when, values, zone);
    if (!eligibility.result) return notRated('NOT_ELIGIBLE', scorecard.eligibility.reason, eligibility);
  }

  if (base === null) return notRated('NO_SCORED_METRIC', 'no scored metric has a score', eligibility);

  // total = clamp(base + Σ adjustments, 0, 100): the adjustments are summed first, in policy order.
  const adjustments: Record<string, number> = {};
  let added = 0;
  for (const a of scorecard.adjustments) {
    const value = values[a.metric];
    let points = (typeof value === 'number' ? value : 0) * a.points_each;
    if (a.min !== null && points < a.min) points = a.min;
    if (a.max !== null && points > a.max) points = a.max;
    if (Object.is(points, -0)) points = 0;
    adjustments[a.id] = points;
    added += points;
  }
  const total = Math.min(100, Math.max(0, base + added));

  // The last grade's min_score is 0, so every total reaches a grade.
  const gradeIndex = policy.grades.findIndex((g) => g.min_score <= total);
  let capped = gradeIndex;
  const vetoes: string[] = [];
  const vetoTraces: Rating['veto_traces'] = [];
  const facts = { ...values, base_score: base, total_score: total };
  for (const veto of scorecard.vetoes) {
    const trace = traceCondition(veto.when, facts, zone);
    vetoTraces.push({ veto, trace });
    // A veto an upheld appeal voided holds (its trace says so) but caps nothing.
    if (!trace.result || voidedVetoes.has(veto.id)) continue;
    vetoes.push(veto.id);
    capped = Math.max(
      capped,
      policy.grades.findIndex((g) => g.grade === veto.cap_grade),
    );
  }
  const rating: Rating = {
    status: 'rated',
    reason: null,
    reason_code: null,
    base_score: base,
    adjustments,
    total_score: total,
    vetoes,
    grade: policy.grades[capped]?.grade ?? null,
    grade_before_vetoes: policy.grades[gradeIndex]?.grade ?? null,
    worst_metrics: worst,
    groups,
    eligibility,
    veto_traces: vetoTraces,
    flags: [],
    flag_traces: [],
  };
  return { ...rating, ...raiseFlags(scorecard, values, rating, zone) };
}

/**
 * The scorecard's flags (`docs/scorecards.md`, flags), each evaluated on the agent's facts and
 * scores (`base_score` and `total_score` null for an agent who is not rated).
 */
function raiseFlags(
  scorecard: Scorecard,
  values: Readonly<Record<string, number | string | null>>,
  rating: Pick<Rating, 'base_score' | 'total_score'>,
  zone: Zone,
): Pick<Rating, 'flags' | 'flag_traces'> {
  if (scorecard.flags.length === 0) return { flags: [], flag_traces: [] };
  const facts = { ...values, base_score: rating.base_score, total_score: rating.total_score };
  const flag_traces = scorecard.flags.map((flag) => ({
    flag,
    trace: traceCondition(flag.when, facts, zone),
  }));
  return { flags: flag_traces.filter((f) => f.trace.result).map((f) => f.flag.id), flag_traces };
}

/**
 * The base score (`docs/scorecards.md`, groups): for a flat `scored` list, Σ scoreᵢ·weightᵢ ÷
 * Σ weightᵢ over the items that have a score, in list order; with groups, each group's subtotal
 * so, then Σ subtotal·weight ÷ Σ weight over the groups that have one, in group order. Null when
 * no item has a score.
 */
function baseScore(
  scorecard: Scorecard,
  metrics: Readonly<Record<string, MetricResult>>,
): { base: number | null; groups: GroupResult[] } {
  const weightedMean = (items: ReadonlyArray<{ score: number | null; weight: number }>) => {
    let weighted = 0;
    let weights = 0;
    for (const { score, weight } of items) {
      if (score === null) continue;
      weighted += score * weight;
      weights += weight;
    }
    return weights === 0 ? null : weighted / weights;
  };
  const itemScores = (group: string | null) =>
    scorecard.scored
      .filter((item) => item.group === group)
      .map((item) => ({ score: scoreOf(metrics[item.metric]), weight: item.weight }));
  if (scorecard.groups.length === 0) return { base: weightedMean(itemScores(null)), groups: [] };
  const subtotals = scorecard.groups.map((g) => ({
    score: weightedMean(itemScores(g.id)),
    weight: g.weight,
  }));
  const base = weightedMean(subtotals);
  const scoredWeight = subtotals.reduce((sum, g) => sum + (g.score === null ? 0 : g.weight), 0);
  const groups = scorecard.groups.map((g, i): GroupResult => {
    const subtotal = subtotals[i]?.score ?? null;
    return {
      id: g.id,
      weight: g.weight,
      status: subtotal === null ? 'no_score' : 'scored',
      subtotal,
      contribution: subtotal === null ? null : (subtotal * g.weight) / scoredWeight,
    };
  });
  return { base, groups };
}

/** The rating of an agent who is not rated: no scores, grade or rank, no adjustments or vetoes. */
export function notRatedRating(
  reason_code: NotRatedCode,
  reason: string,
  worst_metrics: string[] = [],
  eligibility: ConditionTrace | null = null,
): Rating {
  return {
    status: 'not_rated',
    reason,
    reason_code,
    base_score: null,
    adjustments: {},
    total_score: null,
    vetoes: [],
    grade: null,
    grade_before_vetoes: null,
    worst_metrics,
    groups: [],
    eligibility,
    veto_traces: [],
    flags: [],
    flag_traces: [],
  };
}

/**
 * The three scored metrics with the lowest score below 100: lowest first, then larger weight in
 * the base score (an item's weight × its group's weight ÷ 100 with groups), then id.
 */
function worstMetrics(scorecard: Scorecard, metrics: Readonly<Record<string, MetricResult>>): string[] {
  const groupWeight = new Map(scorecard.groups.map((g) => [g.id, g.weight]));
  return scorecard.scored
    .flatMap((item) => {
      const score = scoreOf(metrics[item.metric]);
      const inGroup = item.group === null ? undefined : groupWeight.get(item.group);
      const weight = inGroup === undefined ? item.weight : (item.weight * inGroup) / 100;
      return score !== null && score < 100 ? [{ id: item.metric, weight, score }] : [];
    })
    .sort((a, b) => a.score - b.score || b.weight - a.weight || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, 3)
    .map(({ id }) => id);
}

/** Ranks within a scorecard: by total descending, equal doubles share a rank, the next skips. */
export function assignRanks<K>(totals: ReadonlyArray<{ key: K; total: number }>): Map<K, number> {
  const sorted = [...totals].sort((a, b) => b.total - a.total);
  const ranks = new Map<K, number>();
  let previous: { total: number; rank: number } | null = null;
  for (const [i, entry] of sorted.entries()) {
    const rank: number = previous !== null && previous.total === entry.total ? previous.rank : i + 1;
    ranks.set(entry.key, rank);
    previous = { total: entry.total, rank };
  }
  return ranks;
}

/** A metric result's score when it was scored, else null. */
function scoreOf(m: MetricResult | undefined): number | null {
  return m !== undefined && m.status === 'scored' ? m.score : null;
}
