import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.ts';
import { csv, runScenario, writeScenario } from './scenario.ts';
import { stopped } from './stopped.ts';
import { v2Policy } from './v2.ts';

const CARD = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: csat_rate, weight: 100, target: 100%, floor: 0% }
`;
const tables = {
  agents: csv('agent_id,name,team,role', 'a1,张三,一组,aftersale'),
  surveys: csv(
    'survey_id,agent_id,submitted_at,csat',
    's0,a1,2026-10-04T23:59:59+08:00,1',
    's1,a1,2026-10-05T00:00:00+08:00,5',
    's2,a1,2026-10-06T10:00:00+08:00,2',
    's3,a1,2026-10-07T10:00:00+08:00,4',
    's4,a1,2026-10-12T00:00:00+08:00,1',
  ),
};
const run = (period: string) => runScenario({ policy: v2Policy(CARD), tables, period, monitoring: true });

describe('monitoring periods (weeks, days, ranges)', () => {
  it('are evaluated like months over their days, when asked', async () => {
    const week = await run('2026-W41');
    expect(week.results.period).toEqual({
      id: '2026-W41',
      kind: 'week',
      start: '2026-10-05T00:00:00+08:00',
      end: '2026-10-12T00:00:00+08:00',
      timezone: 'Asia/Shanghai',
    });
    // s1, s2, s3: the surveys from Monday 00:00 to the next Monday 00:00 (excluded).
    expect(week.results.agents[0]?.metrics.csat_rate).toMatchObject({ value: 2 / 3, sample: 3 });
    expect(week.results.agents[0]?.facts?.period_days).toBe(7);
    const day = await run('2026-10-06');
    expect(day.results.agents[0]?.metrics.csat_rate).toMatchObject({ value: 0, sample: 1 });
    expect(day.results.agents[0]?.facts?.period_days).toBe(1);
    const range = await run('2026-10-06..2026-10-07');
    expect(range.results.period.kind).toBe('range');
    expect(range.results.agents[0]?.metrics.csat_rate).toMatchObject({ value: 0.5, sample: 2 });
  });

  it('are refused without the monitoring option (publish, verify, impact)', async () => {
    const { policiesDir, dataDir } = writeScenario({ policy: v2Policy(CARD), tables });
    const problem = (await stopped(evaluate({ policiesDir, dataDir, period: '2026-W41' }))).problems[0];
    expect(problem?.code).toBe('PERIOD_NOT_EVALUATED');
  });
});
