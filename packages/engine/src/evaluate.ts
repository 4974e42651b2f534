import { basename } from 'node:path';
import {
  type AgentExplanation,
  type AgentResult,
  INPUT_TABLES,
  type MetricResult,
  type PolicySnapshot,
  type Results,
} from '@scorebook/contract';
import { loadPolicyFamily, metricsOf, type Policy, selectVersion } from '@scorebook/policy';
import type { SourceProblem } from '@scorebook/problems';
import { parsePeriod, Zone, zonePeriod } from '@scorebook/time';
import packageJson from '../package.json' with { type: 'json' };
import { applyConversationFacts, deriveFacts } from './derive/derive-facts.ts';
import { explainAgent } from './explain/explain-agent.ts';
import { policySnapshot } from './explain/policy-snapshot.ts';
import { DEFAULT_REJECTED_LIMIT, exceedsLimit, formatLimit, type RejectedLimit } from './limits.ts';
import {
  type Dataset,
  type ReadProgress,
  readDataset,
  replayConversations,
  tableSha256,
} from './load/read-data.ts';
import { MetricAccumulators } from './measure/accumulate.ts';
import { compileMetrics } from './measure/compile-metrics.ts';
import { EvaluationError, type RejectedRow, type RunProblem } from './problems.ts';
import { assignRanks, notRatedRating, type Rating, rateAgent } from './score/rate-agent.ts';
import { infoMetric, scoreMetric } from './score/score-metric.ts';

/** The engine's version, recorded in every result. */
export const ENGINE_VERSION: string = packageJson.version;

/** Options of {@link evaluate}. */
export interface EvaluateOptions {
  /** A folder of one policy's versions (`configs/policies/<id>`). */
  policiesDir: string;
  dataDir: string;
  /** `2026-10`, `2026-Q4` or `2026`. */
  period: string;
  maxRejected?: RejectedLimit;
  onProgress?: (progress: ReadProgress) => void;
  /** Evidence records kept per metric and per exclusion of an agent. */
  evidenceCap?: number;
}

/** A finished evaluation: results, explanations and the rejected rows, not yet written. */
export interface Evaluation {
  results: Results;
  explanations: { scorebook: 1; period: string; agents: AgentExplanation[] };
  rejected: RejectedRow[];
  policy: Policy;
  /** policy.json: the policy and metric definitions applied. */
  policySnapshot: PolicySnapshot;
}

/**
 * Evaluates a period: selects the policy version in force, reads and checks the data, applies
 * exclusions, derives facts, measures every metric for every agent, scores, rates and ranks.
 * Deterministic: the same inputs give the same results. Throws {@link EvaluationError} with
 * every problem when the policy or the data cannot be used.
 */
export async function evaluate(options: EvaluateOptions): Promise<Evaluation> {
  const period = parsePeriod(options.period);
  if (period === null) {
    throw new EvaluationError([
      {
        code: 'BAD_PERIOD',
        file: null,
        line: null,
        message: {
          zh: `无法识别期间 "${options.period}"。请写成月 2026-10、季度 2026-Q4 或年 2026。`,
          en: `Cannot read the period "${options.period}". Write a month 2026-10, a quarter 2026-Q4 or a year 2026.`,
        },
      },
    ]);
  }
  const family = loadPolicyFamily(options.policiesDir);
  const errors = family.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new EvaluationError(errors.map(policyProblem));
  const { policy, problem } = selectVersion(family, period);
  if (policy === null) throw new EvaluationError([policyProblem(problem!)]);

  const zone = new Zone(policy.timezone);
  const zoned = zonePeriod(period, zone);
  const definitions = metricsOf(policy);
  const compiled = compileMetrics(definitions, zone);
  const scorecardOfRole = new Map(policy.scorecards.flatMap((s) => s.roles.map((r) => [r, s] as const)));
  const metricIndex = new Map(definitions.map((d, i) => [d.id, i]));
  // Created once the agents are known; evidence is kept only for the metrics each agent's
  // scorecard scores.
  let accumulators: MetricAccumulators | null = null;
  const data = await readDataset({
    dataDir: options.dataDir,
    policy,
    zone,
    period: zoned,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.evidenceCap !== undefined ? { evidenceCap: options.evidenceCap } : {}),
    onAgents: (agents) => {
      const scored = agents.map(
        (a) => new Set((scorecardOfRole.get(a.role)?.scored ?? []).map((i) => metricIndex.get(i.metric)!)),
      );
      accumulators = new MetricAccumulators(
        compiled,
        agents.length,
        (agent, metric) => scored[agent]!.has(metric),
        options.evidenceCap ?? 20,
      );
    },
    onPeriodRow: (table, row, agent) => accumulators!.add(table, row, agent),
  });
  const measured: MetricAccumulators = accumulators ?? new MetricAccumulators(compiled, 0, () => false, 0);
  checkRejected(data, options.maxRejected ?? DEFAULT_REJECTED_LIMIT);
  const facts = deriveFacts(data, policy, zone, zoned, (row, agent) => measured.add('responses', row, agent));
  if (data.hasConversations) {
    await replayConversations(
      options.dataDir,
      data,
      zone,
      zoned,
      (row, index) => applyConversationFacts(row, index, facts, data.convertedConversations),
      (row, agent) => measured.add('conversations', row, agent),
    );
  }

  const agents: AgentResult[] = [];
  const explanations: AgentExplanation[] = [];
  for (const agent of data.agents) {
    const measures = compiled.map((_, i) => measured.value(i, agent.index));
    const values: Record<string, number | null> = {};
    definitions.forEach((d, i) => {
      values[d.id] = measures[i]!.value;
    });
    const scorecard = scorecardOfRole.get(agent.role) ?? null;
    const items = new Map(scorecard?.scored.map((s) => [s.metric, s]) ?? []);
    const metrics: Record<string, MetricResult> = {};
    definitions.forEach((d, i) => {
      const item = items.get(d.id);
      metrics[d.id] = item === undefined ? infoMetric(measures[i]!) : scoreMetric(measures[i]!, item, d);
    });
    const rating: Rating =
      scorecard === null
        ? notRatedRating('NO_SCORECARD', `no scorecard for role "${agent.role}"`)
        : rateAgent(policy, scorecard, metrics, values, zone);
    const excluded: Record<string, number> = {};
    for (const e of policy.exclusions) {
      const n = data.excludedCounts[agent.index]!.get(e.id) ?? 0;
      if (n > 0) excluded[e.id] = n;
    }
    agents.push({
      agent_id: agent.agent_id,
      name: agent.name,
      team: agent.team,
      role: agent.role,
      employment_status: agent.status,
      scorecard: scorecard?.id ?? null,
      status: rating.status,
      reason: rating.reason,
      reason_code: rating.reason_code,
      metrics,
      excluded,
      base_score: rating.base_score,
      adjustments: rating.adjustments,
      total_score: rating.total_score,
      vetoes: rating.vetoes,
      grade: rating.grade,
      rank: null,
      worst_metrics: rating.worst_metrics,
    });
    explanations.push(
      explainAgent({
        agent,
        scorecard,
        rating,
        compiled,
        accumulators: measured,
        data,
        zone,
        policy,
      }),
    );
  }
  for (const scorecard of policy.scorecards) {
    const totals = agents
      .map((a, key) => ({ key, a }))
      .filter(({ a }) => a.scorecard === scorecard.id && a.status === 'rated')
      .map(({ key, a }) => ({ key, total: a.total_score! }));
    for (const [key, rank] of assignRanks(totals)) agents[key]!.rank = rank;
  }
  const order = agents.map((_, i) => i).sort((i, j) => compareIds(agents[i]!.agent_id, agents[j]!.agent_id));
  const results: Results = {
    scorebook: 1,
    period: { id: zoned.id, kind: zoned.kind, start: zoned.start, end: zoned.end, timezone: policy.timezone },
    policy: {
      id: policy.id,
      version: policy.version,
      effective_from: policy.effective_from,
      file: basename(policy.file),
      sha256: policy.sha256,
    },
    inputs: inputsOf(data, policy),
    engine: { version: ENGINE_VERSION },
    summary: summaryOf(agents, policy, data),
    agents: order.map((i) => agents[i]!),
  };
  return {
    results,
    explanations: { scorebook: 1, period: zoned.id, agents: order.map((i) => explanations[i]!) },
    rejected: data.rejected,
    policy,
    policySnapshot: policySnapshot(policy, definitions),
  };
}

function checkRejected(data: Dataset, limit: RejectedLimit): void {
  const problems: RunProblem[] = [];
  for (const input of data.inputs.values()) {
    if (!exceedsLimit(limit, input.rejected, input.rows)) continue;
    problems.push({
      code: 'TOO_MANY_REJECTED',
      file: input.files[0]?.path ?? input.table,
      line: null,
      message: {
        zh: `表 ${input.table} 有 ${input.rejected} / ${input.rows} 行被拒绝,超过上限 ${formatLimit(limit)}。请修正导出数据,或用 --max-rejected 调整上限。`,
        en: `Table ${input.table} has ${input.rejected} of ${input.rows} rows rejected, over the limit of ${formatLimit(limit)}. Fix the export, or set --max-rejected.`,
      },
    });
  }
  if (problems.length > 0) throw new EvaluationError(problems, data.rejected);
}

function inputsOf(data: Dataset, policy: Policy): Results['inputs'] {
  const inputs: Results['inputs'] = {};
  for (const table of INPUT_TABLES) {
    const input = data.inputs.get(table)!;
    const excluded: Record<string, number> = {};
    for (const e of policy.exclusions) if (e.table === table) excluded[e.id] = input.excluded.get(e.id) ?? 0;
    inputs[table] = {
      sha256: tableSha256(input),
      rows: input.rows,
      rejected: input.rejected,
      excluded,
      files: input.files,
    };
  }
  return inputs;
}

function summaryOf(agents: readonly AgentResult[], policy: Policy, data: Dataset): Results['summary'] {
  const grades: Record<string, number> = {};
  for (const g of policy.grades) grades[g.grade] = 0;
  for (const a of agents) if (a.grade !== null) grades[a.grade] = (grades[a.grade] ?? 0) + 1;
  const rated = agents.filter((a) => a.status === 'rated').length;
  return {
    agents: agents.length,
    rated,
    not_rated: agents.length - rated,
    grades,
    rejected_rows: data.rejected.length,
  };
}

function policyProblem(p: SourceProblem): RunProblem {
  return { code: p.code, file: p.file, line: p.line, column: p.column, message: p.message };
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
