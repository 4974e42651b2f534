import type {
  AgentExplanation,
  AgentMonth,
  AgentResult,
  MonthProvenance,
  Results,
} from '@scorebook/contract';
import type { Policy } from '@scorebook/policy';
import { defineCatalogue, messageOf, type Problem } from '@scorebook/problems';
import type { Period } from '@scorebook/time';
import type { Agent } from '../check/row-checks.ts';
import type { Evaluation } from '../evaluate.ts';
import { EvaluationError } from '../evaluation-error.ts';
import { assignRanks } from '../score/rate-agent.ts';
import { payScorecard } from '../score/rewards.ts';
import { summaryOfFormat2 } from '../score/score-agents.ts';
import { jsonBytes, sha256Of } from '../write/result-bytes.ts';

/** Problems of a quarter or year scored from its months. Codes are permanent. */
const FROM_MONTHS_ERRORS = defineCatalogue({
  FROM_MONTHS_MONTH_FAILED: {
    zh: (p: { period: string; month: string }) =>
      `${p.period} 按各月总分计算(periods: from_months),但 ${p.month} 无法评估,问题如下。请先修正 ${p.month} 的数据或策略。`,
    en: (p: { period: string; month: string }) =>
      `${p.period} is scored from its months (periods: from_months), but ${p.month} cannot be evaluated; its problems follow. Fix ${p.month}'s data or policy first.`,
  },
  FROM_MONTHS_CAP_UNKNOWN: {
    zh: (p: { period: string; month: string; veto: string; grade: string; version: string }) =>
      `${p.month} 的一票否决 ${p.veto} 把等级限制为 ${p.grade},但 ${p.period} 生效的版本 ${p.version} 没有等级 ${p.grade}。请让各版本的否决等级与 ${p.period} 的等级一致。`,
    en: (p: { period: string; month: string; veto: string; grade: string; version: string }) =>
      `The veto ${p.veto} of ${p.month} caps the grade at ${p.grade}, but version ${p.version}, in force for ${p.period}, has no grade ${p.grade}. Make the versions' veto caps grades of ${p.period}'s version.`,
  },
});

/** A month of the period: its evaluation, or null when the data has no record in it at all. */
export interface MonthOutcome {
  period: string;
  evaluation: Evaluation | null;
}

/** True when the policy in force scores this quarter or year from its months. */
export function scoredFromMonths(policy: Policy, period: Period): boolean {
  const rules = policy.periods;
  if (rules === null) return false;
  return (
    (period.kind === 'quarter' && rules.quarter === 'from_months') ||
    (period.kind === 'year' && rules.year === 'from_months')
  );
}

/** The months of a quarter or year, in order (`2026-10`, `2026-11`, `2026-12`). */
export function monthsOf(period: Period): string[] {
  const [year, month] = period.firstDay.split('-').map(Number);
  const count = period.kind === 'year' ? 12 : 3;
  return Array.from({ length: count }, (_, i) => {
    const m = (month ?? 1) + i;
    return `${year}-${String(m).padStart(2, '0')}`;
  });
}

/**
 * Evaluates every month of a quarter or year (`evaluateMonth`, each with its own version in
 * force and its own appeals). A month whose only problem is that the data has no record in it is
 * `no_data`; any other stop of a month stops the period, with that month named first.
 */
export async function evaluateMonths(
  period: Period,
  evaluateMonth: (month: string) => Promise<Evaluation>,
): Promise<MonthOutcome[]> {
  const outcomes: MonthOutcome[] = [];
  for (const month of monthsOf(period)) {
    try {
      outcomes.push({ period: month, evaluation: await evaluateMonth(month) });
    } catch (error) {
      if (!(error instanceof EvaluationError)) throw error;
      const errors = error.problems.filter((p) => p.severity === 'error');
      if (errors.length > 0 && errors.every((p) => p.code === 'NO_DATA_IN_PERIOD')) {
        outcomes.push({ period: month, evaluation: null });
        continue;
      }
      throw new EvaluationError([
        problem(
          'FROM_MONTHS_MONTH_FAILED',
          messageOf(FROM_MONTHS_ERRORS, 'FROM_MONTHS_MONTH_FAILED', {
            period: period.id,
            month,
          }),
        ),
        ...error.problems,
      ]);
    }
  }
  return outcomes;
}

/**
 * The period's evaluation scored from its months (`docs/periods.md`, scored from the months):
 * metrics, exclusions, appeals, groups and flags stay those of `recomputed` (the period's own
 * records); status, base score, adjustments, total, vetoes, grade and rank come from the months
 * the agent was rated in, then awards (by the recomputed metrics, among the agents rated for the
 * period) and rewards (by the period's grade, base from `rows`, the agents table) are paid again;
 * every agent and the results record the months.
 */
export function combineMonths(
  recomputed: Evaluation,
  months: readonly MonthOutcome[],
  rows: readonly Agent[],
): Evaluation {
  const { policy } = recomputed;
  const period = recomputed.results.period.id;
  const minMonths = policy.periods?.min_months ?? 1;
  const byAgent = months.map(
    (m) => new Map((m.evaluation?.results.agents ?? []).map((a) => [a.agent_id, a])),
  );
  const problems: Problem[] = [];
  const agents = recomputed.results.agents.map((agent): AgentResult => {
    const own: AgentMonth[] = months.map((m, i) => monthOf(m, byAgent[i]?.get(agent.agent_id)));
    const rated = own.filter((m) => m.status === 'rated' && m.total_score !== null);
    const base = { ...agent, months: own };
    if (agent.scorecard === null) return base;
    if (rated.length < minMonths || rated.length === 0)
      return {
        ...base,
        status: 'not_rated',
        reason: `只有 ${rated.length} 个月参评,少于 ${Math.max(1, minMonths)} 个月(periods.min_months)/ rated in ${rated.length} of the period's months, fewer than ${Math.max(1, minMonths)} (periods.min_months)`,
        reason_code: 'FEWER_MONTHS_RATED',
        base_score: null,
        adjustments: {},
        total_score: null,
        vetoes: [],
        grade: null,
        rank: null,
        ...(agent.grade_by_score === undefined ? {} : { grade_by_score: null }),
      };
    const adjustments: Record<string, number> = {};
    for (const m of rated) {
      const result = monthResult(months, byAgent, m.period, agent.agent_id);
      for (const [id, points] of Object.entries(result?.adjustments ?? {}))
        adjustments[id] = (adjustments[id] ?? 0) + points;
    }
    for (const id of Object.keys(adjustments)) adjustments[id] = (adjustments[id] ?? 0) / rated.length;
    const total = mean(rated.map((m) => m.total_score ?? 0));
    const grades = policy.grades;
    let capped = grades.findIndex((g) => g.min_score <= total);
    const vetoes: string[] = [];
    for (const m of rated) {
      const month = months.find((o) => o.period === m.period)?.evaluation ?? null;
      const scorecard = month?.policy.scorecards.find((s) => s.id === m.scorecard);
      for (const id of m.vetoes) {
        if (!vetoes.includes(id)) vetoes.push(id);
        const cap = scorecard?.vetoes.find((v) => v.id === id)?.cap_grade ?? null;
        if (cap === null) continue;
        const index = grades.findIndex((g) => g.grade === cap);
        if (index < 0)
          problems.push(
            problem(
              'FROM_MONTHS_CAP_UNKNOWN',
              messageOf(FROM_MONTHS_ERRORS, 'FROM_MONTHS_CAP_UNKNOWN', {
                period,
                month: m.period,
                veto: id,
                grade: cap,
                version: policy.version,
              }),
            ),
          );
        else capped = Math.max(capped, index);
      }
    }
    const grade = grades[capped]?.grade ?? null;
    return {
      ...base,
      status: 'rated',
      reason: null,
      reason_code: null,
      base_score: mean(rated.map((m) => m.base_score ?? 0)),
      adjustments,
      total_score: total,
      vetoes,
      grade,
      rank: null,
      ...(agent.grade_by_score === undefined ? {} : { grade_by_score: grade }),
    };
  });
  if (problems.length > 0) throw new EvaluationError(problems);
  for (const scorecard of policy.scorecards) {
    const totals = agents.flatMap((a) =>
      a.scorecard === scorecard.id && a.status === 'rated' && a.total_score !== null
        ? [{ key: a, total: a.total_score }]
        : [],
    );
    for (const [a, rank] of assignRanks(totals)) a.rank = rank;
  }
  if (policy.scorebook === 2) pay(recomputed, agents, rows);
  const results: Results = {
    ...withoutAppeals(recomputed.results),
    summary: summaryOf(recomputed.results.summary, agents, policy),
    agents,
    months: months.map(provenanceOf),
    ...(recomputed.results.appeals === undefined ? {} : { appeals: recomputed.results.appeals }),
  };
  return {
    ...recomputed,
    results,
    explanations: {
      ...recomputed.explanations,
      agents: recomputed.explanations.agents.map((e) => explained(e, months, byAgent)),
    },
  };
}

function monthOf(outcome: MonthOutcome, result: AgentResult | undefined): AgentMonth {
  if (outcome.evaluation === null || result === undefined)
    return {
      period: outcome.period,
      status: 'no_data',
      scorecard: null,
      base_score: null,
      total_score: null,
      grade: null,
      vetoes: [],
    };
  return {
    period: outcome.period,
    status: result.status,
    scorecard: result.scorecard,
    base_score: result.base_score,
    total_score: result.total_score,
    grade: result.grade,
    vetoes: [...result.vetoes],
  };
}

function monthResult(
  months: readonly MonthOutcome[],
  byAgent: ReadonlyArray<ReadonlyMap<string, AgentResult>>,
  month: string,
  agent: string,
): AgentResult | undefined {
  return byAgent[months.findIndex((m) => m.period === month)]?.get(agent);
}

function explained(
  explanation: AgentExplanation,
  months: readonly MonthOutcome[],
  byAgent: ReadonlyArray<ReadonlyMap<string, AgentResult>>,
): AgentExplanation {
  return {
    ...explanation,
    months: months.map((m, i) => {
      const result = byAgent[i]?.get(explanation.agent_id);
      return {
        ...monthOf(m, result),
        reason: result?.reason ?? null,
        policy_version: m.evaluation?.policy.version ?? null,
      };
    }),
  };
}

function provenanceOf(outcome: MonthOutcome): MonthProvenance {
  const e = outcome.evaluation;
  if (e === null) return { period: outcome.period, status: 'no_data', policy: null, results_sha256: null };
  const bytes = jsonBytes(e.results);
  return {
    period: outcome.period,
    status: 'evaluated',
    policy: {
      id: e.results.policy.id,
      version: e.results.policy.version,
      file: e.results.policy.file,
      sha256: e.results.policy.sha256,
    },
    results_sha256: sha256Of(bytes),
  };
}

/**
 * Awards and rewards on the period's final statuses and grades (`docs/periods.md`): an award's
 * contenders are the scorecard's agents rated for the period, by the recomputed metric's value and
 * sample (as in a month); the reward is the period grade's coefficient × the agent's base.
 */
function pay(recomputed: Evaluation, agents: readonly AgentResult[], rows: readonly Agent[]): void {
  const definitions = new Map(recomputed.policySnapshot.metrics.map((d) => [d.id, d]));
  const rowOf = new Map(rows.map((r) => [r.agent_id, r]));
  const unpaid: Problem[] = [];
  for (const scorecard of recomputed.policy.scorecards) {
    const members = agents.flatMap((result) => {
      const agent = rowOf.get(result.agent_id);
      return result.scorecard === scorecard.id && agent !== undefined ? [{ result, agent }] : [];
    });
    unpaid.push(...payScorecard(scorecard, members, (metric) => definitions.get(metric)));
  }
  if (unpaid.length > 0) throw new EvaluationError(unpaid);
}

function summaryOf(
  summary: Results['summary'],
  agents: readonly AgentResult[],
  policy: Policy,
): Results['summary'] {
  const grades: Record<string, number> = {};
  for (const g of policy.grades) grades[g.grade] = 0;
  for (const a of agents) if (a.grade !== null) grades[a.grade] = (grades[a.grade] ?? 0) + 1;
  const rated = agents.filter((a) => a.status === 'rated').length;
  return {
    ...summary,
    rated,
    not_rated: agents.length - rated,
    grades,
    ...(policy.scorebook === 2 ? summaryOfFormat2(policy, agents) : {}),
  };
}

// `appeals` stays the last key of results.json, after `months`.
function withoutAppeals(results: Results): Omit<Results, 'appeals'> {
  const { appeals: _, ...rest } = results;
  return rest;
}

/** The arithmetic mean, summed in month order. */
function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

function problem(code: string, message: Problem['message']): Problem {
  return { code, severity: 'error', message, file: null, line: null, column: null };
}
