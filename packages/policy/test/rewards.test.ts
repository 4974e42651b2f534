import { describe, expect, it } from 'vitest';
import { diffPolicies, renderDiffText } from '../src/index.ts';
import { loadText, v2Text, where } from './v2-policy.ts';

const card = (rules: string) => `  s:
    title: t
    roles: [r]
    scored:
      - { metric: fcr, weight: 100, target: 80%, floor: 50% }
${rules}`;
const REWARDS = `    rewards:
      coefficients: { S: 1.5, A: 1.2, B: 1.0, C: 0.8, D: 0.5 }
      base: 2000
    awards:
      - { id: csat-star, title: 满意度之星, metric: csat_rate, top: 3, amount: 500, min_sample: 10 }
`;

describe('the currency of amounts', () => {
  it('is an ISO 4217 code of format 2, null when not declared', () => {
    expect(loadText(v2Text(card(REWARDS), { top: 'currency: CNY' })).policy?.currency).toBe('CNY');
    expect(loadText(v2Text(card(REWARDS))).policy?.currency).toBe(null);
    expect(where(loadText(v2Text(card(''), { format: 1, top: 'currency: CNY' })))).toEqual([
      ['NEEDS_FORMAT_2', 'error', 7, 1, 'currency'],
    ]);
    expect(where(loadText(v2Text(card(''), { top: 'currency: rmb' }))).map((p) => [p[0], p[4]])).toEqual([
      ['BAD_FORMAT', 'currency'],
    ]);
  });
});

describe('rewards and awards', () => {
  it('are read with coefficients in grade order, the base and each award', () => {
    const loaded = loadText(v2Text(card(REWARDS.replace('{ S: 1.5, A: 1.2', '{ A: 1.2, S: 1.5'))));
    expect(loaded.problems).toEqual([]);
    const s = loaded.policy!.scorecards[0]!;
    expect(s.rewards).toMatchObject({
      coefficients: [
        { grade: 'S', coefficient: 1.5 },
        { grade: 'A', coefficient: 1.2 },
        { grade: 'B', coefficient: 1 },
        { grade: 'C', coefficient: 0.8 },
        { grade: 'D', coefficient: 0.5 },
      ],
      not_rated: null,
      base: { kind: 'amount', amount: 2000 },
    });
    expect(s.awards).toMatchObject([
      { id: 'csat-star', metric: 'csat_rate', top: 3, amount: 500, min_sample: 10 },
    ]);
  });

  it('need format 2, a coefficient for every grade, known grades and metrics, a numeric base field', () => {
    expect(where(loadText(v2Text(card(REWARDS), { format: 1 }))).map((p) => p[0])).toEqual([
      'NEEDS_FORMAT_2',
      'NEEDS_FORMAT_2',
    ]);
    const loaded = loadText(
      v2Text(
        card(`    rewards:
      coefficients: { S: 1.5, A: 1.2, X: 1 }
      base: { field: team }
    awards:
      - { id: star, title: 之星, metric: csat_rat, top: 3 }
      - { id: star, title: 之星, metric: praise_count, top: 1, min_sample: 5 }
`),
      ),
    );
    expect(where(loaded)).toEqual([
      ['REWARD_GRADE_MISSING', 'error', 21, 7, 'scorecards.s.rewards.coefficients'],
      ['UNKNOWN_GRADE', 'error', 21, 39, 'scorecards.s.rewards.coefficients.X'],
      ['BONUS_BASE_FIELD', 'error', 22, 22, 'scorecards.s.rewards.base.field'],
      ['UNKNOWN_METRIC', 'error', 24, 40, 'scorecards.s.awards[0].metric'],
      ['DUPLICATE_ID', 'error', 25, 15, 'scorecards.s.awards[1].id'],
      ['MIN_SAMPLE_IGNORED', 'warning', 25, 62, 'scorecards.s.awards[1].min_sample'],
    ]);
    expect(loaded.problems[0]!.message.en).toBe(
      'The coefficients lack the grades B, C, D: every grade needs one (0 is allowed).',
    );
  });

  it('are compared by diff: a coefficient, the base, an award added', () => {
    const a = loadText(v2Text(card(REWARDS.replace(/ {4}awards:\n.*\n/, '')))).policy!;
    const b = loadText(
      v2Text(
        card(
          REWARDS.replace('S: 1.5', 'S: 1.8').replace(
            'base: 2000',
            'base: { field: bonus_base, default: 2000 }',
          ),
        ),
      ),
    ).policy!;
    const text = renderDiffText(diffPolicies(a, b), 'zh', 'd');
    expect(text.split('\n').slice(1, 4)).toEqual([
      '  考核表 s › 绩效系数与奖金 › S: 绩效系数 1.5 → 1.8',
      '  考核表 s › 绩效系数与奖金: 奖金基数 2000 → 客服表 bonus_base(为空时 2000)',
      '  考核表 s › 奖项 › csat-star: 新增 + 满意度之星:csat_rate 前 3 名,每人 500',
    ]);
  });
});
