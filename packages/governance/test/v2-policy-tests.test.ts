import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPolicyTests } from '../src/index.ts';

// A policy of format 2 with the v2 rules, and a test file that asserts them.
const POLICY = `scorebook: 2
id: v2
version: "1"
effective_from: 2026-10-01
title: 考核
timezone: Asia/Shanghai
grades:
  - { grade: A, min_score: 85 }
  - { grade: B, min_score: 70 }
  - { grade: C, min_score: 0 }
scorecards:
  aftersale:
    title: 售后
    roles: [aftersale]
    groups:
      - id: quality
        title: 服务质量
        weight: 60
        scored:
          - { metric: qa_score, weight: 100, target: 100, floor: 50 }
      - id: feedback
        title: 客户反馈
        weight: 40
        scored:
          - { metric: csat_rate, weight: 100, target: 100%, floor: 50% }
    flags:
      - id: no-feedback
        label: 没有评价
        when: { all: [ { fact: csat_rate, operator: equal, value: null } ] }
      - id: low-qa
        label: 质检低
        when: { all: [ { fact: qa_score, operator: lessThan, value: 60 } ] }
    distribution:
      grades:
        - { grade: A, max_share: 50% }
        - { grade: C, min_share: 10% }
    rewards:
      coefficients: { A: 1.5, B: 1, C: 0.5 }
      base: 1000
    awards:
      - { id: qa-star, title: 质检之星, metric: qa_score, top: 1, amount: 200 }
`;

const DATA = `    data:
      agents: |
        agent_id,name,team,role
        a1,张三,一组,aftersale
      qa_reviews: |
        review_id,agent_id,reviewed_at,score
        q1,a1,2026-10-05T10:00:00+08:00,90
`;

async function run(tests: string) {
  const dir = join(mkdtempSync(join(tmpdir(), 'scorebook-v2-tests-')), 'v2');
  mkdirSync(join(dir, 'tests'), { recursive: true });
  writeFileSync(join(dir, '2026-10-01.yaml'), POLICY);
  writeFileSync(join(dir, 'tests', 'rules.yaml'), tests);
  return runPolicyTests(dir);
}

describe('policy tests of format 2', () => {
  it('assert the flags that hold, and count flags in coverage', async () => {
    const report = await run(`period: 2026-10
tests:
  - name: 需关注
${DATA}    expect:
      - { agent: a1, flags: [no-feedback], grade_by_score: B }
  - name: 标记写错
${DATA}    expect:
      - { agent: a1, flags: [] }
`);
    expect(report.outcomes.map((o) => [o.name, o.passed, o.failures.map((f) => f.message.en)])).toEqual([
      ['需关注', true, []],
      ['标记写错', false, ['a1 flags: expected [], got ["no-feedback"]']],
    ]);
    expect(report.coverage.filter((c) => c.rule.includes('.flags.'))).toEqual([
      { version: '1', rule: 'scorecards.aftersale.flags.no-feedback', covered: true },
      { version: '1', rule: 'scorecards.aftersale.flags.low-qa', covered: false },
    ]);
  });

  it('assert the grade before a forced distribution, and count each share in coverage', async () => {
    const report = await run(`period: 2026-10
tests:
  - name: 强制分布
    data:
      agents: |
        agent_id,name,team,role
        a1,张三,一组,aftersale
        a2,李四,一组,aftersale
      qa_reviews: |
        review_id,agent_id,reviewed_at,score
        q1,a1,2026-10-05T10:00:00+08:00,100
        q2,a2,2026-10-05T10:00:00+08:00,98
    expect:
      - { agent: a1, grade_by_score: A, grade: A, awards: [qa-star], reward: { coefficient: 1.5, bonus: 1500, total: 1700 } }
      - { agent: a2, grade_by_score: A, grade: C, awards: [], reward: { base: 1000, bonus: 500 } }
`);
    // A holds ⌊50% × 2⌋ = 1: a2 goes to B; C needs ⌈10% × 2⌉ = 1: a2 again, from B.
    expect(report.outcomes.map((o) => [o.name, o.passed, o.failures.map((f) => f.message.en)])).toEqual([
      ['强制分布', true, []],
    ]);
    expect(report.coverage.filter((c) => /\.(rewards|awards)\./.test(c.rule))).toEqual([
      { version: '1', rule: 'scorecards.aftersale.rewards.A', covered: true },
      { version: '1', rule: 'scorecards.aftersale.rewards.B', covered: false },
      { version: '1', rule: 'scorecards.aftersale.rewards.C', covered: true },
      { version: '1', rule: 'scorecards.aftersale.awards.qa-star', covered: true },
    ]);
    expect(report.coverage.filter((c) => c.rule.includes('.distribution.'))).toEqual([
      { version: '1', rule: 'scorecards.aftersale.distribution.A.max_share', covered: true },
      { version: '1', rule: 'scorecards.aftersale.distribution.C.min_share', covered: true },
    ]);
  });

  it('assert group subtotals (null for a group without a score) and count groups in coverage', async () => {
    const report = await run(`period: 2026-10
tests:
  - name: 维度分
${DATA}    expect:
      - { agent: a1, groups: { quality: 80, feedback: null }, scores: { qa_score: 80, csat_rate: null }, base_score: 80 }
  - name: 维度分写错
${DATA}    expect:
      - { agent: a1, groups: { quality: 81 } }
`);
    expect(report.outcomes.map((o) => [o.name, o.passed])).toEqual([
      ['维度分', true],
      ['维度分写错', false],
    ]);
    expect(report.outcomes[1]!.failures.map((f) => [f.line, f.column, f.code, f.message.en])).toEqual([
      [22, 41, 'TEST_EXPECTATION_FAILED', 'a1 groups.quality: expected 81, got 80'],
    ]);
    expect(report.coverage.filter((c) => c.rule.includes('.groups.'))).toEqual([
      { version: '1', rule: 'scorecards.aftersale.groups.quality', covered: true },
      { version: '1', rule: 'scorecards.aftersale.groups.feedback', covered: false },
    ]);
  });

  it('names an expected metric, group or flag the policy does not have, with the nearest one', async () => {
    const report = await run(`period: 2026-10
tests:
  - name: 名字写错
${DATA}    expect:
      - { agent: a1, metrics: { qa_scor: null }, groups: { qualty: 80 }, flags: [no-such-flag] }
`);
    expect(report.outcomes[0]!.failures.map((f) => [f.code, f.message.en.split('? ')[0]])).toEqual([
      ['TEST_UNKNOWN_NAME', 'The policy has no metric "qa_scor": did you mean "qa_score"'],
      ['TEST_UNKNOWN_NAME', 'The policy has no flag "no-such-flag"'],
      ['TEST_UNKNOWN_NAME', 'The policy has no group "qualty": did you mean "quality"'],
    ]);
    expect(report.outcomes[0]!.failures[0]!.message.zh).toContain(
      '策略中没有 指标 "qa_scor",是否想写 "qa_score"',
    );
  });
});
