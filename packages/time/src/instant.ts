import { type DateParts, daysInMonth, parseDateParts, wallClockMs, wallMidnight } from './calendar.ts';
import type { Zone } from './zone.ts';

// ISO 8601 extended format: date, `T` (or a space), hours and minutes, optional seconds and
// fraction, optional offset (`Z`, `+08`, `+0800`, `+08:00`).
const TIMESTAMP_RE =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * Parses an ISO 8601 timestamp into epoch milliseconds (a space may stand for the `T`). Without
 * an offset the wall-clock time is read in `zone`. Fractions finer than a millisecond are truncated. Returns null for
 * anything that is not a real instant in one of the accepted spellings.
 */
export function parseTimestamp(text: string, zone: Zone): number | null {
  const m = TIMESTAMP_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  const wall = wallClockMs(year, month, day, hour, minute, second, millis);
  const offset = m[8];
  if (offset === undefined) return zone.instantOfWallClock(wall);
  if (offset === 'Z' || offset === 'z') return wall;
  const sign = offset[0] === '-' ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = digits.length > 2 ? Number(digits.slice(2, 4)) : 0;
  if (hours > 23 || minutes > 59) return null;
  return wall - sign * (hours * 60 + minutes) * 60_000;
}

/** Epoch milliseconds of local midnight at the start of `date` in `zone`. */
export function localMidnight(date: string | DateParts, zone: Zone): number {
  const parts = typeof date === 'string' ? parseDateParts(date) : date;
  if (!parts) throw new RangeError(`not a date: ${String(date)}`);
  return zone.instantOfWallClock(wallMidnight(parts));
}

/** The local calendar date `YYYY-MM-DD` of an instant in `zone`. */
export function localDateOf(ms: number, zone: Zone): string {
  return new Date(zone.wallClockOf(ms)).toISOString().slice(0, 10);
}

/** An instant as ISO 8601 in UTC with milliseconds, the spelling conditions see. */
export function formatInstantUtc(ms: number): string {
  return new Date(ms).toISOString();
}

/** An instant as ISO 8601 local time with its offset, seconds precision (`2026-10-01T00:00:00+08:00`). */
export function formatInstantLocal(ms: number, zone: Zone): string {
  const offsetMs = zone.offsetAt(ms);
  const wall = new Date(ms + offsetMs).toISOString().slice(0, 19);
  const sign = offsetMs < 0 ? '-' : '+';
  const abs = Math.abs(offsetMs) / 60_000;
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${wall}${sign}${hh}:${mm}`;
}
