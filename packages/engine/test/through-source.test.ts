import { describe, expect, it } from 'vitest';
import { AGENTS, basePolicy, csv, runScenario } from './scenario.ts';

// The same data, once in contract shape and once as an export read through a source.yaml,
// gives the same results.

const policy = basePolicy({
  exclusions: `  - id: vip
    table: conversations
    reason: VIP 会话另行考核
    when: { all: [ { fact: vip, operator: equal, value: true } ] }`,
});

const contract = {
  agents: AGENTS,
  'source.yaml': `scorebook: 1
kind: source
tables:
  conversations:
    fields:
      vip: { type: bool }
`,
  conversations: csv(
    'conversation_id,agent_id,channel,started_at,vip',
    'c1,a1,chat,2026-10-05T09:00:00+08:00,false',
    'c2,a1,phone,2026-10-05T10:00:00+08:00,true',
    'c3,a1,chat,2026-10-06T09:30:00+08:00,false',
  ),
  messages: csv(
    'conversation_id,sent_at,sender,agent_id,text',
    'c1,2026-10-05T09:00:00+08:00,customer,,在吗',
    'c1,2026-10-05T09:00:30+08:00,agent,a1,在的',
    'c2,2026-10-05T10:00:00+08:00,customer,,你好',
    'c3,2026-10-06T09:30:00+08:00,customer,,发货了吗',
    'c3,2026-10-06T09:30:05+08:00,bot,,正在为您转人工',
    'c3,2026-10-06T09:31:05+08:00,agent,a1,已发货',
  ),
  qa_reviews: csv(
    'review_id,agent_id,reviewed_at,score,red_line',
    'q1,a1,2026-10-07T10:00:00+08:00,90,false',
  ),
};

const exported = {
  agents: AGENTS,
  'source.yaml': `scorebook: 1
kind: source
id: test-export
tables:
  conversations:
    files: ["会话记录_*.csv"]
    fields:
      conversation_id: 会话ID
      agent_id: 客服工号
      channel: { column: 渠道, map: { 在线: chat, 电话: phone } }
      started_at: { column: 开始时间, format: ["yyyy/M/d H:mm:ss", "yyyy/M/d H:mm"] }
      vip: { column: 是否VIP, type: bool, map: { 是: true, 否: false } }
  messages:
    files: ["聊天记录/*.jsonl"]
    fields:
      conversation_id: 会话ID
      sent_at: { column: 时间, format: unix_ms }
      sender: { column: 发送方, map: { 客户: customer, 客服: agent, 机器人: bot } }
      agent_id: 客服工号
      text: 内容
  qa_reviews:
    files: ["质检.csv"]
    fields:
      review_id: 质检单号
      agent_id: 工号
      reviewed_at: { column: 质检时间, format: excel }
      score: 得分
      red_line: { column: 红线, map: { 是: true, 否: false } }
`,
  '会话记录_2026-10.csv': csv(
    '会话ID,客服工号,渠道,开始时间,是否VIP',
    'c1,a1,在线,2026/10/5 9:00:00,否',
    'c2,a1,电话,2026/10/5 10:00,是',
    'c3,a1,在线, 2026/10/6 9:30:00 ,否',
  ),
  '聊天记录/2026-10-05.jsonl': [
    { 会话ID: 'c1', 时间: Date.UTC(2026, 9, 5, 1, 0, 0), 发送方: '客户', 内容: '在吗' },
    { 会话ID: 'c1', 时间: Date.UTC(2026, 9, 5, 1, 0, 30), 发送方: '客服', 客服工号: 'a1', 内容: '在的' },
    { 会话ID: 'c2', 时间: String(Date.UTC(2026, 9, 5, 2, 0, 0)), 发送方: '客户', 内容: '你好' },
    { 会话ID: 'c3', 时间: Date.UTC(2026, 9, 6, 1, 30, 0), 发送方: '客户', 内容: '发货了吗' },
    { 会话ID: 'c3', 时间: Date.UTC(2026, 9, 6, 1, 30, 5), 发送方: '机器人', 内容: '正在为您转人工' },
    { 会话ID: 'c3', 时间: Date.UTC(2026, 9, 6, 1, 31, 5), 发送方: '客服', 客服工号: 'a1', 内容: '已发货' },
  ],
  '质检.csv': csv('质检单号,工号,质检时间,得分,红线', 'q1,a1,46302.416666666664,90,否'),
};

describe('reading an export through a source', () => {
  it('gives the results of the same data in contract shape', async () => {
    const a = await runScenario({ policy, tables: contract });
    const b = await runScenario({ policy, tables: exported });
    expect(b.results.agents).toEqual(a.results.agents);
    expect(b.results.agents[0]!.excluded).toEqual({ vip: 1 });
    expect(b.results.agents[0]!.metrics.first_response_time).toMatchObject({ value: 47.5, sample: 2 });
    expect(b.results.source).toMatchObject({ path: 'source.yaml', id: 'test-export' });
    expect(b.results.inputs.messages!.files.map((f) => f.path)).toEqual(['聊天记录/2026-10-05.jsonl']);
    expect(b.rejected).toEqual([]);
  });

  it('reads an extra column of no declared type as text, the same in CSV and JSON Lines, and warns that text never equals true', async () => {
    const { 'source.yaml': _, ...plain } = contract;
    const csvRun = await runScenario({ policy, tables: plain });
    const jsonRun = await runScenario({
      policy,
      tables: {
        ...plain,
        conversations: [
          {
            conversation_id: 'c1',
            agent_id: 'a1',
            channel: 'chat',
            started_at: '2026-10-05T09:00:00+08:00',
            vip: false,
          },
          {
            conversation_id: 'c2',
            agent_id: 'a1',
            channel: 'phone',
            started_at: '2026-10-05T10:00:00+08:00',
            vip: true,
          },
          {
            conversation_id: 'c3',
            agent_id: 'a1',
            channel: 'chat',
            started_at: '2026-10-06T09:30:00+08:00',
            vip: false,
          },
        ],
      },
    });
    expect(jsonRun.results.agents).toEqual(csvRun.results.agents);
    expect(csvRun.results.agents[0]!.excluded).toEqual({});
    expect(csvRun.warnings.map((w) => w.code)).toContain('EXTRA_FIELD_NOT_TYPED');
    expect(csvRun.warnings.find((w) => w.code === 'EXTRA_FIELD_NOT_TYPED')!.message.en).toContain(
      'fields: vip: { type: bool }',
    );
  });
});
