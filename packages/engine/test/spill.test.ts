import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INPUT_TABLES } from '@scorebook/contract';
import { afterAll, describe, expect, it } from 'vitest';
import { type EvaluateOptions, EvaluationError, evaluate, serializeEvaluation } from '../src/index.ts';
import { awkwardMessages } from './awkward-messages.ts';
import { writeScenario } from './scenario.ts';

// The messages kept for derivation, partitioned by conversation index range and spilled to files
// (docs/scale.md §5.2), must give the bytes that the default gives: every result file, the same
// warnings, or the same stop with the same rejected rows. Partitions are made tiny (one to three
// conversations) so that every conversation's messages are in a partition of few, in memory or
// on disk, and the temporary folder is gone afterwards. The conversations kept in memory for the
// measure stage (the default) must give what reading their files again gives.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const golden = fileURLToPath(new URL('./fixtures/golden/', import.meta.url));
const SPREAD = { threads: 2, pieceBytes: 300, minBytes: 0 } as const;
// The spill folders are made here, so that other evaluations on the machine do not count.
const folder = mkdtempSync(join(tmpdir(), 'scorebook-spill-test-'));
const WAYS: ReadonlyArray<Partial<EvaluateOptions>> = [
  { spill: { conversationsPerPartition: 1, messagesInMemory: 0, folder } },
  { spill: { conversationsPerPartition: 3, messagesInMemory: 5, folder } },
  { spill: { conversationsPerPartition: 2, messagesInMemory: Number.POSITIVE_INFINITY, folder } },
  { spill: { conversationsPerPartition: 3, messagesInMemory: 0, folder }, parallel: SPREAD },
  // The conversations read from the files again instead of kept (docs/scale.md §1), in one
  // thread and in parts; and kept until the third, then read again.
  { spill: { conversationsInMemory: 0, folder } },
  { spill: { conversationsInMemory: 0, folder }, parallel: SPREAD },
  { spill: { conversationsInMemory: 3, folder } },
];

async function outcome(options: EvaluateOptions): Promise<unknown> {
  try {
    const evaluation = await evaluate(options);
    return [...serializeEvaluation(evaluation), ['warnings', JSON.stringify(evaluation.warnings)]];
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    return { problems: error.problems, rejected: error.rejected };
  }
}

// Evaluates with the default partitions and every way of WAYS; the outcome, once all agree.
async function everyWay(options: EvaluateOptions): Promise<unknown> {
  const expected = await outcome({ ...options, parallel: { threads: 1 } });
  for (const way of WAYS)
    expect(await outcome({ parallel: { threads: 1 }, ...options, ...way })).toEqual(expected);
  expect(readdirSync(folder)).toEqual([]);
  return expected;
}

const AGENTS = 'agent_id,name,team,role\na1,张三,售后一组,aftersale\na2,李四,售后一组,aftersale\n';

describe('messages spilled by conversation partitions', { timeout: 600_000 }, () => {
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('give the golden case byte for byte', async () => {
    const files = await everyWay({
      policiesDir: `${golden}policies/ecommerce-cs`,
      dataDir: `${golden}data`,
      period: '2026-10',
    });
    expect((files as Array<[string, string]>).map(([name]) => name)).toContain('results.json');
  });

  it('give the sample company (with its exclusions) and its help-desk export byte for byte', async () => {
    const policiesDir = `${root}configs/policies/ecommerce-cs`;
    const sample = (await everyWay({
      policiesDir,
      dataDir: `${root}data/sample`,
      period: '2026-10',
    })) as Array<[string, string]>;
    const results = JSON.parse(sample.find(([name]) => name === 'results.json')?.[1] ?? '{}') as {
      inputs: Record<string, { excluded: Record<string, number> }>;
    };
    expect(Object.values(results.inputs).some((t) => Object.keys(t.excluded).length > 0)).toBe(true);
    await everyWay({ policiesDir, dataDir: `${root}data/examples/helpdesk-2026-10`, period: '2026-10' });
  });

  it('give the same rejected rows, exclusions and stop; and conversations only messages name', async () => {
    const { conversations, messages } = awkwardMessages(true);
    const { policiesDir, dataDir } = writeScenario({ tables: { agents: AGENTS, conversations, messages } });
    const options = { policiesDir, dataDir, period: '2026-10', allowMissing: INPUT_TABLES };
    const files = (await everyWay({ ...options, maxRejected: { kind: 'percent', value: 5 } })) as Array<
      [string, string]
    >;
    const rejected = JSON.parse(files.find(([name]) => name === 'rejected.json')?.[1] ?? '{}') as {
      total: number;
    };
    expect(rejected.total).toBe(5 + 4 + 4);
    // Stopped after the messages were spilled: the folder is removed all the same.
    const stopped = (await everyWay(options)) as { problems: Array<{ code: string }> };
    expect(stopped.problems.map((p) => p.code)).toEqual(['TOO_MANY_REJECTED']);

    // Without a conversations table, messages make their conversations as they name them.
    const alone = writeScenario({ tables: { agents: AGENTS, messages: messages.replaceAll('nope', 'c8') } });
    const own = (await everyWay({
      ...alone,
      period: '2026-10',
      allowMissing: INPUT_TABLES,
      maxRejected: { kind: 'percent', value: 100 },
    })) as Array<[string, string]>;
    expect(own.map(([name]) => name)).toContain('results.json');
  });

  it('give the SQL engine the same messages', async () => {
    const options: EvaluateOptions = {
      policiesDir: `${golden}policies/ecommerce-cs`,
      dataDir: `${golden}data`,
      period: '2026-10',
      engine: 'duckdb',
    };
    const expected = await outcome(options);
    expect(
      await outcome({ ...options, spill: { conversationsPerPartition: 1, messagesInMemory: 0 } }),
    ).toEqual(expected);
  });
});
