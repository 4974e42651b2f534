import { describe, expect, it } from 'vitest';
import { csv, runScenario } from './scenario.ts';
import { stopped } from './stopped.ts';
import { v2Policy } from './v2.ts';

// QA score: the scorecard's target 90, floor 60; q1 and q2 have their own targets for October.
const card = (quota: string) => `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: qa_score, weight: 100, target: 90, floor: 60${quota} }
`;

const agents = csv(
  'agent_id,name,team,role',
  'q1,甲,一组,aftersale',
  'q2,乙,一组,aftersale',
  'q3,丙,一组,aftersale',
  'q4,丁,社群,community',
);
const reviews = csv(
  'review_id,agent_id,reviewed_at,score',
  'r1,q1,2026-10-05T10:00:00+08:00,80',
  'r2,q2,2026-10-06T10:00:00+08:00,80',
  'r3,q3,2026-10-07T10:00:00+08:00,80',
);
const targets = (...rows: string[]) => csv('agent_id,metric,period,target,floor', ...rows);
const october = targets('q1,qa_score,2026-10,80,50', 'q2,qa_score,2026-10,100,', 'q2,qa_score,2026-09,70,40');

describe('per-agent targets (quota)', () => {
  it('scores an agent with a row of the period by its own target and floor, others by the scorecard', async () => {
    const e = await runScenario({
      policy: v2Policy(card(', quota: true')),
      tables: { agents, qa_reviews: reviews, targets: october },
    });
    const qa = (id: string) => e.results.agents.find((a) => a.agent_id === id)?.metrics.qa_score;
    // q1: 80 on its own 80 → 100. q2: 80 on its own 100 with the scorecard's floor 60 → 50 (its
    // September row is another period's). q3: no row → 80 on 90/60 → 66.66666666666667.
    expect(qa('q1')).toEqual({
      value: 80,
      sample: 1,
      score: 100,
      weight: 100,
      status: 'scored',
      quota: { from: 'targets', target: 80, floor: 50, file: 'targets.csv', line: 2 },
    });
    expect(qa('q2')?.score).toBe(50);
    expect(qa('q2')?.quota).toEqual({
      from: 'targets',
      target: 100,
      floor: 60,
      file: 'targets.csv',
      line: 3,
    });
    expect(qa('q3')?.score).toBe(66.66666666666667);
    expect(qa('q3')?.quota).toEqual({ from: 'scorecard', target: 90, floor: 60, file: null, line: null });
    // Not in the agent's scorecard: info, without quota.
    expect(qa('q4')).toEqual({ value: null, sample: 0, score: null, weight: null, status: 'info' });
    expect(e.results.inputs.targets).toMatchObject({ rows: 3, rejected: 0, absent: false });
    expect(e.policySnapshot.scorecards[0]?.scored[0]?.quota).toBe(true);
    const explained = (id: string) => e.explanations.agents.find((a) => a.agent_id === id)?.metrics.qa_score;
    expect(explained('q1')?.quota).toEqual({
      table: 'targets',
      file: 'targets.csv',
      line: 2,
      fields: { agent_id: 'q1', metric: 'qa_score', period: '2026-10', target: 80, floor: 50 },
    });
    expect(explained('q3')?.quota).toBeNull();
  });

  it('a quarter reads the rows of the quarter, not of its months', async () => {
    const e = await runScenario({
      policy: v2Policy(card(', quota: true')),
      tables: {
        agents,
        qa_reviews: reviews,
        targets: targets('q1,qa_score,2026-Q4,85,50', 'q2,qa_score,2026-10,100,'),
      },
      period: '2026-Q4',
    });
    const qa = (id: string) => e.results.agents.find((a) => a.agent_id === id)?.metrics.qa_score;
    expect(qa('q1')?.score).toBe(85.71428571428571);
    expect(qa('q2')?.quota?.from).toBe('scorecard');
  });

  it('a policy without quota neither reads nor lists the targets table', async () => {
    const e = await runScenario({
      policy: v2Policy(card('')),
      // Not even its header is checked: this one lacks period and target.
      tables: { agents, qa_reviews: reviews, targets: csv('agent_id,metric', 'nobody,qa_score') },
    });
    expect(Object.keys(e.results.inputs)).not.toContain('targets');
    expect(e.results.agents.find((a) => a.agent_id === 'q1')?.metrics.qa_score).not.toHaveProperty('quota');
    expect(e.rejected).toEqual([]);
  });

  it('stops on two rows for one agent, metric and period, naming both', async () => {
    const err = await stopped(
      runScenario({
        policy: v2Policy(card(', quota: true')),
        tables: {
          agents,
          qa_reviews: reviews,
          targets: targets('q1,qa_score,2026-10,80,50', 'q1,qa_score,2026-10,85,50'),
        },
      }),
    );
    expect(err.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['TARGET_DUPLICATE', 'targets.csv', 3],
    ]);
    expect(err.problems[0]?.message.en).toContain('targets.csv:2');
  });

  it('stops on a metric no quota item scores, a period that is none, a target on the wrong side', async () => {
    const err = await stopped(
      runScenario({
        policy: v2Policy(card(', quota: true')),
        tables: {
          agents,
          qa_reviews: reviews,
          targets: targets('q1,qa_scor,2026-10,80,50', 'q2,qa_score,十月,80,50', 'q3,qa_score,2026-10,50,70'),
        },
      }),
    );
    expect(err.problems.map((p) => [p.code, p.line])).toEqual([
      ['TARGET_METRIC_NOT_QUOTA', 2],
      ['TARGET_BAD_PERIOD', 3],
      ['TARGET_FLOOR_ORDER', 4],
    ]);
    expect(err.problems[0]?.message.en).toContain('Metrics that take per-agent targets: qa_score.');
  });

  it('warns of a row for an agent whose scorecard takes no quota', async () => {
    const e = await runScenario({
      policy: v2Policy(card(', quota: true')),
      tables: { agents, qa_reviews: reviews, targets: targets('q4,qa_score,2026-10,80,50') },
    });
    expect(e.warnings.filter((w) => w.code.startsWith('TARGET_')).map((w) => [w.code, w.line])).toEqual([
      ['TARGET_NOT_APPLIED', 2],
    ]);
    expect(e.rejected).toEqual([]);
  });

  it('stops on a ratio target written as a percent number, suggesting the fraction', async () => {
    const card = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: csat_rate, weight: 100, target: 85%, floor: 60%, quota: true }
`;
    const err = await stopped(
      runScenario({
        policy: v2Policy(card),
        tables: {
          agents,
          surveys: csv('survey_id,agent_id,submitted_at,csat', 's1,q1,2026-10-05T10:00:00+08:00,5'),
          targets: targets('q1,csat_rate,2026-10,90,70', 'q2,csat_rate,2026-10,0.9,1.5'),
        },
      }),
    );
    expect(err.problems.map((p) => [p.code, p.line])).toEqual([
      ['TARGET_RATIO_RANGE', 2],
      ['TARGET_RATIO_RANGE', 3],
    ]);
    expect(err.problems[0]?.message.en).toBe(
      'The metric "csat_rate" is a ratio: its per-agent target and floor are fractions from 0 to 1, but this row has 90. Did you mean 0.9 (90%)? Fix the row.',
    );
    expect(err.problems[1]?.message.en).toContain('but this row has 1.5. Did you mean 0.015 (1.5%)?');
  });

  it('warns when a quarter has no targets rows of its own but its months have', async () => {
    const e = await runScenario({
      policy: v2Policy(card(', quota: true')),
      tables: { agents, qa_reviews: reviews, targets: october },
      period: '2026-Q4',
    });
    expect(e.warnings.filter((w) => w.code === 'TARGETS_ONLY_FOR_MONTHS').map((w) => w.message.en)).toEqual([
      "The targets table has 2 rows for months (or shorter periods) within 2026-Q4, but none whose period is 2026-Q4: 2026-Q4 does not read its months' targets, so every agent's qa_score is scored by the scorecard's target (often written for a month). To score this period by personal targets, write rows for 2026-Q4.",
    ]);
    const month = await runScenario({
      policy: v2Policy(card(', quota: true')),
      tables: { agents, qa_reviews: reviews, targets: october },
    });
    expect(month.warnings.filter((w) => w.code === 'TARGETS_ONLY_FOR_MONTHS')).toEqual([]);
  });

  it('stops on any rejected row, whatever the rejected rows limit: the agent would fall back unseen', async () => {
    // One bad row of many is under any share limit; a mistyped agent id would put that agent back
    // on the scorecard's target without a word.
    const err = await stopped(
      runScenario({
        policy: v2Policy(card(', quota: true')),
        tables: {
          agents,
          qa_reviews: reviews,
          targets: targets(
            'q1,qa_score,2026-10,80,50',
            'Q2,qa_score,2026-10,100,',
            'q3,qa_score,2026-10,abc,',
          ),
        },
        maxRejected: { kind: 'rows', value: 10 },
      }),
    );
    expect(err.problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['TARGET_ROW_REJECTED', 'targets.csv', 3],
      ['TARGET_ROW_REJECTED', 'targets.csv', 4],
    ]);
    expect(err.problems[0]?.message.en).toContain('(UNKNOWN_AGENT: ');
    expect(err.problems[0]?.message.zh).toContain('悄悄按考核表的目标计分');
    expect(err.rejected.map((r) => [r.table, r.line, r.code])).toEqual([
      ['targets', 3, 'UNKNOWN_AGENT'],
      ['targets', 4, 'BAD_VALUE'],
    ]);
  });

  it('needs the targets table unless it may be missing', async () => {
    const err = await stopped(
      runScenario({
        policy: v2Policy(card(', quota: true')),
        tables: { agents, qa_reviews: reviews },
        allowMissing: [],
      }),
    );
    expect(err.problems.map((p) => p.code)).toEqual(['TABLE_ABSENT']);
    const e = await runScenario({
      policy: v2Policy(card(', quota: true')),
      tables: { agents, qa_reviews: reviews },
    });
    expect(e.results.inputs.targets).toMatchObject({ rows: 0, absent: true });
    expect(e.results.agents[0]?.metrics.qa_score?.quota?.from).toBe('scorecard');
  });
});
