import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type EvaluateOptions, evaluate, serializeEvaluation, textOf } from '../src/index.ts';
import { AGENTS, basePolicy, csv, writeScenario } from './scenario.ts';

// Metrics over messages (礼貌用语使用频率) and distinct counts (customers served), docs/messages.md.

const root = fileURLToPath(new URL('../../../', import.meta.url));
const SPREAD = { threads: 2, pieceBytes: 200, minBytes: 0 } as const;

const METRICS = `metrics:
  - id: politeness_rate
    title: 礼貌用语使用频率
    kind: ratio
    better: higher
    numerator:
      table: messages
      where: { all: [{ fact: text, operator: containsAny, value: ["您好", "请", "谢谢", "抱歉", "thanks"] }] }
    denominator: { table: messages }
  - id: polite_messages
    title: 礼貌消息数
    kind: count
    better: higher
    table: messages
    where: { all: [{ fact: text, operator: containsAny, value: ["您好", "请", "谢谢", "抱歉", "thanks"] }] }
  - id: customers_served
    title: 服务客户数
    kind: distinct_count
    better: higher
    table: conversations
    field: customer_id
  - id: chat_customers
    title: 在线咨询客户数
    kind: distinct_count
    better: higher
    table: conversations
    field: customer_id
    where: { all: [{ fact: channel, operator: equal, value: chat }] }
`;
const SCORECARDS = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: politeness_rate, weight: 50, target: 100%, floor: 0% }
      - { metric: customers_served, weight: 50, target: 4, floor: 0 }
`;
const POLICY = basePolicy({ metrics: METRICS, scorecards: SCORECARDS });

const CONVERSATIONS = csv(
  'conversation_id,agent_id,channel,started_at,customer_id',
  'c1,a1,chat,2026-10-05T10:00:00+08:00,u1',
  'c2,a1,chat,2026-10-06T10:00:00+08:00,u1',
  'c3,a1,phone,2026-10-07T10:00:00+08:00,U1',
  'c4,a1,chat,2026-10-08T10:00:00+08:00,',
  'c5,a2,chat,2026-10-09T10:00:00+08:00,',
  'c6,a2,chat,2026-09-30T10:00:00+08:00,u9',
);
const MESSAGES = csv(
  'conversation_id,sent_at,sender,agent_id,text',
  'c1,2026-10-05T10:00:00+08:00,customer,,请问在吗',
  'c1,2026-10-05T10:00:10+08:00,agent,a1,"您好,请稍等"',
  // Full-width Latin letters and upper case read as "thanks".
  'c1,2026-10-05T10:00:20+08:00,agent,a1,ＴＨＡＮＫＳ!',
  'c1,2026-10-05T10:00:30+08:00,agent,a1,已为您处理',
  'c2,2026-10-06T10:00:10+08:00,bot,,"您好,我是机器人"',
  'c2,2026-10-06T10:00:20+08:00,system,,请评价本次服务',
  'c2,2026-10-06T10:00:30+08:00,agent,a1,谢 谢',
  'c3,2026-10-07T10:00:30+08:00,agent,a1,非常抱歉',
  'c3,2026-10-07T10:00:40+08:00,agent,a1,',
  'c5,2026-10-09T10:00:10+08:00,agent,a2,好的',
  // Before the period: read for derivation, never counted.
  'c6,2026-09-30T10:00:10+08:00,agent,a2,您好',
);

describe('metrics over messages and distinct counts', { timeout: 120_000 }, () => {
  it('count the agents’ messages of the period with containsAny, and distinct non-null customer ids', async () => {
    const { policiesDir, dataDir } = writeScenario({
      policy: POLICY,
      tables: { agents: AGENTS, conversations: CONVERSATIONS, messages: MESSAGES },
    });
    const { results, explanations } = await evaluate({ policiesDir, dataDir, period: '2026-10' });
    const [a1, a2] = results.agents;
    // a1: 6 agent messages of the period (bot and system left out, customer's too); 您好/请,
    // ＴＨＡＮＫＳ and 抱歉 match, "谢 谢" (split) and the empty text do not: 3 of 6.
    expect(a1?.metrics.politeness_rate).toMatchObject({ value: 0.5, sample: 6, status: 'scored' });
    expect(a1?.metrics.polite_messages).toMatchObject({ value: 3, sample: 3, status: 'info' });
    // u1 twice and U1 (compared exactly, case matters), c4 without a customer: 2 distinct of 3 rows.
    expect(a1?.metrics.customers_served).toMatchObject({ value: 2, sample: 3, score: 50 });
    expect(a1?.metrics.chat_customers).toMatchObject({ value: 1, sample: 2 });
    // a2: one agent message, not polite; no customer id at all: 0, not null, on a sample of 0
    // rows, below the default min_sample of 1; September's u9 is out.
    expect(a2?.metrics.politeness_rate).toMatchObject({ value: 0, sample: 1, score: 0 });
    expect(a2?.metrics.customers_served).toMatchObject({ value: 0, sample: 0, status: 'insufficient' });
    const evidence = explanations.agents[0]?.metrics.politeness_rate?.evidence;
    expect(evidence?.role).toBe('against');
    expect(evidence?.total).toBe(3);
    expect(evidence?.records.map((r) => [r.line, r.fields.text ?? null])).toEqual([
      [5, '已为您处理'],
      [8, '谢 谢'],
      [10, null],
    ]);
    // The first conversation of each distinct customer, in file order.
    const customers = explanations.agents[0]?.metrics.customers_served?.evidence;
    expect(customers?.records.map((r) => r.fields.customer_id)).toEqual(['u1', 'U1']);
  });

  it('give an info distinct count no data when no file has the field (a scored one stops the run)', async () => {
    const info = basePolicy({
      metrics: METRICS,
      scorecards: SCORECARDS.replace(
        '      - { metric: customers_served, weight: 50, target: 4, floor: 0 }\n',
        '      - { metric: polite_messages, weight: 50, target: 4, floor: 0 }\n',
      ),
    });
    const { policiesDir, dataDir } = writeScenario({
      policy: info,
      tables: {
        agents: AGENTS,
        conversations: csv(
          'conversation_id,agent_id,channel,started_at',
          'c1,a1,chat,2026-10-05T10:00:00+08:00',
        ),
        messages: csv(
          'conversation_id,sent_at,sender,agent_id,text',
          'c1,2026-10-05T10:00:10+08:00,agent,a1,您好',
        ),
      },
    });
    const { results } = await evaluate({ policiesDir, dataDir, period: '2026-10' });
    expect(results.agents[0]?.metrics.customers_served).toMatchObject({
      value: null,
      sample: 0,
      status: 'info',
    });
    expect(results.agents[0]?.metrics.politeness_rate).toMatchObject({ value: 1, sample: 1 });
  });

  it('give the same bytes read in one thread and spread over pieces on worker threads', async () => {
    const { policiesDir, dataDir } = writeScenario({
      policy: POLICY,
      tables: { agents: AGENTS, conversations: CONVERSATIONS, messages: MESSAGES },
    });
    await sameBothWays({ policiesDir, dataDir, period: '2026-10' });
  });

  it('give the 2027 sample policy the same values on data/sample and its help-desk export, one thread or two', async () => {
    // The 2027.01 version of wecom-community, as if it had governed October 2026.
    const policy = readFileSync(`${root}configs/policies/wecom-community/2027-01-01.yaml`, 'utf8').replace(
      'effective_from: 2027-01-01',
      'effective_from: 2026-10-01',
    );
    const { policiesDir } = writeScenario({ policy, tables: {} });
    const sample = await sameBothWays({ policiesDir, dataDir: `${root}data/sample`, period: '2026-10' });
    const exported = await sameBothWays({
      policiesDir,
      dataDir: `${root}data/examples/helpdesk-2026-10`,
      period: '2026-10',
    });
    const metric = (e: typeof sample, agent: string, id: string) =>
      e.results.agents.find((a) => a.agent_id === agent)?.metrics[id];
    expect(metric(sample, 'a0001', 'politeness_rate')).toMatchObject({
      value: 19 / 79,
      sample: 79,
      score: 70.25316455696203,
    });
    expect(metric(exported, 'a0001', 'politeness_rate')).toEqual(metric(sample, 'a0001', 'politeness_rate'));
    // data/sample has no customer ids; the export's 访客ID column is one per conversation.
    expect(metric(sample, 'a0001', 'customers_served')).toMatchObject({ value: null, status: 'info' });
    expect(metric(exported, 'a0001', 'customers_served')).toMatchObject({
      value: 44,
      sample: 44,
      status: 'info',
    });
    const served = exported.results.agents.reduce((n, a) => n + (a.metrics.customers_served?.value ?? 0), 0);
    expect(served).toBe(2203);
    expect(exported.results.agents.map((a) => a.grade)).toEqual(sample.results.agents.map((a) => a.grade));
  });

  it('are measured by the SQL engine as by the TypeScript engine, byte for byte, read in one thread', async () => {
    const { policiesDir, dataDir } = writeScenario({
      policy: POLICY,
      tables: { agents: AGENTS, conversations: CONVERSATIONS, messages: MESSAGES },
    });
    const options = { policiesDir, dataDir, period: '2026-10' };
    const ts = serializeEvaluation(await evaluate(options));
    // Asked to spread messages over worker threads, the SQL engine reads them in one.
    const sql = serializeEvaluation(await evaluate({ ...options, engine: 'duckdb', parallel: SPREAD }));
    expect(sql).toEqual(ts);
    const agents: Array<{ metrics: Record<string, { value: number | null }> }> = JSON.parse(
      textOf(ts.get('results.json') ?? []),
    ).agents;
    expect(agents.some((a) => (a.metrics.politeness_rate?.value ?? 0) > 0)).toBe(true);
  });
});

// Evaluates in one thread and over two threads in tiny pieces; the evaluation, once both wrote the same bytes.
async function sameBothWays(options: EvaluateOptions) {
  let pieces = 0;
  const [one, spread] = await Promise.all([
    evaluate({ ...options, parallel: { threads: 1 } }),
    evaluate({
      ...options,
      parallel: SPREAD,
      onProgress: (p) => {
        if ('table' in p && p.table === 'messages' && !p.done) pieces++;
      },
    }),
  ]);
  expect(pieces).toBeGreaterThan(1);
  expect([...serializeEvaluation(spread)]).toEqual([...serializeEvaluation(one)]);
  return one;
}
