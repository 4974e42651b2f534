import { loadPolicyBytes } from '@scorebook/policy';
import { Zone } from '@scorebook/time';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Evaluation } from '../src/index.ts';
import { rateAgent } from '../src/score/rate-agent.ts';
import { basePolicy, csv, runScenario } from './scenario.ts';

const scorecards = `  aftersale:
    title: 售后
    roles: [aftersale]
    eligibility:
      when: { all: [ { fact: qa_score, operator: notEqual, value: null } ] }
      reason: 没有质检记录
    scored:
      - metric: qa_score
        weight: 40
        method: bands
        bands: [ { at_least: 90, score: 100 }, { at_least: 80, score: 70 } ]
      - { metric: csat_rate, weight: 60, target: 100%, floor: 50%, min_sample: 3 }
    adjustments:
      - { id: praise, metric: praise_count, points_each: 1, max: 5 }
      - { id: discipline, metric: violation_count, points_each: -2, min: -10 }
    vetoes:
      - { id: red-line, reason: 红线, cap_grade: C, when: { all: [ { fact: red_line_count, operator: greaterThanInclusive, value: 1 } ] } }
      - { id: low-base, reason: 基础分过低, cap_grade: B, when: { all: [ { fact: base_score, operator: lessThan, value: 50 } ] } }`;

const agents = csv(
  'agent_id,name,team,role,hired_on,status',
  'a1,张三,一组,aftersale,2025-01-01,active',
  'a2,李四,一组,aftersale,2025-01-01,left',
  'a3,王五,一组,aftersale,,',
  'a4,赵六,二组,aftersale,,',
  'a5,钱七,社群,community,,',
  'a6,孙八,二组,aftersale,,',
);

const qa = csv(
  'review_id,agent_id,reviewed_at,score,red_line',
  'q1,a1,2026-10-05T10:00:00+08:00,95,false',
  'q2,a2,2026-10-05T10:00:00+08:00,95,false',
  'q3,a3,2026-10-05T10:00:00+08:00,85,true',
  'q4,a4,2026-10-05T10:00:00+08:00,70,',
  'q5,a6,2026-10-05T10:00:00+08:00,75,',
);

const surveys = csv(
  'survey_id,agent_id,submitted_at,csat',
  's1,a1,2026-10-05T10:00:00+08:00,5',
  's2,a1,2026-10-06T10:00:00+08:00,5',
  's3,a1,2026-10-07T10:00:00+08:00,3',
  's4,a1,2026-10-08T10:00:00+08:00,4',
  's5,a2,2026-10-05T10:00:00+08:00,5',
  's6,a2,2026-10-06T10:00:00+08:00,5',
  's7,a2,2026-10-07T10:00:00+08:00,3',
  's8,a2,2026-10-08T10:00:00+08:00,4',
  's9,a3,2026-10-05T10:00:00+08:00,5',
);

const events = csv(
  'agent_id,at,type',
  ...Array.from({ length: 7 }, (_, i) => `a1,2026-10-0${i + 1}T12:00:00+08:00,praise`),
  'a2,2026-10-03T12:00:00+08:00,violation',
  'a2,2026-10-04T12:00:00+08:00,praise',
  'a2,2026-10-05T12:00:00+08:00,praise',
);

describe('scoring, adjustments, vetoes, grades and ranks', () => {
  let e: Evaluation;
  beforeAll(async () => {
    e = await runScenario({
      policy: basePolicy({ scorecards }),
      tables: { agents, qa_reviews: qa, surveys, events },
    });
  });
  const agent = (id: string) => e.results.agents.find((a) => a.agent_id === id)!;

  it('scores bands and linear metrics and caps praise at its max', () => {
    const a1 = agent('a1');
    expect(a1.metrics.qa_score).toMatchObject({ value: 95, score: 100, status: 'scored', weight: 40 });
    expect(a1.metrics.csat_rate).toMatchObject({
      value: 0.75,
      sample: 4,
      score: 50,
      status: 'scored',
      weight: 60,
    });
    expect(a1.base_score).toBe(70);
    expect(a1.adjustments).toEqual({ praise: 5, discipline: 0 });
    expect(a1.total_score).toBe(75);
    expect(a1.grade).toBe('B');
  });

  it('gives equal totals the same rank and skips the next', () => {
    // a2 scores like a1 (70) with praise 2 and a violation -2: total 70.
    expect(agent('a2').total_score).toBe(70);
    expect(agent('a1').rank).toBe(1);
    expect(agent('a2').rank).toBe(2);
    expect(agent('a6').total_score).toBe(0);
    expect(agent('a4').total_score).toBe(0);
    expect(agent('a4').rank).toBe(4);
    expect(agent('a6').rank).toBe(4);
  });

  it('rates an agent who left like the others', () => {
    expect(agent('a2')).toMatchObject({ status: 'rated', employment_status: 'left' });
  });

  it('leaves an insufficient metric out and redistributes its weight', () => {
    const a3 = agent('a3');
    expect(a3.metrics.csat_rate).toMatchObject({
      value: 1,
      sample: 1,
      score: null,
      status: 'insufficient',
      weight: 60,
    });
    expect(a3.base_score).toBe(70);
    expect(a3.worst_metrics).toEqual(['qa_score']);
  });

  it('lets a veto cap a better grade, and lists every veto that holds', () => {
    const a3 = agent('a3');
    expect(a3.total_score).toBe(70);
    expect(a3.vetoes).toEqual(['red-line']);
    expect(a3.grade).toBe('C');
    const a4 = agent('a4');
    expect(a4.vetoes).toEqual(['low-base']);
    expect(a4.grade).toBe('C');
  });

  it('does not rate an agent whose role has no scorecard, and scores nothing for them', () => {
    const a5 = agent('a5');
    expect(a5).toMatchObject({
      scorecard: null,
      status: 'not_rated',
      reason: 'no scorecard for role "community"',
      grade: null,
      rank: null,
      base_score: null,
      total_score: null,
      adjustments: {},
      vetoes: [],
      worst_metrics: [],
    });
    expect(
      Object.values(a5.metrics).every((m) => m.status === 'info' && m.weight === null && m.score === null),
    ).toBe(true);
  });

  it('does not rate an ineligible agent but still scores their metrics', async () => {
    const more = await runScenario({
      policy: basePolicy({ scorecards }),
      tables: {
        agents: csv('agent_id,name,team,role', 'b1,周九,一组,aftersale'),
        surveys: csv(
          'survey_id,agent_id,submitted_at,csat',
          's1,b1,2026-10-05T10:00:00+08:00,4',
          's2,b1,2026-10-05T11:00:00+08:00,4',
          's3,b1,2026-10-05T12:00:00+08:00,4',
        ),
      },
    });
    const b1 = more.results.agents[0]!;
    expect(b1).toMatchObject({
      status: 'not_rated',
      reason: '没有质检记录',
      grade: null,
      rank: null,
      adjustments: {},
      vetoes: [],
    });
    expect(b1.metrics.csat_rate).toMatchObject({ value: 1, score: 100, status: 'scored' });
    expect(b1.metrics.qa_score).toMatchObject({ value: null, status: 'no_data', weight: 40 });
    expect(more.explanations.agents[0]!.eligibility).toMatchObject({ holds: false, reason: '没有质检记录' });
  });

  it('explains vetoes with the fact values that decided them', () => {
    const ex = e.explanations.agents.find((a) => a.agent_id === 'a3')!;
    const redLine = ex.vetoes.find((v) => v.id === 'red-line')!;
    expect(redLine.holds).toBe(true);
    expect(redLine.condition).toMatchObject({
      kind: 'all',
      result: true,
      conditions: [{ fact: 'red_line_count', factValue: 1, result: true }],
    });
    expect(redLine.source.line).toBeGreaterThan(0);
  });

  it('summarises grades', () => {
    expect(e.results.summary).toMatchObject({
      agents: 6,
      rated: 5,
      not_rated: 1,
      grades: { A: 0, B: 2, C: 3 },
    });
  });
});

describe('metric kinds', () => {
  const metrics = `metrics:
  - { id: qa_median, title: 质检中位数, kind: median, better: higher, table: qa_reviews, field: score }
  - { id: qa_p90, title: 质检P90, kind: p90, better: higher, table: qa_reviews, field: score }
  - { id: qa_sum, title: 质检总分, kind: sum, better: higher, table: qa_reviews, field: score, where: { all: [ { fact: score, operator: greaterThan, value: 60 } ] } }
  - { id: qa_low, title: 低分次数, kind: count, better: lower, table: qa_reviews, where: { all: [ { fact: score, operator: lessThan, value: 60 } ] } }
  - { id: nps_custom, title: 推荐, kind: nps, better: higher, table: surveys, field: nps }`;
  it('computes median, p90 (PERCENTILE.INC), sum, count and nps', async () => {
    const e = await runScenario({
      policy: basePolicy({ metrics }),
      tables: {
        agents: csv('agent_id,name,team,role', 'a1,张三,一组,aftersale'),
        qa_reviews: csv(
          'review_id,agent_id,reviewed_at,score,red_line',
          ...[50, 70, 80, 90, 100].map((s, i) => `q${i},a1,2026-10-0${i + 1}T10:00:00+08:00,${s},`),
        ),
        surveys: csv(
          'survey_id,agent_id,submitted_at,nps',
          ...[10, 9, 8, 6, 0, ''].map((s, i) => `s${i},a1,2026-10-0${i + 1}T10:00:00+08:00,${s}`),
        ),
      },
    });
    const m = e.results.agents[0]!.metrics;
    expect(m.qa_median).toMatchObject({ value: 80, sample: 5 });
    expect(m.qa_p90!.value).toBeCloseTo(96, 12);
    expect(m.qa_sum).toMatchObject({ value: 340, sample: 4 });
    expect(m.qa_low).toMatchObject({ value: 1, sample: 1 });
    expect(m.nps_custom).toMatchObject({ value: 0, sample: 5 });
    expect(m.nps).toMatchObject({ value: 0, sample: 5 });
    expect(m.red_line_count).toMatchObject({ value: 0, sample: 0 });
    // orders is absent: its metrics have no data, even a sum.
    expect(m.sales_amount).toMatchObject({ value: null, sample: 0 });
    expect(m.avg_order_value).toMatchObject({ value: null, sample: 0 });
  });
});

describe('the order of the total', () => {
  it('adds the sum of the adjustments to the base score: base + (a₁ + a₂), not (base + a₁) + a₂', () => {
    const policy = loadPolicyBytes(
      'order.yaml',
      new TextEncoder().encode(
        basePolicy({
          metrics: `metrics:
  - { id: bonus_a, title: 加分甲, kind: count, better: higher, table: events }
  - { id: bonus_b, title: 加分乙, kind: count, better: higher, table: events }`,
          scorecards: `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: qa_score, weight: 100, target: 100, floor: 0 }
    adjustments:
      - { id: a, metric: bonus_a, points_each: 0.1 }
      - { id: b, metric: bonus_b, points_each: 0.1 }`,
        }),
      ),
    ).policy!;
    const scorecard = policy.scorecards[0]!;
    const metrics = {
      qa_score: { value: 0.1, sample: 1, score: 0.1, weight: 100, status: 'scored' as const },
    };
    const rating = rateAgent(
      policy,
      scorecard,
      metrics,
      { qa_score: 0.1, bonus_a: 2, bonus_b: 3 },
      new Zone('UTC'),
    );
    expect(rating.adjustments).toEqual({ a: 0.2, b: 0.30000000000000004 });
    // Σ first: 0.1 + (0.2 + 0.30000000000000004) = 0.6; left to right would give 0.6000000000000001.
    expect(rating.total_score).toBe(0.6);
  });
});
