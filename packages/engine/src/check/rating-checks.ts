import type { Policy, ScoredItem } from '@scorebook/policy';
import { messageOf, type Problem } from '@scorebook/problems';
import { RUN_ERRORS } from '../errors.ts';
import type { MeasuredMetric } from '../measure/accumulate.ts';
import { isRatingTally, RatingTally } from '../measure/rating-tally.ts';

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

/**
 * A warning for a scored rating item whose agents' values all lie far outside the scale its
 * targets are written in (`docs/ratings.md`): a 0–100 export scored against `target: 4.5,
 * floor: 2.5` gives every rated agent 100. The item's scale is `[lo, hi]`: its target and floor
 * (`linear`), its bands' bounds (`bands`) or its floors (`range`); "far outside" is beyond
 * `span = max(hi − lo, |lo|, |hi|)` on either side. Per item, when at least one agent has a value
 * and none lies in `[lo − span, hi + span]`.
 */
export function ratingsOffScale(
  tallies: readonly MeasuredMetric[],
  policy: Policy,
  agents: number,
): Problem[] {
  const out: Problem[] = [];
  for (const tally of tallies) {
    if (!isRatingTally(tally)) continue;
    const values: number[] = [];
    for (let agent = 0; agent < agents; agent++) {
      const { value } = tally.value(agent);
      if (value !== null) values.push(value);
    }
    if (values.length === 0) continue;
    for (const scorecard of policy.scorecards)
      for (const item of scorecard.scored) {
        if (item.metric !== tally.definition.id) continue;
        const scale = scaleOf(item);
        if (scale === null) continue;
        const [lo, hi] = scale;
        const span = Math.max(hi - lo, Math.abs(lo), Math.abs(hi));
        if (values.some((v) => v >= lo - span && v <= hi + span)) continue;
        out.push({
          code: 'RATING_SCALE_MISMATCH',
          severity: 'warning',
          message: messageOf(RUN_ERRORS, 'RATING_SCALE_MISMATCH', {
            metric: item.metric,
            low: Math.min(...values),
            high: Math.max(...values),
            lo,
            hi,
          }),
          file: item.source.file,
          line: item.source.line,
          column: item.source.column,
        });
      }
  }
  return out;
}

// The values an item's scoring is written in: [lowest, highest].
function scaleOf(item: ScoredItem): [number, number] | null {
  const points =
    item.method === 'linear'
      ? [item.target, item.floor]
      : item.method === 'range'
        ? [item.range?.floor_low, item.range?.floor_high]
        : item.bands.map((b) => b.value);
  const numbers = points.filter((p): p is number => typeof p === 'number');
  return numbers.length === 0 ? null : [Math.min(...numbers), Math.max(...numbers)];
}
