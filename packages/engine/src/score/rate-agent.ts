import { type ConditionTrace, traceCondition } from '@scorebook/conditions';
import type { MetricResult } from '@scorebook/contract';
import type { Policy, Scorecard, Veto } from '@scorebook/policy';
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
  eligibility: ConditionTrace | null;
  veto_traces: Array<{ veto: Veto; trace: ConditionTrace }>;
}

/**
 * Rates an agent with a scorecard (`semantics.md`, scoring): eligibility, base score over the
 * metrics that have a score, adjustments, total, grade, vetoes, worst metrics. `values` are
 * every metric's values by id (null where no data), the facts of agent-level conditions;
 * `voidedVetoes` are vetoes an upheld appeal voided (`docs/appeals.md`): they cap nothing.
 */
export function rateAgent(
  policy: Policy,
  scorecard: Scorecard,
  metrics: Readonly<Record<string, MetricResult>>,
  values: Readonly<Record<string, number | null>>,
  zone: Zone,
  voidedVetoes: ReadonlySet<string> = new Set(),
): Rating {
  const worst = worstMetrics(scorecard, metrics);
  const notRated = (code: NotRatedCode, reason: string, eligibility: ConditionTrace | null = null) =>
    notRatedRating(code, reason, worst, eligibility);

  let eligibility: ConditionTrace | null = null;
  if (scorecard.eligibility !== null) {
    eligibility = traceCondition(scorecard.eligibility.when, values, zone);
    if (!eligibility.result) return notRated('NOT_ELIGIBLE', scorecard.eligibility.reason, eligibility);
  }

  let weighted = 0;
  let weights = 0;
  for (const item of scorecard.scored) {
    const score = scoreOf(metrics[item.metric]);
    if (score === null) continue;
    weighted += score * item.weight;
    weights += item.weight;
  }
  if (weights === 0) return notRated('NO_SCORED_METRIC', 'no scored metric has a score', eligibility);
  const base = weighted / weights;

  // total = clamp(base + Σ adjustments, 0, 100): the adjustments are summed first, in policy order.
  const adjustments: Record<string, number> = {};
  let added = 0;
  for (const a of scorecard.adjustments) {
    let points = (values[a.metric] ?? 0) * a.points_each;
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
  return {
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
    eligibility,
    veto_traces: vetoTraces,
  };
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
    eligibility,
    veto_traces: [],
  };
}

/** The three scored metrics with the lowest score below 100: lowest first, then larger weight, then id. */
function worstMetrics(scorecard: Scorecard, metrics: Readonly<Record<string, MetricResult>>): string[] {
  return scorecard.scored
    .flatMap((item) => {
      const score = scoreOf(metrics[item.metric]);
      return score !== null && score < 100 ? [{ id: item.metric, weight: item.weight, score }] : [];
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
