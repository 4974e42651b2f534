import { describe, expect, it } from 'vitest';
import { diffPolicies } from '../src/index.ts';
import { loadText, v2Text, where } from './v2-policy.ts';

const CARD = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: qa_score, weight: 100, target: 100, floor: 0 }
`;

describe('the periods section of a policy (quarters and years from their months)', () => {
  it('is null without the section; reads the rules with their defaults', () => {
    expect(loadText(v2Text(CARD)).policy?.periods).toBe(null);
    const loaded = loadText(v2Text(CARD, { top: 'periods: { quarter: from_months }' }));
    expect(loaded.problems).toEqual([]);
    expect(loaded.policy?.periods).toEqual({ quarter: 'from_months', year: 'recompute', min_months: 1 });
  });

  it('refuses a bad value, a format 1 file and more months than a quarter has, at their place', () => {
    expect(where(loadText(v2Text(CARD, { top: 'periods: { quarter: monthly }' })))).toEqual([
      ['NOT_ALLOWED_VALUE', 'error', 7, 21, 'periods.quarter'],
    ]);
    expect(where(loadText(v2Text(CARD, { format: 1, top: 'periods: { year: from_months }' })))).toEqual([
      ['NEEDS_FORMAT_2', 'error', 7, 1, 'periods'],
    ]);
    expect(
      where(
        loadText(
          v2Text(CARD, { top: 'periods:\n  quarter: from_months\n  year: from_months\n  min_months: 4' }),
        ),
      ),
    ).toEqual([['PERIODS_MIN_MONTHS_OVER_QUARTER', 'error', 10, 15, 'periods.min_months']]);
    // A year alone may ask for up to 12 months.
    expect(where(loadText(v2Text(CARD, { top: 'periods: { year: from_months, min_months: 10 }' })))).toEqual(
      [],
    );
  });

  it('refuses a forced distribution on a scorecard scored from months, and allows rewards and awards', () => {
    const card = `${CARD}    rewards:
      coefficients: { S: 1.5, A: 1.2, B: 1, C: 0.8, D: 0.5 }
    awards:
      - { id: star, title: 之星, metric: qa_score, top: 1 }
    distribution:
      grades: [ { grade: S, max_share: 10% } ]
`;
    expect(where(loadText(v2Text(card, { top: 'periods: { quarter: from_months }' })))).toEqual([
      ['FROM_MONTHS_NOT_WITH', 'error', 24, 5, 'scorecards.aftersale.distribution'],
    ]);
    expect(where(loadText(v2Text(card, { top: 'periods: { quarter: recompute }' })))).toEqual([]);
  });

  it('diffs the rules as they apply: the defaults written out are no change', () => {
    const none = loadText(v2Text(CARD)).policy;
    const written = loadText(v2Text(CARD, { top: 'periods: { quarter: recompute, min_months: 1 }' })).policy;
    const months = loadText(v2Text(CARD, { top: 'periods: { quarter: from_months, min_months: 2 }' })).policy;
    if (none === null || written === null || months === null) throw new Error('a policy did not load');
    expect(diffPolicies(none, written)).toEqual([]);
    expect(diffPolicies(none, months).map((c) => [c.area, c.field, c.before, c.after])).toEqual([
      ['periods', 'quarter', 'recompute', 'from_months'],
      ['periods', 'min_months', 1, 2],
    ]);
  });
});
