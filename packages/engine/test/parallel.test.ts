import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INPUT_TABLES } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { type EvaluateOptions, EvaluationError, evaluate, serializeEvaluation } from '../src/index.ts';
import { awkwardMessages } from './awkward-messages.ts';
import { writeScenario } from './scenario.ts';

// Reading the messages table on worker threads (docs/scale.md) must give the bytes that one
// thread gives: every result file and the same warnings, or the same stop with the same rejected rows. The pieces are
// made tiny (a few records each) so that every boundary case between pieces occurs.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const golden = fileURLToPath(new URL('./fixtures/golden/', import.meta.url));
const SPREAD = { threads: 2, pieceBytes: 300, minBytes: 0 } as const;

async function outcome(options: EvaluateOptions): Promise<unknown> {
  try {
    const evaluation = await evaluate(options);
    return [
      ...serializeEvaluation(evaluation),
      ['warnings', JSON.stringify(evaluation.warnings)],
      ['cutOff', JSON.stringify(evaluation.cutOff)],
    ];
  } catch (error) {
    if (!(error instanceof EvaluationError)) throw error;
    return { problems: error.problems, rejected: error.rejected };
  }
}

// Evaluates in one thread and spread over two; the outcome, once both agree.
async function bothWays(options: EvaluateOptions, spreads = true): Promise<unknown> {
  let pieces = 0;
  const onProgress: EvaluateOptions['onProgress'] = (p) => {
    if ('table' in p && p.table === 'messages' && !p.done) pieces++;
  };
  const [one, spread] = await Promise.all([
    outcome({ ...options, parallel: { threads: 1 } }),
    outcome({ ...options, parallel: SPREAD, onProgress }),
  ]);
  expect(spread).toEqual(one);
  // Each piece read on a worker is reported as it is added; one thread reports none this small.
  if (spreads) expect(pieces).toBeGreaterThan(1);
  return one;
}

const AGENTS = 'agent_id,name,team,role\na1,张三,售后一组,aftersale\na2,李四,售后一组,aftersale\n';
const CONV = 'conversation_id,agent_id,channel,started_at\n';

describe('messages read on worker threads', { timeout: 120_000 }, () => {
  it('give the golden case byte for byte (JSON Lines messages)', async () => {
    const files = await bothWays({
      policiesDir: `${golden}policies/ecommerce-cs`,
      dataDir: `${golden}data`,
      period: '2026-10',
    });
    expect((files as Array<[string, string]>).map(([name]) => name)).toContain('results.json');
  });

  it('give the sample company and its help-desk export byte for byte (CSV, GB18030, a source)', async () => {
    const policiesDir = `${root}configs/policies/ecommerce-cs`;
    await bothWays({ policiesDir, dataDir: `${root}data/sample`, period: '2026-10' });
    await bothWays({ policiesDir, dataDir: `${root}data/examples/helpdesk-2026-10`, period: '2026-10' });
  });

  it('give the same rejected rows, quoted cells over several lines and exclusions', async () => {
    const { conversations, messages } = awkwardMessages(false);
    const { policiesDir, dataDir } = writeScenario({ tables: { agents: AGENTS, conversations, messages } });
    const options = { policiesDir, dataDir, period: '2026-10', allowMissing: INPUT_TABLES };
    const files = (await bothWays({ ...options, maxRejected: { kind: 'percent', value: 5 } })) as Array<
      [string, string]
    >;
    const rejected = JSON.parse(files.find(([name]) => name === 'rejected.json')?.[1] ?? '{}') as {
      total: number;
    };
    expect(rejected.total).toBe(5 + 4 + 4);
    const warnings = JSON.parse(files.find(([name]) => name === 'warnings')?.[1] ?? '[]') as Array<{
      code: string;
      message: { en: string };
    }>;
    // The rows of the period (10-05 only) cover part of it, and 9 of them are rejected.
    expect(warnings.filter((w) => w.message.en.includes('messages')).map((w) => w.code)).toEqual([
      'PERIOD_PARTLY_COVERED',
      'REJECTED_IN_PERIOD',
    ]);
    const stopped = (await bothWays(options)) as { problems: Array<{ code: string }> };
    expect(stopped.problems.map((p) => p.code)).toEqual(['TOO_MANY_REJECTED']);
  });

  it('stop as one thread does on bytes that are not UTF-8', async () => {
    const { policiesDir, dataDir } = writeScenario({
      tables: { agents: AGENTS, conversations: `${CONV}c1,a1,chat,2026-10-05T10:00:00+08:00\n` },
    });
    const good = 'c1,2026-10-05T10:00:00+08:00,customer,,hi\n'.repeat(30);
    writeFileSync(
      join(dataDir, 'messages.csv'),
      Buffer.concat([
        Buffer.from(`conversation_id,sent_at,sender,agent_id,text\n${good}`),
        Buffer.from([0xff, 0x0a]),
      ]),
    );
    // The worker's piece stops, and the table is read again in one thread, which names the byte.
    const options = { policiesDir, dataDir, period: '2026-10', allowMissing: INPUT_TABLES };
    const stopped = (await bothWays(options, false)) as {
      problems: Array<{ code: string; line: number }>;
    };
    expect(stopped.problems.map((p) => [p.code, p.line])).toEqual([['FILE_NOT_UTF8', 32]]);
  });

  it('stop as one thread does on a bad byte past the first read of its header, with pieces after it', async () => {
    const { policiesDir, dataDir } = writeScenario({
      tables: { agents: AGENTS, conversations: `${CONV}c1,a1,chat,2026-10-05T10:00:00+08:00\n` },
    });
    // 2,000 lines (~86 KB) before the byte: more than the 64 KiB read for the header; 4,000 after.
    const good = (n: number) => 'c1,2026-10-05T10:00:00+08:00,customer,,hi\n'.repeat(n);
    writeFileSync(
      join(dataDir, 'messages.csv'),
      Buffer.concat([
        Buffer.from(
          `conversation_id,sent_at,sender,agent_id,text\n${good(2000)}c1,2026-10-05T10:00:00+08:00,customer,,h`,
        ),
        Buffer.from([0xff, 0x0a]),
        Buffer.from(good(4000)),
      ]),
    );
    const options = { policiesDir, dataDir, period: '2026-10', allowMissing: INPUT_TABLES };
    const stopped = (await bothWays(options, false)) as {
      problems: Array<{ code: string; line: number }>;
    };
    expect(stopped.problems.map((p) => [p.code, p.line])).toEqual([['FILE_NOT_UTF8', 2002]]);
  });

  it('say a file cut off as one thread does: inside a character (a stop), or inside its last line (a row)', async () => {
    const { policiesDir, dataDir } = writeScenario({
      tables: { agents: AGENTS, conversations: `${CONV}c1,a1,chat,2026-10-05T10:00:00+08:00\n` },
    });
    const good = 'c1,2026-10-05T10:00:00+08:00,customer,,hi\n'.repeat(3000);
    const options = { policiesDir, dataDir, period: '2026-10', allowMissing: INPUT_TABLES };
    const file = join(dataDir, 'messages.csv');
    // The last piece ends inside 你 (E4 BD A0), cut after two of its bytes.
    writeFileSync(
      file,
      Buffer.concat([
        Buffer.from(
          `conversation_id,sent_at,sender,agent_id,text\n${good}c1,2026-10-05T10:00:00+08:00,customer,,`,
        ),
        Buffer.from([0xe4, 0xbd]),
      ]),
    );
    const stopped = (await bothWays(options, false)) as { problems: Array<{ code: string; line: number }> };
    expect(stopped.problems.map((p) => [p.code, p.line])).toEqual([['FILE_TRUNCATED', 3002]]);
    // The last line cut before its last cells, without a line break: a rejected row that says so.
    writeFileSync(file, `conversation_id,sent_at,sender,agent_id,text\n${good}c1,2026-10-05T10:0`);
    const files = (await bothWays({ ...options, maxRejected: { kind: 'rows', value: 5 } })) as Array<
      [string, string]
    >;
    const rejected = JSON.parse(files.find(([name]) => name === 'rejected.json')?.[1] ?? '{}') as {
      rows: Array<{ line: number; code: string; message: { en: string } }>;
    };
    expect(rejected.rows.map((r) => [r.line, r.code])).toEqual([[3002, 'FIELD_COUNT']]);
    expect(rejected.rows[0]?.message.en).toContain(
      "it is the file's last line and the file does not end with a line break",
    );
    // And the run warns of the file cut off, once, at the same place both ways (bothWays compares them).
    const warnings = JSON.parse(files.find(([name]) => name === 'warnings')?.[1] ?? '[]') as Array<{
      code: string;
      file: string | null;
      line: number | null;
    }>;
    expect(warnings.filter((w) => w.code === 'FILE_CUT_OFF').map((w) => [w.file, w.line])).toEqual([
      ['messages.csv', 3002],
    ]);
    expect(JSON.parse(files.find(([name]) => name === 'cutOff')?.[1] ?? '[]')).toEqual([
      { table: 'messages', file: 'messages.csv', line: 3002 },
    ]);
  });
});
