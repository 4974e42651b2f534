import type { MetricDefinition } from '@scorebook/contract';
import type { Scorecard } from '@scorebook/policy';
import { parsePeriod, previousPeriod } from '@scorebook/time';
import type { SiteData, SitePeriod } from './load.ts';
import type { AgentResult } from './results-types.ts';

/** The scorecard of the period's policy with this id, if the policy is known. */
export function scorecardOf(period: SitePeriod, id: string | null): Scorecard | null {
  if (id === null) return null;
  return period.policy?.scorecards.find((s) => s.id === id) ?? null;
}

/** The metric definition, or a stand-in when the policy that defined it is gone. */
export function definitionOf(period: SitePeriod, id: string): MetricDefinition {
  return (
    period.definitions.get(id) ?? {
      id,
      title: id,
      title_en: id,
      description: null,
      description_en: null,
      kind: 'mean',
      better: 'higher',
      unit: 'number',
      table: null,
      field: null,
      where: null,
      numerator: null,
      denominator: null,
      builtin: false,
    }
  );
}

/** The title of a metric in a language. */
export function metricTitle(definition: MetricDefinition, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? definition.title : (definition.title_en ?? definition.title);
}

/** Teams of a period, sorted, with their members. */
export function teamsOf(period: SitePeriod): Array<{ team: string; members: AgentResult[] }> {
  const teams = new Map<string, AgentResult[]>();
  for (const a of period.results.agents) teams.set(a.team, [...(teams.get(a.team) ?? []), a]);
  return [...teams.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([team, members]) => ({ team, members }));
}

/** Mean of the numbers that are not null; null when none. */
export function average(values: ReadonlyArray<number | null>): number | null {
  const xs = values.filter((v): v is number => v !== null);
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** The period of the same kind just before, when the site has it. */
export function previousOf(data: SiteData, period: SitePeriod): SitePeriod | null {
  const p = parsePeriod(period.id);
  if (p === null) return null;
  const previous = previousPeriod(p).id;
  return data.periods.find((x) => x.id === previous) ?? null;
}

/** Agents whose grade changed since the previous period: from → to, better or worse. */
export function gradeMovements(
  period: SitePeriod,
  previous: SitePeriod,
): Array<{ agent: AgentResult; from: string; to: string; up: boolean }> {
  const grades = period.policy?.grades.map((g) => g.grade) ?? [];
  const before = new Map(previous.results.agents.map((a) => [a.agent_id, a.grade]));
  const moves: Array<{ agent: AgentResult; from: string; to: string; up: boolean }> = [];
  for (const agent of period.results.agents) {
    const from = before.get(agent.agent_id);
    if (from === undefined || from === null || agent.grade === null || from === agent.grade) continue;
    const up = grades.indexOf(agent.grade) < grades.indexOf(from);
    moves.push({ agent, from, to: agent.grade, up });
  }
  return moves.sort((a, b) => Number(b.up) - Number(a.up) || (a.agent.agent_id < b.agent.agent_id ? -1 : 1));
}

/** For each scored metric: how many agents scored below 100 on it (每月分析未达标指标). */
export function metricsBelowTarget(
  period: SitePeriod,
): Array<{ metric: string; below: number; scored: number }> {
  const counts = new Map<string, { below: number; scored: number }>();
  for (const a of period.results.agents) {
    for (const [id, m] of Object.entries(a.metrics)) {
      if (m.status !== 'scored') continue;
      const c = counts.get(id) ?? { below: 0, scored: 0 };
      c.scored++;
      if (m.score! < 100) c.below++;
      counts.set(id, c);
    }
  }
  return [...counts.entries()]
    .map(([metric, c]) => ({ metric, ...c }))
    .sort((a, b) => b.below - a.below || (a.metric < b.metric ? -1 : 1));
}

/** Average score per team and scored metric (a heatmap against targets: 100 = at target). */
export function teamMetricScores(period: SitePeriod): {
  teams: string[];
  metrics: string[];
  cells: Array<Array<number | null>>;
} {
  const teams = teamsOf(period);
  const metrics = [
    ...new Set(
      period.results.agents.flatMap((a) =>
        Object.entries(a.metrics)
          .filter(([, m]) => m.status === 'scored')
          .map(([id]) => id),
      ),
    ),
  ];
  const cells = teams.map(({ members }) =>
    metrics.map((id) =>
      average(members.map((a) => (a.metrics[id]?.status === 'scored' ? a.metrics[id]!.score : null))),
    ),
  );
  return { teams: teams.map((t) => t.team), metrics, cells };
}

/**
 * An agent's months up to and including `upTo`, oldest first: a page never shows later
 * periods, so publishing a new month does not change the pages of earlier ones.
 */
export function agentTrend(
  data: SiteData,
  agentId: string,
  upTo: SitePeriod,
): Array<{ period: string; agent: AgentResult }> {
  return data.periods
    .filter((p) => p.results.period.kind === 'month' && p.results.period.end <= upTo.results.period.end)
    .map((p) => ({ period: p.id, agent: p.results.agents.find((a) => a.agent_id === agentId) }))
    .filter((x): x is { period: string; agent: AgentResult } => x.agent !== undefined)
    .reverse();
}
