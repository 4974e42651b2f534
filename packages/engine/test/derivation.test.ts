import { describe, expect, it } from 'vitest';
import { AGENTS, basePolicy, csv, runScenario } from './scenario.ts';

const conversation = (id: string, agent: string, started: string) => `${id},${agent},chat,${started},,,,,,`;
const CONV_HEADER =
  'conversation_id,agent_id,channel,started_at,ended_at,resolved,reopened,transferred,sla_due_at,closed_at';

function messages(conversationId: string, list: Array<[string, string, string?, string?]>) {
  return list.map(([sent_at, sender, text, agent_id]) => ({
    conversation_id: conversationId,
    sent_at,
    sender,
    text: text ?? '',
    ...(agent_id ? { agent_id } : {}),
  }));
}

describe('customer blocks and responses', () => {
  it('measures a multi-message block from its first message to the first agent reply; bots do not count', async () => {
    const e = await runScenario({
      tables: {
        agents: AGENTS,
        conversations: csv(CONV_HEADER, conversation('c1', 'a1', '2026-10-05T10:00:00+08:00')),
        messages: messages('c1', [
          ['2026-10-05T10:00:00+08:00', 'customer', '在吗'],
          ['2026-10-05T10:00:05+08:00', 'bot', '您好,客服马上为您服务'],
          ['2026-10-05T10:00:10+08:00', 'customer', '我的快递到哪了'],
          ['2026-10-05T10:00:30+08:00', 'agent', '我来查一下', 'a1'],
          ['2026-10-05T10:01:00+08:00', 'customer', '好的,多久'],
          ['2026-10-05T10:01:40+08:00', 'agent', '明天送达', 'a1'],
        ]),
      },
    });
    const a1 = e.results.agents.find((a) => a.agent_id === 'a1')!;
    expect(a1.metrics.first_response_time).toMatchObject({ value: 30, sample: 1 });
    expect(a1.metrics.avg_response_time).toMatchObject({ value: 35, sample: 2 });
    expect(a1.metrics.reply_rate).toMatchObject({ value: 1, sample: 1 });
  });

  it('lets a courtesy message close a conversation without a reply, but not a near miss', async () => {
    const e = await runScenario({
      tables: {
        agents: AGENTS,
        conversations: csv(
          CONV_HEADER,
          conversation('c1', 'a1', '2026-10-05T10:00:00+08:00'),
          conversation('c2', 'a1', '2026-10-05T11:00:00+08:00'),
        ),
        messages: [
          ...messages('c1', [
            ['2026-10-05T10:00:00+08:00', 'customer', '退货怎么办'],
            ['2026-10-05T10:00:20+08:00', 'agent', '点申请退货', 'a1'],
            ['2026-10-05T10:01:00+08:00', 'customer', ' 谢谢～ '],
          ]),
          ...messages('c2', [
            ['2026-10-05T11:00:00+08:00', 'customer', '退货怎么办'],
            ['2026-10-05T11:00:20+08:00', 'agent', '点申请退货', 'a1'],
            ['2026-10-05T11:01:00+08:00', 'customer', '谢谢,还有个问题'],
          ]),
        ],
      },
    });
    const a1 = e.results.agents.find((a) => a.agent_id === 'a1')!;
    expect(a1.metrics.reply_rate).toMatchObject({ value: 0.5, sample: 2 });
    expect(a1.metrics.unreplied_rate).toMatchObject({ value: 0.5, sample: 2 });
    expect(a1.excluded).toEqual({ courtesy: 1 });
    expect(e.results.inputs.messages!.excluded).toEqual({ courtesy: 1 });
  });

  it('names when the unanswered block started (unanswered_since) in the reply rate’s evidence, on both engines', async () => {
    const tables = {
      agents: AGENTS,
      conversations: csv(
        CONV_HEADER,
        conversation('c1', 'a1', '2026-10-05T10:00:00+08:00'),
        conversation('c2', 'a1', '2026-10-05T11:00:00+08:00'),
        conversation('c3', 'a1', '2026-10-05T12:00:00+08:00'),
      ),
      messages: [
        ...messages('c1', [
          ['2026-10-05T10:00:00+08:00', 'customer', '退货怎么办'],
          ['2026-10-05T10:00:20+08:00', 'agent', '点申请退货', 'a1'],
        ]),
        // Answered once, then a block of two customer messages no agent answered: it started at
        // the first of them.
        ...messages('c2', [
          ['2026-10-05T11:00:00+08:00', 'customer', '在吗'],
          ['2026-10-05T11:00:20+08:00', 'agent', '在的', 'a1'],
          ['2026-10-05T11:01:00+08:00', 'customer', '还有个问题'],
          ['2026-10-05T11:01:30+08:00', 'bot', '请稍候'],
          ['2026-10-05T11:02:00+08:00', 'customer', '人呢'],
        ]),
        // The courtesy message after the reply is excluded and opens no block: replied.
        ...messages('c3', [
          ['2026-10-05T12:00:00+08:00', 'customer', '发票'],
          ['2026-10-05T12:00:30+08:00', 'agent', '已开', 'a1'],
          ['2026-10-05T12:01:00+08:00', 'customer', '谢谢'],
        ]),
      ],
    };
    for (const engine of ['typescript', 'duckdb'] as const) {
      const e = await runScenario({ tables }, { engine });
      const a1 = e.results.agents.find((a) => a.agent_id === 'a1')!;
      expect(a1.metrics.reply_rate, engine).toMatchObject({ value: 2 / 3, sample: 3 });
      const evidence = e.explanations.agents.find((a) => a.agent_id === 'a1')!.metrics.reply_rate!.evidence;
      expect(evidence.role, engine).toBe('against');
      expect(
        evidence.records.map((r) => [r.line, r.fields.replied, r.fields.unanswered_since]),
        engine,
      ).toEqual([[3, false, '2026-10-05T11:01:00+08:00']]);
      // Its place among the derived facts, after replied (a replied conversation's record has no such key).
      expect(Object.keys(evidence.records[0]!.fields).slice(-7), engine).toEqual([
        'inquiry',
        'replied',
        'unanswered_since',
        'first_response_seconds',
        'handle_seconds',
        'on_time',
        'converted',
      ]);
    }
  });

  it('counts only business hours: a block at 07:55 answered at 08:01 under 08:00 opening waited 60 s', async () => {
    const hours = `business_hours:\n${['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => `  ${d}: ["08:00-24:00"]`).join('\n')}\n  holidays: []`;
    const e = await runScenario({
      policy: basePolicy({ businessHours: hours }),
      tables: {
        agents: AGENTS,
        conversations: csv(CONV_HEADER, conversation('c1', 'a1', '2026-10-05T07:55:00+08:00')),
        messages: messages('c1', [
          ['2026-10-05T07:55:00+08:00', 'customer', '在吗'],
          ['2026-10-05T08:01:00+08:00', 'agent', '在的', 'a1'],
        ]),
      },
    });
    expect(e.results.agents[0]!.metrics.first_response_time).toMatchObject({ value: 60, sample: 1 });
  });

  it('credits a reply after a transfer to the agent who replied', async () => {
    const e = await runScenario({
      tables: {
        agents: AGENTS,
        conversations: csv(CONV_HEADER, conversation('c1', 'a1', '2026-10-05T10:00:00+08:00')),
        messages: messages('c1', [
          ['2026-10-05T10:00:00+08:00', 'customer', '在吗'],
          ['2026-10-05T10:00:10+08:00', 'agent', '在', 'a1'],
          ['2026-10-05T10:01:00+08:00', 'customer', '我要退款'],
          ['2026-10-05T10:02:00+08:00', 'agent', '我是退款专员', 'a2'],
        ]),
      },
    });
    const [a1, a2] = e.results.agents;
    expect(a1!.metrics.avg_response_time).toMatchObject({ value: 10, sample: 1 });
    expect(a2!.metrics.avg_response_time).toMatchObject({ value: 60, sample: 1 });
    expect(a2!.metrics.first_response_time).toMatchObject({ value: null, sample: 0, status: 'no_data' });
  });
});

describe('periods', () => {
  it('places the month boundary at local midnight in every timestamp spelling', async () => {
    const rows = [
      ['c1', '2026-10-31T23:59:59.999+08:00'],
      ['c2', '2026-10-31T15:59:59.999Z'],
      ['c3', '2026-10-31T23:59:59.999'],
      ['c4', '2026-11-01T00:00:00+08:00'],
      ['c5', '2026-10-31T16:00:00Z'],
      ['c6', '2026-11-01T00:00:00'],
      ['c7', '2026-09-30T16:00:00Z'],
      ['c8', '2026-09-30T23:59:59.999+08:00'],
    ].map(([id, t]) => conversation(id!, 'a1', t!));
    const e = await runScenario({ tables: { agents: AGENTS, conversations: csv(CONV_HEADER, ...rows) } });
    expect(e.results.agents[0]!.metrics.conversations_handled!.value).toBe(4);
    const nov = await runScenario({
      tables: { agents: AGENTS, conversations: csv(CONV_HEADER, ...rows) },
      period: '2026-11',
    });
    expect(nov.results.agents[0]!.metrics.conversations_handled!.value).toBe(3);
    const q4 = await runScenario({
      tables: { agents: AGENTS, conversations: csv(CONV_HEADER, ...rows) },
      period: '2026-Q4',
    });
    expect(q4.results.agents[0]!.metrics.conversations_handled!.value).toBe(7);
    expect(q4.results.period).toMatchObject({
      start: '2026-10-01T00:00:00+08:00',
      end: '2027-01-01T00:00:00+08:00',
    });
  });

  it('reads timestamps without an offset in the policy timezone', async () => {
    const policy = basePolicy({ timezone: 'America/New_York' });
    const e = await runScenario({
      policy,
      tables: {
        agents: AGENTS,
        conversations: csv(
          CONV_HEADER,
          conversation('c1', 'a1', '2026-10-31T23:30:00'),
          conversation('c2', 'a1', '2026-11-01T03:30:00Z'),
        ),
      },
    });
    expect(e.results.agents[0]!.metrics.conversations_handled!.value).toBe(2);
    expect(e.results.period.start).toBe('2026-10-01T00:00:00-04:00');
  });
});
