export type { Manifest } from '@scorebook/contract';
export { archivedPath, archiveInputs, type InputFile, inputFilesOf } from './archive.ts';
export { shellWord } from './command-line.ts';
export { GOVERNANCE_ERRORS, type GovernanceCode } from './errors.ts';
export { gitRoot } from './git.ts';
export {
  type AdjustmentMove,
  type AgentMove,
  type AppealFileChanges,
  type AppealsImpact,
  type FlagMove,
  type ImpactOptions,
  type ImpactReport,
  policyImpact,
  type RewardMove,
  type VersionImpact,
  type VersionSide,
} from './impact.ts';
export { checkManifest, recordedRejectedLimit } from './manifest.ts';
export { DEFAULT_APPEALS_DIR, interruptedPeriods } from './paths.ts';
export {
  type PolicyTestReport,
  type RuleCoverage,
  runPolicyTests,
  type TestOutcome,
} from './policy-tests.ts';
export { publishedWindowsOf } from './publication-time.ts';
export {
  type Publication,
  type PublishOptions,
  publishCommand,
  publishedPeriods,
  publishPeriod,
  requireCommitted,
} from './publish.ts';
export type { GitStanding, PublishAdvice } from './publish-advice.ts';
export { editedPublishedPolicies } from './published-policies.ts';
export { renderImpact } from './render-impact.ts';
export {
  type GradeMix,
  type SuggestTargetsOptions,
  suggestTargets,
  type TargetSuggestion,
  type TargetsReport,
} from './suggest-targets.ts';
export { type SuggestedItem, type SuggestionLine, suggestionLines } from './suggestion-lines.ts';
export type { AgentExpectation } from './tests/policy-test-schema.ts';
export { POLICY_TEST_SCHEMA } from './tests/policy-test-schema.ts';
export {
  isFailure,
  type VerifyOptions,
  type VerifyRow,
  type VerifyStatus,
  verifyPublished,
} from './verify-published.ts';
