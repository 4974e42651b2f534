import { describe, expect, it } from 'vitest';
import { WallClock } from '../read/file-items.ts';
import { guessFormat } from './guess-format.ts';

const guess = (values: (string | number | WallClock | null)[], type: 'timestamp' | 'date' = 'timestamp') =>
  guessFormat(values, type);

describe('guessFormat', () => {
  it('needs no format for ISO 8601 with a T or a space, with or without an offset', () => {
    expect(guess(['2026-10-05T09:00:00+08:00', '2026-10-05 09:00', '2026-10-05 09:00:01.5Z'])).toEqual({
      format: null,
      reads: [],
      dateCells: 0,
      unmatched: [],
      dayMonthAmbiguous: false,
    });
  });

  it('needs no format for xlsx date cells', () => {
    expect(guess([new WallClock(Date.UTC(2026, 9, 5, 9)), null, '  '])).toEqual({
      format: null,
      reads: [],
      dateCells: 1,
      unmatched: [],
      dayMonthAmbiguous: false,
    });
  });

  it('uses unpadded tokens when a value shows a single digit', () => {
    expect(guess(['2026/10/5 9:00:00', '2026/10/15 14:30:00']).format).toBe('yyyy/M/d H:mm:ss');
  });

  it('uses padded tokens when values show leading zeros and no single digit', () => {
    expect(guess(['2026.10.05 09:00', '2026.10.15 14:30']).format).toBe('yyyy.MM.dd HH:mm');
    expect(guess(['2026-10-05 9:00']).format).toBe('yyyy-MM-dd H:mm');
    expect(guess(['2026/10/05 09:00:00']).format).toBe('yyyy/MM/dd HH:mm:ss');
  });

  it('uses unpadded tokens when the sample cannot tell (every number has two digits)', () => {
    expect(guess(['2026/10/15 14:30:00', '2026/11/20 10:00:00']).format).toBe('yyyy/M/d H:mm:ss');
  });

  it('reads 年月日 and 时分秒', () => {
    expect(guess(['2026年10月5日 09:00', '2026年10月15日 14:30']).format).toBe('yyyy年M月d日 HH:mm');
    expect(guess(['2026年10月5日9时05分']).format).toBe('yyyy年M月d日H时mm分');
  });

  it('reads fractions, AM/PM and offsets', () => {
    expect(guess(['2026/10/05 09:00:00.123']).format).toBe('yyyy/MM/dd HH:mm:ss.SSS');
    expect(guess(['2026/10/05 09:00:00.123456']).format).toBe('yyyy/MM/dd HH:mm:ss.u');
    expect(guess(['10/5/2026 9:00 PM', '10/15/2026 11:30 AM']).format).toBe('M/d/yyyy h:mm a');
    expect(guess(['2026/10/05 09:00:00 +0800']).format).toBe('yyyy/MM/dd HH:mm:ss ZZZ');
    expect(guess(['2026/10/05 09:00:00+08:00']).format).toBe('yyyy/MM/dd HH:mm:ssZZ');
  });

  it('puts the day first when the first number exceeds 12, and says when it cannot tell', () => {
    expect(guess(['25/10/2026 09:00', '05/11/2026 10:00'])).toEqual({
      format: 'dd/MM/yyyy HH:mm',
      reads: [{ format: 'dd/MM/yyyy HH:mm', cells: 2 }],
      dateCells: 0,
      unmatched: [],
      dayMonthAmbiguous: false,
    });
    expect(guess(['10/25/2026 09:00']).format).toBe('M/d/yyyy HH:mm');
    expect(guess(['10/05/2026 09:00', '11/06/2026 10:00'])).toEqual({
      format: 'MM/dd/yyyy HH:mm',
      reads: [{ format: 'MM/dd/yyyy HH:mm', cells: 2 }],
      dateCells: 0,
      unmatched: [],
      dayMonthAmbiguous: true,
    });
  });

  it('lists several formats, most frequent first, and needs a format for ISO values among them', () => {
    expect(guess(['2026/10/5 9:00:00', '2026/10/6 9:00:00', '2026-10-07 09:00:00']).format).toEqual([
      'yyyy/M/d H:mm:ss',
      'yyyy-MM-dd HH:mm:ss',
    ]);
  });

  it('names the values no format reads', () => {
    expect(guess(['2026/10/5 9:00:00', '昨天 9:00', '2026/13/5 9:00:00', '昨天 9:00'])).toEqual({
      format: 'yyyy/M/d H:mm:ss',
      reads: [{ format: 'yyyy/M/d H:mm:ss', cells: 1 }],
      dateCells: 0,
      unmatched: ['昨天 9:00', '2026/13/5 9:00:00'],
      dayMonthAmbiguous: false,
    });
  });

  it('reads date fields: YYYY-MM-DD needs no format, other spellings do', () => {
    expect(guess(['2026-10-05'], 'date').format).toBe(null);
    expect(guess(['2026/10/5', '2026/10/12'], 'date').format).toBe('yyyy/M/d');
    expect(guess(['20261005', '20261012'], 'date').format).toBe('yyyyMMdd');
    expect(guess(['2026-10-05 00:00:00'], 'date').format).toBe('yyyy-MM-dd HH:mm:ss');
  });

  it('needs a format for a date without a time in a timestamp field', () => {
    expect(guess(['2026-10-05']).format).toBe('yyyy-MM-dd');
  });

  it('tells Excel serials, epoch seconds and epoch milliseconds apart by their range', () => {
    expect(guess([46300.375, 46301])).toEqual({
      format: 'excel',
      reads: [{ format: 'excel', cells: 2 }],
      dateCells: 0,
      unmatched: [],
      dayMonthAmbiguous: false,
    });
    expect(guess(['46300.375', '46301']).format).toBe('excel');
    expect(guess([1_791_162_000, '1791165600']).format).toBe('unix_s');
    expect(guess(['1791162000000', 1_791_165_600_123]).format).toBe('unix_ms');
  });

  it('takes the kind most numbers fit and names the others', () => {
    expect(guess([1_791_162_000, 1_791_165_600, 46300, '昨天 9:00'])).toEqual({
      format: 'unix_s',
      reads: [{ format: 'unix_s', cells: 2 }],
      dateCells: 0,
      unmatched: ['46300', '昨天 9:00'],
      dayMonthAmbiguous: false,
    });
    expect(guess([12, 7])).toEqual({
      format: null,
      reads: [],
      dateCells: 0,
      unmatched: ['12', '7'],
      dayMonthAmbiguous: false,
    });
  });

  it('lists the numeric kind and the text formats of a column holding both, counting what each reads', () => {
    expect(guess([46296.376, '2026/10/1 9:05', 46297.5, '2026/10/2 18:30', 46298, '昨天'])).toEqual({
      format: ['excel', 'yyyy/M/d H:mm'],
      reads: [
        { format: 'excel', cells: 3 },
        { format: 'yyyy/M/d H:mm', cells: 2 },
      ],
      dateCells: 0,
      unmatched: ['昨天'],
      dayMonthAmbiguous: false,
    });
    // More text than numbers: the text's format first; ISO text among numbers needs its tokens.
    expect(guess(['1791162000', '2026-10-05 09:00', '2026-10-06 10:00']).format).toEqual([
      'yyyy-MM-dd HH:mm',
      'unix_s',
    ]);
  });

  it('counts xlsx date cells apart: they need no format beside the text formats', () => {
    expect(guess([new WallClock(Date.UTC(2026, 9, 1, 9, 5)), '2026/10/1 9:05', '2026/10/12 14:00'])).toEqual({
      format: 'yyyy/M/d H:mm',
      reads: [{ format: 'yyyy/M/d H:mm', cells: 2 }],
      dateCells: 1,
      unmatched: [],
      dayMonthAmbiguous: false,
    });
  });

  it('puts a yyyyMMdd format before excel, which would read its digits as a serial', () => {
    expect(guess([46300, 46301, 46302, '20261005'], 'date')).toEqual({
      format: ['yyyyMMdd', 'excel'],
      reads: [
        { format: 'yyyyMMdd', cells: 1 },
        { format: 'excel', cells: 3 },
      ],
      dateCells: 0,
      unmatched: [],
      dayMonthAmbiguous: false,
    });
  });
});
