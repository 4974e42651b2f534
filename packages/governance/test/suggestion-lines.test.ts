import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicyFamily } from '@scorebook/policy';
import { describe, expect, it } from 'vitest';
import { suggestionLines } from '../src/index.ts';

const POLICY = `scorebook: 2
id: t
version: "1"
effective_from: 2026-10-01
title: 考核
timezone: Asia/Shanghai
grades:
  - { grade: A, min_score: 80 }
  - { grade: C, min_score: 0 }
scorecards:
  s:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: fcr, weight: 20, target: 0.85, floor: 0.6 } # bare ratios
      - { metric: csat_rate, weight: 20, target: 90%, floor: 70% }
      - { metric: first_response_time, weight: 20, target: 2m, floor: "10m" }
      - metric: avg_handle_time
        weight: 20
        target: 300
        floor: 0.5h
      - { metric: qa_score, weight: 20, target: 90, floor: 60 }
`;

function policy() {
  const dir = join(mkdtempSync(join(tmpdir(), 'scorebook-lines-')), 't');
  mkdirSync(dir);
  writeFileSync(join(dir, '2026-10-01.yaml'), POLICY);
  const version = loadPolicyFamily(dir).versions[0];
  if (version === undefined) throw new Error('the test policy does not load');
  return version;
}

describe('suggestionLines', () => {
  it('writes each value in the form the file used, keeping the rest of the line', () => {
    const p = policy();
    const item = (metric: string, unit: 'ratio' | 'seconds' | 'score', target: number, floor: number) => ({
      scorecard: 's',
      metric,
      unit,
      suggested: { target, floor },
    });
    const lines = suggestionLines(p, [
      item('fcr', 'ratio', 0.9, -0.05),
      item('csat_rate', 'ratio', 0.935, 0.727),
      item('first_response_time', 'seconds', 150, 43),
      item('avg_handle_time', 'seconds', 280, 1800),
      item('qa_score', 'score', 92.5, 63),
      { scorecard: 's', metric: 'qa_score', unit: 'score' as const, suggested: null },
    ]);
    expect(lines.map((l) => [l.line, l.metric, l.after])).toEqual([
      // A bare ratio stays bare from 0 to 1; below 0 it needs a percentage to be read.
      [15, 'fcr', '      - { metric: fcr, weight: 20, target: 0.9, floor: -5% } # bare ratios'],
      [16, 'csat_rate', '      - { metric: csat_rate, weight: 20, target: 93.5%, floor: 72.7% }'],
      // 150 s is 2.5 minutes; 43 s is no tenth of a minute, so it is written in seconds.
      [
        17,
        'first_response_time',
        '      - { metric: first_response_time, weight: 20, target: 2.5m, floor: 43s }',
      ],
      [20, 'avg_handle_time', '        target: 280'],
      [21, 'avg_handle_time', '        floor: 0.5h'],
      [22, 'qa_score', '      - { metric: qa_score, weight: 20, target: 92.5, floor: 63 }'],
    ]);
    expect(lines[0]?.before).toBe(
      '      - { metric: fcr, weight: 20, target: 0.85, floor: 0.6 } # bare ratios',
    );
    expect(lines[0]?.file).toBe(p.file);
  });
});
