import type {
  AgentResult,
  MetricResult,
  SnapshotMetric,
  SnapshotScorecard,
  SnapshotScoredItem,
} from '@scorebook/contract';
import { parsePeriod, previousPeriod } from '@scorebook/time';
import { type Currency, formatBands, formatValue } from './format.ts';
import type { SiteData, SitePeriod } from './load.ts';
import { type Lang, localized, t } from './messages.ts';

/**
 * The value of a record read from JSON at a key from data, only when the record has that key
 * itself: a team, grade or metric named `constructor` or `__proto__` never reaches the prototype.
 */
export function own<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** How many agents of the period have this grade (0 when none). */
export function gradeCount(period: SitePeriod, grade: string): number {
  return own(period.results.summary.grades, grade) ?? 0;
}

/** The scorecard of the period's policy.json with this id; null without one. */
export function scorecardOf(period: SitePeriod, id: string | null): SnapshotScorecard | null {
  if (id === null) return null;
  return period.policy?.scorecards.find((s) => s.id === id) ?? null;
}

/**
 * Why an agent is not rated, in the page's language, by its `reason_code`: the scorecard's own
 * eligibility reason (its `reason_en` in English when the policy gives one), or the engine's
 * reasons in either language; the recorded `reason` for a code the site does not know; null for a
 * rated agent.
 */
export function notRatedReason(period: SitePeriod, agent: AgentResult, lang: Lang): string | null {
  if (agent.status === 'rated') return null;
  if (agent.reason_code === 'NO_SCORECARD') return t(lang, 'notRatedNoScorecard', { role: agent.role });
  if (agent.reason_code === 'NO_SCORED_METRIC') return t(lang, 'notRatedNoScoredMetric');
  const eligibility =
    agent.reason_code === 'NOT_ELIGIBLE' ? scorecardOf(period, agent.scorecard)?.eligibility : null;
  return eligibility ? localized(lang, eligibility.reason, eligibility.reason_en) : agent.reason;
}

/** The title of a scorecard as the period's policy.json gives it, else its id. */
export function scorecardTitle(period: SitePeriod, id: string, lang: Lang): string {
  const s = scorecardOf(period, id);
  return s === null ? id : localized(lang, s.title, s.title_en);
}

/** The definition of a metric in the period's policy.json; null without one. */
export function metricOf(period: SitePeriod, id: string): SnapshotMetric | null {
  return period.metrics.get(id) ?? null;
}

/** The title of a metric in the period's policy.json, else its id. */
export function metricTitle(period: SitePeriod, id: string, lang: Lang): string {
  const m = metricOf(period, id);
  return m === null ? id : localized(lang, m.title, m.title_en);
}

/** The unit of a metric in the period's policy.json; `number` (a plain number) without one. */
export function unitOf(period: SitePeriod, id: string): SnapshotMetric['unit'] {
  return metricOf(period, id)?.unit ?? 'number';
}

/**
 * The metric pages of a period: every metric of its policy.json, or without one every metric
 * id its results carry (so that each link to a metric has a page).
 */
export function metricIdsOf(period: SitePeriod): string[] {
  if (period.policy !== null) return period.policy.metrics.map((m) => m.id);
  return [...new Set(period.results.agents.flatMap((a) => Object.keys(a.metrics)))];
}

/** The grades of the period, best first: policy.json's, else the order results.json lists them. */
export function gradeOrder(period: SitePeriod): string[] {
  return period.policy?.grades.map((g) => g.grade) ?? Object.keys(period.results.summary.grades);
}

/**
 * A scored item's goal in the unit its values are shown in: `target / floor` (`20 秒 / 1 分钟`),
 * the bands, the two-sided target (`3 分钟–8 分钟(≤ 1 分钟 或 ≥ 15 分钟 为 0)`) or each segment's.
 */
export function goalOf(
  item: SnapshotScoredItem,
  unit: SnapshotMetric['unit'],
  lang: Lang,
  currency: Currency,
): string {
  const v = (x: number | null) => formatValue(x, unit, lang, currency);
  if (item.method === 'bands') return formatBands(item.bands, unit, lang, currency);
  if (item.method === 'range' && item.range)
    return t(lang, 'goalRange', {
      low: v(item.range.low),
      high: v(item.range.high),
      floorLow: v(item.range.floor_low),
      floorHigh: v(item.range.floor_high),
    });
  if (item.segments)
    return t(lang, 'goalSegments', {
      field: item.segments.field,
      segments: item.segments.segments
        .map((g) =>
          t(lang, 'goalSegment', { value: String(g.value), target: v(g.target), floor: v(g.floor) }),
        )
        .join(' · '),
    });
  return `${v(item.target)} / ${v(item.floor)}`;
}

/**
 * The item as it scored this agent: with per-agent targets (`quota`), the target and floor the
 * agent was scored by in place of the scorecard's.
 */
function agentItem(item: SnapshotScoredItem | null, result: MetricResult): SnapshotScoredItem | null {
  const quota = result.quota;
  return item === null || quota === undefined ? item : { ...item, target: quota.target, floor: quota.floor };
}

/** One row of an agent's scorecard: the metric's result and, when policy.json has it, its item. */
export interface ScoredRow {
  metric: string;
  result: MetricResult;
  item: SnapshotScoredItem | null;
  /**
   * Points the metric adds to the base score: score × weight ÷ the weights that scored (with
   * groups, those of its group, times the group's weight ÷ the weights of the groups that scored).
   */
  contribution: number | null;
  /**
   * The weight the metric carries in the base score, in percent: weight × 100 ÷ the weights that
   * scored (with groups, those of its group, times the group's share as for `contribution`), so
   * that points lost = effective weight × (100 − score) ÷ 100. Equal to the weight when every
   * metric of a flat scorecard scored; 0 for a metric without a score (its weight is shared out).
   */
  effectiveWeight: number;
}

/**
 * The metrics an agent is scored on, in the scorecard's order when policy.json has it, else in
 * the order of results.json; metrics for information only are left out.
 */
export function scoredRows(period: SitePeriod, agent: AgentResult): ScoredRow[] {
  const items = scorecardOf(period, agent.scorecard)?.scored ?? null;
  const ids =
    items?.map((i) => i.metric) ??
    Object.entries(agent.metrics)
      .filter(([, m]) => m.status !== 'info')
      .map(([id]) => id);
  const rows = ids.flatMap((id) => {
    const result = own(agent.metrics, id);
    return result === undefined
      ? []
      : [{ metric: id, result, item: agentItem(items?.find((i) => i.metric === id) ?? null, result) }];
  });
  const groups = agent.groups ?? [];
  const groupWeights = groups.reduce((s, g) => s + (g.status === 'scored' ? g.weight : 0), 0);
  const share = (group: string | null) => {
    if (group === null || groups.length === 0) return 1;
    const g = groups.find((x) => x.id === group);
    return g === undefined || groupWeights === 0 ? 0 : g.weight / groupWeights;
  };
  const scoredWeight = (group: string | null) =>
    rows.reduce(
      (s, r) =>
        s + ((r.item?.group ?? null) === group && r.result.status === 'scored' ? (r.result.weight ?? 0) : 0),
      0,
    );
  return rows.map(({ metric, result, item }) => {
    const group = item?.group ?? null;
    const weights = scoredWeight(group);
    const scored = result.status === 'scored' && result.score !== null && result.weight !== null;
    return {
      metric,
      result,
      item,
      effectiveWeight:
        scored && weights > 0 && result.weight !== null
          ? ((result.weight * 100) / weights) * share(group)
          : 0,
      contribution:
        result.status === 'scored' && result.score !== null && result.weight !== null && weights > 0
          ? ((result.score * result.weight) / weights) * share(group)
          : null,
    };
  });
}

const rankedCounts = new WeakMap<SitePeriod, Map<string | null, number>>();

/** How many agents of the period's scorecard have a rank (computed once per period). */
export function rankedCount(period: SitePeriod, scorecard: string | null): number {
  let counts = rankedCounts.get(period);
  if (counts === undefined) {
    counts = new Map();
    for (const a of period.results.agents)
      if (a.rank !== null) counts.set(a.scorecard, (counts.get(a.scorecard) ?? 0) + 1);
    rankedCounts.set(period, counts);
  }
  return counts.get(scorecard) ?? 0;
}

/** Teams of a period, sorted, with their members. */
export function teamsOf(period: SitePeriod): Array<{ team: string; members: AgentResult[] }> {
  const teams = new Map<string, AgentResult[]>();
  for (const a of period.results.agents) {
    const members = teams.get(a.team);
    if (members === undefined) teams.set(a.team, [a]);
    else members.push(a);
  }
  return [...teams.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([team, members]) => ({ team, members }));
}

/** Mean of the numbers that are not null; null when none. */
export function average(values: ReadonlyArray<number | null>): number | null {
  const xs = values.filter((v): v is number => v !== null);
  return xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** An agent's score on a metric when it was scored, else null. */
export function scoreOn(agent: AgentResult, metric: string): number | null {
  const m = own(agent.metrics, metric);
  return m?.status === 'scored' ? m.score : null;
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
  const grades = gradeOrder(period);
  const moves: Array<{ agent: AgentResult; from: string; to: string; up: boolean }> = [];
  for (const agent of period.results.agents) {
    const from = previous.agents.get(agent.agent_id)?.grade ?? null;
    if (from === null || agent.grade === null || from === agent.grade) continue;
    moves.push({ agent, from, to: agent.grade, up: grades.indexOf(agent.grade) < grades.indexOf(from) });
  }
  return moves.sort((a, b) => Number(b.up) - Number(a.up) || (a.agent.agent_id < b.agent.agent_id ? -1 : 1));
}

/** Of the rated agents with a score on a metric: how many, how many below 100, and the median of those below. */
export interface BelowTarget {
  metric: string;
  below: number;
  scored: number;
  /** The median of the scores below 100 (the mean of the middle two for an even count); null when none is below. */
  medianBelow: number | null;
}

/**
 * For each scored metric: of the rated agents with a score on it, how many scored below 100
 * (每月分析未达标指标), and how far below they are (the median of their scores). Agents not
 * rated are left out, as the headline's 参评客服 count does.
 */
export function metricsBelowTarget(period: SitePeriod): BelowTarget[] {
  const counts = new Map<string, { scored: number; scores: number[] }>();
  for (const a of period.results.agents) {
    if (a.status !== 'rated') continue;
    for (const id of Object.keys(a.metrics)) {
      const score = scoreOn(a, id);
      if (score === null) continue;
      const c = counts.get(id) ?? { scored: 0, scores: [] };
      c.scored++;
      if (score < 100) c.scores.push(score);
      counts.set(id, c);
    }
  }
  return [...counts.entries()]
    .map(([metric, c]) => ({
      metric,
      below: c.scores.length,
      scored: c.scored,
      medianBelow: median(c.scores),
    }))
    .sort((a, b) => b.below - a.below || (a.metric < b.metric ? -1 : 1));
}

/** The median of some numbers (the mean of the middle two for an even count); null for none. */
function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The metrics scored for any of these agents, in first-seen order. */
export function scoredMetricIds(agents: readonly AgentResult[]): string[] {
  return [
    ...new Set(
      agents.flatMap((a) =>
        Object.entries(a.metrics)
          .filter(([, m]) => m.status === 'scored')
          .map(([id]) => id),
      ),
    ),
  ];
}

/** Average score per team and scored metric (a heatmap against targets: 100 = at target). */
export function teamMetricScores(period: SitePeriod): {
  teams: string[];
  metrics: string[];
  cells: Array<Array<number | null>>;
} {
  const teams = teamsOf(period);
  const metrics = scoredMetricIds(period.results.agents);
  const cells = teams.map(({ members }) => metrics.map((id) => average(members.map((a) => scoreOn(a, id)))));
  return { teams: teams.map((t) => t.team), metrics, cells };
}

/**
 * The band of an average score in the team × metric table: `met` at 100 (on target), `near`
 * from 85, `below` from 60, `far` under 60, `none` without a score.
 */
export function heatBand(score: number | null): 'met' | 'near' | 'below' | 'far' | 'none' {
  if (score === null) return 'none';
  return score >= 100 ? 'met' : score >= 85 ? 'near' : score >= 60 ? 'below' : 'far';
}

/**
 * An agent's months up to and including `upTo`, oldest first: a page never shows later
 * periods, so publishing a new month does not change the pages of earlier ones.
 */
export function agentTrend(
  data: SiteData,
  agentId: string,
  upTo: SitePeriod,
): Array<{ period: SitePeriod; agent: AgentResult }> {
  return data.periods
    .filter((p) => p.results.period.kind === 'month' && p.results.period.end <= upTo.results.period.end)
    .flatMap((p) => {
      const agent = p.agents.get(agentId);
      return agent === undefined ? [] : [{ period: p, agent }];
    })
    .reverse();
}

/** What a manager reads first of a period: who was rated, the mean and its change, the key finding. */
export interface Headline {
  rated: number;
  agents: number;
  /** Mean total score of the rated agents; null when none is rated. */
  mean: number | null;
  /** The same mean of the previous period of the same kind, when the site has it. */
  previousMean: number | null;
  /** Per grade, best first: agents this period and in the previous one (null without it). */
  grades: Array<{ grade: string; now: number; before: number | null }>;
  /** The scored metric most agents are below target on (at least one), with the counts and the median below. */
  finding: BelowTarget | null;
}

/** The headline of a period against the previous one of the same kind (null when the site has none). */
export function headlineOf(period: SitePeriod, previous: SitePeriod | null): Headline {
  const meanOf = (p: SitePeriod) =>
    average(p.results.agents.filter((a) => a.status === 'rated').map((a) => a.total_score));
  const top = metricsBelowTarget(period)[0];
  return {
    rated: period.results.summary.rated,
    agents: period.results.summary.agents,
    mean: meanOf(period),
    previousMean: previous === null ? null : meanOf(previous),
    grades: gradeOrder(period).map((grade) => ({
      grade,
      now: gradeCount(period, grade),
      before: previous === null ? null : gradeCount(previous, grade),
    })),
    finding: top !== undefined && top.below > 0 ? top : null,
  };
}
