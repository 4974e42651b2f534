import { describe, expect, it } from 'vitest';
import { basePolicy, csv, runScenario } from './scenario.ts';
import { v2Policy } from './v2.ts';

// quality (60): qa_score 50 (linear 50 → 100), csat_rate 50 (50% → 100%, at least 2 surveys);
// discipline (40): violation_count 100 (5 → 0).
const GROUPS = `  aftersale:
    title: 售后
    roles: [aftersale]
    groups:
      - id: quality
        title: 服务质量
        weight: 60
        scored:
          - { metric: qa_score, weight: 50, target: 100, floor: 50 }
          - { metric: csat_rate, weight: 50, target: 100%, floor: 50%, min_sample: 2 }
      - id: discipline
        title: 纪律
        weight: 40
        scored:
          - { metric: violation_count, weight: 100, target: 0, floor: 5 }
`;

const tables = {
  agents: csv(
    'agent_id,name,team,role',
    'a1,张三,一组,aftersale',
    'a2,李四,一组,aftersale',
    'a3,王五,一组,aftersale',
  ),
  qa_reviews: csv(
    'review_id,agent_id,reviewed_at,score',
    'q1,a1,2026-10-05T10:00:00+08:00,90',
    'q2,a2,2026-10-05T10:00:00+08:00,70',
  ),
  surveys: csv(
    'survey_id,agent_id,submitted_at,csat',
    's1,a1,2026-10-05T10:00:00+08:00,5',
    's2,a1,2026-10-06T10:00:00+08:00,4',
    's3,a1,2026-10-07T10:00:00+08:00,2',
    's4,a2,2026-10-05T10:00:00+08:00,5',
    's5,a3,2026-10-05T10:00:00+08:00,5',
  ),
  events: csv('agent_id,at,type', 'a1,2026-10-03T12:00:00+08:00,violation'),
};

describe('groups (考核维度)', () => {
  it('score each group as the weighted mean of its items, and the base as the mean of the groups', async () => {
    const e = await runScenario({ policy: v2Policy(GROUPS), tables });
    const a1 = e.results.agents.find((a) => a.agent_id === 'a1')!;
    // qa 90 → 80; csat 2/3 → 33.33…; quality = (80·50 + 33.33…·50) ÷ 100; violations 1 → 80.
    expect(a1.metrics.qa_score!.score).toBe(80);
    expect(a1.metrics.csat_rate!.score).toBe(33.33333333333333);
    expect(a1.groups).toEqual([
      {
        id: 'quality',
        weight: 60,
        status: 'scored',
        subtotal: 56.66666666666666,
        contribution: 33.99999999999999,
      },
      { id: 'discipline', weight: 40, status: 'scored', subtotal: 80, contribution: 32 },
    ]);
    expect(a1.base_score).toBe(66);
    // qa and violations both score 80: violations weigh 40 in the base, qa 50·60 ÷ 100 = 30.
    expect(a1.worst_metrics).toEqual(['csat_rate', 'violation_count', 'qa_score']);
  });

  it('share an item without a score inside its group, and a group without one among the others', async () => {
    const e = await runScenario({ policy: v2Policy(GROUPS), tables });
    const a2 = e.results.agents.find((a) => a.agent_id === 'a2')!;
    // csat has 1 survey (< 2): quality is qa alone (70 → 40); discipline 100.
    expect(a2.metrics.csat_rate!.status).toBe('insufficient');
    expect(a2.groups!.map((g) => g.subtotal)).toEqual([40, 100]);
    expect(a2.base_score).toBe(64);
    const a3 = e.results.agents.find((a) => a.agent_id === 'a3')!;
    // No qa review and one survey: quality has no score, discipline takes the whole weight.
    expect(a3.groups).toEqual([
      { id: 'quality', weight: 60, status: 'no_score', subtotal: null, contribution: null },
      { id: 'discipline', weight: 40, status: 'scored', subtotal: 100, contribution: 100 },
    ]);
    expect(a3.base_score).toBe(100);
    expect(a3.grade).toBe('S');
  });

  it('are computed for an agent who is not rated too, so they can see where they stand', async () => {
    const eligible = GROUPS.replace(
      '    groups:\n',
      '    eligibility:\n      when: { all: [ { fact: qa_score, operator: greaterThan, value: 80 } ] }\n      reason: 质检不足\n    groups:\n',
    );
    const e = await runScenario({ policy: v2Policy(eligible), tables });
    const a2 = e.results.agents.find((a) => a.agent_id === 'a2')!;
    expect(a2).toMatchObject({ status: 'not_rated', reason_code: 'NOT_ELIGIBLE', base_score: null });
    expect(a2.groups!.map((g) => [g.id, g.subtotal])).toEqual([
      ['quality', 40],
      ['discipline', 100],
    ]);
  });

  it('record each group and the group of each item in policy.json', async () => {
    const e = await runScenario({ policy: v2Policy(GROUPS), tables });
    const card = e.policySnapshot.scorecards[0]!;
    expect(e.policySnapshot.format).toBe(2);
    expect(card.groups).toEqual([
      { id: 'quality', title: '服务质量', title_en: null, weight: 60, line: 19 },
      { id: 'discipline', title: '纪律', title_en: null, weight: 40, line: 25 },
    ]);
    expect(card.scored.map((i) => i.group)).toEqual(['quality', 'quality', 'discipline']);
  });

  it('read a flat scored list of format 2 as one implicit group: the same results, with groups []', async () => {
    const flat = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: qa_score, weight: 30, target: 100, floor: 50 }
      - { metric: csat_rate, weight: 30, target: 100%, floor: 50%, min_sample: 2 }
      - { metric: violation_count, weight: 40, target: 0, floor: 5 }
`;
    const v1 = await runScenario({ policy: basePolicy({ scorecards: flat }), tables });
    const v2 = await runScenario({
      policy: basePolicy({ scorecards: flat }).replace('scorebook: 1', 'scorebook: 2'),
      tables,
    });
    // Every field of format 1 is the same; format 2 adds its own (groups among them).
    const v1Keys = (a: object) =>
      Object.keys(v1.results.agents[0]!).map((k) => [k, (a as Record<string, unknown>)[k]]);
    expect(v2.results.agents.map(v1Keys)).toEqual(v1.results.agents.map(v1Keys));
    expect(v2.results.agents.map((a) => a.groups)).toEqual([[], [], []]);
    expect(v1.results.agents[0]).not.toHaveProperty('groups');
    expect(v1.policySnapshot).not.toHaveProperty('format');
    expect(v1.policySnapshot.scorecards[0]).not.toHaveProperty('groups');
    expect(v2.policySnapshot.scorecards[0]!.groups).toEqual([]);
  });
});
