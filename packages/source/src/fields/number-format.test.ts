import { describe, expect, it } from 'vitest';
import {
  type NumberFormat,
  readFormattedNumber,
  stripProblem,
  suggestNumberFormat,
} from './number-format.ts';
import { quoteValue } from './quote-value.ts';

const money: NumberFormat = { thousands: ',', strip: ['¥', '元', 'RMB'] };

describe('readFormattedNumber', () => {
  it('removes a thousands separator between groups of three and a strip text at either end', () => {
    const read = (t: string) => readFormattedNumber(t, money, false);
    expect(read('1,234.50')).toBe(1234.5);
    expect(read('¥88.00')).toBe(88);
    expect(read('88.00元')).toBe(88);
    expect(read('¥ 1,234,567.8 元')).toBe(1234567.8);
    expect(read('RMB1,000')).toBe(1000);
    expect(read('1234.5')).toBe(1234.5);
    expect(read('007')).toBe(7);
  });

  it('reads a minus before or after a leading strip text, once', () => {
    const read = (t: string) => readFormattedNumber(t, money, false);
    expect(read('-¥88.00')).toBe(-88);
    expect(read('¥-88.00')).toBe(-88);
    expect(read('-1,234')).toBe(-1234);
    expect(read('-¥-88')).toBeNull();
    expect(read('- 88')).toBeNull();
    expect(read('88-')).toBeNull();
  });

  it('rejects separators out of place, strip texts inside the number or twice, and anything left over', () => {
    const read = (t: string) => readFormattedNumber(t, money, false);
    for (const t of [
      '1,23.4',
      '12,34',
      '1,2345',
      ',123',
      '123,',
      '0,123',
      '1,234.567,8',
      '1.234,5',
      '88¥00',
      '¥¥88',
      '88元元',
      '¥',
      '元',
      '¥元',
      '1e3',
      '+88',
      '.5',
      '5.',
      '(88)',
      '88 USD',
    ])
      expect(read(t), t).toBeNull();
  });

  it('reads ints without a fraction, and without a separator only where none is declared', () => {
    expect(readFormattedNumber('1,234', money, true)).toBe(1234);
    expect(readFormattedNumber('1,234.00', money, true)).toBeNull();
    expect(readFormattedNumber('1,234', { thousands: null, strip: ['元'] }, false)).toBeNull();
    expect(readFormattedNumber('1 234 元', { thousands: ' ', strip: ['元'] }, false)).toBe(1234);
    expect(readFormattedNumber("1'234.5", { thousands: "'", strip: [] }, false)).toBe(1234.5);
  });

  it('takes the longest strip text that matches at each end', () => {
    expect(readFormattedNumber('US$5', { thousands: null, strip: ['$', 'US$'] }, false)).toBe(5);
  });
});

describe('stripProblem', () => {
  it('refuses digits, signs, the decimal point, multipliers, the separator, blanks and edge spaces', () => {
    for (const t of ['', ' ', '1', '-', '+', '.', '%', '万元', '‰', ' 元', '元 '])
      expect(stripProblem(t, null), t).not.toBeNull();
    expect(stripProblem(',', ',')).not.toBeNull();
    expect(stripProblem(',', null)).toBeNull();
    for (const t of ['¥', '元', 'RMB', 'US$', '€']) expect(stripProblem(t, ','), t).toBeNull();
  });
});

describe('suggestNumberFormat', () => {
  it('proposes the separator and the texts a value shows, only when they read it', () => {
    expect(suggestNumberFormat('1,234.50', false)).toEqual({ thousands: ',', strip: [] });
    expect(suggestNumberFormat('¥88.00', false)).toEqual({ thousands: null, strip: ['¥'] });
    expect(suggestNumberFormat('-¥1,288.00元', false)).toEqual({ thousands: ',', strip: ['¥', '元'] });
    expect(suggestNumberFormat('88 元', false)).toEqual({ thousands: null, strip: ['元'] });
    for (const t of ['1,23.4', '88万元', '95%', 'abc', '12', '1.5.6', '¥'])
      expect(suggestNumberFormat(t, false), t).toBeNull();
  });
});

describe('quoteValue', () => {
  it('shows invisible characters by their code', () => {
    expect(quoteValue('\uFEFFHS000020')).toBe('"\\uFEFFHS000020"');
    expect(quoteValue('a\u200Bb\tc\u00a0d')).toBe('"a\\u200Bb\\u0009c\\u00A0d"');
    expect(quoteValue('\u{E0001}x')).toBe('"\\u{E0001}x"');
    expect(quoteValue('会话 1')).toBe('"会话 1"');
  });
});
