import { describe, expect, it } from 'vitest';
import { csv, runScenario } from './scenario.ts';
import { v2Policy } from './v2.ts';

// 平均处理时长: 3–8 minutes scores 100, falling to 0 at 1 minute below and 15 minutes above.
const RANGE = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: avg_handle_time, weight: 100, method: range, target: [3m, 8m], floor: [1m, 15m] }
`;

const handled = (agent: string, seconds: number, i: number) => {
  const start = Date.parse('2026-10-05T02:00:00Z') + i * 3_600_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  return `c${i},${agent},chat,${iso(start)},${iso(start + seconds * 1000)}`;
};

describe('two-sided targets (method: range)', () => {
  it('score 100 inside the range and fall linearly to 0 at the floor on each side', async () => {
    const seconds: Record<string, number> = {
      a1: 120,
      a2: 600,
      a3: 300,
      a4: 30,
      a5: 1200,
      a6: 899,
      a7: 180,
      a8: 480,
    };
    const ids = Object.keys(seconds);
    const e = await runScenario({
      policy: v2Policy(RANGE),
      tables: {
        agents: csv('agent_id,name,team,role', ...ids.map((a) => `${a},客服${a},一组,aftersale`)),
        conversations: csv(
          'conversation_id,agent_id,channel,started_at,ended_at',
          ...ids.map((a, i) => handled(a, seconds[a]!, i)),
        ),
      },
    });
    const scores = Object.fromEntries(
      e.results.agents.map((a) => [a.agent_id, a.metrics.avg_handle_time!.score]),
    );
    expect(scores).toEqual({
      a1: 50, // 2 min: 100 × (120 − 60) ÷ (180 − 60)
      a2: 71.42857142857143, // 10 min: 100 × (900 − 600) ÷ (900 − 480)
      a3: 100, // 5 min, inside
      a4: 0, // 30 s, below the low floor
      a5: 0, // 20 min, above the high floor
      a6: 0.23809523809523808, // 899 s, just under the high floor
      a7: 100, // 3 min: the low end is inside
      a8: 100, // 8 min: the high end is inside
    });
    expect(e.policySnapshot.scorecards[0]!.scored[0]).toMatchObject({
      method: 'range',
      target: null,
      floor: null,
      bands: [],
      range: { low: 180, high: 480, floor_low: 60, floor_high: 900 },
    });
  });
});
