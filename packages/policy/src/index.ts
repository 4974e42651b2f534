export { APPEAL_RECORD_TABLES, DEFAULT_APPEAL_WINDOW_DAYS } from './check/appeals-check.ts';
export type { SourceMappedValue, SourceValueMap, SourceValueMaps } from './check/mapped-values-check.ts';
export { POLICY_SCHEMA } from './check/policy-schema.ts';
export { parseQuantity } from './check/quantity.ts';
export { type ChangeArea, canonicalJson, diffPolicies, type PolicyChange } from './diff/diff-policies.ts';
export {
  describeChange,
  formatBands,
  formatBonusBase,
  formatDistribution,
  formatPolicyCondition,
  formatQuantity,
  formatRange,
  formatRewards,
  formatSegments,
  type Lang,
  renderDiffMarkdown,
  renderDiffText,
} from './diff/render-diff.ts';
export {
  POLICY_ERRORS,
  type PolicyErrorCode,
  type WeightedEntry,
  type WeightsNot100,
  weightsNot100,
} from './errors/catalogue.ts';
export {
  FORMULA_AGENT_FACTS,
  formulaMetricsInOrder,
  formulaOf,
  formulaVocabulary,
  metricsReadBy,
} from './formula-metrics.ts';
export {
  gradeNamesOf,
  HISTORY_MAX_PERIODS,
  type HistoryFactName,
  historyVocabulary,
  parseHistoryFactName,
} from './history-facts.ts';
export { loadPolicyFamily, type PolicyFamily, policyFoldersIn } from './load/load-family.ts';
export {
  type LoadedPolicy,
  loadPolicyBytes,
  loadPolicyFile,
  type PolicyCheckOptions,
} from './load/load-policy.ts';
export { policyMetricCatalog } from './metric-catalog.ts';
export type {
  Adjustment,
  AppealRules,
  Award,
  Band,
  BonusBase,
  BusinessHoursSpec,
  Distribution,
  DistributionRule,
  Eligibility,
  Exclusion,
  Flag,
  Grade,
  ItemSegments,
  PeriodRules,
  Policy,
  Rewards,
  Scorecard,
  ScoredGroup,
  ScoredItem,
  SourceRef,
  TargetRange,
  Veto,
} from './model.ts';
export { cents, PAYROLL_AMOUNT_COLUMNS, PAYROLL_COLUMNS, payrollRows } from './rewards/payroll.ts';
export { neutralise, type SheetRows, sheetCsv, sheetXlsx } from './rewards/spreadsheet.ts';
export { segmentDefinitions, segmentMetricId } from './segments.ts';
export { selectVersion } from './select-version.ts';
export { insideUnresolved, resolveShared, type SharedUse } from './shared/resolve-shared.ts';
export { SHARED_ERRORS, type SharedErrorCode } from './shared/shared-errors.ts';
export {
  type LoadedShared,
  loadShared,
  loadSharedBytes,
  SHARED_KEY,
  type SharedSource,
  sharedFolder,
  sharedFolderOf,
} from './shared/shared-file.ts';
export { policyOfSnapshot } from './snapshot/policy-of-snapshot.ts';
