import { describe, expect, it } from 'vitest';
import { daysInMonth } from './calendar.ts';
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

  it('formats every instant as toISOString of its wall clock gives it', () => {
    // The spelling before the arithmetic one: any instant, any zone, days and offsets in any order.
    function byDate(ms: number, zone: Zone): string {
      const offsetMs = zone.offsetAt(ms);
      const sign = offsetMs < 0 ? '-' : '+';
      const abs = Math.abs(offsetMs) / 60_000;
      const hh = String(Math.floor(abs / 60)).padStart(2, '0');
      const mm = String(abs % 60).padStart(2, '0');
      return `${new Date(ms + offsetMs).toISOString().slice(0, 19)}${sign}${hh}:${mm}`;
    }
    const zones = [
      shanghai,
      newYork,
      new Zone('Asia/Kolkata'),
      new Zone('Australia/Lord_Howe'),
      new Zone('UTC'),
    ];
    let seed = 7;
    const random = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const edges = [
      0, -1, 1, 999, 1000, -28_800_000, 253_402_300_799_999, 253_402_300_800_000, -62_198_755_200_000,
    ];
    const instants = [
      ...edges,
      ...Array.from({ length: 4000 }, () => Math.floor((random() - 0.3) * 400_000_000_000_00)),
      ...Array.from({ length: 2000 }, () => Date.UTC(2026, 9, 1) + Math.floor(random() * 90 * 86_400_000)),
      ...Array.from({ length: 200 }, () => Date.UTC(2026, 2, 8) + random() * 86_400_000),
    ];
    for (const zone of zones)
      for (const ms of instants) expect(formatInstantLocal(ms, zone)).toBe(byDate(ms, zone));
    expect(() => formatInstantLocal(Number.NaN, shanghai)).toThrow(RangeError);
  });
});

describe('parseTimestamp against its grammar', () => {
  // The grammar of parseTimestamp as one regular expression, and the reading of its parts.
  const GRAMMAR =
    /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;
  function byGrammar(text: string, zone: Zone): number | null {
    const m = GRAMMAR.exec(text);
    if (!m) return null;
    const [year, month, day, hour, minute] = [1, 2, 3, 4, 5].map((k) => Number(m[k])) as [
      number,
      number,
      number,
      number,
      number,
    ];
    const second = m[6] === undefined ? 0 : Number(m[6]);
    if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
    if (hour > 23 || minute > 59 || second > 59) return null;
    const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    date.setUTCHours(hour, minute, second, millis);
    const wall = date.getTime();
    const offset = m[8];
    if (offset === undefined) return zone.instantOfWallClock(wall);
    if (offset === 'Z' || offset === 'z') return wall;
    const digits = offset.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
    if (hours > 23 || minutes > 59) return null;
    return wall - (offset[0] === '-' ? -1 : 1) * (hours * 60 + minutes) * 60_000;
  }

  it('gives what the grammar gives for 100,000 spellings and near misses', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    // Mostly one of the valid choices (listed first), else any, so that about half are instants.
    const pick = (valid: readonly string[], other: readonly string[]): string => {
      const xs = random() < 0.93 ? valid : other;
      return xs[Math.floor(random() * xs.length)] ?? '';
    };
    const two = () => String(Math.floor(random() * 100)).padStart(2, '0');
    const parts = [
      () => pick(['2026', '0099', '1970', '2100', '2024', '2023'], ['0000', '9999', '202', '20260']),
      () => pick(['-'], ['/', '']),
      () => pick(['01', '02', '10', '12'], ['13', '00', two()]),
      () => pick(['-'], ['', '.']),
      () => pick(['01', '15', '28'], ['29', '30', '31', '32', '00', two()]),
      () => pick(['T', ' '], ['t', '', 'TT']),
      () => pick(['00', '08', '23'], ['24', two()]),
      () => pick([':'], ['', '-']),
      () => pick(['00', '30', '59'], ['60', two()]),
      () => pick(['', ':00', ':59'], [':60', `:${two()}`, ':5', ':0000']),
      () => pick(['', '.5', '.357999', ',1', '.000'], ['.', '.12a', '.9999']),
      () =>
        pick(
          ['', 'Z', 'z', '+08:00', '+0800', '+08', '-05:30'],
          ['+08:', '+8', '+24:00', '+08:60', 'ZZ', ' ', '+08:00 ', '+08000', '+0:800'],
        ),
    ];
    let valid = 0;
    const differ: string[] = [];
    for (let k = 0; k < 100_000; k++) {
      const text = parts.map((part) => part()).join('');
      const zone = k % 2 === 0 ? shanghai : newYork;
      const expected = byGrammar(text, zone);
      if (expected !== null) valid++;
      if (parseTimestamp(text, zone) !== expected) differ.push(text);
    }
    expect(differ).toEqual([]);
    expect(valid).toBeGreaterThan(30_000);
  });
});
