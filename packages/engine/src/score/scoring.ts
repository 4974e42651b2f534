/**
 * The engine's scoring as pure functions of measured values and a policy (`docs/calibration.md`):
 * what the report site's calibration page bundles for the browser, so that the page and
 * `scorebook evaluate` run one implementation. This module and everything it imports at run time
 * use no `node:` module and no I/O (`test/scoring-module.test.ts` walks its imports).
 */
export { type DistributionEntry, distributeGrades } from './distribution.ts';
export { assignRanks, type NotRatedCode, notRatedRating, type Rating, rateAgent } from './rate-agent.ts';
export { infoMetric, scoreMetric, scoreQuota, scoreSegmented } from './score-metric.ts';
