import type { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type EvaluateOptions, evaluate, serializeEvaluation } from '../src/index.ts';
import { MetricTally } from '../src/measure/accumulate.ts';
import { MessageReaders } from '../src/read/parallel-messages.ts';
import { random } from './random.ts';
import { AGENTS, basePolicy, csv, writeScenario } from './scenario.ts';

// The conversations' second read in parts (docs/scale.md §1): when the messages were read in
// pieces, the conversations are read again in as many parts as there are threads, and the
// run's tallies follow the workers' in part order. The result files must be the bytes one
// thread gives, for every kind of metric over conversations but the distinct count (which keeps
// the read in one thread), with business hours (resolution times), converted conversations, a
// ratio of complaints over conversations, evidence cut by the cap; and when a worker stops, its
// part is read on the main thread. All of it twice: the conversations kept in memory (the
// default, parts of their rows by index range) and read from the files again (parts of the files'
// pieces); the bytes to give are those of one thread reading the files again.

const HOURS = `business_hours:
  mon: ["09:00-12:00", "13:00-18:00"]
  tue: ["09:00-12:00", "13:00-18:00"]
  wed: ["09:00-18:00"]
  thu: ["09:00-18:00"]
  fri: ["09:00-17:30"]
  holidays: [2026-10-07]`;
const METRICS = `metrics:
  - { id: handle_median, title: 处理时长中位数, kind: median, better: lower, unit: seconds, table: conversations, field: handle_seconds, where: { all: [ { fact: channel, operator: in, value: [chat, email] } ] } }
  - { id: resolution_p90, title: 解决时长P90, kind: p90, better: lower, unit: seconds, table: conversations, field: resolution_seconds }
  - { id: handle_total, title: 处理总时长, kind: sum, better: lower, unit: seconds, table: conversations, field: handle_seconds }
  - { id: resolved_count, title: 解决数, kind: count, better: higher, unit: count, table: conversations, where: { all: [ { fact: resolved, operator: equal, value: true } ] } }
${'DISTINCT'}`;
const DISTINCT = `  - { id: customers, title: 客户数, kind: distinct_count, better: higher, unit: count, table: conversations, field: customer_id }`;
const SCORED = [
  '{ metric: avg_handle_time, weight: 20, target: 60s, floor: 6000s }',
  '{ metric: fcr, weight: 10, target: 100%, floor: 0% }',
  '{ metric: reply_rate, weight: 10, target: 100%, floor: 50% }',
  '{ metric: sla_on_time_rate, weight: 10, target: 100%, floor: 0% }',
  '{ metric: conversion_rate, weight: 10, target: 50%, floor: 0% }',
  '{ metric: complaint_rate, weight: 10, target: 0%, floor: 50% }',
  '{ metric: handle_median, weight: 10, target: 60s, floor: 6000s }',
  '{ metric: resolution_p90, weight: 10, target: 600s, floor: 600000s }',
  '{ metric: handle_total, weight: 10, target: 0s, floor: 1000000s }',
];

const ISO = (t: number) => new Date(t).toISOString();

// A month of three agents' conversations, with messages, orders and complaints.
function month(seed: number): Record<string, string> {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const conversations: string[] = [];
  const messages: string[] = [];
  const orders: string[] = [];
  const complaints: string[] = [];
  for (let c = 0; c < 80; c++) {
    const agent = pick(['a1', 'a2', 'a3']);
    const start = Date.parse('2026-10-01T00:00:00+08:00') + Math.floor(next() * 30 * 86_400_000);
    const id = `c${c}`;
    // Fractions of seconds and ties, so that the order of additions matters.
    const ended = next() < 0.1 ? '' : ISO(start + pick([0, 333, 1_000, 45_100, 600_000, 7_200_000]));
    const closed = next() < 0.2 ? '' : ISO(start + pick([1_000, 86_400_000, 3 * 86_400_000 + 7]));
    const due = next() < 0.3 ? '' : ISO(start + pick([60_000, 86_400_000]));
    conversations.push(
      [
        id,
        agent,
        pick(['chat', 'email', 'phone']),
        ISO(start),
        ended,
        pick(['true', 'false']),
        pick(['true', 'false', 'false', 'false']),
        pick(['true', 'false', 'false']),
        due,
        closed,
        pick(['', 'u1', 'u2', 'u3']),
      ].join(','),
    );
    let t = start;
    for (let m = 0; m < 1 + Math.floor(next() * 6); m++) {
      t += pick([0, 1000, 45_000, 600_000]);
      const sender = next() < 0.5 ? 'customer' : 'agent';
      messages.push(
        `${id},${ISO(t)},${sender},${sender === 'agent' ? agent : ''},${pick(['在吗', '您好', '谢谢'])}`,
      );
    }
    if (next() < 0.3) orders.push(`o${c},${agent},${id},${ISO(start + 60_000)},${pick([10, 99.5])}`);
    if (next() < 0.15)
      complaints.push(
        `k${c},${agent},${id},${ISO(start + 120_000)},${pick(['service', 'product_defect'])},${pick(['true', 'false'])}`,
      );
  }
  return {
    agents: AGENTS,
    conversations: csv(
      'conversation_id,agent_id,channel,started_at,ended_at,resolved,reopened,transferred,sla_due_at,closed_at,customer_id',
      ...conversations,
    ),
    messages: csv('conversation_id,sent_at,sender,agent_id,text', ...messages),
    orders: csv('order_id,agent_id,conversation_id,placed_at,amount', ...orders),
    complaints: csv('complaint_id,agent_id,conversation_id,filed_at,category,upheld', ...complaints),
  };
}

async function files(options: EvaluateOptions): Promise<unknown> {
  return [...serializeEvaluation(await evaluate(options))];
}

function scenario(seed: number, distinct: boolean): EvaluateOptions {
  const items = distinct
    ? [
        ...SCORED.slice(0, 8),
        '{ metric: handle_total, weight: 5, target: 0s, floor: 1000000s }',
        '{ metric: customers, weight: 5, target: 10, floor: 0 }',
      ]
    : SCORED;
  const scorecards = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
${items.map((item) => `      - ${item}`).join('\n')}
    adjustments:
      - { id: resolved-bonus, metric: resolved_count, points_each: 0.5, max: 5 }
`;
  const policy = basePolicy({
    businessHours: HOURS,
    metrics: METRICS.replace('DISTINCT', distinct ? DISTINCT : ''),
    scorecards,
  });
  const { policiesDir, dataDir } = writeScenario({ policy, tables: month(seed) });
  return {
    policiesDir,
    dataDir,
    period: '2026-10',
    evidenceCap: 3,
    allowMissing: ['surveys', 'qa_reviews', 'attendance', 'assessments', 'events'],
  };
}

// Pieces small enough that the messages are read in pieces; the conversations are cut in parts.
const SPREAD = { threads: 2, pieceBytes: 400, minBytes: 0 } as const;

// One thread, the conversations read from the files again: the bytes every way must give.
const ONE = { parallel: { threads: 1 }, spill: { conversationsInMemory: 0 } } as const;

describe.each([
  ['kept in memory', {}],
  ['read from the files again', { conversationsInMemory: 0 }],
] as const)('the conversations %s, measured in parts', { timeout: 120_000 }, (_, kept) => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('gives the bytes one thread gives, with one worker or two, partitions in memory or spilled', async () => {
    const follow = vi.spyOn(MetricTally.prototype, 'follow');
    for (const seed of [1, 2, 3]) {
      const options = scenario(seed, false);
      const one = await files({ ...options, ...ONE });
      follow.mockClear();
      expect(await files({ ...options, parallel: SPREAD, spill: kept })).toEqual(one);
      // One worker's part, followed by the tally of every metric over conversations (the
      // catalog's and the policy's: at least the policy's eleven); with two workers, twice.
      const metrics = follow.mock.calls.length;
      expect(metrics).toBeGreaterThanOrEqual(11);
      follow.mockClear();
      expect(await files({ ...options, parallel: { ...SPREAD, threads: 3 }, spill: kept })).toEqual(one);
      expect(follow).toHaveBeenCalledTimes(2 * metrics);
      const spilled = { conversationsPerPartition: 7, messagesInMemory: 0, ...kept };
      expect(await files({ ...options, parallel: SPREAD, spill: spilled })).toEqual(one);
    }
  });

  it('stays in one thread with a distinct count over conversations, and the bytes are the same', async () => {
    const follow = vi.spyOn(MetricTally.prototype, 'follow');
    const options = scenario(4, true);
    const one = await files({ ...options, ...ONE });
    expect(await files({ ...options, parallel: SPREAD, spill: kept })).toEqual(one);
    expect(follow).not.toHaveBeenCalled();
  });

  it('reads the part of a worker that stops on the main thread, in its turn', async () => {
    const options = scenario(5, false);
    const one = await files({ ...options, ...ONE });
    const follow = vi.spyOn(MetricTally.prototype, 'follow');
    const running = MessageReaders.prototype.running;
    // Every worker is stopped before it is given its part: a part of kept rows is taken so fast
    // that a worker stopped a turn later may already have answered.
    vi.spyOn(MessageReaders.prototype, 'running').mockImplementation(function (this: MessageReaders) {
      const workers: Worker[] = running.call(this);
      for (const w of workers) void w.terminate();
      return workers;
    });
    expect(await files({ ...options, parallel: { ...SPREAD, threads: 3 }, spill: kept })).toEqual(one);
    expect(follow).not.toHaveBeenCalled();
  });
});
