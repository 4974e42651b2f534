import { describe, expect, it } from 'vitest';
import { csv, runScenario } from './scenario.ts';
import { v2Policy } from './v2.ts';

// 问题解决时长: a metric over the derived closed_at − started_at, scored by segment (chat ≤ 1 h,
// email ≤ 24 h).
const METRICS = `metrics:
  - id: resolution_time
    title: 问题解决时长
    kind: mean
    better: lower
    table: conversations
    field: resolution_seconds
`;
const CARD = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - metric: resolution_time
        weight: 100
        segments:
          field: channel
          targets:
            - { value: chat, target: 1h, floor: 4h }
            - { value: email, target: 24h, floor: 72h }
`;
const HOURS = `business_hours:
${['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => `  ${d}: ["09:00-18:00"]`).join('\n')}
  holidays: []`;
const tables = {
  agents: csv('agent_id,name,team,role', 'r1,甲,一组,aftersale'),
  // Monday 2026-10-05: a chat closed after 30 minutes, an email closed the next day at the same
  // time, a conversation not closed (no resolution time).
  conversations: csv(
    'conversation_id,agent_id,channel,started_at,closed_at',
    'c1,r1,chat,2026-10-05T10:00:00+08:00,2026-10-05T10:30:00+08:00',
    'c2,r1,email,2026-10-05T10:00:00+08:00,2026-10-06T10:00:00+08:00',
    'c3,r1,email,2026-10-05T11:00:00+08:00,',
  ),
};

describe('resolution time (resolution_seconds)', () => {
  it('is closed_at − started_at in seconds, null without closed_at, usable in metrics and segments', async () => {
    const e = await runScenario({ policy: v2Policy(CARD, METRICS), tables });
    const m = e.results.agents[0]?.metrics.resolution_time;
    // (1800 + 86400) ÷ 2; chat 1800 s on 1 h → 100; email 86400 s = 24 h → 100.
    expect(m?.value).toBe(44100);
    expect(m?.sample).toBe(2);
    expect(m?.segments?.map((s) => [s.segment, s.value, s.score])).toEqual([
      ['chat', 1800, 100],
      ['email', 86400, 100],
    ]);
  });

  it('counts business hours only when the policy has them', async () => {
    const e = await runScenario({ policy: v2Policy(CARD, `${HOURS}\n${METRICS}`), tables });
    const m = e.results.agents[0]?.metrics.resolution_time;
    // The email: Monday 10:00–18:00 and Tuesday 09:00–10:00 = 9 h = 32400 s; (1800 + 32400) ÷ 2.
    expect(m?.value).toBe(17100);
    expect(m?.segments?.[1]?.value).toBe(32400);
  });

  it('is the same on the SQL engine, calendar and business seconds', async () => {
    for (const [policy, value, email] of [
      [v2Policy(CARD, METRICS), 44100, 86400],
      [v2Policy(CARD, `${HOURS}\n${METRICS}`), 17100, 32400],
    ] as const) {
      const e = await runScenario({ policy, tables }, { engine: 'duckdb' });
      const m = e.results.agents[0]?.metrics.resolution_time;
      expect(m?.value).toBe(value);
      expect(m?.sample).toBe(2);
      expect(m?.segments?.map((s) => s.value)).toEqual([1800, email]);
      expect(JSON.stringify(e.explanations)).toContain(`"resolution_seconds":${email}`);
    }
  });

  it('is added to the rows only of a policy that reads it', async () => {
    const plain = v2Policy(`  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: conversations_handled, weight: 100, target: 10, floor: 0 }
`);
    const without = await runScenario({ policy: plain, tables });
    expect(JSON.stringify(without.explanations)).toContain('"handle_seconds":null');
    expect(JSON.stringify(without.explanations)).not.toContain('resolution_seconds');
    const used = await runScenario({ policy: v2Policy(CARD, METRICS), tables });
    expect(JSON.stringify(used.explanations)).toContain('"resolution_seconds":86400');
  });
});
