import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Evaluation, evaluate, serializeEvaluation } from '../src/index.ts';
import { csv, writeScenario } from './scenario.ts';
import { v2Policy } from './v2.ts';

// A chain of published months across a version change (docs/history.md): each month reads the
// month before as it was published, history facts included, and never re-scores it with the
// version in force now. Version "1" (from January) scores QA from a floor of 50, version "2"
// (from October) from 0.
const METRICS = `metrics:
  - id: qa_uplift
    title: 质检提升率
    kind: formula
    better: higher
    unit: ratio
    formula: (qa_score - history.prev.qa_score) / history.prev.qa_score
  - id: prev_uplift
    title: 上期质检提升率
    kind: formula
    better: higher
    unit: ratio
    formula: history.prev.qa_uplift
  - id: prev_total
    title: 上期总分
    kind: formula
    better: higher
    formula: history.prev.total_score
`;
const card = (floor: number) => `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: qa_score, weight: 100, target: 100, floor: ${floor} }
`;
const V1 = v2Policy(card(50), METRICS);
const V2 = v2Policy(card(0), METRICS)
  .replace('version: "1"', 'version: "2"')
  .replace('effective_from: 2026-01-01', 'effective_from: 2026-10-01');

const tables = {
  agents: csv('agent_id,name,team,role', 'a1,张三,一组,aftersale'),
  qa_reviews: csv(
    'review_id,agent_id,reviewed_at,score',
    'q1,a1,2026-08-05T10:00:00+08:00,80',
    'q2,a1,2026-09-05T10:00:00+08:00,90',
    'q3,a1,2026-10-05T10:00:00+08:00,99',
    'q4,a1,2026-11-05T10:00:00+08:00,90',
  ),
};
const MISSING = [
  'conversations',
  'messages',
  'surveys',
  'complaints',
  'orders',
  'attendance',
  'assessments',
  'events',
];

function setup() {
  const dirs = writeScenario({ policy: V1, tables });
  writeFileSync(join(dirs.policiesDir, '2026-10-01.yaml'), V2);
  const root = mkdtempSync(join(tmpdir(), 'scorebook-history-chain-'));
  const run = (period: string, history = true) =>
    evaluate({ ...dirs, allowMissing: MISSING, period, history: history && { resultsDir: root } });
  return { root, run };
}

/** Writes an evaluation into the results root as a published period; gives its results' sha256. */
function publish(root: string, period: string, e: Evaluation): string {
  const bytes = Buffer.concat(serializeEvaluation(e).get('results.json') ?? []);
  mkdirSync(join(root, period));
  writeFileSync(join(root, period, 'results.json'), bytes);
  writeFileSync(join(root, period, 'manifest.json'), '{}\n');
  return createHash('sha256').update(bytes).digest('hex');
}

const metric = (e: Evaluation, id: string) => e.results.agents[0]?.metrics[id]?.value;

describe('a history chain across a policy-version change', () => {
  it('reads each published month as published: its history facts and its old version’s scores', async () => {
    const { root, run } = setup();
    // September (version 1) reads August, evaluated: (90 − 80) ÷ 80 = 0.125; total (90 − 50) ÷ 50 = 80.
    const september = await run('2026-09');
    expect(metric(september, 'qa_uplift')).toBe(0.125);
    expect(september.results.agents[0]?.total_score).toBe(80);
    const septemberSha = publish(root, '2026-09', september);

    // October (version 2) reads September as published, scored by version 1: 80, not the 90
    // version 2 would give; and September's own uplift, which came from August.
    const october = await run('2026-10');
    expect(october.policy.version).toBe('2');
    expect(metric(october, 'qa_uplift')).toBe(0.1);
    expect(metric(october, 'prev_uplift')).toBe(0.125);
    expect(metric(october, 'prev_total')).toBe(80);
    expect(october.results.history).toEqual([
      {
        period: '2026-09',
        source: 'published',
        file: '2026-09/results.json',
        sha256: septemberSha,
        policy: { id: 'v2', version: '1' },
        problem: null,
      },
    ]);
    const octoberSha = publish(root, '2026-10', october);

    // November reads October, published: the chain goes on.
    const november = await run('2026-11');
    expect(metric(november, 'qa_uplift')).toBe(-9 / 99);
    expect(metric(november, 'prev_uplift')).toBe(0.1);
    expect(metric(november, 'prev_total')).toBe(99);
    expect(november.results.history?.[0]).toMatchObject({
      period: '2026-10',
      source: 'published',
      sha256: octoberSha,
      policy: { id: 'v2', version: '2' },
    });
  });

  it('evaluates an unpublished predecessor without history of its own: its history facts are null', async () => {
    const { root, run } = setup();
    publish(root, '2026-09', await run('2026-09'));
    const october = await run('2026-10');
    // October is not published: November evaluates it with version 2 and no history, so
    // October's uplift (which reads September) is null there, while its QA and total are known.
    const november = await run('2026-11');
    expect(metric(november, 'qa_uplift')).toBe(-9 / 99);
    expect(metric(november, 'prev_uplift')).toBe(null);
    expect(metric(november, 'prev_total')).toBe(99);
    expect(november.results.history).toEqual([
      {
        period: '2026-10',
        source: 'evaluated',
        file: null,
        sha256: createHash('sha256')
          .update(Buffer.concat(serializeEvaluation(await run('2026-10', false)).get('results.json') ?? []))
          .digest('hex'),
        policy: { id: 'v2', version: '2' },
        problem: null,
      },
    ]);
    // Published, the same October gives November its uplift.
    publish(root, '2026-10', october);
    expect(metric(await run('2026-11'), 'prev_uplift')).toBe(0.1);
    rmSync(join(root, '2026-10'), { recursive: true });
    expect(metric(await run('2026-11'), 'prev_uplift')).toBe(null);
  });
});
