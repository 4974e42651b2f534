import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type AgentResult, type Evaluation, evaluate, serializeEvaluation } from '../src/index.ts';

const golden = fileURLToPath(new URL('./fixtures/golden/', import.meta.url));
const expected = JSON.parse(readFileSync(`${golden}expected/2026-10.json`, 'utf8')) as {
  agents: Array<
    Record<string, unknown> & { agent_id: string; metrics: Record<string, Record<string, unknown>> }
  >;
};

function close(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 + 1e-9 * Math.abs(b);
  return JSON.stringify(a) === JSON.stringify(b);
}

describe('the public golden case (2026-10)', () => {
  let evaluation: Evaluation;
  let byId: Map<string, AgentResult>;
  beforeAll(async () => {
    evaluation = await evaluate({
      policiesDir: `${golden}policies/ecommerce-cs`,
      dataDir: `${golden}data`,
      period: '2026-10',
    });
    byId = new Map(evaluation.results.agents.map((a) => [a.agent_id, a]));
  });

  it('lists the same agents', () => {
    expect([...byId.keys()]).toEqual(expected.agents.map((a) => a.agent_id));
  });

  for (const want of expected.agents) {
    it(`reproduces agent ${want.agent_id}`, () => {
      const got = byId.get(want.agent_id)! as unknown as Record<string, unknown> & {
        metrics: Record<string, Record<string, unknown>>;
      };
      for (const key of [
        'scorecard',
        'status',
        'grade',
        'rank',
        'worst_metrics',
        'excluded',
        'adjustments',
      ]) {
        expect(got[key], key).toEqual(want[key]);
      }
      for (const key of ['base_score', 'total_score']) expect(close(got[key], want[key]), key).toBe(true);
      expect(new Set(got.vetoes as string[])).toEqual(new Set(want.vetoes as string[]));
      expect(Object.keys(got.metrics)).toEqual(Object.keys(want.metrics));
      for (const [metric, values] of Object.entries(want.metrics)) {
        for (const field of ['value', 'sample', 'score', 'status', 'weight']) {
          expect(
            close(got.metrics[metric]![field], values[field]),
            `${metric}.${field}: ${got.metrics[metric]![field]} vs ${values[field]}`,
          ).toBe(true);
        }
      }
    });
  }

  it('gives byte-identical files when run twice', async () => {
    const again = await evaluate({
      policiesDir: `${golden}policies/ecommerce-cs`,
      dataDir: `${golden}data`,
      period: '2026-10',
    });
    expect(serializeEvaluation(again)).toEqual(serializeEvaluation(evaluation));
  });

  it('records provenance: policy hash, input hashes and counts, engine version', () => {
    const r = evaluation.results;
    expect(r.policy).toMatchObject({
      id: 'ecommerce-cs',
      version: '2026.10',
      effective_from: '2026-10-01',
      file: '2026-10-01.yaml',
    });
    expect(r.policy.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.period).toMatchObject({
      id: '2026-10',
      start: '2026-10-01T00:00:00+08:00',
      end: '2026-11-01T00:00:00+08:00',
    });
    expect(r.inputs.messages).toMatchObject({
      rows: 4978,
      rejected: 0,
      excluded: { 'courtesy-messages': 127 },
    });
    expect(r.inputs.complaints!.excluded).toEqual({ 'product-defect-complaints': 7 });
    expect(Object.keys(r.inputs)).toEqual([
      'agents',
      'conversations',
      'messages',
      'surveys',
      'complaints',
      'qa_reviews',
      'orders',
      'attendance',
      'assessments',
      'events',
    ]);
    expect(r.engine.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
