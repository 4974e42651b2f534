/** A calendar date `YYYY-MM-DD` split into numbers. */
export interface DateParts {
  year: number;
  month: number;
  day: number;
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict `YYYY-MM-DD` date; null when malformed or not a real day. */
export function parseDateParts(text: string): DateParts | null {
  const m = DATE_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** Number of days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DD` of the given parts, zero-padded. */
export function formatDate(parts: DateParts): string {
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

/** The date `days` after `date` (negative for before). */
export function addDays(date: string, days: number): string {
  const parts = parseDateParts(date);
  if (!parts) throw new RangeError(`not a date: ${date}`);
  const ms = wallClockMs(parts.year, parts.month, parts.day) + days * 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/** Day of week of a date, 0 = Monday … 6 = Sunday. */
export function weekdayIndex(date: string): number {
  const parts = parseDateParts(date);
  if (!parts) throw new RangeError(`not a date: ${date}`);
  return (new Date(wallMidnight(parts)).getUTCDay() + 6) % 7;
}

/** Milliseconds of midnight UTC of the date; used as a wall-clock value. */
export function wallMidnight(parts: DateParts): number {
  return wallClockMs(parts.year, parts.month, parts.day);
}

/**
 * The milliseconds `Date.UTC` gives for calendar fields (month 1–12), also for the years 0–99
 * that `Date.UTC` would read as 1900–1999.
 */
export function wallClockMs(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  millisecond = 0,
): number {
  if (year >= 100) return Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millisecond);
  return date.getTime();
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
