import { describe, expect, it } from 'vitest';
import { diffPolicies, renderDiffText } from '../src/index.ts';
import { loadText, v2Text, where } from './v2-policy.ts';

const card = (distribution: string) => `  s:
    title: t
    roles: [r]
    scored:
      - { metric: fcr, weight: 100, target: 80%, floor: 50% }
    distribution:
${distribution}`;
const RULES = `      tie_breakers: [csat_rate, fcr]
      grades:
        - { grade: A, max_share: 20% }
        - { grade: S, max_share: 0.1 }
        - { grade: D, min_share: 5% }
`;

describe('forced distribution', () => {
  it('is read with its shares as fractions, in the order of the grades', () => {
    const loaded = loadText(v2Text(card(RULES)));
    expect(loaded.problems).toEqual([]);
    expect(loaded.policy!.scorecards[0]!.distribution).toMatchObject({
      tie_breakers: ['csat_rate', 'fcr'],
      grades: [
        { grade: 'S', max_share: 0.1, min_share: null },
        { grade: 'A', max_share: 0.2, min_share: null },
        { grade: 'D', max_share: null, min_share: 0.05 },
      ],
    });
  });

  it('needs format 2', () => {
    expect(where(loadText(v2Text(card(RULES), { format: 1 })))).toEqual([
      ['NEEDS_FORMAT_2', 'error', 20, 5, 'scorecards.s.distribution'],
    ]);
  });

  it('refuses shares that cannot hold: a cap on the last grade, a minimum on the first, min above max, over 100%', () => {
    const loaded = loadText(
      v2Text(
        card(`      tie_breakers: [csat_rat]
      grades:
        - { grade: S, min_share: 10% }
        - { grade: B, min_share: 60%, max_share: 50% }
        - { grade: D, max_share: 5%, min_share: 50% }
        - { grade: C }
        - { grade: X, max_share: 5% }
        - { grade: A, max_share: 150% }
        - { grade: B, max_share: 1% }
`),
      ),
    );
    expect(loaded.problems.map((p) => [p.code, p.line, p.path])).toEqual([
      ['UNKNOWN_METRIC', 21, 'scorecards.s.distribution.tie_breakers[0]'],
      ['DISTRIBUTION_MINIMUMS_OVER_100', 22, 'scorecards.s.distribution.grades'],
      ['DISTRIBUTION_MINIMUM_ON_FIRST', 23, 'scorecards.s.distribution.grades[0].min_share'],
      ['DISTRIBUTION_SHARES_ORDER', 24, 'scorecards.s.distribution.grades[1].min_share'],
      ['DISTRIBUTION_CAP_ON_LAST', 25, 'scorecards.s.distribution.grades[2].max_share'],
      ['DISTRIBUTION_SHARES_ORDER', 25, 'scorecards.s.distribution.grades[2].min_share'],
      ['DISTRIBUTION_NEEDS_SHARE', 26, 'scorecards.s.distribution.grades[3]'],
      ['UNKNOWN_GRADE', 27, 'scorecards.s.distribution.grades[4].grade'],
      ['DISTRIBUTION_SHARE_RANGE', 28, 'scorecards.s.distribution.grades[5].max_share'],
      ['DISTRIBUTION_GRADE_TWICE', 29, 'scorecards.s.distribution.grades[6].grade'],
    ]);
    expect(loaded.problems[1]!.message.en).toBe(
      "The min_share of the forced distribution's grades add up to 120%, over 100%: they cannot all hold.",
    );
  });

  it('is compared by diff: shares by grade in percent, tie-breakers, a distribution added', () => {
    const a = loadText(v2Text(card(RULES))).policy!;
    const b = loadText(v2Text(card(RULES.replace('20%', '25%').replace('[csat_rate, fcr]', '[fcr]'))))
      .policy!;
    const changes = diffPolicies(a, b);
    expect(changes.map((c) => [c.area, c.subject, c.field, c.before, c.after])).toEqual([
      ['distribution', null, 'tie_breakers', ['csat_rate', 'fcr'], ['fcr']],
      ['distribution', 'A', 'max_share', 0.2, 0.25],
    ]);
    expect(renderDiffText(changes, 'zh', 'd')).toContain('考核表 s › 强制分布 › A: 最多占比 20% → 25%');
    const none = loadText(v2Text(card(RULES).replace(/ {4}distribution:\n[\s\S]*$/, ''))).policy!;
    expect(renderDiffText(diffPolicies(none, a), 'zh', 'd')).toContain(
      '考核表 s › 强制分布: 新增 + S ≤ 10%, A ≤ 20%, D ≥ 5%; 并列时比较 csat_rate, fcr',
    );
  });
});
