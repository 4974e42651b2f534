export type { Manifest } from '@scorebook/contract';
export {
  type AgentMove,
  ImpactError,
  type ImpactOptions,
  type ImpactReport,
  policyImpact,
} from './impact.ts';
export {
  type AgentExpectation,
  type PolicyTestReport,
  type RuleCoverage,
  runPolicyTests,
  type TestOutcome,
} from './policy-tests.ts';
export {
  type Publication,
  PublishError,
  type PublishOptions,
  publishedPeriods,
  publishPeriod,
} from './publish.ts';
export { renderImpact } from './render-impact.ts';
export { type VerifyRow, type VerifyStatus, verifyPublished } from './verify-published.ts';
