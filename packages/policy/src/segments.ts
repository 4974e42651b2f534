import type { Condition } from '@scorebook/conditions';
import type { MetricDefinition } from '@scorebook/contract';
import type { Policy } from './model.ts';

/**
 * The id a segment's metric is measured under: `first_response_time@channel=chat`. `@` and `=`
 * are not allowed in metric ids, so it never names a metric of the catalog.
 */
export function segmentMetricId(metric: string, field: string, value: string | number | boolean): string {
  return `${metric}@${field}=${String(value)}`;
}

/**
 * The metrics an evaluation measures besides the catalog for a policy's segmented targets
 * (`docs/scorecards.md`, segmented targets): for each segment of each item, once per id, the
 * item's metric restricted to the rows whose field equals the segment's value — added to `where`
 * (to both sides of a ratio). `catalog` is the policy's catalog; unknown metrics are skipped.
 */
export function segmentDefinitions(
  policy: Pick<Policy, 'scorecards'>,
  catalog: readonly MetricDefinition[],
): MetricDefinition[] {
  const byId = new Map(catalog.map((d) => [d.id, d]));
  const out = new Map<string, MetricDefinition>();
  for (const scorecard of policy.scorecards)
    for (const item of scorecard.scored) {
      const d = byId.get(item.metric);
      // A formula reads no rows: the checks refuse segments on it (SEGMENTS_KIND).
      if (item.segments === null || d === undefined || d.kind === 'formula') continue;
      for (const s of item.segments.segments) {
        const id = segmentMetricId(d.id, item.segments.field, s.value);
        const only: Condition = { fact: item.segments.field, operator: 'equal', value: s.value };
        const narrow = (where: Condition | null): Condition =>
          where === null ? only : { all: [only, where] };
        out.set(
          id,
          d.kind === 'ratio'
            ? {
                ...d,
                id,
                numerator: { ...d.numerator, where: narrow(d.numerator.where) },
                denominator: { ...d.denominator, where: narrow(d.denominator.where) },
              }
            : { ...d, id, where: narrow(d.where) },
        );
      }
    }
  return [...out.values()];
}
