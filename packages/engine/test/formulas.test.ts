import { describe, expect, it } from 'vitest';
import { csv, runScenario } from './scenario.ts';
import { v2Policy } from './v2.ts';

// half_index is declared before the formula it reads; qa_vs_team reads a team fact.
const METRICS = `metrics:
  - id: half_index
    title: 半指数
    kind: formula
    better: higher
    formula: quality_index / 2
  - id: quality_index
    title: 质量指数
    kind: formula
    better: higher
    unit: score
    formula: 0.6 * qa_score + 0.4 * csat_rate * 100
  - id: qa_vs_team
    title: 质检比团队中位数
    kind: formula
    better: higher
    formula: qa_score - team.median.qa_score
`;

const SCORECARDS = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: quality_index, weight: 100, target: 90, floor: 50 }
    vetoes:
      - id: below-team
        reason: 质检低于团队中位数 5 分以上
        cap_grade: C
        when: { all: [{ fact: qa_vs_team, operator: lessThan, value: -5 }] }
`;

const tables = {
  agents: csv(
    'agent_id,name,team,role',
    'a1,张三,一组,aftersale',
    'a2,李四,一组,aftersale',
    'a3,王五,一组,aftersale',
    'a4,赵六,二组,presale',
  ),
  qa_reviews: csv(
    'review_id,agent_id,reviewed_at,score',
    'q1,a1,2026-10-05T10:00:00+08:00,90',
    'q2,a2,2026-10-05T10:00:00+08:00,70',
    'q3,a4,2026-10-05T10:00:00+08:00,10',
  ),
  surveys: csv(
    'survey_id,agent_id,submitted_at,csat',
    's1,a1,2026-10-05T10:00:00+08:00,5',
    's2,a1,2026-10-06T10:00:00+08:00,4',
    's3,a1,2026-10-07T10:00:00+08:00,2',
    's4,a2,2026-10-05T10:00:00+08:00,5',
    's5,a3,2026-10-05T10:00:00+08:00,5',
  ),
};

const run = () => runScenario({ policy: v2Policy(SCORECARDS, METRICS), tables });

describe('formula metrics', () => {
  it('compute from the agent’s metrics in dependency order and score like any metric', async () => {
    const e = await run();
    const by = (id: string) => e.results.agents.find((a) => a.agent_id === id);
    // a1: 0.6 × 90 + 0.4 × (2/3) × 100, in doubles, left to right.
    expect(by('a1')?.metrics.quality_index).toEqual({
      value: 80.66666666666667,
      sample: 1,
      score: 76.66666666666667,
      weight: 100,
      status: 'scored',
    });
    expect(by('a1')?.metrics.half_index?.value).toBe(40.333333333333336);
    // a2: 0.6 × 70 + 0.4 × 1 × 100 = 82 → (82 − 50) ÷ 40 × 100 = 80.
    expect(by('a2')?.metrics.quality_index?.value).toBe(82);
    expect(by('a2')?.metrics.quality_index?.score).toBe(80);
    // a3 has no QA review: null in, null out, so no data and not rated.
    expect(by('a3')?.metrics.quality_index).toEqual({
      value: null,
      sample: 0,
      score: null,
      weight: 100,
      status: 'no_data',
    });
    expect(by('a3')?.status).toBe('not_rated');
  });

  it('read team facts over the agents of the scorecard with a value, and feed conditions', async () => {
    const e = await run();
    const by = (id: string) => e.results.agents.find((a) => a.agent_id === id);
    // The median of 90 and 70 (a3 has none; a4 is on no scorecard): 80.
    expect(e.results.team_facts).toEqual([
      { scorecard: 'aftersale', name: 'team.median.qa_score', value: 80, agents: 2 },
    ]);
    expect(by('a1')?.metrics.qa_vs_team?.value).toBe(10);
    expect(by('a2')?.metrics.qa_vs_team?.value).toBe(-10);
    expect(by('a2')?.vetoes).toEqual(['below-team']);
    expect(by('a2')?.grade).toBe('C');
    // An agent without a scorecard has no team: its team fact is null.
    expect(by('a4')?.metrics.qa_vs_team?.value).toBe(null);
  });

  it('explain what each formula read and gave', async () => {
    const e = await run();
    const a1 = e.explanations.agents.find((a) => a.agent_id === 'a1');
    expect(Object.keys(a1?.formulas ?? {})).toEqual(['quality_index', 'half_index', 'qa_vs_team']);
    expect(a1?.formulas?.quality_index).toEqual({
      formula: '0.6 * qa_score + 0.4 * csat_rate * 100',
      reads: [
        { name: 'qa_score', value: 90 },
        { name: 'csat_rate', value: 0.6666666666666666 },
      ],
      value: 80.66666666666667,
    });
    expect(a1?.formulas?.qa_vs_team?.reads).toEqual([
      { name: 'qa_score', value: 90 },
      { name: 'team.median.qa_score', value: 80, agents: 2 },
    ]);
    const snapshot = e.policySnapshot.metrics.find((m) => m.id === 'quality_index');
    expect(snapshot).toMatchObject({
      kind: 'formula',
      unit: 'score',
      table: null,
      formula: '0.6 * qa_score + 0.4 * csat_rate * 100',
    });
  });

  it('serve conditions directly: a flag on a metric against its team median, without formulas', async () => {
    const flagged = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: qa_score, weight: 100, target: 90, floor: 50 }
    flags:
      - id: below-team-qa
        label: 质检低于团队中位数
        when: { all: [{ fact: qa_score, operator: lessThan, value: { fact: team.median.qa_score } }] }
`;
    const e = await runScenario({ policy: v2Policy(flagged), tables });
    const by = (id: string) => e.results.agents.find((a) => a.agent_id === id);
    expect(e.results.team_facts).toEqual([
      { scorecard: 'aftersale', name: 'team.median.qa_score', value: 80, agents: 2 },
    ]);
    expect(by('a1')?.flags).toEqual([]);
    expect(by('a2')?.flags).toEqual(['below-team-qa']);
    expect(e.explanations.agents.find((a) => a.agent_id === 'a2')?.formulas).toBeUndefined();
  });
});
