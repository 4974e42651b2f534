export type {
  AgentExplanation,
  AgentResult,
  Evidence,
  MetricResult,
  MetricStatus,
  RecordRef,
  Results,
} from '@scorebook/contract';
export { ENGINE_VERSION, type EvaluateOptions, type Evaluation, evaluate } from './evaluate.ts';
export {
  DEFAULT_REJECTED_LIMIT,
  exceedsLimit,
  formatLimit,
  parseRejectedLimit,
  type RejectedLimit,
} from './limits.ts';
export type { ReadProgress } from './load/read-data.ts';
export { EvaluationError, type RejectedRow, type RunProblem } from './problems.ts';
export {
  type DirectoryLock,
  type Leftover,
  leftoversOf,
  lockDirectory,
  lockFileOf,
  type Recovery,
  recoverDirectory,
  replaceDirectory,
  type StagedDirectory,
} from './write/staged-directory.ts';
export { WRITE_ERRORS, type WriteErrorCode } from './write/write-errors.ts';
export { RESULT_FILES, serializeEvaluation, writeEvaluation } from './write/write-results.ts';
