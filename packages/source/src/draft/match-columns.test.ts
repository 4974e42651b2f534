import { describe, expect, it } from 'vitest';
import { chooseTable, matchColumns, scoreTables, type TableScore } from './match-columns.ts';

describe('matchColumns', () => {
  it('prefers the contract name, then the earlier synonym, and leaves the rest unmapped', () => {
    expect(matchColumns('conversations', ['客服', '会话ID', '客服工号', 'agent_id', '客户昵称', ''])).toEqual(
      {
        table: 'conversations',
        fields: [
          { field: 'conversation_id', column: '会话ID', index: 1, generic: false },
          { field: 'agent_id', column: 'agent_id', index: 3, generic: false },
        ],
        unmapped: [
          { column: '客服', index: 0, alsoMatches: ['agent_id'] },
          { column: '客服工号', index: 2, alsoMatches: ['agent_id'] },
          { column: '客户昵称', index: 4, alsoMatches: [] },
        ],
      },
    );
  });

  it('maps generic names within the table, after every specific name', () => {
    expect(matchColumns('messages', ['时间', '发送时间', '会话ID']).fields).toEqual([
      { field: 'conversation_id', column: '会话ID', index: 2, generic: false },
      { field: 'sent_at', column: '发送时间', index: 1, generic: false },
    ]);
    expect(matchColumns('messages', ['时间', '会话ID']).fields[1]).toEqual({
      field: 'sent_at',
      column: '时间',
      index: 0,
      generic: true,
    });
  });

  it('gives a column to one field only: the name it matches best', () => {
    // 处理人工号 is an agent_id name; 处理人 too, but later in the list.
    expect(matchColumns('conversations', ['处理人', '处理人工号']).fields).toEqual([
      { field: 'agent_id', column: '处理人工号', index: 1, generic: false },
    ]);
  });
});

describe('scoreTables', () => {
  const top = (headers: string[], path = 'export.csv') => scoreTables(headers, path).slice(0, 3);

  it('weighs required fields most, shared ids least, and adds completeness and the file name', () => {
    expect(top(['会话ID', '客服工号', '渠道', '开始时间', '是否解决'], '会话记录_2026-10.csv')).toEqual([
      { table: 'conversations', score: 14, requiredMatched: 4, requiredTotal: 4, hinted: true },
      { table: 'messages', score: 2, requiredMatched: 1, requiredTotal: 3, hinted: false },
      { table: 'surveys', score: 2, requiredMatched: 1, requiredTotal: 3, hinted: false },
    ]);
  });

  it('tells messages, surveys, orders and attendance apart by their own fields', () => {
    expect(top(['会话ID', '发送时间', '发送方', '客服工号', '内容'])[0]).toEqual({
      table: 'messages',
      score: 11,
      requiredMatched: 3,
      requiredTotal: 3,
      hinted: false,
    });
    expect(top(['评价ID', '会话ID', '客服工号', '评价时间', '满意度'])[0]!.table).toBe('surveys');
    expect(top(['订单号', '客服工号', '下单时间', '订单金额'])[0]!.table).toBe('orders');
    expect(top(['工号', '姓名', '部门', '考勤日期', '考勤结果'])[0]).toEqual({
      table: 'attendance',
      score: 9,
      requiredMatched: 3,
      requiredTotal: 3,
      hinted: false,
    });
  });
});

describe('chooseTable', () => {
  const s = (
    table: TableScore['table'],
    score: number,
    requiredMatched = 3,
    requiredTotal = 3,
  ): TableScore => ({
    table,
    score,
    requiredMatched,
    requiredTotal,
    hinted: false,
  });

  it('assigns the best table and names runners-up within 2 points', () => {
    expect(chooseTable([s('surveys', 9), s('conversations', 7), s('agents', 6)])).toEqual({
      kind: 'assigned',
      table: 'surveys',
      best: s('surveys', 9),
      runnersUp: [s('conversations', 7)],
    });
  });

  it('leaves a tie unassigned with the tied tables', () => {
    expect(chooseTable([s('agents', 7), s('attendance', 7), s('events', 2)])).toEqual({
      kind: 'unassigned',
      reason: 'tie',
      candidates: [s('agents', 7), s('attendance', 7)],
    });
  });

  it('leaves a weak match unassigned: a low score, or under half the required fields', () => {
    expect(chooseTable([s('agents', 3), s('events', 1), s('orders', 0)])).toEqual({
      kind: 'unassigned',
      reason: 'weak',
      candidates: [s('agents', 3), s('events', 1)],
    });
    expect(chooseTable([s('agents', 6, 1, 4)]).kind).toBe('unassigned');
    expect(chooseTable([s('agents', 6, 2, 4)]).kind).toBe('assigned');
  });
});

describe('matchColumns of an HR/OA appeal register (appeals_filed)', () => {
  it('maps the Chinese headers of 申诉登记 to the contract fields', () => {
    const headers = ['申诉单号', '申诉人', '考核期间', '申诉对象', '申诉理由', '申诉时间'];
    expect(matchColumns('appeals_filed', headers).fields.map((f) => [f.field, f.column, f.generic])).toEqual([
      ['appeal_id', '申诉单号', false],
      ['agent_id', '申诉人', true],
      ['period', '考核期间', false],
      ['disputes', '申诉对象', false],
      ['claim', '申诉理由', false],
      ['filed_at', '申诉时间', false],
    ]);
  });
});
