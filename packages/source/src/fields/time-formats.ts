import { formatDate, wallClockMs, type Zone } from '@scorebook/time';
import { DateTime } from 'luxon';
import type { TimeFormat } from '../model.ts';
import { type Cell, WallClock } from '../read/file-items.ts';

/** The earliest instant a timestamp may be: 1970-01-01T00:00:00.000Z. */
export const EARLIEST_INSTANT = 0;
/** The first instant after the latest a timestamp may be: 2101-01-01T00:00:00.000Z. */
export const END_OF_RANGE = Date.UTC(2101, 0, 1);
/** The range of dates, inclusive. */
export const EARLIEST_DATE = '1970-01-01';
export const LATEST_DATE = '2100-12-31';

/** Serial number of 1970-01-01 in Excel's 1900 date system. */
const EXCEL_UNIX_EPOCH = 25569;
const DAY_MS = 86_400_000;

/** A time format ready to read values: the tokens compiled once. */
export interface CompiledTimeFormat {
  text: string;
  /** Epoch milliseconds (an instant) or wall-clock milliseconds, or null when the value does not fit. */
  read(cell: Cell): { ms: number; wall: boolean } | null;
}

/** Why a format string cannot be used, or null. */
export function timeFormatProblem(format: TimeFormat, kind: 'timestamp' | 'date'): string | null {
  if (format.kind !== 'tokens') return null;
  const letters = tokenLetters(format.tokens);
  const has = (...ls: string[]) => ls.some((l) => letters.has(l));
  const missing: string[] = [];
  if (!has('y')) missing.push('y (year)');
  if (!has('M', 'L')) missing.push('M (month)');
  if (!has('d')) missing.push('d (day)');
  if (missing.length > 0) return `it has no ${missing.join(', ')}`;
  if (has('h') && !has('a')) return 'h is a 12-hour clock: add a (AM/PM), or use H for 0–23';
  if (kind === 'date' && has('H', 'h', 'm', 's', 'S'))
    return 'a date has no time of day; drop the time tokens';
  return null;
}

/** Compiles a format of `source.yaml` (`yyyy/M/d H:mm:ss`, `excel`, `unix_s`, `unix_ms`). */
export function compileTimeFormat(format: TimeFormat): CompiledTimeFormat {
  switch (format.kind) {
    case 'excel':
      return {
        text: 'excel',
        read: (cell) => {
          const serial = numberOf(cell);
          return serial === null
            ? null
            : { ms: Math.round((serial - EXCEL_UNIX_EPOCH) * DAY_MS), wall: true };
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

function numberOf(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'string' && /^-?\d+(?:\.\d+)?$/.test(cell)) return Number(cell);
  return null;
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
