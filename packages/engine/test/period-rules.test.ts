import { describe, expect, it } from 'vitest';
import { AGENTS, basePolicy, csv, runScenario } from './scenario.ts';

const CONV =
  'conversation_id,agent_id,channel,started_at,ended_at,resolved,reopened,transferred,sla_due_at,closed_at';
const msg = (conversation_id: string, sent_at: string, sender: string, agent_id?: string) => ({
  conversation_id,
  sent_at,
  sender,
  text: sender === 'customer' ? '在吗' : '在的',
  ...(agent_id ? { agent_id } : {}),
});

describe('rows, periods and exclusions', () => {
  it('credits a response to the period of its block start, even when answered next month', async () => {
    const tables = {
      agents: AGENTS,
      conversations: csv(CONV, 'c1,a1,chat,2026-10-31T23:50:00+08:00,,,,,,'),
      messages: [
        msg('c1', '2026-10-31T23:50:00+08:00', 'customer'),
        msg('c1', '2026-11-01T00:10:00+08:00', 'agent', 'a1'),
      ],
    };
    const october = await runScenario({ tables });
    expect(october.results.agents[0]!.metrics.first_response_time).toMatchObject({ value: 1200, sample: 1 });
    const november = await runScenario({ tables, period: '2026-11' });
    expect(november.results.agents[0]!.metrics.avg_response_time).toMatchObject({ value: null, sample: 0 });
  });

  it('converts a conversation by an order placed in a later period', async () => {
    const e = await runScenario({
      tables: {
        agents: AGENTS,
        conversations: csv(
          CONV,
          'c1,a1,chat,2026-10-31T22:00:00+08:00,,,,,,',
          'c2,a1,chat,2026-10-15T10:00:00+08:00,,,,,,',
        ),
        orders: csv(
          'order_id,agent_id,conversation_id,placed_at,amount',
          'o1,a2,c1,2026-11-02T10:00:00+08:00,99.5',
        ),
      },
    });
    const a1 = e.results.agents[0]!;
    expect(a1.metrics.conversion_rate).toMatchObject({ value: 0.5, sample: 2 });
    expect(a1.metrics.sales_amount).toMatchObject({ value: 0, sample: 0 });
  });

  it('lets an excluded conversation take its messages with it, but not the rows that refer to it', async () => {
    const policy = basePolicy({
      exclusions: `  - id: internal-tests
    table: conversations
    reason: 内部测试会话
    when: { all: [ { fact: channel, operator: equal, value: internal } ] }`,
    });
    const e = await runScenario({
      policy,
      tables: {
        agents: AGENTS,
        conversations: csv(
          CONV,
          'c1,a1,internal,2026-10-05T10:00:00+08:00,,,,,,',
          'c2,a1,chat,2026-10-05T11:00:00+08:00,,,,,,',
        ),
        messages: [
          msg('c1', '2026-10-05T10:00:00+08:00', 'customer'),
          msg('c1', '2026-10-05T10:05:00+08:00', 'agent', 'a1'),
          msg('c2', '2026-10-05T11:00:00+08:00', 'customer'),
          msg('c2', '2026-10-05T11:00:30+08:00', 'agent', 'a1'),
        ],
        surveys: csv(
          'survey_id,agent_id,conversation_id,submitted_at,csat',
          's1,a1,c1,2026-10-05T12:00:00+08:00,5',
        ),
      },
    });
    const a1 = e.results.agents[0]!;
    expect(a1.metrics.conversations_handled!.value).toBe(1);
    expect(a1.metrics.avg_response_time).toMatchObject({ value: 30, sample: 1 });
    expect(a1.metrics.csat_score).toMatchObject({ value: 5, sample: 1 });
    expect(a1.excluded).toEqual({ 'internal-tests': 1 });
    expect(e.results.inputs.messages!.excluded).toEqual({});
  });

  it('counts an exclusion in the period its row falls in', async () => {
    const complaints = csv(
      'complaint_id,agent_id,conversation_id,filed_at,category,upheld',
      'p1,a1,,2026-10-20T10:00:00+08:00,product_defect,true',
      'p2,a1,,2026-11-02T10:00:00+08:00,product_defect,true',
      'p3,a1,,2026-10-21T10:00:00+08:00,attitude,',
      'p4,a1,,2026-10-22T10:00:00+08:00,attitude,false',
    );
    const e = await runScenario({
      tables: {
        agents: AGENTS,
        complaints,
        conversations: csv(CONV, 'c1,a1,chat,2026-10-05T10:00:00+08:00,,,,,,'),
      },
    });
    const a1 = e.results.agents[0]!;
    expect(a1.excluded).toEqual({ defects: 1 });
    expect(e.results.inputs.complaints).toMatchObject({ rows: 4, excluded: { defects: 1 } });
    // p3 (not reviewed) counts, p4 (rejected on review) does not: 1 complaint over 1 conversation.
    expect(a1.metrics.complaint_rate).toMatchObject({ value: 1, sample: 1 });
  });

  it('closes business hours on holidays', async () => {
    const hours = `business_hours:
  mon: ["09:00-18:00"]
  tue: ["09:00-18:00"]
  holidays: [2026-10-06]`;
    const e = await runScenario({
      policy: basePolicy({ businessHours: hours }),
      tables: {
        agents: AGENTS,
        conversations: csv(CONV, 'c1,a1,chat,2026-10-05T17:59:00+08:00,,,,,,'),
        // Monday 17:59 → Monday 12 October 09:01: Tuesday 6th is a holiday, the rest is closed.
        messages: [
          msg('c1', '2026-10-05T17:59:00+08:00', 'customer'),
          msg('c1', '2026-10-12T09:01:00+08:00', 'agent', 'a1'),
        ],
      },
    });
    expect(e.results.agents[0]!.metrics.first_response_time).toMatchObject({ value: 120, sample: 1 });
  });
});
