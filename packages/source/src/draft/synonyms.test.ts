import { INPUT_TABLES, TABLES } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { matchColumns } from './match-columns.ts';
import { normalizeHeader, normalizeValue } from './normalize.ts';
import { ENUMERATED_FIELDS, FIELD_SYNONYMS } from './synonyms.ts';

describe('FIELD_SYNONYMS', () => {
  it('covers exactly the fields of every table of the contract', () => {
    for (const table of INPUT_TABLES) {
      expect(Object.keys(FIELD_SYNONYMS[table])).toEqual(Object.keys(TABLES[table].fields));
    }
  });

  it('gives every field at least three names', () => {
    for (const table of INPUT_TABLES) {
      for (const [field, synonyms] of Object.entries(FIELD_SYNONYMS[table])) {
        expect(synonyms.names.length, `${table}.${field}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it('never lets one name mean two fields of the same table', () => {
    for (const table of INPUT_TABLES) {
      const owner = new Map<string, string>();
      for (const [field, synonyms] of Object.entries(FIELD_SYNONYMS[table])) {
        for (const name of [field, ...synonyms.names, ...(synonyms.generic ?? [])]) {
          const key = normalizeHeader(name);
          const other = owner.get(key);
          expect(other === undefined || other === field, `${table}: ${name} → ${other} and ${field}`).toBe(
            true,
          );
          owner.set(key, field);
        }
      }
    }
  });

  const mapsTo = (table: (typeof INPUT_TABLES)[number], header: string) =>
    matchColumns(table, [header]).fields[0]?.field ?? null;

  it.each([
    [
      'conversations',
      ['会话ID', '会话编号', '对话ID', 'Ticket ID', 'Conversation ID', '工单编号', 'ticket_id'],
      'conversation_id',
    ],
    [
      'conversations',
      ['客服工号', '坐席工号', '处理人工号', 'Agent ID', 'Assignee ID', 'assignee', '接待客服'],
      'agent_id',
    ],
    ['conversations', ['渠道', '会话来源', 'Channel', 'Source'], 'channel'],
    ['conversations', ['开始时间', '创建时间', 'Created at', 'Created time', '来电时间'], 'started_at'],
    ['conversations', ['是否解决', '已解决', 'Resolved'], 'resolved'],
    [
      'conversations',
      ['截止时间', 'Due by Time', 'SLA截止时间', '工单截止时间', '处理截止时间', 'SLA到期时间'],
      'sla_due_at',
    ],
    ['conversations', ['关闭时间', 'Closed time', 'Solved at'], 'closed_at'],
    ['messages', ['发送时间', '消息时间', 'Sent at'], 'sent_at'],
    ['orders', ['关联会话', '关联会话ID', '所属会话', 'Related ticket', '会话ID'], 'conversation_id'],
    ['surveys', ['关联会话', '来源会话', 'Linked conversation'], 'conversation_id'],
    ['complaints', ['关联会话', '关联工单号', 'Related conversation ID'], 'conversation_id'],
    ['qa_reviews', ['关联会话', '所属会话ID'], 'conversation_id'],
    ['messages', ['关联会话', '所属会话'], 'conversation_id'],
    ['messages', ['发送方', '发送者', '角色', 'Sender'], 'sender'],
    ['messages', ['内容', '消息内容', 'Message'], 'text'],
    ['surveys', ['满意度', '评分', 'CSAT', 'Rating'], 'csat'],
    ['surveys', ['评价时间', 'Submitted at'], 'submitted_at'],
    ['complaints', ['投诉类型', 'Category', '投诉原因'], 'category'],
    ['complaints', ['被投诉客服工号', '客服工号'], 'agent_id'],
    ['qa_reviews', ['质检得分', 'QA score', '得分'], 'score'],
    ['qa_reviews', ['是否红线', '红线', 'Red line'], 'red_line'],
    ['orders', ['订单号', '订单编号', 'Order ID'], 'order_id'],
    ['orders', ['订单金额', '金额(元)', '实付金额', 'Amount'], 'amount'],
    ['orders', ['下单时间', 'Order date'], 'placed_at'],
    ['attendance', ['考勤日期', '日期', 'Date'], 'date'],
    ['attendance', ['考勤状态', '考勤结果', 'Status'], 'status'],
    ['assessments', ['考试成绩', '成绩'], 'score'],
    ['assessments', ['类型', 'kind'], 'kind'],
    ['events', ['事件类型', '类型'], 'type'],
    ['agents', ['工号', '客服工号', 'UserId'], 'agent_id'],
    ['agents', ['姓名', 'Name'], 'name'],
    ['agents', ['班组', '技能组', 'Team', 'Group'], 'team'],
    ['agents', ['岗位', '角色', 'Role'], 'role'],
  ] as const)('%s: %j → %s', (table, headers, field) => {
    for (const header of headers) expect(mapsTo(table, header), header).toBe(field);
  });

  it("leaves a reference to a conversation (关联会话) unmapped in a conversations export: it is not the row's own id", () => {
    expect(mapsTo('conversations', '关联会话')).toBe(null);
    expect(mapsTo('conversations', 'Related ticket')).toBe(null);
  });

  it('reads 用户ID, 买家ID and 访客ID of a conversation export as the customer, never as the agent', () => {
    expect(mapsTo('conversations', '用户ID')).toBe('customer_id');
    expect(mapsTo('conversations', '买家ID')).toBe('customer_id');
    expect(mapsTo('conversations', '访客ID')).toBe('customer_id');
  });
});

describe('ENUMERATED_FIELDS', () => {
  it('names only fields of the contract', () => {
    for (const [table, fields] of Object.entries(ENUMERATED_FIELDS)) {
      for (const field of Object.keys(fields ?? {})) {
        expect(Object.keys(TABLES[table as (typeof INPUT_TABLES)[number]].fields)).toContain(field);
      }
    }
  });

  it('maps closed vocabularies onto exactly the values the contract allows', () => {
    for (const [table, fields] of Object.entries(ENUMERATED_FIELDS)) {
      for (const [field, vocabulary] of Object.entries(fields ?? {})) {
        const allowed = TABLES[table as (typeof INPUT_TABLES)[number]].fields[field]!.values;
        if (allowed === undefined) continue;
        expect(
          vocabulary.synonyms.map(([value]) => value),
          `${table}.${field}`,
        ).toEqual([...allowed]);
        for (const value of allowed) expect(vocabulary.accepts(value)).toBe(true);
        expect(vocabulary.accepts('Customer')).toBe(false);
      }
    }
  });

  it('never lets one spelling mean two values', () => {
    const vocabularies = new Set(Object.values(ENUMERATED_FIELDS).flatMap((f) => Object.values(f ?? {})));
    for (const vocabulary of vocabularies) {
      const owner = new Map<string, unknown>();
      for (const [value, spellings] of vocabulary.synonyms) {
        for (const spelling of [String(value), ...spellings]) {
          const key = normalizeValue(spelling);
          expect(
            owner.has(key) && owner.get(key) !== value,
            `${spelling} → ${owner.get(key)} and ${value}`,
          ).toBe(false);
          owner.set(key, value);
        }
      }
    }
  });
});
