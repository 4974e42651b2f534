import type { AgentExplanation, PolicyLine } from '@scorebook/contract';
import type { Policy, Scorecard, SourceRef } from '@scorebook/policy';
import type { Zone } from '@scorebook/time';
import type { Agent } from '../check/row-checks.ts';
import type { ExcludedRecord } from '../exclude/exclusions.ts';
import type { MetricAccumulators } from '../measure/accumulate.ts';
import type { CompiledMetric } from '../measure/compile-metrics.ts';
import type { Rating } from '../score/rate-agent.ts';
import { describeRow } from './describe-row.ts';

/** Inputs of {@link explainAgent}. */
export interface ExplainInput {
  agent: Agent;
  scorecard: Scorecard | null;
  rating: Rating;
  compiled: readonly CompiledMetric[];
  accumulators: MetricAccumulators;
  /** The files rows refer to by index. */
  files: readonly string[];
  /** The agent's excluded rows kept as evidence. */
  excluded: readonly ExcludedRecord[];
  zone: Zone;
  policy: Policy;
}

/**
 * The evidence behind an agent's results: for each scored metric the records that counted
 * against it, the records excluded with the exclusion that removed each, and the conditions of
 * eligibility and vetoes with the fact values that decided them, each tied to its policy line.
 */
export function explainAgent(input: ExplainInput): AgentExplanation {
  const { agent, scorecard, rating, compiled, accumulators, files, zone, policy } = input;
  const line = (source: SourceRef): PolicyLine => ({
    file: source.file.split(/[\\/]/).pop()!,
    line: source.line,
    path: source.path,
  });
  const metrics: AgentExplanation['metrics'] = {};
  for (const item of scorecard?.scored ?? []) {
    const kept = accumulators.evidence(
      compiled.findIndex((m) => m.definition.id === item.metric),
      agent.index,
    )!;
    metrics[item.metric] = {
      source: line(item.source),
      evidence: {
        role: kept.role,
        total: kept.total,
        records: kept.rows.map((row) => describeRow(kept.table, row, files, zone)),
      },
    };
  }
  const exclusionSource = new Map(policy.exclusions.map((e) => [e.id, line(e.source)]));
  const excluded = input.excluded.map((r) => ({
    exclusion: r.exclusion,
    source: exclusionSource.get(r.exclusion)!,
    record: describeRow(r.table, r.row, files, zone),
  }));
  const eligibility =
    scorecard?.eligibility && rating.eligibility
      ? {
          holds: rating.eligibility.result,
          reason: scorecard.eligibility.reason,
          source: line(scorecard.eligibility.source),
          condition: rating.eligibility,
        }
      : null;
  const vetoes = rating.veto_traces.map(({ id, trace }) => {
    const veto = scorecard!.vetoes.find((v) => v.id === id)!;
    return {
      id,
      holds: trace.result,
      reason: veto.reason,
      cap_grade: veto.cap_grade,
      source: line(veto.source),
      condition: trace,
    };
  });
  return {
    agent_id: agent.agent_id,
    scorecard: scorecard?.id ?? null,
    scorecard_source: scorecard ? line(scorecard.source) : null,
    metrics,
    excluded,
    eligibility,
    vetoes,
    grade_before_vetoes: rating.grade_before_vetoes,
  };
}
