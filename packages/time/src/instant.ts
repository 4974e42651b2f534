import { type DateParts, daysInMonth, parseDateParts, wallClockMs, wallMidnight } from './calendar.ts';
import type { Zone } from './zone.ts';

/**
 * Parses an ISO 8601 timestamp into epoch milliseconds: `YYYY-MM-DD`, `T` (or a space), `HH:MM`,
 * optional `:SS` with an optional fraction (`.` or `,`, one digit or more), optional offset (`Z`,
 * `+08`, `+0800`, `+08:00`). Without an offset the wall-clock time is read in `zone`. Fractions
 * finer than a millisecond are truncated. Returns null for anything that is not a real instant
 * in one of the accepted spellings. (Read character by character: it runs once per timestamp
 * cell of every export; `instant.test.ts` holds it to the grammar above as a regular expression.)
 */
export function parseTimestamp(text: string, zone: Zone): number | null {
  const n = text.length;
  if (n < 16) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const t = text.charCodeAt(10);
  if (
    year < 0 ||
    month < 0 ||
    day < 0 ||
    hour < 0 ||
    minute < 0 ||
    text.charCodeAt(4) !== DASH ||
    text.charCodeAt(7) !== DASH ||
    (t !== T && t !== SPACE) ||
    text.charCodeAt(13) !== COLON
  )
    return null;
  let i = 16;
  let second = 0;
  let millis = 0;
  if (i < n && text.charCodeAt(i) === COLON) {
    second = digits(text, i + 1, 2);
    if (second < 0) return null;
    i += 3;
    const mark = text.charCodeAt(i);
    if (i < n && (mark === DOT || mark === COMMA)) {
      const from = ++i;
      while (i < n && isDigit(text.charCodeAt(i))) i++;
      if (i === from) return null;
      // The first three digits, padded: `.5` is 500 ms, `.357999` 357 ms.
      for (let k = 0; k < 3; k++)
        millis = millis * 10 + (from + k < i ? text.charCodeAt(from + k) - ZERO : 0);
    }
  }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const wall = midnightOf(year, month, day) + ((hour * 60 + minute) * 60 + second) * 1000 + millis;
  if (i === n) return zone.instantOfWallClock(wall);
  const sign = text.charCodeAt(i);
  if (sign === Z || sign === LOWER_Z) return i + 1 === n ? wall : null;
  if (sign !== PLUS && sign !== MINUS) return null;
  const hours = digits(text, i + 1, 2);
  if (hours < 0) return null;
  let minutes = 0;
  const rest = n - (i + 3);
  if (rest === 2) minutes = digits(text, i + 3, 2);
  else if (rest === 3 && text.charCodeAt(i + 3) === COLON) minutes = digits(text, i + 4, 2);
  else if (rest !== 0) return null;
  if (minutes < 0 || hours > 23 || minutes > 59) return null;
  return wall - (sign === MINUS ? -1 : 1) * (hours * 60 + minutes) * 60_000;
}

// The last date a timestamp was on, and its midnight as a wall-clock value: the timestamps of an
// export mostly come day by day. The fields are checked (a real date; hour, minute and second in
// range) before this is used, so midnight plus the time of day is exactly what `Date.UTC` gives.
let lastDate = -1;
let lastMidnight = 0;

function midnightOf(year: number, month: number, day: number): number {
  const date = (year * 100 + month) * 100 + day;
  if (date !== lastDate) {
    lastMidnight = wallClockMs(year, month, day);
    lastDate = date;
  }
  return lastMidnight;
}

const ZERO = 48;
const DASH = 45;
const COLON = 58;
const DOT = 46;
const COMMA = 44;
const SPACE = 32;
const PLUS = 43;
const MINUS = 45;
const T = 84;
const Z = 90;
const LOWER_Z = 122;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= ZERO + 9;
}

// The number written by `count` ASCII digits at `from`, or -1 when any of them is not a digit.
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let k = from; k < from + count; k++) {
    const c = text.charCodeAt(k);
    if (!isDigit(c)) return -1;
    value = value * 10 + (c - ZERO);
  }
  return value;
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
  const wall = Math.trunc(ms + offsetMs);
  // Years 1970–9999 (what `toISOString` writes with four digits), by arithmetic: the date's text
  // is kept for the last day written, the offset's for the last offset (evidence rows and
  // explanations write many instants of few days); any other instant as `toISOString` gives it.
  if (!(wall >= 0 && wall < YEAR_10000_MS)) return formatByDate(ms, offsetMs);
  const day = Math.floor(wall / DAY_MS);
  if (day !== lastDay) {
    lastDayText = new Date(day * DAY_MS).toISOString().slice(0, 11);
    lastDay = day;
  }
  if (offsetMs !== lastOffset) {
    lastOffsetText = offsetText(offsetMs);
    lastOffset = offsetMs;
  }
  const seconds = Math.floor((wall - day * DAY_MS) / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor(seconds / 60) % 60;
  return `${lastDayText}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[seconds % 60]}${lastOffsetText}`;
}

const DAY_MS = 86_400_000;
// 10000-01-01T00:00:00Z.
const YEAR_10000_MS = 253_402_300_800_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
let lastDay = Number.NaN;
let lastDayText = '';
let lastOffset = Number.NaN;
let lastOffsetText = '';

function formatByDate(ms: number, offsetMs: number): string {
  return `${new Date(ms + offsetMs).toISOString().slice(0, 19)}${offsetText(offsetMs)}`;
}

function offsetText(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const abs = Math.abs(offsetMs) / 60_000;
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}:${mm}`;
}
