import { describe, expect, it } from 'vitest';
import { diffPolicies, renderDiffText } from '../src/index.ts';
import { loadText, v2Text, where } from './v2-policy.ts';

const card = (items: string) => `  s:
    title: t
    roles: [r]
    scored:
${items}`;
const QUOTA = '      - { metric: sales_amount, weight: 100, target: 50000, floor: 10000, quota: true }\n';

describe('per-agent targets (quota)', () => {
  it('are read on a linear item', () => {
    const loaded = loadText(v2Text(card(QUOTA)));
    expect(loaded.problems).toEqual([]);
    expect(loaded.policy?.scorecards[0]?.scored[0]).toMatchObject({
      quota: true,
      target: 50000,
      floor: 10000,
    });
    const plain = loadText(v2Text(card(QUOTA.replace(', quota: true', ''))));
    expect(plain.policy?.scorecards[0]?.scored[0]?.quota).toBe(false);
  });

  it('need format 2 and a linear item', () => {
    expect(where(loadText(v2Text(card(QUOTA), { format: 1 })))).toEqual([
      ['NEEDS_FORMAT_2', 'error', 19, 75, 'scorecards.s.scored[0].quota'],
    ]);
    const loaded = loadText(
      v2Text(
        card(`      - { metric: qa_score, weight: 50, method: bands, bands: [{ at_least: 90, score: 100 }], quota: true }
      - { metric: avg_handle_time, weight: 50, method: range, target: [3m, 8m], floor: [1m, 15m], quota: true }
`),
      ),
    );
    expect(where(loaded)).toEqual([
      ['QUOTA_NEEDS_LINEAR', 'error', 19, 95, 'scorecards.s.scored[0].quota'],
      ['QUOTA_NEEDS_LINEAR', 'error', 20, 99, 'scorecards.s.scored[1].quota'],
    ]);
    expect(loaded.problems[0]?.message.en).toMatch(
      /^"qa_score" uses bands and cannot take per-agent targets/,
    );
  });

  it('leave the targets table out of exclusions', () => {
    const top =
      'exclusions:\n  - { id: x, table: targets, reason: r, when: { all: [{ fact: metric, operator: equal, value: a }] } }';
    const loaded = loadText(v2Text(card(QUOTA), { top }));
    expect(loaded.problems.map((p) => p.code)).toEqual(['UNKNOWN_TABLE']);
    expect(loaded.problems[0]?.message.en).toContain('assessments, events.');
  });

  it('are compared by diff', () => {
    const a = loadText(v2Text(card(QUOTA.replace(', quota: true', '')))).policy!;
    const b = loadText(v2Text(card(QUOTA))).policy!;
    expect(renderDiffText(diffPolicies(a, b), 'zh', 'd').split('\n').slice(1, 2)).toEqual([
      '  考核表 s › 考核指标 › sales_amount: 个人目标 不取 → 取 targets 表',
    ]);
  });
});
