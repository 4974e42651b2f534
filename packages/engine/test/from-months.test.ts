import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_TABLES } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.ts';
import { csv, writeScenario } from './scenario.ts';
import { stopped } from './stopped.ts';
import { v2Policy } from './v2.ts';

// Total = the qa score (linear, target 100, floor 0; from December floor 50). A red line caps at C.
const card = (floor: number, extra = '') => `  aftersale:
    title: 售后
    roles: [aftersale]
    eligibility:
      when: { all: [ { fact: qa_score, operator: notEqual, value: null } ] }
      reason: 没有质检
    scored:
      - { metric: qa_score, weight: 100, target: 100, floor: ${floor} }
    vetoes:
      - { id: red-line, reason: 红线, cap_grade: C, when: { all: [ { fact: red_line_count, operator: greaterThanInclusive, value: 1 } ] } }
${extra}`;

const review = (id: string, agent: string, day: string, score: number, redLine = false) =>
  `${id},${agent},${day}T10:00:00+08:00,${score},${redLine}`;
const tables = {
  agents: csv(
    'agent_id,name,team,role',
    'a1,甲,一组,aftersale',
    'a2,乙,一组,aftersale',
    'a3,丙,一组,aftersale',
  ),
  qa_reviews: csv(
    'review_id,agent_id,reviewed_at,score,red_line',
    review('q1', 'a1', '2026-10-05', 100),
    review('q2', 'a1', '2026-10-06', 80),
    review('q3', 'a1', '2026-11-05', 80),
    review('q4', 'a1', '2026-12-05', 70),
    review('q5', 'a2', '2026-10-05', 96),
    review('q6', 'a3', '2026-10-05', 95),
    review('q7', 'a3', '2026-11-05', 95),
    review('q8', 'a3', '2026-11-06', 95, true),
    review('q9', 'a3', '2026-12-05', 95),
  ),
};

const appeal = (filedAt: string, decidedAt = '2026-12-03') => `scorebook: 1
kind: appeal
agent: a3
filed_at: ${filedAt}
disputes: { record: qa_reviews/q8 }
claim: 这次质检红线判错了
decision: { outcome: upheld, decided_by: 质检主管, decided_at: ${decidedAt}, reason: 复核不属于红线 }
`;

function company(
  options: {
    top?: string;
    appeals?: Record<string, string>;
    publishedAt?: Record<string, string>;
    extra?: string;
  } = {},
) {
  const top = options.top ?? 'periods: { quarter: from_months, year: from_months }';
  const policy = v2Policy(card(0, options.extra), top);
  const { policiesDir, dataDir } = writeScenario({ policy, tables });
  // From December the floor is 50: the months of one quarter are under two versions.
  const december = policy
    .replace('version: "1"', 'version: "2"')
    .replace('effective_from: 2026-01-01', 'effective_from: 2026-12-01');
  writeFileSync(
    join(policiesDir, '2026-12-01.yaml'),
    december.replace(card(0, options.extra), card(50, options.extra)),
  );
  const appealsDir = join(dataDir, '..', 'appeals');
  for (const [name, text] of Object.entries(options.appeals ?? {})) {
    mkdirSync(join(appealsDir, name.split('/')[0] ?? ''), { recursive: true });
    writeFileSync(join(appealsDir, name), text);
  }
  const allowMissing = INPUT_TABLES.filter((t) => t !== 'agents' && t !== 'qa_reviews');
  const publishedAt = options.publishedAt ?? {};
  return (period: string) =>
    evaluate({ policiesDir, dataDir, period, appealsDir, allowMissing, publishedAt });
}

const agent = (e: Awaited<ReturnType<ReturnType<typeof company>>>, id: string) =>
  e.results.agents.find((a) => a.agent_id === id);

describe('a quarter scored from its months (periods: from_months)', () => {
  it('takes the mean of the monthly totals of the months rated, each month under its own version', async () => {
    const e = await company()('2026-Q4');
    // a1: October 90 (q1, q2), November 80, December (floor 50) (70 − 50) / 50 = 40: (90 + 80 + 40) / 3.
    expect(agent(e, 'a1')).toMatchObject({
      status: 'rated',
      base_score: 70,
      total_score: 70,
      grade: 'B',
      grade_by_score: 'B',
      rank: 3,
      vetoes: [],
      months: [
        {
          period: '2026-10',
          status: 'rated',
          scorecard: 'aftersale',
          total_score: 90,
          grade: 'A',
          vetoes: [],
        },
        { period: '2026-11', status: 'rated', total_score: 80, grade: 'B' },
        { period: '2026-12', status: 'rated', total_score: 40, grade: 'D' },
      ],
    });
    // The metric stays the quarter's records': (100 + 80 + 80 + 70) / 4 under the quarter's version.
    expect(agent(e, 'a1')?.metrics.qa_score?.value).toBe(82.5);
    expect(agent(e, 'a1')?.metrics.qa_score?.score).toBe(82.5);
    // a2 is rated in October only: the quarter is that month's total.
    expect(agent(e, 'a2')).toMatchObject({ status: 'rated', total_score: 96, grade: 'S', rank: 1 });
    expect(agent(e, 'a2')?.months?.map((m) => m.status)).toEqual(['rated', 'not_rated', 'not_rated']);
    // a3: (95 + 95 + 90) / 3 would be A; November's red line caps the quarter at C.
    expect(agent(e, 'a3')).toMatchObject({ total_score: 280 / 3, grade: 'C', vetoes: ['red-line'], rank: 2 });
    expect(e.results.summary).toMatchObject({
      rated: 3,
      not_rated: 0,
      grades: { S: 1, A: 0, B: 1, C: 1, D: 0 },
    });
    expect(e.results.months?.map((m) => [m.period, m.status, m.policy?.version])).toEqual([
      ['2026-10', 'evaluated', '1'],
      ['2026-11', 'evaluated', '1'],
      ['2026-12', 'evaluated', '2'],
    ]);
    // The months' results sha256: those of the months evaluated alone.
    const { serializeEvaluation } = await import('../src/index.ts');
    const { createHash } = await import('node:crypto');
    const november = serializeEvaluation(await company()('2026-11')).get('results.json') ?? [];
    expect(e.results.months?.[1]?.results_sha256).toBe(
      createHash('sha256').update(Buffer.concat(november)).digest('hex'),
    );
    expect(e.explanations.agents[0]?.months?.[2]).toMatchObject({ period: '2026-12', policy_version: '2' });
    expect(e.policySnapshot.periods).toEqual({ quarter: 'from_months', year: 'from_months', min_months: 1 });
  });

  it('applies the appeals filed for its months, each in its month’s window', async () => {
    const e = await company({ appeals: { '2026-11/ap-1.yaml': appeal('2026-12-02T09:00:00+08:00') } })(
      '2026-Q4',
    );
    // Without q8 November has no red line: (95 + 95 + 90) / 3 is A.
    expect(agent(e, 'a3')).toMatchObject({ grade: 'A', vetoes: [], appealed: { 'ap-1': 1 } });
    expect(agent(e, 'a3')?.metrics.red_line_count?.value).toBe(0);
    expect(e.results.appeals?.map((a) => a.file)).toEqual(['2026-11/ap-1.yaml']);
    // November's window (30 days) ends on 2026-12-30, though the quarter's would run to 2027-01-30.
    const late = await company({
      appeals: { '2026-11/ap-1.yaml': appeal('2027-01-05T09:00:00+08:00', '2027-01-06') },
    })('2026-Q4');
    expect(agent(late, 'a3')).toMatchObject({ grade: 'C', vetoes: ['red-line'] });
    expect(agent(late, 'a3')?.appeals).toEqual([
      { id: 'ap-1', disputes: 'qa_reviews/q8', outcome: 'upheld', status: 'refused', role: 'appellant' },
    ]);
  });

  it('counts an appeal window from its period’s first publication when it is known', async () => {
    const appeals = { '2026-11/ap-1.yaml': appeal('2027-01-05T09:00:00+08:00', '2027-01-06') };
    // November published on 2026-12-10 (Shanghai): 30 days after it, the last day is 2027-01-09.
    const publishedAt = { '2026-11': '2026-12-10T01:00:00.000Z' };
    const month = await company({ appeals, publishedAt })('2026-11');
    expect(agent(month, 'a3')).toMatchObject({ grade: 'S', vetoes: [], appealed: { 'ap-1': 1 } });
    expect(agent(await company({ appeals, publishedAt })('2026-Q4'), 'a3')?.grade).toBe('A');
    // Published on 2026-12-05: the last day is 2027-01-04, and 2027-01-05 is late.
    const early = await company({ appeals, publishedAt: { '2026-11': '2026-12-05T01:00:00.000Z' } })(
      '2026-11',
    );
    expect(agent(early, 'a3')?.appeals?.[0]?.status).toBe('refused');
    expect(month.warnings.filter((w) => w.code === 'APPEAL_LATE')).toEqual([]);
    expect(early.warnings.find((w) => w.code === 'APPEAL_LATE')?.message.en).toContain('2027-01-04');
  });

  it('needs min_months months rated; a month without any data is no_data', async () => {
    const e = await company({ top: 'periods: { quarter: from_months, min_months: 2 }' })('2026-Q4');
    expect(agent(e, 'a2')).toMatchObject({
      status: 'not_rated',
      reason_code: 'FEWER_MONTHS_RATED',
      reason:
        "只有 1 个月参评,少于 2 个月(periods.min_months)/ rated in 1 of the period's months, fewer than 2 (periods.min_months)",
      total_score: null,
      grade: null,
      grade_by_score: null,
      rank: null,
    });
    expect(agent(e, 'a1')?.rank).toBe(2);
    const year = await company()('2026');
    expect(year.results.months?.filter((m) => m.status === 'no_data').length).toBe(9);
    expect(agent(year, 'a1')).toMatchObject({ total_score: 70, grade: 'B' });
    expect(agent(year, 'a1')?.months?.[0]).toEqual({
      period: '2026-01',
      status: 'no_data',
      scorecard: null,
      base_score: null,
      total_score: null,
      grade: null,
      vetoes: [],
    });
  });

  it('pays rewards by the quarter’s grade and awards by the quarter’s metric among its rated agents', async () => {
    const extra = `    rewards:
      coefficients: { S: 1.5, A: 1.2, B: 1, C: 0.8, D: 0.5 }
      not_rated: 0.25
      base: 1000
    awards:
      - { id: star, title: 质检之星, metric: qa_score, top: 1, amount: 300 }
`;
    const top = 'periods: { quarter: from_months, min_months: 2 }';
    const e = await company({ top, extra })('2026-Q4');
    // Recomputed, a2 (96, S) would be paid 1.5 × 1000 and win the star; rated in one month of
    // two needed, a2 is not rated for the quarter: the not_rated coefficient, and no award.
    expect(agent(e, 'a2')).toMatchObject({
      status: 'not_rated',
      awards: [],
      reward: { coefficient: 0.25, base: 1000, bonus: 250, total: 250 },
    });
    // a1: 70, B: 1 × 1000. a3: capped at C, 0.8 × 1000, and the star by the quarter's qa_score
    // (95, against a1's 82.5), though its grade is the lowest.
    expect(agent(e, 'a1')).toMatchObject({
      grade: 'B',
      awards: [],
      reward: { coefficient: 1, base: 1000, bonus: 1000, total: 1000 },
    });
    expect(agent(e, 'a3')).toMatchObject({
      grade: 'C',
      awards: [{ id: 'star', place: 1, amount: 300 }],
      reward: { coefficient: 0.8, base: 1000, bonus: 800, total: 1100 },
    });
    expect(e.results.summary.rewards).toEqual({ agents: 3, bonus: 2050, awards: 300, total: 2350 });
    // Each month pays on its own: in November a2 has no review and a1 (80, B) is paid 1 × 1000.
    const november = await company({ top, extra })('2026-11');
    expect(agent(november, 'a1')?.reward).toEqual({ coefficient: 1, base: 1000, bonus: 1000, total: 1000 });
    expect(agent(november, 'a2')?.reward).toEqual({ coefficient: 0.25, base: 1000, bonus: 250, total: 250 });
  });

  it('recomputes as before without the option, and adds no key', async () => {
    const e = await company({ top: '' })('2026-Q4');
    expect(agent(e, 'a1')?.total_score).toBe(82.5);
    expect('months' in e.results).toBe(false);
    expect(e.results.agents.some((a) => 'months' in a)).toBe(false);
    expect('periods' in e.policySnapshot).toBe(false);
  });

  it('stops when a month cannot be evaluated, naming the month first', async () => {
    const { policiesDir, dataDir } = writeScenario({
      policy: v2Policy(card(0), 'periods: { quarter: from_months }'),
      tables,
    });
    // December's version reads a column the data does not have: December alone stops.
    const december = v2Policy(card(0), 'periods: { quarter: from_months }')
      .replace('version: "1"', 'version: "2"')
      .replace('effective_from: 2026-01-01', 'effective_from: 2026-12-01')
      .replace(
        'grades:',
        'exclusions:\n  - { id: by-reviewer, table: qa_reviews, reason: 外包质检, when: { all: [ { fact: reviewer, operator: equal, value: x } ] } }\ngrades:',
      );
    writeFileSync(join(policiesDir, '2026-12-01.yaml'), december);
    const allowMissing = INPUT_TABLES.filter((t) => t !== 'agents' && t !== 'qa_reviews');
    const { problems } = await stopped(evaluate({ policiesDir, dataDir, period: '2026-Q4', allowMissing }));
    expect(problems.map((p) => p.code)).toEqual(['FROM_MONTHS_MONTH_FAILED', 'FIELD_NOT_IN_DATA']);
    expect(problems[0]?.message.en).toContain('2026-12 cannot be evaluated');
  });
});
