import { describe, expect, it } from 'vitest';
import { WallClock } from '../read/file-items.ts';
import { detectHeaderRow } from './detect-header.ts';

describe('detectHeaderRow', () => {
  it('takes the first row of a plain export', () => {
    expect(
      detectHeaderRow([
        ['会话ID', '客服工号', '渠道'],
        ['C1', 'A01', '在线'],
      ]),
    ).toBe(1);
  });

  it('skips Excel title rows above the header', () => {
    const rows = [
      ['2026年10月 会话明细', '', '', ''],
      ['导出时间:2026-11-01 08:00', '', '', '导出人:张三'],
      [],
      ['会话ID', '客服工号', '渠道', '开始时间'],
      ['C1', 'A01', '在线', '2026/10/5 9:00:00'],
    ];
    expect(detectHeaderRow(rows)).toBe(4);
  });

  it('finds the header of a chat log whose texts hold unquoted commas (trial 8 M3)', () => {
    // Cut at commas as a reader would: 您好,请问一下 makes a row one cell wider, or five.
    const rows = [
      ['会话ID', '发送方', '客服工号', '发送时间', '消息内容'],
      ['C1', '客户', '', '2026-11-01 09:00:00', '您好', '请问一下'],
      ['C1', '客服', 'A01', '2026-11-01 09:00:20', '您好', '在的', '请讲', '我看看', '稍等', '好'],
      ['C1', '客户', '', '2026-11-01 09:01:00', '订单还没到'],
      ['C1', '客服', 'A01', '2026-11-01 09:01:30', '好的', '马上查'],
      ['C2', '客户', '', '2026-11-01 10:00:00', '在吗'],
      ['C2', '客服', 'A02', '2026-11-01 10:00:10', '在的'],
      [],
    ];
    expect(detectHeaderRow(rows)).toBe(1);
    // The widest row alone (10 cells) would have failed it: 5 is less than 60% of 10.
    expect(detectHeaderRow([rows[0] ?? [], rows[2] ?? []])).toBe(null);
  });

  it('skips rows of values: numbers, dates, times and xlsx date cells', () => {
    expect(
      detectHeaderRow([
        ['2026', '10'],
        ['会话ID', '客服工号'],
      ]),
    ).toBe(2);
    expect(
      detectHeaderRow([
        ['2026/10/05', 'A01'],
        ['会话ID', '客服工号'],
      ]),
    ).toBe(2);
    expect(
      detectHeaderRow([
        [new WallClock(0), 'A01'],
        ['id', 'name'],
      ]),
    ).toBe(2);
    expect(
      detectHeaderRow([
        [1, 'A01'],
        ['id', 'name'],
      ]),
    ).toBe(2);
  });

  it('skips a row whose names repeat after normalisation', () => {
    expect(
      detectHeaderRow([
        ['合计', '合计', '合计'],
        ['会话ID', '客服工号', '渠道'],
      ]),
    ).toBe(2);
  });

  it('gives null when no row looks like a header', () => {
    expect(
      detectHeaderRow([
        ['1', '2'],
        ['3', '4'],
      ]),
    ).toBe(null);
    expect(detectHeaderRow([])).toBe(null);
  });
});
