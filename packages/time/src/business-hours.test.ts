import { describe, expect, it } from 'vitest';
import { BusinessClock, type BusinessHours, byWeekday, parseInterval } from './business-hours.ts';
import { parseTimestamp } from './instant.ts';
import { Zone } from './zone.ts';

const zone = new Zone('Asia/Shanghai');
const at = (text: string) => parseTimestamp(text, zone)!;

function hours(intervals: string[], holidays: string[] = []): BusinessHours {
  const parsed = intervals.map((i) => parseInterval(i)!);
  return {
    week: byWeekday(() => parsed),
    holidays: new Set(holidays),
  };
}

describe('parseInterval', () => {
  it('reads HH:MM-HH:MM with 24:00 as an end', () => {
    expect(parseInterval('08:00-24:00')).toEqual([480, 1440]);
    expect(parseInterval('09:30-12:00')).toEqual([570, 720]);
  });
  it('refuses reversed or malformed intervals', () => {
    for (const bad of ['12:00-09:00', '24:00-24:00', '9:00-12:00', '08:00-24:30', '08:00'])
      expect(parseInterval(bad), bad).toBeNull();
  });
});

describe('BusinessClock', () => {
  const clock = new BusinessClock(hours(['08:00-24:00']), zone);

  it('counts a block at 07:55 answered at 08:01 as 60 seconds', () => {
    expect(clock.secondsBetween(at('2026-10-05T07:55:00'), at('2026-10-05T08:01:00'))).toBe(60);
  });

  it('counts nothing overnight', () => {
    expect(clock.secondsBetween(at('2026-10-05T23:59:00'), at('2026-10-06T08:00:30'))).toBe(90);
  });

  it('counts all time inside the hours', () => {
    expect(clock.secondsBetween(at('2026-10-05T10:00:00'), at('2026-10-05T10:00:42.500'))).toBe(42.5);
  });

  it('skips holidays and closed weekdays', () => {
    const week = hours(['09:00-18:00'], ['2026-10-06']);
    week.week.sat = [];
    week.week.sun = [];
    const c = new BusinessClock(week, zone);
    // Mon 17:59 → Wed 09:01, with Tuesday a holiday: 60 + 60 seconds.
    expect(c.secondsBetween(at('2026-10-05T17:59:00'), at('2026-10-07T09:01:00'))).toBe(120);
    // Fri 17:00 → Mon 10:00: 1h + 1h.
    expect(c.secondsBetween(at('2026-10-09T17:00:00'), at('2026-10-12T10:00:00'))).toBe(7200);
  });
});
