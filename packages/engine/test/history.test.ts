import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, serializeEvaluation, textOf } from '../src/index.ts';
import { csv, writeScenario } from './scenario.ts';
import { v2Policy } from './v2.ts';

const METRICS = `metrics:
  - id: qa_uplift
    title: 质检提升率
    kind: formula
    better: higher
    unit: ratio
    formula: (qa_score - history.prev.qa_score) / history.prev.qa_score
  - id: qa_vs_mean
    title: 质检比近两期均值
    kind: formula
    better: higher
    formula: qa_score - history.mean2.qa_score
`;
const card = (floor: number) => `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: qa_score, weight: 100, target: 100, floor: ${floor} }
    flags:
      - id: steady
        label: 连续两期 B 或以上
        when: { all: [{ fact: history.streak.B, operator: greaterThanInclusive, value: 2 }] }
      - id: was-d
        label: 上期为 D
        when: { all: [{ fact: history.prev.grade, operator: equal, value: D }] }
`;
// Version "1" from January; version "2" from September scores the same QA from a lower floor.
const V1 = v2Policy(card(50), METRICS);
const V2 = V1.replace('version: "1"', 'version: "2"')
  .replace('effective_from: 2026-01-01', 'effective_from: 2026-09-01')
  .replace('floor: 50 }', 'floor: 0 }');

const tables = {
  agents: csv('agent_id,name,team,role', 'a1,张三,一组,aftersale', 'a2,李四,一组,aftersale'),
  qa_reviews: csv(
    'review_id,agent_id,reviewed_at,score',
    'q1,a1,2026-08-05T10:00:00+08:00,80',
    'q2,a2,2026-08-05T10:00:00+08:00,40',
    'q3,a1,2026-09-05T10:00:00+08:00,90',
    'q4,a2,2026-09-05T10:00:00+08:00,60',
    'q5,a1,2026-10-05T10:00:00+08:00,99',
    'q6,a2,2026-10-05T10:00:00+08:00,30',
  ),
};

function setup(): { policiesDir: string; dataDir: string } {
  const dirs = writeScenario({ policy: V1, tables });
  writeFileSync(join(dirs.policiesDir, '2026-09-01.yaml'), V2);
  return dirs;
}
const base = (dirs: { policiesDir: string; dataDir: string }) => ({
  ...dirs,
  allowMissing: [
    'conversations',
    'messages',
    'surveys',
    'complaints',
    'orders',
    'attendance',
    'assessments',
    'events',
  ],
});

describe('history facts', () => {
  it('evaluate an unpublished predecessor with the version in force for it, and say so', async () => {
    const dirs = setup();
    const e = await evaluate({ ...base(dirs), period: '2026-10', history: { resultsDir: null } });
    const by = (id: string) => e.results.agents.find((a) => a.agent_id === id);
    // a1: (99 − 90) ÷ 90; the mean of September's 90 and August's 80 is 85.
    expect(by('a1')?.metrics.qa_uplift?.value).toBe(0.1);
    expect(by('a1')?.metrics.qa_vs_mean?.value).toBe(14);
    expect(by('a2')?.metrics.qa_uplift?.value).toBe(-0.5);
    const september = await evaluate({ ...base(dirs), period: '2026-09', history: false });
    const august = await evaluate({ ...base(dirs), period: '2026-08', history: false });
    const sha = (x: typeof september) =>
      createHash('sha256')
        .update(Buffer.concat(serializeEvaluation(x).get('results.json') ?? []))
        .digest('hex');
    expect(e.results.history?.slice(0, 2)).toEqual([
      {
        period: '2026-09',
        source: 'evaluated',
        file: null,
        sha256: sha(september),
        policy: { id: 'v2', version: '2' },
        problem: null,
      },
      {
        period: '2026-08',
        source: 'evaluated',
        file: null,
        sha256: sha(august),
        policy: { id: 'v2', version: '1' },
        problem: null,
      },
    ]);
    // A streak looks back 12 periods: before January no version is in force.
    expect(e.results.history?.length).toBe(12);
    expect(e.results.history?.[11]).toEqual({
      period: '2025-10',
      source: 'missing',
      file: null,
      sha256: null,
      policy: null,
      problem: 'NO_VERSION_FOR_PERIOD',
    });
    // Grades: September under version 2 scores a1 90 (A), a2 60 (C); August under version 1 a1 60
    // (C), a2 0 (D). a1's streak at B or better is 1; a2 was C in September, not D.
    expect([by('a1')?.flags, by('a2')?.flags]).toEqual([[], []]);
    const explained = e.explanations.agents.find((a) => a.agent_id === 'a1')?.formulas?.qa_vs_mean;
    expect(explained?.reads[1]).toEqual({
      name: 'history.mean2.qa_score',
      value: 85,
      periods: ['2026-09', '2026-08'],
    });
  });

  it('read a published predecessor from the results root, with its sha256', async () => {
    const dirs = setup();
    const root = mkdtempSync(join(tmpdir(), 'scorebook-history-'));
    mkdirSync(join(root, '2026-09'));
    const september = await evaluate({ ...base(dirs), period: '2026-09', history: false });
    // The published file is what counts: its a2 was graded D and its a1 had 72.
    const published = JSON.parse(textOf(serializeEvaluation(september).get('results.json') ?? []));
    published.agents[1].grade = 'D';
    published.agents[0].metrics.qa_score.value = 72;
    const bytes = `${JSON.stringify(published, null, 2)}\n`;
    writeFileSync(join(root, '2026-09', 'results.json'), bytes);
    writeFileSync(join(root, '2026-09', 'manifest.json'), '{}\n');
    // August was published under another policy: it is evaluated with this one.
    const other = { ...published, policy: { ...published.policy, id: 'other' } };
    mkdirSync(join(root, '2026-08'));
    writeFileSync(join(root, '2026-08', 'results.json'), `${JSON.stringify(other, null, 2)}\n`);
    writeFileSync(join(root, '2026-08', 'manifest.json'), '{}\n');
    const e = await evaluate({ ...base(dirs), period: '2026-10', history: { resultsDir: root } });
    const by = (id: string) => e.results.agents.find((a) => a.agent_id === id);
    expect(e.results.history?.[1]).toMatchObject({ period: '2026-08', source: 'evaluated', file: null });
    expect(e.results.history?.[0]).toEqual({
      period: '2026-09',
      source: 'published',
      file: '2026-09/results.json',
      sha256: createHash('sha256')
        .update(readFileSync(join(root, '2026-09', 'results.json')))
        .digest('hex'),
      policy: { id: 'v2', version: '2' },
      problem: null,
    });
    expect(by('a1')?.metrics.qa_uplift?.value).toBe(0.375);
    expect(by('a2')?.flags).toEqual(['was-d']);
  });

  it('count a streak of grades at or above a tier, newest first', async () => {
    const dirs = setup();
    const root = mkdtempSync(join(tmpdir(), 'scorebook-history-'));
    const september = await evaluate({ ...base(dirs), period: '2026-09', history: false });
    const august = await evaluate({ ...base(dirs), period: '2026-08', history: false });
    for (const [period, x, grade] of [
      ['2026-09', september, 'A'],
      ['2026-08', august, 'B'],
    ] as const) {
      const published = JSON.parse(textOf(serializeEvaluation(x).get('results.json') ?? []));
      published.agents[0].grade = grade;
      mkdirSync(join(root, period));
      writeFileSync(join(root, period, 'results.json'), `${JSON.stringify(published, null, 2)}\n`);
      writeFileSync(join(root, period, 'manifest.json'), '{}\n');
    }
    const e = await evaluate({ ...base(dirs), period: '2026-10', history: { resultsDir: root } });
    expect(e.results.agents.find((a) => a.agent_id === 'a1')?.flags).toEqual(['steady']);
  });
});
