import type { Policy } from '@scorebook/policy';
import { messageOf, type Problem } from '@scorebook/problems';
import { RUN_ERRORS } from '../errors.ts';
import type { MeasuredMetric } from '../measure/accumulate.ts';
import { RatingTally } from '../measure/rating-tally.ts';

/**
 * Warnings for rating metrics that ask for what no rating of the period has (`docs/ratings.md`):
 * a `dimension` no row has (`dimension: teamwork` against an export that says 团队协作), and a
 * weighted role no row of the metric's dimensions has (a typo `supervsor`, or 主管 unmapped). The
 * run goes on — a role that did not rate this month is renormalised away by design — but a grade
 * that moved because of a spelling must not move silently. At the first scorecard item that
 * scores the metric (or the policy file when none does); none when the period has no rating.
 */
export function ratingsNotInData(tallies: readonly MeasuredMetric[], policy: Policy): Problem[] {
  const out: Problem[] = [];
  for (const tally of tallies) {
    // The TypeScript engine's tallies see every rating of the period; the SQL engine's do not.
    if (!(tally instanceof RatingTally)) continue;
    const metric = tally.definition.id;
    const item = policy.scorecards.flatMap((s) => s.scored).find((i) => i.metric === metric);
    const at = {
      file: item?.source.file ?? policy.file,
      line: item?.source.line ?? null,
      column: item?.source.column ?? null,
    };
    const missing = tally.notInData();
    for (const dimension of missing.dimensions)
      out.push({
        code: 'RATING_DIMENSION_NOT_IN_DATA',
        severity: 'warning',
        message: messageOf(RUN_ERRORS, 'RATING_DIMENSION_NOT_IN_DATA', {
          metric,
          dimension,
          seen: missing.dimensionsSeen,
        }),
        ...at,
      });
    for (const role of missing.roles)
      out.push({
        code: 'RATING_ROLE_NOT_IN_DATA',
        severity: 'warning',
        message: messageOf(RUN_ERRORS, 'RATING_ROLE_NOT_IN_DATA', { metric, role, seen: missing.rolesSeen }),
        ...at,
      });
  }
  return out;
}
