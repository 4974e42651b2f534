import { describe, expect, it } from 'vitest';
import { formatInstantLocal, localDateOf, localMidnight, parseTimestamp } from './instant.ts';
import { Zone } from './zone.ts';

const shanghai = new Zone('Asia/Shanghai');
const newYork = new Zone('America/New_York');

describe('parseTimestamp', () => {
  it('reads the three spellings of one instant', () => {
    const expected = Date.UTC(2026, 9, 31, 16, 0, 0);
    expect(parseTimestamp('2026-11-01T00:00:00+08:00', shanghai)).toBe(expected);
    expect(parseTimestamp('2026-10-31T16:00:00Z', shanghai)).toBe(expected);
    expect(parseTimestamp('2026-11-01T00:00:00', shanghai)).toBe(expected);
  });

  it('truncates fractions finer than a millisecond', () => {
    expect(parseTimestamp('2026-10-10T13:09:49.357999+08:00', shanghai)).toBe(
      Date.UTC(2026, 9, 10, 5, 9, 49, 357),
    );
    expect(parseTimestamp('2026-10-10T13:09:49.5Z', shanghai)).toBe(Date.UTC(2026, 9, 10, 13, 9, 49, 500));
  });

  it('accepts a space for the T, with or without an offset', () => {
    expect(parseTimestamp('2026-10-10 08:00:00', shanghai)).toBe(Date.UTC(2026, 9, 10));
    expect(parseTimestamp('2026-11-01 01:03:14.354+08:00', shanghai)).toBe(
      Date.UTC(2026, 9, 31, 17, 3, 14, 354),
    );
  });

  it('reads the years 0001–0099 as themselves, not as 1901–1999', () => {
    const ms = parseTimestamp('0099-01-01T00:00:00Z', shanghai)!;
    expect(new Date(ms).getUTCFullYear()).toBe(99);
  });

  it('accepts compact and hour-only offsets', () => {
    expect(parseTimestamp('2026-10-10T08:00:00+0800', shanghai)).toBe(Date.UTC(2026, 9, 10));
    expect(parseTimestamp('2026-10-10T08:00:00+08', shanghai)).toBe(Date.UTC(2026, 9, 10));
    expect(parseTimestamp('2026-10-10T00:00:00-05:30', shanghai)).toBe(Date.UTC(2026, 9, 10, 5, 30));
  });

  it('rejects what is not a real instant', () => {
    for (const bad of ['2026-02-30T00:00:00Z', '2026-10-10', 'yesterday', '2026-10-10T24:00:00Z', '']) {
      expect(parseTimestamp(bad, shanghai), bad).toBeNull();
    }
  });

  it('resolves local times across daylight-saving changes', () => {
    // 2026-03-08 02:30 does not exist in New York: moved forward to 03:30 EDT.
    expect(parseTimestamp('2026-03-08T02:30:00', newYork)).toBe(Date.UTC(2026, 2, 8, 7, 30));
    // 2026-11-01 01:30 happens twice: the earlier (EDT) is chosen.
    expect(parseTimestamp('2026-11-01T01:30:00', newYork)).toBe(Date.UTC(2026, 10, 1, 5, 30));
    expect(parseTimestamp('2026-07-01T12:00:00', newYork)).toBe(Date.UTC(2026, 6, 1, 16));
  });
});

describe('local calendar', () => {
  it('finds local midnight and local dates', () => {
    expect(localMidnight('2026-10-01', shanghai)).toBe(Date.UTC(2026, 8, 30, 16));
    expect(localDateOf(Date.UTC(2026, 8, 30, 16), shanghai)).toBe('2026-10-01');
    expect(localDateOf(Date.UTC(2026, 8, 30, 15, 59, 59, 999), shanghai)).toBe('2026-09-30');
  });

  it('formats instants with the local offset', () => {
    expect(formatInstantLocal(Date.UTC(2026, 8, 30, 16), shanghai)).toBe('2026-10-01T00:00:00+08:00');
    expect(formatInstantLocal(Date.UTC(2026, 0, 1, 5), newYork)).toBe('2026-01-01T00:00:00-05:00');
  });
});
