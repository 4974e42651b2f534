export type {
  AgentExplanation,
  AgentResult,
  Evidence,
  MetricResult,
  MetricStatus,
  RecordRef,
  RejectedRow,
  Results,
} from '@scorebook/contract';
export type { PartlyCovered } from './check/period-warnings.ts';
export {
  DEFAULT_REJECTED_LIMIT,
  exceedsLimit,
  formatLimit,
  parseRejectedLimit,
  type RejectedLimit,
} from './check/rejected-limit.ts';
export {
  ENGINE_VERSION,
  type EvaluateOptions,
  type Evaluation,
  type EvaluationProgress,
  evaluate,
  MEASURE_ENGINES,
  type MeasureEngine,
  type StageProgress,
} from './evaluate.ts';
export { EvaluationError } from './evaluation-error.ts';
export { type Inspection, type InspectOptions, inspectData, type TableInspection } from './inspect.ts';
export type { CutOffFile, ReadProgress } from './read/read-inputs.ts';
export { linearScore } from './score/score-metric.ts';
export {
  byteLengthOf,
  jsonBytes,
  type ResultBytes,
  sameBytes,
  sha256Of,
  textBytes,
  textOf,
  withEngineVersion,
} from './write/result-bytes.ts';
export {
  type BrokenLock,
  type DirectoryLock,
  LEFTOVER_PATTERNS,
  type Leftover,
  type LockOptions,
  type LockState,
  leftoversOf,
  lockDirectory,
  lockFileOf,
  lockStateOf,
  type Recovery,
  recoverDirectory,
  replaceDirectory,
  type StagedDirectory,
} from './write/staged-directory.ts';
export { WRITE_ERRORS, type WriteErrorCode } from './write/write-errors.ts';
export {
  RESULT_FILES,
  serializeEvaluation,
  type WriteOptions,
  type WrittenEvaluation,
  writeEvaluation,
} from './write/write-results.ts';
