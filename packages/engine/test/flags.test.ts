import { describe, expect, it } from 'vitest';
import { csv, runScenario } from './scenario.ts';
import { v2Policy } from './v2.ts';

// 需关注: fast replies but little solved; and a low total. Neither touches the grade.
const CARD = `  aftersale:
    title: 售后
    roles: [aftersale]
    eligibility:
      when: { all: [ { fact: conversations_handled, operator: greaterThanInclusive, value: 2 } ] }
      reason: 接待量不足
    scored:
      - { metric: resolution_rate, weight: 100, target: 100%, floor: 0% }
    flags:
      - id: unresolved
        label: 解决率低
        label_en: Low resolution
        when: { all: [ { fact: resolution_rate, operator: lessThan, value: 0.6 } ] }
      - id: low-total
        label: 总分低于 60
        when: { all: [ { fact: total_score, operator: lessThan, value: 60 } ] }
      - id: new-hire
        label: 新员工
        when: { all: [ { fact: tenure_days, operator: lessThan, value: 90 } ] }
`;

const conversations = csv(
  'conversation_id,agent_id,channel,started_at,resolved',
  'c1,a1,chat,2026-10-05T10:00:00+08:00,true',
  'c2,a1,chat,2026-10-05T11:00:00+08:00,false',
  'c3,a2,chat,2026-10-05T10:00:00+08:00,true',
  'c4,a2,chat,2026-10-05T11:00:00+08:00,true',
  'c5,a3,chat,2026-10-05T10:00:00+08:00,false',
);

const agents = csv(
  'agent_id,name,team,role,hired_on',
  'a1,张三,一组,aftersale,2026-09-01',
  'a2,李四,一组,aftersale,2020-01-01',
  'a3,王五,一组,aftersale,2026-10-01',
  'a4,赵六,二组,presale,2026-10-01',
);

describe('flags (需关注)', () => {
  it('mark the agents whose condition holds, without touching the grade', async () => {
    const e = await runScenario({ policy: v2Policy(CARD), tables: { agents, conversations } });
    const by = (id: string) => e.results.agents.find((a) => a.agent_id === id)!;
    // a1: 1 of 2 resolved → 50, grade D, flagged three times (tenure 61 days).
    expect(by('a1')).toMatchObject({
      total_score: 50,
      grade: 'D',
      vetoes: [],
      flags: ['unresolved', 'low-total', 'new-hire'],
    });
    expect(by('a2')).toMatchObject({ total_score: 100, grade: 'S', flags: [] });
  });

  it('are evaluated for agents who are not rated, whose scores are null', async () => {
    const e = await runScenario({ policy: v2Policy(CARD), tables: { agents, conversations } });
    const a3 = e.results.agents.find((a) => a.agent_id === 'a3')!;
    // One conversation: not eligible; total_score is null, so "total below 60" does not hold.
    expect(a3).toMatchObject({ status: 'not_rated', total_score: null, flags: ['unresolved', 'new-hire'] });
    const a4 = e.results.agents.find((a) => a.agent_id === 'a4')!;
    expect(a4).toMatchObject({ scorecard: null, flags: [] });
  });

  it('are counted in the summary, every flag with its count, and explained', async () => {
    const e = await runScenario({ policy: v2Policy(CARD), tables: { agents, conversations } });
    expect(e.results.summary.flags).toEqual({ unresolved: 2, 'low-total': 1, 'new-hire': 2 });
    const ex = e.explanations.agents.find((a) => a.agent_id === 'a3')!;
    expect(ex.flags!.map((f) => [f.id, f.holds, f.label, f.source.line])).toEqual([
      ['unresolved', true, '解决率低', 24],
      ['low-total', false, '总分低于 60', 28],
      ['new-hire', true, '新员工', 31],
    ]);
    expect(ex.flags![1]!.condition).toMatchObject({
      conditions: [{ fact: 'total_score', factValue: null, result: false }],
    });
    expect(e.policySnapshot.scorecards[0]!.flags![0]).toEqual({
      id: 'unresolved',
      label: '解决率低',
      label_en: 'Low resolution',
      when: { all: [{ fact: 'resolution_rate', operator: 'lessThan', value: 0.6 }] },
      line: 24,
    });
  });
});
