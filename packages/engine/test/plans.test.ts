import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INPUT_TABLES } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.ts';
import { csv, runScenario, writeScenario } from './scenario.ts';
import { stopped } from './stopped.ts';
import { v2Policy } from './v2.ts';

// QA score 90/60 (weight 80) and the plan completion rate 100%/0% (weight 20).
const card = (qaWeight: number, plans: string) => `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: qa_score, weight: ${qaWeight}, target: 90, floor: 60 }
${plans}`;
const scored = card(80, '      - { metric: plan_completion_rate, weight: 20, target: 100%, floor: 0% }\n');

const agents = csv(
  'agent_id,name,team,role',
  'a1,甲,一组,aftersale',
  'a2,乙,一组,aftersale',
  'a3,丙,一组,aftersale',
  'a4,丁,一组,aftersale',
  'a5,戊,一组,aftersale',
);
const reviews = csv(
  'review_id,agent_id,reviewed_at,score',
  ...['a1', 'a2', 'a3', 'a4', 'a5'].map((a, i) => `r${i},${a},2026-10-05T10:00:00+08:00,75`),
);
const plans = (...rows: string[]) =>
  csv('plan_id,agent_id,period,metric,action,due_date,status,completed_at', ...rows);
const october = plans(
  // a1: on time, and on its due date → 2 of 2.
  'p1,a1,2026-10,qa_score,复盘质检扣分项,2026-10-20,done,2026-10-12',
  'p2,a1,2026-10,qa_score,复盘质检扣分项,2026-10-20,done,2026-10-20',
  // a2: one late, one missed, one cancelled → 0 of 2.
  'p3,a2,2026-10,qa_score,复盘质检扣分项,2026-10-20,done,2026-10-21',
  'p4,a2,2026-10,qa_score,复盘质检扣分项,2026-10-20,missed,',
  'p5,a2,2026-10,qa_score,复盘质检扣分项,2026-10-20,cancelled,',
  // a3: an October plan due in November, done in November on time → 1 of 1; a September plan.
  'p6,a3,2026-10,qa_score,复盘质检扣分项,2026-11-05,done,2026-11-03',
  'p7,a3,2026-09,qa_score,复盘质检扣分项,2026-09-20,missed,',
  // a4: only a cancelled plan → none counted.
  'p8,a4,2026-10,qa_score,复盘质检扣分项,2026-10-20,cancelled,',
  // a5: none.
);

describe('improvement plans (plan_completion_rate)', () => {
  it('counts the plans of the period but cancelled ones, completed when done by the due date', async () => {
    const e = await runScenario({
      policy: v2Policy(scored),
      tables: { agents, qa_reviews: reviews, improvement_plans: october },
    });
    const rate = (id: string) =>
      e.results.agents.find((a) => a.agent_id === id)?.metrics.plan_completion_rate;
    expect(rate('a1')).toEqual({ value: 1, sample: 2, score: 100, weight: 20, status: 'scored' });
    expect(rate('a2')).toEqual({ value: 0, sample: 2, score: 0, weight: 20, status: 'scored' });
    expect(rate('a3')).toEqual({ value: 1, sample: 1, score: 100, weight: 20, status: 'scored' });
    expect(rate('a4')).toEqual({ value: null, sample: 0, score: null, weight: 20, status: 'no_data' });
    expect(rate('a5')).toEqual({ value: null, sample: 0, score: null, weight: 20, status: 'no_data' });
    // QA 75 on 90/60 → 50; a2: (50 × 80 + 0 × 20) ÷ 100 = 40; a5: the plan weight left out → 50.
    const base = (id: string) => e.results.agents.find((a) => a.agent_id === id)?.base_score;
    expect(base('a2')).toBe(40);
    expect(base('a1')).toBe(60);
    expect(base('a5')).toBe(50);
    expect(e.results.inputs.improvement_plans).toMatchObject({ rows: 8, rejected: 0, absent: false });
    expect(e.policySnapshot.metrics.map((m) => m.id)).toContain('plan_completion_rate');
  });

  it('explains every plan of the period with its outcome, file and line, in plan-id order', async () => {
    const e = await runScenario({
      policy: v2Policy(scored),
      tables: { agents, qa_reviews: reviews, improvement_plans: october },
    });
    const explained = (id: string) => e.explanations.agents.find((a) => a.agent_id === id)?.plans;
    expect(
      explained('a2')?.plans.map((p) => [p.plan_id, p.status, p.counted, p.completed, p.late, p.line]),
    ).toEqual([
      ['p3', 'done', true, false, true, 4],
      ['p4', 'missed', true, false, false, 5],
      ['p5', 'cancelled', false, false, false, 6],
    ]);
    expect(explained('a3')?.plans.map((p) => p.plan_id)).toEqual(['p6']);
    expect(explained('a5')).toEqual({
      previous: { period: '2026-09', file: null, sha256: null, policy: null, worst: [] },
      plans: [],
    });
    // The records against the rate: a2's late and missed plans, with their derived fields.
    const evidence = e.explanations.agents.find((a) => a.agent_id === 'a2')?.metrics.plan_completion_rate
      ?.evidence;
    expect(evidence?.records.map((r) => [r.line, r.fields.late])).toEqual([
      [4, true],
      [5, false],
    ]);
  });

  it('a policy that names no plan metric neither reads nor lists the table, nor explains plans', async () => {
    const e = await runScenario({
      policy: v2Policy(card(100, '')),
      tables: { agents, qa_reviews: reviews, improvement_plans: csv('plan_id', 'p1') },
    });
    expect(Object.keys(e.results.inputs)).not.toContain('improvement_plans');
    expect(e.results.agents[0]?.metrics).not.toHaveProperty('plan_completion_rate');
    expect(e.explanations.agents[0]).not.toHaveProperty('plans');
    expect(e.rejected).toEqual([]);
  });

  it('reads the plan rate in an adjustment too', async () => {
    const adjusted = card(
      100,
      '    adjustments:\n      - { id: plans, metric: plan_completion_rate, points_each: 5 }\n',
    );
    const e = await runScenario({
      policy: v2Policy(adjusted),
      tables: { agents, qa_reviews: reviews, improvement_plans: october },
    });
    const a1 = e.results.agents.find((a) => a.agent_id === 'a1');
    expect(a1?.adjustments).toEqual({ plans: 5 });
    expect(a1?.total_score).toBe(55);
  });

  it('stops on a period that is none, an unknown metric, a done plan without its date', async () => {
    const err = await stopped(
      runScenario({
        policy: v2Policy(scored),
        tables: {
          agents,
          qa_reviews: reviews,
          improvement_plans: plans(
            'p1,a1,十月,qa_score,x,2026-10-20,open,',
            'p2,a1,2026-10,qa_scor,x,2026-10-20,open,',
            'p3,a1,2026-10,qa_score,x,2026-10-20,done,',
          ),
        },
      }),
    );
    expect(err.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['PLAN_BAD_PERIOD', 'improvement_plans.csv', 2],
      ['PLAN_UNKNOWN_METRIC', 'improvement_plans.csv', 3],
      ['PLAN_DONE_WITHOUT_DATE', 'improvement_plans.csv', 4],
    ]);
  });

  it('suggests the id of the metric a plan names by its title, or by a title or an id mistyped', async () => {
    const err = await stopped(
      runScenario({
        policy: v2Policy(scored),
        tables: {
          agents,
          qa_reviews: reviews,
          improvement_plans: plans(
            'p1,a1,2026-10,首次响应时间,x,2026-10-20,open,',
            'p2,a1,2026-10,首次响应时长,x,2026-10-20,open,',
            'p3,a1,2026-10,QA Score,x,2026-10-20,open,',
            'p4,a1,2026-10,qa_scor,x,2026-10-20,open,',
            'p5,a1,2026-10,改善客户体验,x,2026-10-20,open,',
          ),
        },
      }),
    );
    expect(err.problems.map((p) => [p.code, p.line])).toEqual([
      ['PLAN_UNKNOWN_METRIC', 2],
      ['PLAN_UNKNOWN_METRIC', 3],
      ['PLAN_UNKNOWN_METRIC', 4],
      ['PLAN_UNKNOWN_METRIC', 5],
      ['PLAN_UNKNOWN_METRIC', 6],
    ]);
    expect(err.problems[0]!.message.zh).toBe(
      '改进计划 "p1" 的指标 "首次响应时间" 不是策略指标目录中的指标。是否想写 "first_response_time"(指标“首次响应时间”的 id)?metric 列写指标 id,不写标题。',
    );
    expect(err.problems[1]!.message.en).toBe(
      'The metric "首次响应时长" of improvement plan "p2" is no metric of the policy\'s catalog. Did you mean "first_response_time" (the id of "First response time")? The metric column takes a metric id, not a title.',
    );
    expect(err.problems.slice(2).map((p) => /Did you mean "(\w+)"/.exec(p.message.en)?.[1] ?? null)).toEqual([
      'qa_score',
      'qa_score',
      null,
    ]);
  });

  it('warns of a plan on a metric outside the scorecard, and rejects a bad status and a repeated id', async () => {
    const e = await runScenario({
      policy: v2Policy(scored),
      tables: {
        agents,
        qa_reviews: reviews,
        improvement_plans: plans(
          'p1,a1,2026-10,csat_score,x,2026-10-20,open,',
          'p2,a1,2026-10,qa_score,x,2026-10-20,finished,',
          'p1,a2,2026-10,qa_score,x,2026-10-20,open,',
        ),
      },
      maxRejected: { kind: 'rows', value: 2 },
    });
    expect(e.warnings.filter((w) => w.code.startsWith('PLAN_')).map((w) => [w.code, w.line])).toEqual([
      ['PLAN_METRIC_NOT_IN_SCORECARD', 2],
    ]);
    expect(e.rejected.map((r) => [r.line, r.code])).toEqual([
      [3, 'NOT_ALLOWED_VALUE'],
      [4, 'DUPLICATE_ID'],
    ]);
    const a1 = e.explanations.agents.find((a) => a.agent_id === 'a1')?.plans?.plans;
    expect(a1?.map((p) => [p.plan_id, p.in_scorecard])).toEqual([['p1', false]]);
  });

  it("shows the previous period's published worst metrics, with the file and its sha256", async () => {
    const { policiesDir, dataDir } = writeScenario({
      policy: v2Policy(scored),
      tables: { agents, qa_reviews: reviews, improvement_plans: october },
    });
    const resultsDir = mkdtempSync(join(tmpdir(), 'scorebook-plans-results-'));
    mkdirSync(join(resultsDir, '2026-09'));
    writeFileSync(join(resultsDir, '2026-09', 'manifest.json'), '{}');
    const previous = {
      policy: { id: 'other', version: '9' },
      agents: [
        {
          agent_id: 'a2',
          worst_metrics: ['qa_score'],
          metrics: {
            qa_score: { value: 70, sample: 3, score: 33.333333333333336, weight: 80, status: 'scored' },
          },
        },
      ],
    };
    const text = JSON.stringify(previous);
    writeFileSync(join(resultsDir, '2026-09', 'results.json'), text);
    const e = await evaluate({
      policiesDir,
      dataDir,
      period: '2026-10',
      allowMissing: INPUT_TABLES.filter((t) => !['agents', 'qa_reviews', 'improvement_plans'].includes(t)),
      history: { resultsDir },
    });
    const block = (id: string) => e.explanations.agents.find((a) => a.agent_id === id)?.plans?.previous;
    expect(block('a2')).toEqual({
      period: '2026-09',
      file: '2026-09/results.json',
      sha256: createHash('sha256').update(text).digest('hex'),
      policy: { id: 'other', version: '9' },
      worst: [{ metric: 'qa_score', value: 70, score: 33.333333333333336 }],
    });
    expect(block('a1')?.worst).toEqual([]);
  });
});
