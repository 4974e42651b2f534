export {
  type AgentResult,
  ENGINE_VERSION,
  type EvaluateOptions,
  type Evaluation,
  evaluate,
  type Results,
} from './evaluate.ts';
export type { RecordRef } from './explain/describe-row.ts';
export type { Evidence } from './explain/evidence.ts';
export type { AgentExplanation } from './explain/explain-agent.ts';
export {
  DEFAULT_REJECTED_LIMIT,
  exceedsLimit,
  formatLimit,
  parseRejectedLimit,
  type RejectedLimit,
} from './limits.ts';
export type { ReadProgress } from './load/read-data.ts';
export { EvaluationError, type RejectedRow, type RunProblem } from './problems.ts';
export type { MetricResult, MetricStatus } from './score/score-metric.ts';
export { RESULT_FILES, serializeEvaluation, writeEvaluation } from './write/write-results.ts';
