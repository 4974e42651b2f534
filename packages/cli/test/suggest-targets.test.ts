import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPolicyFamily } from '@scorebook/policy';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';

// suggest-targets on the sample company: the latest ecommerce-cs version (2027.01) learns from
// the published October and November in data/results, prints the suggestions, the policy lines
// to paste and the grades before and after (docs/history.md).
const root = fileURLToPath(new URL('../../../', import.meta.url));
const POLICY = 'configs/policies/ecommerce-cs/2027-01-01.yaml';
let run: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  const cwd = process.cwd();
  process.chdir(root);
  try {
    run = await runCli(
      'suggest-targets',
      '--policies',
      'configs/policies/ecommerce-cs',
      '--data',
      'data/sample',
    );
  } finally {
    process.chdir(cwd);
  }
}, 300_000);

describe('scorebook suggest-targets on the sample', () => {
  it('prints the suggestions, the policy lines to paste and the grades they would have given', () => {
    expect([run.code, run.stderr]).toEqual([0, '']);
    expect(run.stdout.split('\n')).toEqual([
      '建议目标与底线:策略 ecommerce-cs 2027.01,依据已发布的 2026-10, 2026-11(目标取团队 P75、底线取 P10;越低越好的指标取 P25 与 P90)',
      '',
      '考核表 aftersale:指标 — 当前目标/底线 → 建议目标/底线(取值个数:该项得分因建议降低的/提高的)',
      '  first_response_time — 20s / 60s → 29s / 40s (54:降低 31/提高 23)',
      '  avg_response_time — 30s / 120s → 30s / 40s (54:降低 42/提高 0) ⚠ 比当前的目标与底线严格得多',
      '  reply_rate — 98% / 85% → 97.8% / 92.3% (54:降低 39/提高 3) ⚠ 比当前的目标与底线严格得多',
      '  csat_rate — 90% / 70% → 93.5% / 72.7% (54:降低 37/提高 0) ⚠ 比当前的目标与底线严格得多',
      '  fcr — 85% / 60% → 84.9% / 72% (54:降低 38/提高 2) ⚠ 比当前的目标与底线严格得多',
      '  complaint_rate — 0.5% / 3% → 0% / 2.2% (54:降低 8/提高 0)',
      '  qa_score — — / — — 不是线性目标(分档、两侧或分段),不建议',
      '',
      '考核表 presale:指标 — 当前目标/底线 → 建议目标/底线(取值个数:该项得分因建议降低的/提高的)',
      '  first_response_time — 15s / 60s → 31s / 42s (40:降低 12/提高 28)',
      '  reply_rate — 98% / 85% → 96.9% / 90.8% (40:降低 27/提高 6) ⚠ 比当前的目标与底线严格得多',
      '  conversion_rate — 25% / 5% → 28% / 15.5% (40:降低 30/提高 0) ⚠ 比当前的目标与底线严格得多',
      '  avg_order_value — 300 / 100 → 331.6 / 251.2 (40:降低 30/提高 0) ⚠ 比当前的目标与底线严格得多',
      '  aov_uplift — 10% / -10% — 没有取值',
      '  csat_rate — 90% / 70% → 93% / 64.5% (40:降低 15/提高 11)',
      '  qa_pass_rate — 95% / 70% → 100% / 66.7% (40:降低 6/提高 3)',
      '',
      '考核表 community:指标 — 当前目标/底线 → 建议目标/底线(取值个数:该项得分因建议降低的/提高的)',
      '  first_response_time — 30s / 120s → 26s / 43s (12:降低 9/提高 0) ⚠ 比当前的目标与底线严格得多',
      '  reply_rate — 98% / 85% → 100% / 95.1% (12:降低 6/提高 0) ⚠ 比当前的目标与底线严格得多',
      '  csat_rate — 90% / 70% → 100% / 86.1% (12:降低 6/提高 0) ⚠ 比当前的目标与底线严格得多',
      '  attendance_rate — 98% / 85% → 95.1% / 86% (12:降低 1/提高 8)',
      '',
      '可直接粘贴的策略行:把 configs/policies/ecommerce-cs/2027-01-01.yaml 中注释所写的各行换成其下一行。',
      '# 第 81 行(aftersale · first_response_time)',
      '      - { metric: first_response_time, weight: 15, target: 29s, floor: 40s }',
      '# 第 82 行(aftersale · avg_response_time)',
      '      - { metric: avg_response_time, weight: 10, target: 30s, floor: 40s }',
      '# 第 83 行(aftersale · reply_rate)',
      '      - { metric: reply_rate, weight: 10, target: 97.8%, floor: 92.3% }',
      '# 第 84 行(aftersale · csat_rate)',
      '      - { metric: csat_rate, weight: 20, target: 93.5%, floor: 72.7%, min_sample: 10 }',
      '# 第 85 行(aftersale · fcr)',
      '      - { metric: fcr, weight: 20, target: 84.9%, floor: 72% }',
      '# 第 86 行(aftersale · complaint_rate)',
      '      - { metric: complaint_rate, weight: 10, target: 0%, floor: 2.2% }',
      '# 第 111 行(presale · first_response_time)',
      '      - { metric: first_response_time, weight: 20, target: 31s, floor: 42s }',
      '# 第 112 行(presale · reply_rate)',
      '      - { metric: reply_rate, weight: 15, target: 96.9%, floor: 90.8% }',
      '# 第 113 行(presale · conversion_rate)',
      '      - { metric: conversion_rate, weight: 25, target: 28%, floor: 15.5% }',
      '# 第 114 行(presale · avg_order_value)',
      '      - { metric: avg_order_value, weight: 5, target: 331.6, floor: 251.2 }',
      '# 第 116 行(presale · csat_rate)',
      '      - { metric: csat_rate, weight: 15, target: 93%, floor: 64.5%, min_sample: 10 }',
      '# 第 117 行(presale · qa_pass_rate)',
      '      - { metric: qa_pass_rate, weight: 15, target: 100%, floor: 66.7%, min_sample: 3 }',
      '# 第 135 行(community · first_response_time)',
      '      - { metric: first_response_time, weight: 30, target: 26s, floor: 43s }',
      '# 第 136 行(community · reply_rate)',
      '      - { metric: reply_rate, weight: 30, target: 100%, floor: 95.1% }',
      '# 第 137 行(community · csat_rate)',
      '      - { metric: csat_rate, weight: 25, target: 100%, floor: 86.1%, min_sample: 5 }',
      '# 第 138 行(community · attendance_rate)',
      '      - { metric: attendance_rate, weight: 15, target: 95.1%, floor: 86% }',
      '',
      '等级分布(按当前版本的目标 → 按建议的目标):',
      '  2026-10: S 5 → 4, A 14 → 8, B 18 → 4, C 10 → 18, D 9 → 22(56 名客服中 32 名降级,1 名升级)',
      '  2026-11: S 7 → 4, A 13 → 10, B 14 → 6, C 15 → 14, D 9 → 24(58 名客服中 32 名降级,3 名升级)',
      '  ⚠ 2026-10:这些建议比当前目标严格得多,56 名客服中 32 名会降级(D 从 9 名变为 22 名)。目标取团队 P75,即约四分之三的客服拿不到该项满分;请逐项斟酌(标有 ⚠ 的指标),不要整体照搬。',
      '  ⚠ 2026-11:这些建议比当前目标严格得多,58 名客服中 32 名会降级(D 从 9 名变为 24 名)。目标取团队 P75,即约四分之三的客服拿不到该项满分;请逐项斟酌(标有 ⚠ 的指标),不要整体照搬。',
      '',
    ]);
  });

  it('prints lines that, pasted over the file, give a valid version with the suggested targets', () => {
    const text = readFileSync(join(root, POLICY), 'utf8').split('\n');
    const printed = run.stdout.split('\n');
    let pasted = 0;
    for (const [i, l] of printed.entries()) {
      const line = /^# 第 (\d+) 行/.exec(l)?.[1];
      if (line === undefined) continue;
      text[Number(line) - 1] = printed[i + 1] ?? '';
      pasted++;
    }
    expect(pasted).toBe(16);
    const dir = join(mkdtempSync(join(tmpdir(), 'scorebook-targets-cli-')), 'ecommerce-cs');
    mkdirSync(dir);
    writeFileSync(join(dir, '2027-01-01.yaml'), text.join('\n'));
    const family = loadPolicyFamily(dir);
    expect(family.problems).toEqual([]);
    const item = (scorecard: string, metric: string) => {
      const i = family.versions[0]?.scorecards
        .find((s) => s.id === scorecard)
        ?.scored.find((x) => x.metric === metric);
      return [i?.target, i?.floor];
    };
    expect(item('aftersale', 'first_response_time')).toEqual([29, 40]);
    // A policy reads 92.3% as 92.3 ÷ 100, one unit in the last place from the suggested 0.923.
    expect(item('aftersale', 'reply_rate')).toEqual([97.8 / 100, 92.3 / 100]);
    expect(item('aftersale', 'complaint_rate')).toEqual([0, 2.2 / 100]);
    expect(item('presale', 'avg_order_value')).toEqual([331.6, 251.2]);
    expect(item('presale', 'aov_uplift')).toEqual([10 / 100, -10 / 100]);
    expect(item('community', 'first_response_time')).toEqual([26, 43]);
  });

  it('learns from published months only, and names the results folders left out for want of a manifest', async () => {
    const results = mkdtempSync(join(tmpdir(), 'scorebook-targets-unpublished-'));
    mkdirSync(join(results, '2026-10'));
    writeFileSync(
      join(results, '2026-10', 'results.json'),
      readFileSync(join(root, 'data/results/2026-10/results.json')),
    );
    const cwd = process.cwd();
    process.chdir(root);
    try {
      const r = await runCli(
        'suggest-targets',
        '--policies',
        'configs/policies/ecommerce-cs',
        '--data',
        'data/sample',
        '--results',
        results,
        '--lang',
        'en',
      );
      expect([r.code, r.stdout, r.stderr.split('\n')]).toEqual([
        1,
        '',
        [
          `✗ ${results} has no published month of the policy ecommerce-cs: no targets can be suggested.`,
          'Not learned from (a results.json but no manifest.json: evaluated, not published): 2026-10. Only published months count; publish a month to learn from it.',
          '',
        ],
      ]);
    } finally {
      process.chdir(cwd);
    }
  });
});
