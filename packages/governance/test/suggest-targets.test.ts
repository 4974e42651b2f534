import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluate, serializeEvaluation } from '@scorebook/engine';
import { describe, expect, it } from 'vitest';
import { suggestTargets } from '../src/index.ts';

const POLICY = `scorebook: 2
id: t
version: "1"
effective_from: 2026-10-01
title: 考核
timezone: Asia/Shanghai
grades:
  - { grade: A, min_score: 80 }
  - { grade: B, min_score: 50 }
  - { grade: C, min_score: 0 }
scorecards:
  s:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: qa_score, weight: 100, target: 100, floor: 0 }
`;

describe('suggest-targets', () => {
  it('puts the target at the p75 and the floor at the p10 of the published values, and shows the grades', async () => {
    const root = mkdtempSync(join(tmpdir(), 'scorebook-targets-'));
    const policies = join(root, 'policies', 't');
    const data = join(root, 'data');
    const results = join(root, 'results');
    mkdirSync(policies, { recursive: true });
    mkdirSync(data);
    writeFileSync(join(policies, '2026-10-01.yaml'), POLICY);
    writeFileSync(
      join(data, 'agents.csv'),
      'agent_id,name,team,role\na1,一,组,aftersale\na2,二,组,aftersale\na3,三,组,aftersale\na4,四,组,aftersale\n',
    );
    writeFileSync(
      join(data, 'qa_reviews.csv'),
      'review_id,agent_id,reviewed_at,score\nq1,a1,2026-10-05T10:00:00+08:00,60\nq2,a2,2026-10-05T10:00:00+08:00,70\nq3,a3,2026-10-05T10:00:00+08:00,80\nq4,a4,2026-10-05T10:00:00+08:00,90\n',
    );
    const allowMissing = [
      'conversations',
      'messages',
      'surveys',
      'complaints',
      'orders',
      'attendance',
      'assessments',
      'events',
    ];
    const october = await evaluate({ policiesDir: policies, dataDir: data, period: '2026-10', allowMissing });
    mkdirSync(join(results, '2026-10'), { recursive: true });
    writeFileSync(
      join(results, '2026-10', 'results.json'),
      Buffer.concat(serializeEvaluation(october).get('results.json') ?? []),
    );
    writeFileSync(join(results, '2026-10', 'manifest.json'), '{}\n');
    // An evaluation written into the results root but never published (no manifest): not learned from.
    mkdirSync(join(results, '2026-11'));
    writeFileSync(
      join(results, '2026-11', 'results.json'),
      Buffer.concat(serializeEvaluation(october).get('results.json') ?? []),
    );
    const report = await suggestTargets({
      policiesDir: policies,
      dataDir: data,
      resultsRoot: results,
      allowMissing,
    });
    expect([report.periods, report.unpublished, report.grades]).toEqual([
      ['2026-10'],
      ['2026-11'],
      ['A', 'B', 'C'],
    ]);
    // p75 of 60, 70, 80, 90 is 82.5; p10 is 63.
    expect(report.suggestions).toEqual([
      {
        scorecard: 's',
        metric: 'qa_score',
        unit: 'score',
        better: 'higher',
        values: 4,
        current: { target: 100, floor: 0 },
        suggested: { target: 82.5, floor: 63 },
        // Item scores 60, 70, 80, 90 become 0, 35.9, 87.2, 100.
        lowered: 2,
        raised: 2,
        harsher: false,
        skipped: null,
      },
    ]);
    // Scores 60…90 on 0 → 100: B, B, A, A; on 63 → 82.5: 0, 35.9, 87.2, 100, so C, C, A, A.
    expect(report.mixes).toEqual([
      {
        period: '2026-10',
        current: { A: 2, B: 2, C: 0 },
        suggested: { A: 2, B: 0, C: 2 },
        // Two of four agents fall from B to C: at least a fifth, net.
        agents: 4,
        down: 2,
        up: 0,
        harsher: true,
      },
    ]);
  });
});
