import { describe, expect, it } from 'vitest';
import { csv, runScenario } from './scenario.ts';
import { v2Policy } from './v2.ts';

// Total = the qa score. Coefficients by grade × each agent's bonus_base (2000 when empty);
// 满意度之星: the top 2 by csat_rate with at least 3 surveys, 500 each; 质检之星: the best qa score.
const CARD = `  aftersale:
    title: 售后
    roles: [aftersale]
    eligibility:
      when: { all: [ { fact: qa_score, operator: notEqual, value: null } ] }
      reason: 没有质检
    scored:
      - { metric: qa_score, weight: 100, target: 100, floor: 0 }
    rewards:
      coefficients: { S: 1.5, A: 1.2, B: 1.0, C: 0.8, D: 0.5 }
      not_rated: 0
      base: { field: bonus_base, default: 2000 }
    awards:
      - { id: csat-star, title: 满意度之星, metric: csat_rate, top: 2, amount: 500, min_sample: 3 }
      - { id: qa-star, title: 质检之星, metric: qa_score, top: 1 }
`;

const qa: Record<string, number> = { b1: 96, b2: 90, b3: 80, b4: 65 };
const surveys = (agent: string, scores: number[]) =>
  scores.map((c, i) => `${agent}-${i},${agent},2026-10-0${i + 1}T10:00:00+08:00,${c}`);
const tables = {
  agents: csv(
    'agent_id,name,team,role,bonus_base',
    'b1,甲,一组,aftersale,3000',
    'b2,乙,一组,aftersale,',
    'b3,丙,一组,aftersale,2500.5',
    'b4,丁,一组,aftersale,1999.99',
    'b5,戊,一组,aftersale,',
    'b6,己,二组,presale,5000',
  ),
  qa_reviews: csv(
    'review_id,agent_id,reviewed_at,score',
    ...Object.entries(qa).map(([a, s]) => `q-${a},${a},2026-10-05T10:00:00+08:00,${s}`),
  ),
  surveys: csv(
    'survey_id,agent_id,submitted_at,csat',
    ...surveys('b1', [5, 5, 4]),
    ...surveys('b2', [5, 4, 4]),
    ...surveys('b3', [5, 5, 1]),
    ...surveys('b4', [5]),
    ...surveys('b5', [5, 5, 5]),
  ),
};

describe('rewards and awards', () => {
  it('pay coefficient × base, plus the awards won; ties share a place', async () => {
    const e = await runScenario({ policy: v2Policy(CARD), tables });
    const by = (id: string) => e.results.agents.find((a) => a.agent_id === id)!;
    expect(by('b1')).toMatchObject({
      grade: 'S',
      awards: [
        { id: 'csat-star', place: 1, amount: 500 },
        { id: 'qa-star', place: 1, amount: null },
      ],
      reward: { coefficient: 1.5, base: 3000, bonus: 4500, total: 5000 },
    });
    // b2's cell is empty: the default base. Its csat is 1 too: it shares first place.
    expect(by('b2')).toMatchObject({
      grade: 'A',
      awards: [{ id: 'csat-star', place: 1, amount: 500 }],
      reward: { coefficient: 1.2, base: 2000, bonus: 2400, total: 2900 },
    });
    // Third by csat (2 of 3): no award.
    expect(by('b3')).toMatchObject({
      grade: 'B',
      awards: [],
      reward: { coefficient: 1, base: 2500.5, bonus: 2500.5, total: 2500.5 },
    });
    // One survey is fewer than min_sample: b4 does not compete.
    expect(by('b4')).toMatchObject({
      grade: 'C',
      awards: [],
      reward: { coefficient: 0.8, base: 1999.99, bonus: 1599.9920000000002, total: 1599.9920000000002 },
    });
  });

  it('give agents who are not rated the not_rated coefficient and no award, and no reward without a scorecard', async () => {
    const e = await runScenario({ policy: v2Policy(CARD), tables });
    const by = (id: string) => e.results.agents.find((a) => a.agent_id === id)!;
    // b5 has the best csat but is not rated (no qa): it competes for nothing.
    expect(by('b5')).toMatchObject({
      status: 'not_rated',
      awards: [],
      reward: { coefficient: 0, base: 2000, bonus: 0, total: 0 },
    });
    expect(by('b6')).toMatchObject({ scorecard: null, awards: [], reward: null });
  });

  it('are summed in the summary, null terms left out', async () => {
    const e = await runScenario({ policy: v2Policy(CARD), tables });
    expect(e.results.summary.rewards).toEqual({
      agents: 5,
      bonus: 11000.492,
      awards: 1000,
      total: 12000.492,
    });
    expect(e.policySnapshot.scorecards[0]!.rewards).toEqual({
      coefficients: [
        { grade: 'S', coefficient: 1.5 },
        { grade: 'A', coefficient: 1.2 },
        { grade: 'B', coefficient: 1 },
        { grade: 'C', coefficient: 0.8 },
        { grade: 'D', coefficient: 0.5 },
      ],
      not_rated: 0,
      base: { kind: 'field', field: 'bonus_base', default: 2000 },
      line: 24,
    });
  });

  it('stop on a base that is not a number, naming every such agent, its row and the value', async () => {
    const bad = {
      ...tables,
      agents: tables.agents
        .replace('b1,甲,一组,aftersale,3000', 'b1,甲,一组,aftersale,"3,000"')
        .replace('b4,丁,一组,aftersale,1999.99', 'b4,丁,一组,aftersale,-100'),
    };
    await expect(runScenario({ policy: v2Policy(CARD), tables: bad })).rejects.toMatchObject({
      problems: [
        {
          code: 'BONUS_BASE_NOT_A_NUMBER',
          file: 'agents.csv',
          line: 2,
          message: {
            en: 'The bonus base bonus_base of agent b1 is "3,000", not a number. Write a number in the agents table (such as 3000), or declare the column as type: number in source.yaml.',
          },
        },
        // Text that is no plain decimal number, as `-100` read from a text column is.
        { code: 'BONUS_BASE_NOT_A_NUMBER', file: 'agents.csv', line: 5 },
      ],
    });
  });

  it('stop on a negative base from a number column, which would pay a negative bonus', async () => {
    const negative = {
      ...tables,
      agents: tables.agents.replace('b1,甲,一组,aftersale,3000', 'b1,甲,一组,aftersale,-3000'),
      'source.yaml':
        'scorebook: 1\nkind: source\ntables:\n  agents:\n    fields:\n      bonus_base: { column: bonus_base, type: number }\n',
    };
    await expect(runScenario({ policy: v2Policy(CARD), tables: negative })).rejects.toMatchObject({
      problems: [
        {
          code: 'BONUS_BASE_NEGATIVE',
          message: {
            zh: '客服 b1 的奖金基数 bonus_base 是 -3000,是负数,会算出负的奖金。请在客服表中改正这一列(0 或更大),或把它留空以使用策略的 default。',
          },
        },
      ],
    });
  });
});
