import type { AgentResult, AwardResult, Better, MetricDefinition, RewardResult } from '@scorebook/contract';
import type { Award, BonusBase, Rewards, Scorecard } from '@scorebook/policy';
import { messageOf, type Problem } from '@scorebook/problems';
import type { Agent } from '../check/row-checks.ts';
import { SCORE_ERRORS } from './score-errors.ts';

/** A rated agent competing for an award: its value and sample of the award's metric. */
export interface Contender<K> {
  key: K;
  agent_id: string;
  value: number | null;
  sample: number;
}

/**
 * The winners of an award (`docs/scorecards.md`, awards): contenders with a value (and, unless
 * `sampled` is false, at least `min_sample`), ordered by the value in the metric's better
 * direction; equal values share a place (1, 1, 3), and every contender whose place is at most
 * `top` wins. Returns each winner's place, in order of place, then agent id.
 */
export function awardWinners<K>(
  award: Award,
  better: Better,
  sampled: boolean,
  contenders: ReadonlyArray<Contender<K>>,
): Array<{ key: K; place: number }> {
  const ranked = contenders
    .flatMap((c) =>
      c.value === null || (sampled && c.sample < award.min_sample) ? [] : [{ ...c, value: c.value }],
    )
    .sort(
      (a, b) =>
        (better === 'higher' ? b.value - a.value : a.value - b.value) ||
        (a.agent_id < b.agent_id ? -1 : a.agent_id > b.agent_id ? 1 : 0),
    );
  const winners: Array<{ key: K; place: number }> = [];
  let previous: { value: number; place: number } | null = null;
  for (const [i, c] of ranked.entries()) {
    const place: number = previous !== null && previous.value === c.value ? previous.place : i + 1;
    if (place > award.top) break;
    winners.push({ key: c.key, place });
    previous = { value: c.value, place };
  }
  return winners;
}

/** A scorecard's agent to pay: its results (their `awards` and `reward` are set) and its row. */
export interface Payee {
  result: AgentResult;
  agent: Agent;
}

/**
 * Pays a scorecard's agents once their statuses and grades are final (`docs/scorecards.md`):
 * each award's winners among the members whose status is rated, by the value and sample of the
 * award's metric in their results (an award whose metric `definitionOf` does not know is
 * skipped); then each member's `awards` (in the scorecard's order) and `reward`.
 */
export function payScorecard(
  scorecard: Scorecard,
  members: readonly Payee[],
  definitionOf: (metric: string) => Pick<MetricDefinition, 'kind' | 'better'> | undefined,
): Problem[] {
  const won = new Map<Payee, AwardResult[]>();
  for (const award of scorecard.awards) {
    const d = definitionOf(award.metric);
    if (d === undefined) continue;
    const contenders = members.flatMap((m) => {
      const metric = m.result.metrics[award.metric];
      return m.result.status === 'rated' && metric !== undefined
        ? [{ key: m, agent_id: m.result.agent_id, value: metric.value, sample: metric.sample }]
        : [];
    });
    const sampled = d.kind !== 'count' && d.kind !== 'sum' && d.kind !== 'formula';
    for (const { key, place } of awardWinners(award, d.better, sampled, contenders))
      won.set(key, [...(won.get(key) ?? []), { id: award.id, place, amount: award.amount }]);
  }
  const problems: Problem[] = [];
  for (const m of members) {
    const awards = won.get(m) ?? [];
    m.result.awards = awards;
    m.result.reward = rewardOf(scorecard.rewards, m.agent, m.result.grade, awards, problems);
  }
  return problems;
}

/**
 * What an agent's grade pays (`docs/scorecards.md`, rewards): the grade's coefficient (or, not
 * rated, the scorecard's `not_rated` one), the base, bonus = coefficient × base, and the total of
 * the bonus and the awards' amounts. Null when the scorecard has no rewards and no award pays.
 */
export function rewardOf(
  rewards: Rewards | null,
  agent: Agent,
  grade: string | null,
  awards: readonly AwardResult[],
  problems: Problem[],
): RewardResult | null {
  const paid = awards.flatMap((a) => (a.amount === null ? [] : [a.amount]));
  if (rewards === null && paid.length === 0) return null;
  const coefficient =
    rewards === null
      ? null
      : grade === null
        ? rewards.not_rated
        : (rewards.coefficients.find((c) => c.grade === grade)?.coefficient ?? null);
  const base = rewards === null || coefficient === null ? null : baseOf(rewards.base, agent, problems);
  const bonus = coefficient === null || base === null ? null : coefficient * base;
  const terms = [...(bonus === null ? [] : [bonus]), ...paid];
  return {
    coefficient,
    base,
    bonus,
    total: terms.length === 0 ? null : terms.reduce((sum, x) => sum + x, 0),
  };
}

/**
 * The base of an agent's bonus: the scorecard's amount, or the agents table's field — a number,
 * 0 or more, or text that is a plain decimal number (`3000`, `2500.5`); empty is the default (or
 * none); a negative number (`BONUS_BASE_NEGATIVE`) or any other text (`BONUS_BASE_NOT_A_NUMBER`)
 * is a problem at the agent's row, added to `problems` (the caller stops the evaluation with every
 * agent's), and no base.
 */
function baseOf(base: BonusBase | null, agent: Agent, problems: Problem[]): number | null {
  if (base === null) return null;
  if (base.kind === 'amount') return base.amount;
  const value = Object.hasOwn(agent.values, base.field) ? agent.values[base.field] : null;
  if (typeof value === 'number' && value >= 0) return value;
  if (value === null || value === undefined || value === '') return base.default;
  if (typeof value === 'string' && /^\d+(\.\d+)?$/.test(value)) return Number(value);
  // A negative base (a number column with -3000) would pay a negative bonus: a slip in the export.
  const code = typeof value === 'number' ? 'BONUS_BASE_NEGATIVE' : 'BONUS_BASE_NOT_A_NUMBER';
  problems.push({
    code,
    severity: 'error',
    message: messageOf(SCORE_ERRORS, code, {
      agent: agent.agent_id,
      field: base.field,
      value: String(value),
    }),
    file: agent.file,
    line: agent.line,
    column: null,
  });
  return null;
}
