import type {
  AgentResult,
  FormulaExplanation,
  MetricResult,
  Results,
  TeamFactResult,
} from '@scorebook/contract';
import { parseTeamFactName } from '@scorebook/formula';
import { type Distribution, type Policy, type Scorecard, segmentMetricId } from '@scorebook/policy';
import type { Problem } from '@scorebook/problems';
import type { Period, Zone } from '@scorebook/time';
import type { AppealStage } from '../appeal/appeal-stage.ts';
import { factsOf } from '../check/policy-needs.ts';
import type { Agent } from '../check/row-checks.ts';
import { EvaluationError } from '../evaluation-error.ts';
import type { History } from '../history/read-history.ts';
import type { MeasuredMetric } from '../measure/accumulate.ts';
import type { MetricValue } from '../measure/compile-metrics.ts';
import { agentFacts } from './agent-facts.ts';
import { distributeGrades } from './distribution.ts';
import { computeFormulas } from './formula-values.ts';
import { assignRanks, notRatedRating, type Rating, rateAgent } from './rate-agent.ts';
import { payScorecard } from './rewards.ts';
import { infoMetric, scoreMetric, scoreQuota, scoreSegmented } from './score-metric.ts';

/** Inputs of {@link scoreAgents}. */
export interface ScoreInput {
  policy: Policy;
  agents: readonly Agent[];
  /**
   * One tally per metric of the catalog, in catalog order (the metrics results carry), then one
   * per segment metric of segmented targets (`segmentDefinitions`), which results do not list.
   */
  tallies: readonly MeasuredMetric[];
  /** How many of `tallies` are the catalog's. */
  catalogSize: number;
  /** The targets row of an agent (by index) for a metric of a `quota: true` item, if any. */
  quotaOf?: (
    agent: number,
    metric: string,
  ) => { target: number; floor: number; file: string; line: number } | null;
  /** Metrics that need an absent table: no data, whatever their kind. */
  noData: ReadonlySet<string>;
  /** The rows of the period each exclusion removed of an agent, by exclusion id. */
  excludedOf: (agent: number) => ReadonlyMap<string, number>;
  /** The period evaluated: agent facts are measured against its days. */
  period: Period;
  zone: Zone;
  /**
   * The period's appeals (`docs/appeals.md`): the metrics and vetoes upheld appeals voided, and
   * the agent's `appealed` and `appeals` fields; without it, nothing is voided or added.
   */
  appeals?: Pick<AppealStage, 'voidMetrics' | 'voidedVetoes' | 'resultFields'>;
  /** The history facts of earlier periods the policy reads (`docs/history.md`); null when none. */
  history?: Pick<History, 'factsOf' | 'periodsOf'> | null;
}

/** One agent as scored: the results entry (rank included), its scorecard and how it was rated. */
export interface ScoredAgent {
  agent: Agent;
  scorecard: Scorecard | null;
  result: AgentResult;
  rating: Rating;
  /** How each formula metric was computed for the agent; null when the policy has none. */
  formulas: Record<string, FormulaExplanation> | null;
}

/** The agents as scored, and the team facts their formulas read (empty without any). */
export interface ScoreOutput {
  agents: ScoredAgent[];
  teamFacts: TeamFactResult[];
}

/**
 * The score stage (`docs/contract/semantics.md`, scoring), in the order of the agents table: each metric's
 * value and score for the agent's scorecard, the rating (eligibility, base score, adjustments,
 * total, vetoes, grade), then ranks within each scorecard. Formula metrics are computed after
 * the measured ones, for every agent, before any agent is rated (`docs/formulas.md`).
 */
export function scoreAgents(input: ScoreInput): ScoreOutput {
  const { policy, agents, noData, zone } = input;
  const tallies = input.tallies.slice(0, input.catalogSize);
  const segmentTallies = new Map(input.tallies.slice(input.catalogSize).map((t) => [t.definition.id, t]));
  const scorecardOfRole = new Map(policy.scorecards.flatMap((s) => s.roles.map((r) => [r, s] as const)));
  const measuredOf = agents.map(
    (agent) =>
      new Map(
        tallies.flatMap(
          (t): Array<[string, MetricValue]> =>
            t.definition.kind === 'formula'
              ? []
              : [
                  [
                    t.definition.id,
                    noData.has(t.definition.id) ? { value: null, sample: 0 } : t.value(agent.index),
                  ],
                ],
        ),
      ),
  );
  const hasFormulas = tallies.some((t) => t.definition.kind === 'formula');
  const conditionTeamFacts = policy.scorebook === 2 ? teamFactsOfConditions(policy) : new Map();
  const formulas =
    hasFormulas || conditionTeamFacts.size > 0
      ? computeFormulas({
          definitions: tallies.map((t) => t.definition),
          measured: measuredOf,
          scorecards: agents.map((a) => scorecardOfRole.get(a.role)?.id ?? null),
          facts: agents.map((a) => {
            const { tenure_days, tenure_months, days_employed, period_days } = agentFacts(a, input.period);
            return { tenure_days, tenure_months, days_employed, period_days };
          }),
          scorecardOrder: policy.scorecards.map((s) => s.id),
          conditionTeamFacts,
          agentIds: agents.map((a) => a.agent_id),
          history: input.history ?? null,
        })
      : null;
  const scored = agents.map((agent, at): ScoredAgent => {
    const scorecard = scorecardOfRole.get(agent.role) ?? null;
    const items = new Map(scorecard?.scored.map((s) => [s.metric, s]) ?? []);
    const values: Record<string, number | null> = {};
    const metrics: Record<string, MetricResult> = {};
    for (const tally of tallies) {
      const d = tally.definition;
      const measured: MetricValue = measuredOf[at]?.get(d.id) ?? { value: null, sample: 0 };
      values[d.id] = measured.value;
      const item = items.get(d.id);
      const segments = item?.segments ?? null;
      metrics[d.id] =
        item === undefined
          ? infoMetric(measured)
          : item.quota
            ? scoreQuota(measured, item, d, input.quotaOf?.(agent.index, d.id) ?? null)
            : segments === null
              ? scoreMetric(measured, item, d)
              : scoreSegmented(measured, item, d, (value) => {
                  const t = segmentTallies.get(segmentMetricId(d.id, segments.field, value));
                  return t === undefined || noData.has(d.id)
                    ? { value: null, sample: 0 }
                    : t.value(agent.index);
                });
    }
    // A metric an upheld appeal voided keeps its value for conditions but has no score.
    const voided = input.appeals?.voidMetrics(agent.agent_id, metrics) ?? metrics;
    // Format 2 conditions also see who the agent is; format 1 conditions see the metrics only.
    const who = agentFacts(agent, input.period);
    const team = scorecard === null ? undefined : formulas?.conditionFacts.get(scorecard.id);
    const earlier = input.history?.factsOf(agent.agent_id);
    const facts = policy.scorebook === 2 ? { ...values, ...who, ...team, ...earlier } : values;
    const rating: Rating =
      scorecard === null
        ? notRatedRating('NO_SCORECARD', `no scorecard for role "${agent.role}"`)
        : rateAgent(policy, scorecard, voided, facts, zone, input.appeals?.voidedVetoes(agent.agent_id));
    const removed = input.excludedOf(agent.index);
    const excluded: Record<string, number> = {};
    for (const e of policy.exclusions) {
      const n = removed.get(e.id) ?? 0;
      if (n > 0) excluded[e.id] = n;
    }
    const result: AgentResult = {
      agent_id: agent.agent_id,
      name: agent.name,
      team: agent.team,
      role: agent.role,
      employment_status: agent.status,
      scorecard: scorecard?.id ?? null,
      status: rating.status,
      reason: rating.reason,
      reason_code: rating.reason_code,
      metrics: voided,
      excluded,
      base_score: rating.base_score,
      adjustments: rating.adjustments,
      total_score: rating.total_score,
      vetoes: rating.vetoes,
      grade: rating.grade,
      rank: null,
      worst_metrics: rating.worst_metrics,
      ...(policy.scorebook === 2
        ? {
            groups: rating.groups,
            facts: {
              tenure_days: who.tenure_days,
              tenure_months: who.tenure_months,
              days_employed: who.days_employed,
              period_days: who.period_days,
            },
            flags: rating.flags,
            grade_by_score: rating.grade,
            distribution: null,
            awards: [],
            reward: null,
          }
        : {}),
      ...input.appeals?.resultFields(agent.agent_id),
    };
    return {
      agent,
      scorecard,
      result,
      rating,
      formulas: hasFormulas ? (formulas?.explanations[at] ?? null) : null,
    };
  });
  // The bonus bases that cannot be paid, of every scorecard: said together, then the run stops.
  const unpaid: Problem[] = [];
  for (const scorecard of policy.scorecards) {
    if (scorecard.distribution !== null)
      distribute(scorecard.distribution, scorecard.id, policy, scored, tallies);
    const totals = scored.flatMap(({ result }) =>
      result.scorecard === scorecard.id && result.status === 'rated' && result.total_score !== null
        ? [{ key: result, total: result.total_score }]
        : [],
    );
    for (const [result, rank] of assignRanks(totals)) result.rank = rank;
    if (policy.scorebook === 2) unpaid.push(...reward(scorecard, scored, tallies));
  }
  if (unpaid.length > 0) throw new EvaluationError(unpaid);
  return { agents: scored, teamFacts: formulas?.teamFacts ?? [] };
}

/** The team facts each scorecard's conditions (eligibility, vetoes, flags) name, by scorecard; only those with some. */
function teamFactsOfConditions(policy: Policy): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of policy.scorecards) {
    const conditions = [
      ...(s.eligibility === null ? [] : [s.eligibility.when]),
      ...s.vetoes.map((v) => v.when),
      ...s.flags.map((f) => f.when),
    ];
    const names = [...new Set(conditions.flatMap(factsOf))].filter((f) => parseTeamFactName(f) !== null);
    if (names.length > 0) out.set(s.id, names);
  }
  return out;
}

/**
 * The awards and rewards of a scorecard's agents (format 2), once grades are final: each award's
 * winners among the rated agents, then each agent's coefficient, bonus and total; the problems of
 * the bonus bases that cannot be paid.
 */
function reward(
  scorecard: Scorecard,
  scored: readonly ScoredAgent[],
  tallies: readonly MeasuredMetric[],
): Problem[] {
  const definitions = new Map(tallies.map((t) => [t.definition.id, t.definition]));
  return payScorecard(
    scorecard,
    scored.filter((s) => s.result.scorecard === scorecard.id),
    (metric) => definitions.get(metric),
  );
}

/**
 * Applies a scorecard's forced distribution to its rated agents: `grade` becomes the distributed
 * grade, `grade_by_score` keeps the grade before it, `distribution` says where the agent was placed.
 */
function distribute(
  distribution: Distribution,
  scorecard: string,
  policy: Policy,
  scored: readonly ScoredAgent[],
  tallies: readonly MeasuredMetric[],
): void {
  const definitions = new Map(tallies.map((t) => [t.definition.id, t.definition]));
  const better = distribution.tie_breakers.map((id) => definitions.get(id)?.better ?? 'higher');
  const entries = scored.flatMap(({ result }) =>
    result.scorecard === scorecard &&
    result.status === 'rated' &&
    result.total_score !== null &&
    result.grade !== null
      ? [
          {
            result,
            agent_id: result.agent_id,
            total: result.total_score,
            grade: result.grade,
            tieValues: distribution.tie_breakers.map((id) => result.metrics[id]?.value ?? null),
          },
        ]
      : [],
  );
  for (const [entry, { grade, placement }] of distributeGrades(
    distribution,
    policy.grades,
    better,
    entries,
  )) {
    entry.result.grade = grade;
    entry.result.distribution = placement;
  }
}

/**
 * What the summary of results.json adds for a policy of format 2: how many agents each flag
 * flagged, for every flag id of every scorecard (0 included), ids in policy order; the sums of
 * the bonuses, award amounts and totals over the agents, in their order (null terms left out).
 */
export function summaryOfFormat2(
  policy: Policy,
  agents: readonly AgentResult[],
): Pick<Required<Results['summary']>, 'flags' | 'rewards'> {
  const flags: Record<string, number> = {};
  for (const s of policy.scorecards) for (const f of s.flags) flags[f.id] = 0;
  for (const a of agents) for (const id of a.flags ?? []) flags[id] = (flags[id] ?? 0) + 1;
  const rewards = { agents: 0, bonus: 0, awards: 0, total: 0 };
  for (const a of agents) {
    for (const award of a.awards ?? []) rewards.awards += award.amount ?? 0;
    if (a.reward?.bonus != null) rewards.bonus += a.reward.bonus;
    if (a.reward?.total != null) {
      rewards.agents++;
      rewards.total += a.reward.total;
    }
  }
  return { flags, rewards };
}
