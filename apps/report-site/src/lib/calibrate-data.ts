import type { Condition } from '@scorebook/conditions';
import type { AgentResult, MetricResult, PolicySnapshot } from '@scorebook/contract';
import { policyOfSnapshot } from '@scorebook/policy';
import { type CalibrationData, conditionLeaves } from './calibrate.ts';

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
        const published: Record<string, MetricResult> = {};
        for (const id of ids) {
          const m = Object.hasOwn(a.metrics, id) ? a.metrics[id] : undefined;
          if (m !== undefined) published[id] = m;
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
