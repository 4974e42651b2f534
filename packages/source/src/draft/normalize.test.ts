import { describe, expect, it } from 'vitest';
import { normalizeHeader, normalizeValue } from './normalize.ts';

describe('normalizeHeader', () => {
  it.each([
    ['Ticket ID', 'ticketid'],
    ['ticket_id', 'ticketid'],
    ['TicketId', 'ticketid'],
    ['会话 ID', '会话id'],
    ['会话ＩＤ', '会话id'],
    ['*客服工号', '客服工号'],
    ['金额(元)', '金额'],
    ['金额（元）', '金额'],
    ['响应时长[秒]', '响应时长'],
    ['满意度【1-5】', '满意度'],
    ['(备注)', '备注'],
    ['  Sent at ', 'sentat'],
    ['Due by Time', 'duebytime'],
  ])('%j → %j', (header, expected) => {
    expect(normalizeHeader(header)).toBe(expected);
  });
});

describe('normalizeValue', () => {
  it.each([
    [' 已 解决 ', '已解决'],
    ['ＹＥＳ', 'yes'],
    ['Live Chat', 'livechat'],
    ['客户', '客户'],
  ])('%j → %j', (value, expected) => {
    expect(normalizeValue(value)).toBe(expected);
  });
});
