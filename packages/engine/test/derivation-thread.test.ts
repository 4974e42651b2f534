import { afterEach, describe, expect, it, vi } from 'vitest';
import { DerivationThread } from '../src/derive/derivation-thread.ts';
import { type EvaluateOptions, evaluate, serializeEvaluation } from '../src/index.ts';
import { random } from './random.ts';
import { AGENTS, basePolicy, csv, writeScenario } from './scenario.ts';

// Derivation on a worker thread (docs/scale.md §1): when messages are read in pieces, customer
// blocks and responses are derived on a worker while the other tables are read, and the metrics
// over responses counted there. The result files must be the bytes one thread gives, for every
// kind of metric over responses (the values of medians and percentiles, the worst rows kept as
// evidence, distinct values), with business hours, with partitions in memory and spilled; and a
// ratio of responses and another table keeps derivation on the main thread.

const SPREAD = { threads: 2, pieceBytes: 400, minBytes: 0 } as const;
const HOURS = `business_hours:
  mon: ["09:00-12:00", "13:00-18:00"]
  tue: ["09:00-12:00", "13:00-18:00"]
  wed: ["09:00-18:00"]
  thu: ["09:00-18:00"]
  fri: ["09:00-17:30"]
  holidays: [2026-10-07]`;
const METRICS = `metrics:
  - { id: resp_median, title: 响应中位数, kind: median, better: lower, unit: seconds, table: responses, field: seconds }
  - { id: resp_p90, title: 响应P90, kind: p90, better: lower, unit: seconds, table: responses, field: seconds, where: { any: [ { fact: is_first, operator: equal, value: true }, { fact: channel, operator: in, value: [email] } ] } }
  - { id: resp_mean, title: 平均响应, kind: mean, better: lower, unit: seconds, table: responses, field: seconds }
  - { id: resp_total, title: 响应总时长, kind: sum, better: lower, unit: seconds, table: responses, field: seconds }
  - { id: fast_replies, title: 快速回复, kind: count, better: higher, unit: count, table: responses, where: { all: [ { fact: seconds, operator: lessThan, value: 120 } ] } }
  - { id: fast_share, title: 快速回复占比, kind: ratio, better: higher, unit: ratio, numerator: { table: responses, where: { all: [ { fact: seconds, operator: lessThan, value: 120 } ] } }, denominator: { table: responses } }
  - { id: answered, title: 有回复的会话, kind: distinct_count, better: higher, unit: count, table: responses, field: conversation_id }
${'MIXED'}`;
// Scored items: weights add up to 100 with or without the mixed ratio (which takes half of `answered`'s).
const SCORED = [
  '{ metric: first_response_time, weight: 10, target: 20s, floor: 600s }',
  '{ metric: avg_response_time, weight: 10, target: 20s, floor: 600s }',
  '{ metric: reply_rate, weight: 10, target: 100%, floor: 50% }',
  '{ metric: resp_median, weight: 10, target: 20s, floor: 600s }',
  '{ metric: resp_p90, weight: 10, target: 20s, floor: 6000s }',
  '{ metric: resp_mean, weight: 10, target: 20s, floor: 6000s }',
  '{ metric: resp_total, weight: 10, target: 0s, floor: 100000s }',
  '{ metric: fast_replies, weight: 10, target: 10, floor: 0 }',
  '{ metric: fast_share, weight: 10, target: 100%, floor: 0% }',
];
const MIXED = `  - { id: replies_per_chat, title: 每会话回复, kind: ratio, better: higher, unit: ratio, numerator: { table: responses }, denominator: { table: conversations } }`;

// A month of three agents' conversations, each with a few customer blocks and replies.
function month(seed: number): Record<string, string> {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const conversations: string[] = [];
  const messages: string[] = [];
  for (let c = 0; c < 60; c++) {
    const agent = pick(['a1', 'a2', 'a3']);
    let t = Date.parse('2026-10-01T00:00:00+08:00') + Math.floor(next() * 30 * 86_400_000);
    const id = `c${c}`;
    conversations.push(`${id},${agent},${pick(['chat', 'email', 'phone'])},${new Date(t).toISOString()}`);
    for (let m = 0; m < 2 + Math.floor(next() * 8); m++) {
      // Equal times on purpose, so that ties of sent_at and of seconds occur.
      t += pick([0, 1000, 45_000, 600_000, 7_200_000]);
      const sender = next() < 0.5 ? 'customer' : 'agent';
      messages.push(
        `${id},${new Date(t).toISOString()},${sender},${sender === 'agent' ? agent : ''},${pick(['在吗', '您好', '谢谢', '好的'])}`,
      );
    }
  }
  return {
    agents: AGENTS,
    conversations: csv('conversation_id,agent_id,channel,started_at', ...conversations),
    messages: csv('conversation_id,sent_at,sender,agent_id,text', ...messages),
  };
}

async function files(options: EvaluateOptions): Promise<unknown> {
  return [...serializeEvaluation(await evaluate(options))];
}

function scenario(seed: number, mixed: boolean): EvaluateOptions {
  const scorecards = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
${SCORED.map((item) => `      - ${item}`).join('\n')}
${
  mixed
    ? `      - { metric: answered, weight: 5, target: 10, floor: 0 }
      - { metric: replies_per_chat, weight: 5, target: 100%, floor: 0% }`
    : '      - { metric: answered, weight: 10, target: 10, floor: 0 }'
}
`;
  const policy = basePolicy({
    businessHours: HOURS,
    metrics: METRICS.replace('MIXED', mixed ? MIXED : ''),
    scorecards,
  });
  const { policiesDir, dataDir } = writeScenario({ policy, tables: month(seed) });
  return {
    policiesDir,
    dataDir,
    period: '2026-10',
    evidenceCap: 3,
    allowMissing: ['surveys', 'complaints', 'qa_reviews', 'orders', 'attendance', 'assessments', 'events'],
  };
}

describe('derivation on a worker thread', { timeout: 120_000 }, () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives the bytes one thread gives, partitions in memory and spilled', async () => {
    const start = vi.spyOn(DerivationThread, 'start');
    for (const seed of [1, 2, 3]) {
      const options = scenario(seed, false);
      const one = await files({ ...options, parallel: { threads: 1 } });
      expect(await files({ ...options, parallel: SPREAD })).toEqual(one);
      const spilled = { conversationsPerPartition: 7, messagesInMemory: 0 };
      expect(await files({ ...options, parallel: SPREAD, spill: spilled })).toEqual(one);
    }
    // Each spread run derived on a worker thread.
    expect(start.mock.results.map((r) => r.value !== null)).toEqual([true, true, true, true, true, true]);
  });

  it('is not used for a ratio of responses and conversations, and the bytes are the same', async () => {
    const start = vi.spyOn(DerivationThread, 'start');
    const options = scenario(4, true);
    const one = await files({ ...options, parallel: { threads: 1 } });
    expect(await files({ ...options, parallel: SPREAD })).toEqual(one);
    expect(start.mock.results.map((r) => r.value)).toEqual([null]);
  });
});
