import { describe, expect, it } from 'vitest';
import { WallClock } from '../read/file-items.ts';
import { ENUMERATED_FIELDS } from './synonyms.ts';
import { countValues, draftValueMap, MAX_MAP_ENTRIES } from './value-maps.ts';

const vocab = (table: keyof typeof ENUMERATED_FIELDS, field: string) => ENUMERATED_FIELDS[table]![field]!;

describe('countValues', () => {
  it('counts trimmed text, numbers and booleans, most frequent first, ties in code-point order', () => {
    expect(
      countValues([' 是', '否', '是 ', '', null, true, 1, '否', new WallClock(Date.UTC(2026, 9, 5, 9))]),
    ).toEqual([
      { value: '否', count: 2 },
      { value: '是', count: 2 },
      { value: '1', count: 1 },
      { value: '2026-10-05T09:00:00.000', count: 1 },
      { value: 'true', count: 1 },
    ]);
  });
});

describe('draftValueMap', () => {
  it('needs no map when every value is one the field reads', () => {
    expect(draftValueMap(vocab('messages', 'sender'), countValues(['customer', 'agent', 'bot']))).toBe(null);
    expect(draftValueMap(vocab('conversations', 'resolved'), countValues(['TRUE', 'no', '1', '0']))).toBe(
      null,
    );
    expect(draftValueMap(vocab('surveys', 'csat'), countValues(['5', '4']))).toBe(null);
  });

  it('drafts the Chinese rater roles of a 360° export onto the names policies weight', () => {
    const map = draftValueMap(
      vocab('ratings', 'rater_role'),
      countValues(['同事', '主管', '同事', '自评', '跨部门', '导师']),
    );
    expect(map?.entries.map((e) => [e.key, e.value])).toEqual([
      ['同事', 'peer'],
      ['主管', 'supervisor'],
      ['导师', null],
      ['自评', 'self'],
      ['跨部门', 'cross_dept'],
    ]);
    expect(draftValueMap(vocab('ratings', 'rater_role'), countValues(['supervisor', 'peer', 'self']))).toBe(
      null,
    );
  });

  it('maps every value when one needs it: known spellings filled in, unknown ones left null', () => {
    expect(
      draftValueMap(
        vocab('messages', 'sender'),
        countValues(['客户', '客服', 'Agent', '机器人', '转人工', 'customer', '客户']),
      ),
    ).toEqual({
      entries: [
        { key: '客户', value: 'customer', count: 2 },
        { key: 'Agent', value: 'agent', count: 1 },
        { key: 'customer', value: 'customer', count: 1 },
        { key: '客服', value: 'agent', count: 1 },
        { key: '机器人', value: 'bot', count: 1 },
        { key: '转人工', value: null, count: 1 },
      ],
      omitted: 0,
    });
  });

  it('maps booleans, attendance, kinds, categories, channels and satisfaction words', () => {
    const map = (table: keyof typeof ENUMERATED_FIELDS, field: string, values: string[]) =>
      draftValueMap(vocab(table, field), countValues(values))!.entries.map((e) => [e.key, e.value]);
    expect(map('conversations', 'resolved', ['是', '否', 'Y', 'N', '已解决', '未解决', '1'])).toEqual([
      ['1', true],
      ['N', false],
      ['Y', true],
      ['否', false],
      ['已解决', true],
      ['是', true],
      ['未解决', false],
    ]);
    expect(map('attendance', 'status', ['正常', '迟到', '早退', '缺勤', '旷工', '请假', '缺卡'])).toEqual([
      ['早退', 'early_leave'],
      ['旷工', 'absent'],
      ['正常', 'on_time'],
      ['缺勤', 'absent'],
      ['缺卡', null],
      ['请假', 'approved_leave'],
      ['迟到', 'late'],
    ]);
    expect(map('assessments', 'kind', ['培训', '考试'])).toEqual([
      ['培训', 'training'],
      ['考试', 'exam'],
    ]);
    expect(
      map('complaints', 'category', ['服务态度', '错误信息', '流程错误', '产品质量', '物流', '其他']),
    ).toEqual([
      ['产品质量', 'product_defect'],
      ['其他', 'other'],
      ['服务态度', 'attitude'],
      ['流程错误', 'process_error'],
      ['物流', 'logistics'],
      ['错误信息', 'misinformation'],
    ]);
    expect(map('conversations', 'channel', ['在线', '电话', '邮件', '工单', '企业微信群', 'chat'])).toEqual([
      ['chat', 'chat'],
      ['企业微信群', 'wecom_group'],
      ['在线', 'chat'],
      ['工单', 'ticket'],
      ['电话', 'phone'],
      ['邮件', 'email'],
    ]);
    expect(map('surveys', 'csat', ['非常满意', '满意', '一般', '不满意', '非常不满意', '5'])).toEqual([
      ['5', 5],
      ['一般', 3],
      ['不满意', 2],
      ['满意', 4],
      ['非常不满意', 1],
      ['非常满意', 5],
    ]);
  });

  it('lists at most MAX_MAP_ENTRIES values and counts the others', () => {
    const values = Array.from({ length: MAX_MAP_ENTRIES + 5 }, (_, i) => `访客${String(i).padStart(2, '0')}`);
    const draft = draftValueMap(vocab('messages', 'sender'), countValues(values))!;
    expect(draft.entries.length).toBe(MAX_MAP_ENTRIES);
    expect(draft.omitted).toBe(5);
  });
});
