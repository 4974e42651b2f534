// What an agent's page shows of history facts and team facts (docs/history.md, docs/formulas.md):
// only what the period's results and explanations published, never recomputed.
import type { ConditionTrace } from '@scorebook/conditions';
import type { AgentExplanation, HistoryPeriodResult, Results, TeamFactResult } from '@scorebook/contract';

/** Where a history fact was read: a formula metric, the eligibility rule, a veto, a flag or an adjustment. */
export interface HistoryUser {
  kind: 'formula' | 'eligibility' | 'veto' | 'flag' | 'adjustment';
  /** The formula metric's, veto's, flag's or adjustment's id; `eligibility` for the rule. */
  id: string;
}

/** A history fact an agent's evaluation read, its value, who read it and the periods behind it. */
export interface HistoryUse {
  name: string;
  value: unknown;
  users: HistoryUser[];
  /** The earlier periods it looked at, newest first, with their provenance from `results.history`. */
  periods: HistoryPeriodResult[];
}

/**
 * The history facts of one agent, in the order first read: the reads of its formula metrics (in
 * computing order), then the facts of its eligibility, veto and flag conditions; each adjustment
 * whose metric is a formula metric is a user of the history facts that formula read. The value is
 * the one first recorded. The periods of a formula read are those it lists; for a condition's fact
 * they are the first 1 (`prev`), N (`meanN`) or 12 (`streak`) of `results.history`. Empty when the
 * results carry no `history`.
 */
export function historyUses(
  results: Results,
  explanation: AgentExplanation | null,
  adjustments: ReadonlyArray<{ id: string; metric: string }>,
): HistoryUse[] {
  const history = results.history ?? [];
  if (history.length === 0 || explanation === null) return [];
  const byPeriod = new Map(history.map((h) => [h.period, h]));
  const uses = new Map<string, HistoryUse>();
  const use = (name: string, value: unknown, user: HistoryUser, periods: HistoryPeriodResult[]) => {
    const known = uses.get(name);
    if (known === undefined) uses.set(name, { name, value, users: [user], periods });
    else if (!known.users.some((u) => u.kind === user.kind && u.id === user.id)) known.users.push(user);
  };
  const formulas = Object.entries(explanation.formulas ?? {});
  for (const [id, f] of formulas)
    for (const read of f.reads)
      if (isHistoryName(read.name))
        use(
          read.name,
          read.value,
          { kind: 'formula', id },
          (read.periods ?? []).flatMap((p) => byPeriod.get(p) ?? []),
        );
  const fromCondition = (trace: ConditionTrace, user: HistoryUser) => {
    for (const leaf of leaves(trace))
      if (isHistoryName(leaf.fact))
        use(leaf.fact, leaf.factValue, user, history.slice(0, depthOf(leaf.fact)));
  };
  if (explanation.eligibility !== null)
    fromCondition(explanation.eligibility.condition, { kind: 'eligibility', id: 'eligibility' });
  for (const v of explanation.vetoes) fromCondition(v.condition, { kind: 'veto', id: v.id });
  for (const f of explanation.flags ?? []) fromCondition(f.condition, { kind: 'flag', id: f.id });
  for (const a of adjustments) {
    const formula = explanation.formulas?.[a.metric];
    for (const read of formula?.reads ?? [])
      if (isHistoryName(read.name)) uses.get(read.name)?.users.push({ kind: 'adjustment', id: a.id });
  }
  return [...uses.values()];
}

/** The team facts of a scorecard, in the order the results list them. */
export function teamFactsOf(results: Results, scorecard: string | null): TeamFactResult[] {
  return scorecard === null ? [] : (results.team_facts ?? []).filter((f) => f.scorecard === scorecard);
}

/**
 * The metric a history or team fact is about (`history.prev.aov` → `aov`, `team.median.frt` →
 * `frt`); null for a streak, which counts periods.
 */
export function factMetric(name: string): string | null {
  return /^(?:history\.(?:prev|mean\d+)|team\.[a-z0-9]+)\.(.+)$/.exec(name)?.[1] ?? null;
}

function isHistoryName(name: string): boolean {
  return name.startsWith('history.');
}

/** How many earlier periods a history fact looks at (docs/history.md). */
function depthOf(name: string): number {
  const mean = /^history\.mean(\d+)\./.exec(name)?.[1];
  if (mean !== undefined) return Number(mean);
  return name.startsWith('history.streak.') ? 12 : 1;
}

function leaves(trace: ConditionTrace): Array<Extract<ConditionTrace, { kind: 'fact' }>> {
  if (trace.kind === 'fact') return [trace];
  if (trace.kind === 'not') return leaves(trace.condition);
  return trace.conditions.flatMap(leaves);
}
