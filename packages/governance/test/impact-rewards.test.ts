import type { AgentResult } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { compareAgents } from '../src/impact.ts';

const agent = (id: string, grade: string | null, total: number | null): AgentResult =>
  ({
    agent_id: id,
    name: `客服${id}`,
    scorecard: 'aftersale',
    grade,
    rank: null,
    total_score: null,
    adjustments: {},
    reward: total === null ? null : { coefficient: 1, base: total, bonus: total, total },
  }) as unknown as AgentResult;

describe('impact of rewards', () => {
  it('lists agents whose reward total moves, and sums the changes (null as 0)', () => {
    const before = [
      agent('a1', 'A', 1200),
      agent('a2', 'B', 1000),
      agent('a3', 'C', 800),
      agent('a4', null, null),
    ];
    const after = [
      agent('a1', 'S', 1500),
      agent('a2', 'B', 1000),
      agent('a3', null, null),
      agent('a4', 'B', 1000),
    ];
    const { rewards, reward_change } = compareAgents(before, after);
    expect(rewards).toEqual([
      { agent_id: 'a1', name: '客服a1', grade_before: 'A', grade_after: 'S', from: 1200, to: 1500 },
      { agent_id: 'a3', name: '客服a3', grade_before: 'C', grade_after: null, from: 800, to: null },
      { agent_id: 'a4', name: '客服a4', grade_before: null, grade_after: 'B', from: null, to: 1000 },
    ]);
    expect(reward_change).toBe(500);
  });
});
