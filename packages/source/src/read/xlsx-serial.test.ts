import { describe, expect, it } from 'vitest';
import { isDateFormat, serialToWallClockMs } from './xlsx-serial.ts';

// Reference: the serial's decimal digits as a fraction, times a day, rounded half up, in BigInt.
function reference(text: string, date1904: boolean): number {
  const [whole, fraction = ''] = text.split('.');
  const units = BigInt(`${whole}${fraction}`);
  const den = 10n ** BigInt(fraction.length);
  const num = units * 86_400_000n;
  const offset = (2n * num + den) / (2n * den);
  return Number(offset) + (date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30));
}

describe('Excel serial dates', () => {
  it('counts days from 1899-12-30, or from 1904-01-01 in the 1904 system', () => {
    expect(serialToWallClockMs('46300', false)).toBe(Date.UTC(2026, 9, 5));
    expect(serialToWallClockMs('44838', true)).toBe(Date.UTC(2026, 9, 5));
    expect(serialToWallClockMs('0', true)).toBe(Date.UTC(1904, 0, 1));
    expect(serialToWallClockMs('61', false)).toBe(Date.UTC(1900, 2, 1));
    expect(serialToWallClockMs('46300.375', false)).toBe(Date.UTC(2026, 9, 5, 9, 0));
  });

  it('rounds the fraction of a day to the nearest millisecond, not down', () => {
    // 12:00:00.501 is 46300.500005798611… days; 17 significant digits, as Excel writes them.
    expect(serialToWallClockMs('46300.500005798611', false)).toBe(Date.UTC(2026, 9, 5, 12, 0, 0, 501));
    // 0.4 ms past 09:00 rounds down, 0.6 ms rounds up.
    expect(serialToWallClockMs('46300.37500000463', false)).toBe(Date.UTC(2026, 9, 5, 9, 0, 0, 0));
    expect(serialToWallClockMs('46300.37500000695', false)).toBe(Date.UTC(2026, 9, 5, 9, 0, 0, 1));
  });

  it('decides an exact half millisecond from the digits, upwards, where doubles go either way', () => {
    // 0.00000171875 days is exactly 148.5 ms; (serial − 25569) × 86400000 in doubles gives 148.
    expect(serialToWallClockMs('45000.00000171875', false)).toBe(Date.UTC(2023, 2, 15) + 149);
    expect(serialToWallClockMs('46300.00000015625', false)).toBe(Date.UTC(2026, 9, 5) + 14);
  });

  it('agrees with exact rational arithmetic on many serials', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed;
    };
    for (let i = 0; i < 20_000; i++) {
      const digits = String(next()).padStart(10, '0') + String(next() % 10_000_000).padStart(7, '0');
      const text = `${40_000 + (next() % 20_000)}.${digits.slice(0, 1 + (next() % 17))}`;
      expect(serialToWallClockMs(text, i % 2 === 0)).toBe(reference(text, i % 2 === 0));
    }
  });

  it('reads exponents and refuses what is not a number', () => {
    expect(serialToWallClockMs('4.63E4', false)).toBe(Date.UTC(2026, 9, 5));
    expect(serialToWallClockMs('4630050E-2', false)).toBe(Date.UTC(2026, 9, 5, 12));
    expect(serialToWallClockMs('-1', false)).toBe(Date.UTC(1899, 11, 29));
    expect(serialToWallClockMs('-0.25', false)).toBe(Date.UTC(1899, 11, 29, 18));
    expect(serialToWallClockMs('', false)).toBeNull();
    expect(serialToWallClockMs('1/2', false)).toBeNull();
    expect(serialToWallClockMs('.', false)).toBeNull();
  });
});

describe('date number formats', () => {
  it('knows the built-in date and time formats, the East Asian ones included', () => {
    expect([14, 22, 31, 32, 46, 57].map((id) => isDateFormat(id, undefined))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([0, 1, 2, 9, 11, 49, 164].map((id) => isDateFormat(id, undefined))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('reads a custom format code by its tokens, outside quotes, escapes and brackets', () => {
    const dates = [
      'yyyy/m/d\\ h:mm:ss.000',
      'yyyy"年"m"月"d"日"',
      '[$-409]mmm d, yyyy',
      '[h]:mm',
      'h:mm AM/PM',
      'DD.MM.YY',
    ];
    const numbers = [
      'General',
      '0.00',
      '"Day "0',
      '[Red]#,##0;[Blue]-#,##0',
      '0.00E+00',
      '#,##0"元"',
      '@',
      '\\d0',
      '[$-804]0.0',
    ];
    expect(dates.map((code) => isDateFormat(164, code))).toEqual(dates.map(() => true));
    expect(numbers.map((code) => isDateFormat(164, code))).toEqual(numbers.map(() => false));
  });

  it('lets a workbook define a built-in id its own way', () => {
    expect(isDateFormat(14, '0.00')).toBe(false);
  });
});
