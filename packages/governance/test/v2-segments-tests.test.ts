import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPolicyTests } from '../src/index.ts';

const POLICY = `scorebook: 2
id: seg
version: "1"
effective_from: 2026-10-01
title: 考核
timezone: Asia/Shanghai
grades:
  - { grade: A, min_score: 85 }
  - { grade: C, min_score: 0 }
scorecards:
  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - metric: avg_handle_time
        weight: 100
        segments:
          field: channel
          targets:
            - { value: chat, target: 5m, floor: 15m }
            - { value: email, target: 30m, floor: 90m }
`;

const TESTS = `period: 2026-10
tests:
  - name: 分段目标
    data:
      agents: |
        agent_id,name,team,role
        a1,张三,一组,aftersale
      conversations: |
        conversation_id,agent_id,channel,started_at,ended_at
        c1,a1,chat,2026-10-05T10:00:00+08:00,2026-10-05T10:10:00+08:00
    expect:
      - { agent: a1, scores: { avg_handle_time: 50 }, segment_scores: { avg_handle_time: { chat: 50, email: null } }, grade: C }
  - name: 分段写错
    data:
      agents: |
        agent_id,name,team,role
        a1,张三,一组,aftersale
      conversations: |
        conversation_id,agent_id,channel,started_at,ended_at
        c1,a1,chat,2026-10-05T10:00:00+08:00,2026-10-05T10:10:00+08:00
    expect:
      - { agent: a1, segment_scores: { avg_handle_time: { chat: 60 } } }
`;

describe('policy tests of segmented targets', () => {
  it('assert the item and segment scores, and count each segment in coverage', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'scorebook-seg-tests-')), 'seg');
    mkdirSync(join(dir, 'tests'), { recursive: true });
    writeFileSync(join(dir, '2026-10-01.yaml'), POLICY);
    writeFileSync(join(dir, 'tests', 'rules.yaml'), TESTS);
    const report = await runPolicyTests(dir);
    // One chat of 10 min: (15 − 10) ÷ (15 − 5) = 50; no email.
    expect(report.outcomes.map((o) => [o.name, o.passed, o.failures.map((f) => f.message.en)])).toEqual([
      ['分段目标', true, []],
      ['分段写错', false, ['a1 segment_scores.avg_handle_time.chat: expected 60, got 50']],
    ]);
    expect(report.coverage.filter((c) => c.rule.includes('.segments.'))).toEqual([
      { version: '1', rule: 'scorecards.aftersale.scored.avg_handle_time.segments.chat', covered: true },
      { version: '1', rule: 'scorecards.aftersale.scored.avg_handle_time.segments.email', covered: false },
    ]);
  });
});
