import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { trimText } from '../read/white-space.ts';
import { quickReading, quickValue, readValue, ValueFailure, type ValueReading } from './type-value.ts';

describe('trimText', () => {
  it('removes exactly the Unicode white space (White_Space) at either end, for every UTF-16 code unit', () => {
    const edges = /^\p{White_Space}+|\p{White_Space}+$/gu;
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      for (const text of [c, `${c}x`, `x${c}`, `${c}中${c}`, `${c}${c}`]) {
        if (trimText(text) !== text.replace(edges, '')) differ.push(code);
      }
    }
    expect(differ).toEqual([]);
    expect(trimText('\u3000 a b\u00a0\t')).toBe('a b');
    expect(trimText('中文')).toBe('中文');
    expect(trimText('😀 ')).toBe('😀');
  });
});

describe('quickValue', () => {
  const zone = new Zone('Asia/Shanghai');
  const of = (type: ValueReading['type'], spec: ValueReading['spec'] = {}): ValueReading => ({
    type,
    spec,
    map: null,
    formats: [],
    number: null,
    zone,
  });
  const cells = [
    '',
    ' ',
    '\u3000',
    'a1',
    ' a1 ',
    '客服',
    'customer',
    ' agent\u00a0',
    'Customer',
    'true',
    'false',
    ' true ',
    'TRUE',
    'yes',
    '1',
    '0',
    'no',
    '2026-10-05T09:00:00+08:00',
    ' 2026-10-05 09:00:00.5 ',
    '2026-10-05T09:00:00',
    '1970-01-01T00:00:00Z',
    '1969-12-31T23:59:59.999Z',
    '2100-12-31T23:59:59.999Z',
    '2101-01-01T00:00:00Z',
    '2026-02-30T00:00:00Z',
    'yesterday',
  ];

  it('reads a text cell as readValue does whenever it gives a value, and leaves every other cell to readValue', () => {
    const readings = [
      of('id'),
      of('string'),
      of('string', { values: ['customer', 'agent', 'bot', 'system'] }),
      of('timestamp'),
      of('bool'),
    ];
    let quick = 0;
    for (const reading of readings) {
      const kind = quickReading(reading);
      expect(kind).not.toBeNull();
      for (const cell of cells) {
        const value = quickValue(cell, kind!, reading);
        const expected = readValue(cell, reading);
        if (value === undefined) continue;
        quick++;
        expect(expected, `${reading.type} ${JSON.stringify(cell)}`).not.toBeInstanceOf(ValueFailure);
        expect(value, `${reading.type} ${JSON.stringify(cell)}`).toBe(expected);
      }
    }
    expect(quick).toBe(71);
    expect(quickValue(' agent\u00a0', 'text', readings[2]!)).toBe('agent');
    expect(quickValue('Customer', 'text', readings[2]!)).toBeUndefined();
    expect(quickValue('2101-01-01T00:00:00Z', 'timestamp', readings[3]!)).toBeUndefined();
    expect(quickValue('yes', 'bool', readings[4]!)).toBeUndefined();
  });

  it('is not used for a field with a map, time formats, or of another type', () => {
    expect(quickReading({ type: 'id', map: new Map([['x', 'y']]), formats: [] })).toBeNull();
    expect(quickReading({ type: 'int', map: null, formats: [] })).toBeNull();
    expect(quickReading({ type: 'date', map: null, formats: [] })).toBeNull();
  });
});
