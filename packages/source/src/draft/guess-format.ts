import { DateTime } from 'luxon';
import { trimText } from '../fields/type-value.ts';
import type { Cell } from '../read/file-items.ts';
import { WallClock } from '../read/file-items.ts';
import { compareCodePoints as compare } from './normalize.ts';

/** What a timestamp or date column's `format` should be, from a sample of its values. */
export interface FormatGuess {
  /**
   * Luxon tokens (one, or a list tried in order), `excel`, `unix_s` or `unix_ms`; null when no
   * `format` is needed: every value is ISO 8601 as the field reads by default, or an xlsx date cell.
   */
  format: string | string[] | null;
  /** Distinct text values that no guessed format reads, most frequent first (at most 5). */
  unmatched: string[];
  /** Some format puts the day and month in an order that the sample cannot tell (all ≤ 12). */
  dayMonthAmbiguous: boolean;
}

/** The contract types a `format` applies to. */
export type TimeType = 'timestamp' | 'date';

// What the field reads without a format (`docs/contract/data-contract.md`, `docs/contract/source-format.md`): ISO 8601 with a
// `T` or a space, seconds and fraction optional, an optional offset; a date is `YYYY-MM-DD`.
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}([.,]\d+)?)?(Z|z|[+-]\d{2}(:?\d{2})?)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Epoch and serial ranges that fall between 2000 and 2100 (serials: 1970–2100).
const UNIX_S = [946_684_800, 4_102_444_800] as const;
const UNIX_MS = [946_684_800_000, 4_102_444_800_000] as const;
const EXCEL = [25_569, 73_051] as const;

/**
 * Guesses the `format` of a timestamp or date column from sample values (empty cells left out).
 * xlsx date cells need no format. Numbers, and text of digits only, are Excel serials
 * (25569–73051, 1970–2100), epoch seconds or epoch milliseconds (2000–2100), whichever most of
 * them fit. Text is read by its shape — year-month-day with `-`, `/` or `.`, `年月日`, day and
 * month before a four-digit year, or `yyyyMMdd`, then an optional time with `:` or `时分秒`,
 * fraction, AM/PM and `+08:00`/`+0800` offset — into luxon tokens. Month and day are
 * zero-padded (`MM`, `dd`) only when some month or day shows a leading zero and none shows a
 * single digit, hours (`HH`) likewise on their own, so that `M`/`d`/`H` (which read both) are
 * used whenever the sample cannot tell; minutes and seconds are `mm`/`ss` unless a value has a
 * single digit. When text
 * outnumbers numbers, the formats of all shapes are listed, most frequent first (ties in
 * code-point order); a single shape gives a single format. Values no format reads are listed
 * as unmatched, checked with luxon's `fromFormat`.
 */
export function guessFormat(values: readonly Cell[], type: TimeType): FormatGuess {
  const texts = new Map<string, number>();
  const numbers: number[] = [];
  for (const cell of values) {
    if (cell instanceof WallClock) continue;
    if (typeof cell === 'number') numbers.push(cell);
    else if (typeof cell === 'string') {
      const text = trimText(cell);
      if (text === '') continue;
      if (/^\d+(\.\d+)?$/.test(text) && !/^(19|20)\d{6}$/.test(text)) numbers.push(Number(text));
      else texts.set(text, (texts.get(text) ?? 0) + 1);
    }
  }
  const textCount = [...texts.values()].reduce((a, b) => a + b, 0);
  if (numbers.length > 0 && numbers.length >= textCount) return guessNumeric(numbers, texts);
  const unmatchedNumbers = numbers.map(String);
  const iso = type === 'timestamp' ? ISO_TIMESTAMP : ISO_DATE;
  if ([...texts.keys()].every((t) => iso.test(t)) && unmatchedNumbers.length === 0) {
    return { format: null, unmatched: [], dayMonthAmbiguous: false };
  }
  const shapes = new Map<string, ShapeStats>();
  for (const [text, count] of texts) {
    const parsed = parseShape(text);
    if (!parsed) continue;
    const stats = shapes.get(parsed.key) ?? newStats(parsed);
    addToStats(stats, parsed, count);
    shapes.set(parsed.key, stats);
  }
  const ranked = [...shapes.values()].sort((a, b) => b.count - a.count || compare(a.key, b.key));
  const formats = ranked.map(formatOf);
  const unmatched = [...texts.entries()]
    .filter(
      ([text]) =>
        !formats.some((f) => DateTime.fromFormat(text, f, { zone: 'UTC', locale: 'en-US' }).isValid),
    )
    .sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
    .map(([text]) => text);
  const [only, ...more] = formats;
  const format = only === undefined ? null : more.length === 0 ? only : formats;
  return {
    format,
    unmatched: [...unmatched, ...unmatchedNumbers].slice(0, 5),
    dayMonthAmbiguous: ranked.some((s) => s.order === 'md' && s.maxA <= 12 && s.maxB <= 12),
  };
}

function guessNumeric(numbers: readonly number[], texts: ReadonlyMap<string, number>): FormatGuess {
  const kinds = { excel: 0, unix_s: 0, unix_ms: 0 };
  const within = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v < hi;
  for (const v of numbers) {
    if (Number.isInteger(v) && within(v, UNIX_MS)) kinds.unix_ms++;
    else if (Number.isInteger(v) && within(v, UNIX_S)) kinds.unix_s++;
    else if (within(v, EXCEL)) kinds.excel++;
  }
  // The kind most numbers fit; ties to the earlier of excel, unix_s, unix_ms.
  const [kind, count] = (
    [
      ['excel', kinds.excel],
      ['unix_s', kinds.unix_s],
      ['unix_ms', kinds.unix_ms],
    ] as const
  ).reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  const fits = (v: number) =>
    kind === 'excel'
      ? within(v, EXCEL)
      : Number.isInteger(v) && within(v, kind === 'unix_s' ? UNIX_S : UNIX_MS);
  const unmatched = [...new Set(numbers.filter((v) => count === 0 || !fits(v)).map(String)), ...texts.keys()];
  return { format: count === 0 ? null : kind, unmatched: unmatched.slice(0, 5), dayMonthAmbiguous: false };
}

type DateOrder = 'ymd' | 'cjk' | 'md' | 'compact';

interface ParsedShape {
  key: string;
  order: DateOrder;
  /** Month, day or the two numbers before the year (`a`, `b`), then time components. */
  parts: Record<'a' | 'b' | 'H' | 'M' | 'S', string | undefined>;
  fraction: string | undefined;
}

interface ShapeStats {
  key: string;
  order: DateOrder;
  count: number;
  /** Per component: some value has one digit / some value has a leading zero. */
  single: Set<string>;
  zero: Set<string>;
  maxA: number;
  maxB: number;
  /** Every fraction has exactly three digits. */
  millis: boolean;
}

// The date part, then an optional time part, then an optional offset. The template keeps the
// literal text and marks components as {a} {b} {H} {M} {S} {F} for the padding decision.
const DATE_PARTS: readonly [DateOrder, RegExp][] = [
  ['ymd', /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})/],
  ['cjk', /^(\d{4})年(\d{1,2})月(\d{1,2})日/],
  ['md', /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})/],
  ['compact', /^(\d{4})(\d{2})(\d{2})/],
];
const TIME_COLON = /^(T|\s*)(\d{1,2}):(\d{1,2})(?::(\d{1,2})(?:[.,](\d{1,9}))?)?/;
const TIME_CJK = /^(\s*)(\d{1,2})时(\d{1,2})分(?:(\d{1,2})秒)?/;
const MERIDIEM = /^(\s*)(AM|PM|am|pm)/;
const OFFSET = /^(\s*)([+-]\d{2})(:?)(\d{2})$/;

function parseShape(text: string): ParsedShape | null {
  for (const [order, re] of DATE_PARTS) {
    const m = re.exec(text);
    if (!m) continue;
    const parts: ParsedShape['parts'] = {
      a: undefined,
      b: undefined,
      H: undefined,
      M: undefined,
      S: undefined,
    };
    let template: string;
    if (order === 'ymd') {
      [parts.a, parts.b] = [m[3], m[4]];
      template = `yyyy${m[2]}{a}${m[2]}{b}`;
    } else if (order === 'cjk') {
      [parts.a, parts.b] = [m[2], m[3]];
      template = 'yyyy年{a}月{b}日';
    } else if (order === 'md') {
      [parts.a, parts.b] = [m[1], m[3]];
      template = `{a}${m[2]}{b}${m[2]}yyyy`;
    } else {
      template = 'yyyyMMdd';
    }
    let rest = text.slice(m[0].length);
    let fraction: string | undefined;
    const time = TIME_COLON.exec(rest) ?? TIME_CJK.exec(rest);
    if (time) {
      const cjk = time[0].includes('时');
      const sep = time[1] === 'T' ? "'T'" : (time[1] ?? '');
      [parts.H, parts.M, parts.S] = [time[2], time[3], time[4]];
      fraction = cjk ? undefined : time[5];
      template += cjk
        ? `${sep}{H}时{M}分${parts.S === undefined ? '' : '{S}秒'}`
        : `${sep}{H}:{M}${parts.S === undefined ? '' : ':{S}'}${fraction === undefined ? '' : '.{F}'}`;
      rest = rest.slice(time[0].length);
      const meridiem = MERIDIEM.exec(rest);
      if (meridiem) {
        template = template.replace('{H}', '{h}');
        template += `${meridiem[1]}a`;
        rest = rest.slice(meridiem[0].length);
      }
    }
    const offset = OFFSET.exec(rest);
    if (offset) {
      template += `${offset[1]}${offset[3] === ':' ? 'ZZ' : 'ZZZ'}`;
      rest = '';
    }
    if (rest !== '') return null;
    return { key: template, order, parts, fraction };
  }
  return null;
}

function newStats({ key, order }: ParsedShape): ShapeStats {
  return { key, order, count: 0, single: new Set(), zero: new Set(), maxA: 0, maxB: 0, millis: true };
}

function addToStats(stats: ShapeStats, shape: ParsedShape, count: number): void {
  stats.count += count;
  for (const [name, digits] of Object.entries(shape.parts)) {
    if (digits === undefined) continue;
    if (digits.length === 1) stats.single.add(name);
    else if (digits.startsWith('0')) stats.zero.add(name);
  }
  stats.maxA = Math.max(stats.maxA, Number(shape.parts.a ?? 0));
  stats.maxB = Math.max(stats.maxB, Number(shape.parts.b ?? 0));
  if (shape.fraction !== undefined && shape.fraction.length !== 3) stats.millis = false;
}

function formatOf(stats: ShapeStats): string {
  // An export pads month and day alike: one leading zero in either shows the style, as does one
  // single digit. Hours are often written apart (Excel's `yyyy/mm/dd h:mm`), so they decide alone.
  const dateZero = stats.zero.has('a') || stats.zero.has('b');
  const dateSingle = stats.single.has('a') || stats.single.has('b');
  const pad = dateZero && !dateSingle;
  const hourPad = stats.zero.has('H') && !stats.single.has('H');
  const two = (name: string, one: string, padded: string) => (stats.single.has(name) ? one : padded);
  // Before a four-digit year the first number is the day when it exceeds 12; otherwise the month
  // (the US order of English exports).
  const dayFirst = stats.order === 'md' && stats.maxA > 12;
  const month = pad ? 'MM' : 'M';
  const day = pad ? 'dd' : 'd';
  return stats.key
    .replace('{a}', dayFirst ? day : month)
    .replace('{b}', dayFirst ? month : day)
    .replace('{H}', hourPad ? 'HH' : 'H')
    .replace('{h}', hourPad ? 'hh' : 'h')
    .replace('{M}', two('M', 'm', 'mm'))
    .replace('{S}', two('S', 's', 'ss'))
    .replace('{F}', stats.millis ? 'SSS' : 'u');
}
