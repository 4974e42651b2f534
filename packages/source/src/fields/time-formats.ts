import { formatDate, wallClockMs, type Zone } from '@scorebook/time';
import { DateTime } from 'luxon';
import type { TimeFormat } from '../model.ts';
import { type Cell, WallClock } from '../read/file-items.ts';
import { serialToWallClockMs } from '../read/xlsx-serial.ts';

/** The earliest instant a timestamp may be: 1970-01-01T00:00:00.000Z. */
export const EARLIEST_INSTANT = 0;
/** The first instant after the latest a timestamp may be: 2101-01-01T00:00:00.000Z. */
export const END_OF_RANGE = Date.UTC(2101, 0, 1);
/** The range of dates, inclusive. */
export const EARLIEST_DATE = '1970-01-01';
export const LATEST_DATE = '2100-12-31';

/** A time format ready to read values: the tokens compiled once. */
export interface CompiledTimeFormat {
  text: string;
  /** Epoch milliseconds (an instant) or wall-clock milliseconds, or null when the value does not fit. */
  read(cell: Cell): { ms: number; wall: boolean } | null;
}

/** Why a format string cannot be used, in Chinese and English, or null. */
export function timeFormatProblem(
  format: TimeFormat,
  kind: 'timestamp' | 'date',
): { zh: string; en: string } | null {
  if (format.kind !== 'tokens') return null;
  const letters = tokenLetters(format.tokens);
  const has = (...ls: string[]) => ls.some((l) => letters.has(l));
  const missing: Array<[string, string]> = [];
  if (!has('y')) missing.push(['y(年)', 'y (year)']);
  if (!has('M', 'L')) missing.push(['M(月)', 'M (month)']);
  if (!has('d')) missing.push(['d(日)', 'd (day)']);
  if (missing.length > 0)
    return {
      zh: `缺少 ${missing.map(([zh]) => zh).join('、')}`,
      en: `it has no ${missing.map(([, en]) => en).join(', ')}`,
    };
  if (has('h') && !has('a'))
    return {
      zh: 'h 是 12 小时制:请加上 a(上午/下午),或用 H 表示 0–23 时',
      en: 'h is a 12-hour clock: add a (AM/PM), or use H for 0–23',
    };
  if (kind === 'date' && has('H', 'h', 'm', 's', 'S'))
    return { zh: '日期没有时刻:请去掉表示时间的记号', en: 'a date has no time of day; drop the time tokens' };
  return null;
}

/** Compiles a format of `source.yaml` (`yyyy/M/d H:mm:ss`, `excel`, `unix_s`, `unix_ms`). */
export function compileTimeFormat(format: TimeFormat): CompiledTimeFormat {
  switch (format.kind) {
    case 'excel':
      return {
        text: 'excel',
        read: (cell) => {
          const text = typeof cell === 'number' ? (Number.isFinite(cell) ? String(cell) : '') : cell;
          if (typeof text !== 'string' || !/^-?\d+(?:\.\d+)?$/.test(text)) return null;
          const ms = serialToWallClockMs(text, false);
          return ms === null ? null : { ms, wall: true };
        },
      };
    case 'unix_s':
    case 'unix_ms': {
      const scale = format.kind === 'unix_s' ? 3 : 0;
      return {
        text: format.kind,
        read: (cell) => {
          const ms = epochMs(cell, scale);
          return ms === null ? null : { ms, wall: false };
        },
      };
    }
    case 'tokens': {
      const parser = DateTime.buildFormatParser(format.tokens);
      const offset = ['Z', 'z'].some((l) => tokenLetters(format.tokens).has(l));
      return {
        text: format.tokens,
        read: (cell) => {
          if (typeof cell !== 'string' && typeof cell !== 'number') return null;
          const parsed = DateTime.fromFormatParser(String(cell), parser, { zone: 'utc', setZone: true });
          if (!parsed.isValid) return null;
          if (offset) return { ms: parsed.toMillis(), wall: false };
          const c = parsed.toObject();
          return {
            ms: wallClockMs(c.year, c.month, c.day, c.hour, c.minute, c.second, c.millisecond),
            wall: true,
          };
        },
      };
    }
  }
}

/**
 * Reads a timestamp: an xlsx date cell is its wall-clock time; otherwise the formats are tried
 * in order and the first full match wins. Wall-clock readings are placed in `zone`. Null when no
 * format matches; the caller checks the range.
 */
export function readTimestamp(cell: Cell, formats: readonly CompiledTimeFormat[], zone: Zone): number | null {
  if (cell instanceof WallClock) return zone.instantOfWallClock(cell.ms);
  for (const format of formats) {
    const read = format.read(cell);
    if (read !== null) return read.wall ? zone.instantOfWallClock(read.ms) : read.ms;
  }
  return null;
}

/** Reads a date: the calendar date of the wall-clock reading (an instant's, in `zone`). */
export function readDate(cell: Cell, formats: readonly CompiledTimeFormat[], zone: Zone): string | null {
  if (cell instanceof WallClock) return dateOfWallClock(cell.ms);
  for (const format of formats) {
    const read = format.read(cell);
    if (read !== null) return dateOfWallClock(read.wall ? read.ms : zone.wallClockOf(read.ms));
  }
  return null;
}

function dateOfWallClock(ms: number): string {
  const d = new Date(ms);
  return formatDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

// Epoch milliseconds from a decimal number of seconds (scale 3) or milliseconds (scale 0),
// computed on the digits so that no binary rounding creeps in; finer digits are truncated.
function epochMs(cell: Cell, scale: number): number | null {
  const text = typeof cell === 'number' ? (Number.isFinite(cell) ? numberText(cell) : '') : cell;
  if (typeof text !== 'string') return null;
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return null;
  const digits = `${m[2]}${(m[3] ?? '').padEnd(scale, '0').slice(0, scale)}`;
  const ms = Number(digits);
  return m[1] === '-' ? -ms : ms;
}

// A number's digits without an exponent (1.7e12 → "1700000000000").
function numberText(n: number): string {
  const text = String(n);
  if (!/e/i.test(text)) return text;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

function tokenLetters(tokens: string): Set<string> {
  const letters = new Set<string>();
  let quoted = false;
  for (const ch of tokens) {
    if (ch === "'") quoted = !quoted;
    else if (!quoted && /[A-Za-z]/.test(ch)) letters.add(ch);
  }
  return letters;
}
