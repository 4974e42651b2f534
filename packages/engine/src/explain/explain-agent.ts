import type {
  AgentExplanation,
  FieldSpec,
  FormulaExplanation,
  PolicyLine,
  RatingExplanation,
  RecordRef,
  TableName,
} from '@scorebook/contract';
import type { Scorecard, SourceRef } from '@scorebook/policy';
import type { Zone } from '@scorebook/time';
import type { Agent } from '../check/row-checks.ts';
import type { ExcludedRecord } from '../exclude/exclusions.ts';
import type { MeasuredMetric } from '../measure/accumulate.ts';
import { isRatingTally, type MeasuredRating, type RatingBreakdown } from '../measure/rating-tally.ts';
import type { Row } from '../row.ts';
import type { Rating } from '../score/rate-agent.ts';
import { describeRow } from './describe-row.ts';
import { fileNameOf } from './file-name.ts';

/** Inputs of {@link explainAgent}. */
export interface ExplainInput {
  agent: Agent;
  scorecard: Scorecard | null;
  rating: Rating;
  /** Every metric's tally, which keeps the evidence of the agent's scored metrics. */
  tallies: readonly MeasuredMetric[];
  /** The files rows refer to by index. */
  files: readonly string[];
  /** The agent's excluded rows kept as evidence. */
  excluded: readonly ExcludedRecord[];
  /** The policy's format: format 2 explanations carry its rules (flags …). */
  format: 1 | 2;
  zone: Zone;
  /** The `targets` row of the agent for a metric of a `quota: true` item, if one applied. */
  quotaRow?: (agent: number, metric: string) => Row | null;
  /** How each formula metric was computed for the agent; null (no key) when the policy has none. */
  formulas?: Record<string, FormulaExplanation> | null;
  /** The declared fields of a custom table (`docs/custom-tables.md`), for its evidence rows. */
  customFields?: (table: TableName) => Readonly<Record<string, FieldSpec>>;
}

/**
 * The evidence behind an agent's results: for each scored metric the records that counted
 * against it, the records excluded with the exclusion that removed each, and the conditions of
 * eligibility and vetoes with the fact values that decided them, each tied to its policy line.
 */
export function explainAgent(input: ExplainInput): AgentExplanation {
  const { agent, scorecard, rating, tallies, files, zone } = input;
  const line = (source: SourceRef): PolicyLine => ({
    file: fileNameOf(source.file),
    line: source.line,
    path: source.path,
  });
  const metrics: AgentExplanation['metrics'] = {};
  const byId = new Map(tallies.map((t) => [t.definition.id, t]));
  for (const item of scorecard?.scored ?? []) {
    // Every scored metric is in the catalog, and its tally keeps the evidence of the agents it scores.
    const tally = byId.get(item.metric);
    const kept = tally?.evidence(agent.index);
    if (tally === undefined || kept === undefined || kept === null) continue;
    metrics[item.metric] = {
      source: line(item.source),
      evidence: {
        role: kept.role,
        total: kept.total,
        records: kept.rows.map((row) => describeRow(kept.table, row, files, zone, input.customFields)),
      },
      ...(item.quota ? { quota: quotaRecord(input, item.metric) } : {}),
      ...(isRatingTally(tally)
        ? { rating: ratingExplanation(input, tally.breakdown(agent.index), tally) }
        : {}),
    };
  }
  const excluded = input.excluded.map((r) => ({
    exclusion: r.exclusion.id,
    source: line(r.exclusion.source),
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
  const vetoes = rating.veto_traces.map(({ veto, trace }) => {
    return {
      id: veto.id,
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
    ...(input.format === 2
      ? {
          flags: rating.flag_traces.map(({ flag, trace }) => ({
            id: flag.id,
            holds: trace.result,
            label: flag.label,
            source: line(flag.source),
            condition: trace,
          })),
        }
      : {}),
    ...(input.formulas === null || input.formulas === undefined ? {} : { formulas: input.formulas }),
  };
}

function ratingExplanation(
  input: ExplainInput,
  b: RatingBreakdown,
  tally: MeasuredRating,
): RatingExplanation {
  const { min_raters, include_self } = tally.definition;
  return {
    value: b.value,
    raters: b.raters,
    min_raters,
    include_self,
    roles: b.roles,
    left_out_total: b.leftOutTotal,
    left_out: b.leftOut.map(({ reason, row }) => ({
      reason,
      record: describeRow('ratings', row, input.files, input.zone),
    })),
  };
}

function quotaRecord(input: ExplainInput, metric: string): RecordRef | null {
  const row = input.quotaRow?.(input.agent.index, metric) ?? null;
  return row === null ? null : describeRow('targets', row, input.files, input.zone);
}
