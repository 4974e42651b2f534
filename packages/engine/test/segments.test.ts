import { describe, expect, it } from 'vitest';
import { csv, runScenario } from './scenario.ts';
import { v2Policy } from './v2.ts';

// 平均处理时长 by channel: chat 5 min (0 at 15), email 30 min (0 at 90), phone 8 min (0 at 20).
const card = (minSample: string) => `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - metric: avg_handle_time
        weight: 100${minSample}
        segments:
          field: channel
          targets:
            - { value: chat, title: 在线, target: 5m, floor: 15m }
            - { value: email, target: 30m, floor: 90m }
            - { value: phone, target: 8m, floor: 20m }
`;

let n = 0;
const handled = (agent: string, channel: string, minutes: number) => {
  const start = Date.parse('2026-10-05T02:00:00Z') + n * 3_600_000;
  n++;
  const iso = (ms: number) => new Date(ms).toISOString();
  return `c${n},${agent},${channel},${iso(start)},${iso(start + minutes * 60_000)}`;
};
const tables = {
  agents: csv(
    'agent_id,name,team,role',
    's1,甲,一组,aftersale',
    's2,乙,一组,aftersale',
    's3,丙,一组,aftersale',
  ),
  conversations: csv(
    'conversation_id,agent_id,channel,started_at,ended_at',
    ...[1, 2, 3, 4].map(() => handled('s1', 'chat', 5)),
    handled('s1', 'email', 60),
    handled('s2', 'chat', 10),
    handled('s2', 'chat', 10),
    handled('s2', 'ticket', 300),
    handled('s3', 'email', 45),
  ),
};

describe('segmented targets', () => {
  it('score each segment by its own target, and the item by the sample-weighted mean', async () => {
    const e = await runScenario({ policy: v2Policy(card('')), tables });
    const metric = (id: string) => e.results.agents.find((a) => a.agent_id === id)!.metrics.avg_handle_time;
    // chat 5 min → 100 (4 conversations), email 60 min → (90 − 60) ÷ (90 − 30) = 50 (1): (4 × 100 + 50) ÷ 5.
    expect(metric('s1')).toEqual({
      value: 960,
      sample: 5,
      score: 90,
      weight: 100,
      status: 'scored',
      segments: [
        { segment: 'chat', value: 300, sample: 4, score: 100, status: 'scored' },
        { segment: 'email', value: 3600, sample: 1, score: 50, status: 'scored' },
        { segment: 'phone', value: null, sample: 0, score: null, status: 'no_data' },
      ],
    });
    // A ticket is no segment: it counts in the value (10, 10, 300 min) but not in the score.
    expect(metric('s2')).toMatchObject({ value: 6400, sample: 3, score: 50, status: 'scored' });
    expect(metric('s2')?.segments?.map((s) => s.score)).toEqual([50, null, null]);
    expect(e.results.agents.find((a) => a.agent_id === 's2')?.total_score).toBe(50);
    expect(e.policySnapshot.scorecards[0]?.scored[0]?.segments).toEqual({
      field: 'channel',
      segments: [
        { value: 'chat', title: '在线', target: 300, floor: 900 },
        { value: 'email', title: null, target: 1800, floor: 5400 },
        { value: 'phone', title: null, target: 480, floor: 1200 },
      ],
    });
    // The segment metrics are measured, not listed.
    expect(Object.keys(e.results.agents[0]!.metrics).some((id) => id.includes('@'))).toBe(false);
  });

  it('apply min_sample to each segment; an item without a scored segment has no score', async () => {
    const e = await runScenario({ policy: v2Policy(card('\n        min_sample: 2')), tables });
    const metric = (id: string) => e.results.agents.find((a) => a.agent_id === id)!.metrics.avg_handle_time;
    // s1's one email is below 2: only chat counts.
    expect(metric('s1')).toMatchObject({ score: 100, status: 'scored' });
    expect(metric('s1')?.segments?.[1]).toEqual({
      segment: 'email',
      value: 3600,
      sample: 1,
      score: null,
      status: 'insufficient',
    });
    expect(metric('s3')).toMatchObject({ value: 2700, score: null, status: 'insufficient' });
    expect(e.results.agents.find((a) => a.agent_id === 's3')).toMatchObject({ base_score: null });
  });
});
