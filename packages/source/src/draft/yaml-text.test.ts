import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { yamlList, yamlString, yamlValue } from './yaml-text.ts';

describe('yamlString', () => {
  it.each([
    ['会话ID', '会话ID'],
    ['金额(元)', '金额(元)'],
    ['Ticket ID', 'Ticket ID'],
    ['customer', 'customer'],
    ['是', '是'],
    ['Y', '"Y"'],
    ['no', '"no"'],
    ['true', '"true"'],
    ['null', '"null"'],
    ['1', '"1"'],
    ['2026年', '"2026年"'],
    ['a: b', '"a: b"'],
    ['#1', '"#1"'],
    ['*客服', '"*客服"'],
    ['', '""'],
    ['x ', '"x "'],
  ])('%j → %s, read back unchanged', (text, written) => {
    expect(yamlString(text)).toBe(written);
    expect(parse(`k: ${written}`, { version: '1.2' }).k).toBe(text);
  });
});

describe('yamlValue and yamlList', () => {
  it('writes booleans and numbers plain, lists double-quoted', () => {
    expect(yamlValue(true)).toBe('true');
    expect(yamlValue(5)).toBe('5');
    expect(yamlValue('agent')).toBe('agent');
    expect(yamlList(['会话记录_*.csv', 'a"b'])).toBe('["会话记录_*.csv", "a\\"b"]');
  });
});
