import { compileTimeFormat } from '../fields/time-formats.ts';
import { toTimeFormat } from '../load/load-source.ts';
import type { Cell } from '../read/file-items.ts';
import { WallClock } from '../read/file-items.ts';
import { trimText } from '../read/white-space.ts';
import { compareCodePoints as compare } from './normalize.ts';

/** What a timestamp or date column's `format` should be, from a sample of its values. */
export interface FormatGuess {
  /**
   * Luxon tokens (one, or a list tried in order), `excel`, `unix_s` or `unix_ms`; null when no
   * `format` is needed: every value is ISO 8601 as the field reads by default, or an xlsx date cell.
   */
  format: string | string[] | null;
  /** Per format of `format`, in its order, how many sampled cells it is the first to read. */
  reads: FormatReads[];
  /** Sampled xlsx date cells: read as their wall-clock time whatever `format` says. */
  dateCells: number;
  /** Distinct text values that no guessed format reads, most frequent first (at most 5). */
  unmatched: string[];
  /** Some format puts the day and month in an order that the sample cannot tell (all ≤ 12). */
  dayMonthAmbiguous: boolean;
}

/** How many sampled cells a format read (the first format of the list that reads them). */
export interface FormatReads {
  format: string;
  cells: number;
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

type NumericKind = 'excel' | 'unix_s' | 'unix_ms';

/**
 * Guesses the `format` of a timestamp or date column from sample values (empty cells left out).
 * xlsx date cells need no format (they are counted apart). Numbers, and text of digits only,
 * are Excel serials (25569–73051, 1970–2100), epoch seconds or epoch milliseconds (2000–2100),
 * whichever most of them fit. Text is read by its shape — year-month-day with `-`, `/` or `.`,
 * `年月日`, day and month before a four-digit year, or `yyyyMMdd`, then an optional time with
 * `:` or `时分秒`, fraction, AM/PM and `+08:00`/`+0800` offset — into luxon tokens. Month and
 * day are zero-padded (`MM`, `dd`) only when some month or day shows a leading zero and none
 * shows a single digit, hours (`HH`) likewise on their own, so that `M`/`d`/`H` (which read
 * both) are used whenever the sample cannot tell; minutes and seconds are `mm`/`ss` unless a
 * value has a single digit. The numeric kind (when some number fits it) and the format of
 * every text shape are listed, most cells first (ties: the numeric kind, then code-point
 * order), a `yyyyMMdd` shape always before the numeric kind (which would read its digits too);
 * a single one gives a single format. Each cell is then read with the source's own readers
 * (`compileTimeFormat`), the first format of the list that reads it counted in `reads`; values
 * none reads are listed as unmatched.
 */
export function guessFormat(values: readonly Cell[], type: TimeType): FormatGuess {
  const texts = new Map<string, number>();
  const numbers: number[] = [];
  const cells: (string | number)[] = [];
  let dateCells = 0;
  for (const cell of values) {
    if (cell instanceof WallClock) dateCells++;
    else if (typeof cell === 'number') {
      numbers.push(cell);
      cells.push(cell);
    } else if (typeof cell === 'string') {
      const text = trimText(cell);
      if (text === '') continue;
      cells.push(text);
      if (isNumeric(text)) numbers.push(Number(text));
      else texts.set(text, (texts.get(text) ?? 0) + 1);
    }
  }
  const iso = type === 'timestamp' ? ISO_TIMESTAMP : ISO_DATE;
  if (numbers.length === 0 && [...texts.keys()].every((t) => iso.test(t))) {
    return { format: null, reads: [], dateCells, unmatched: [], dayMonthAmbiguous: false };
  }
  const numeric = numbers.length > 0 ? numericKind(numbers) : null;
  const shapes = new Map<string, ShapeStats>();
  for (const [text, count] of texts) {
    const parsed = parseShape(text);
    if (!parsed) continue;
    const stats = shapes.get(parsed.key) ?? newStats(parsed);
    addToStats(stats, parsed, count);
    shapes.set(parsed.key, stats);
  }
  const ranked = [...shapes.values()];
  const candidates = [
    ...(numeric
      ? [{ format: numeric.kind as string, count: numeric.count, compact: false, numeric: true }]
      : []),
    ...ranked.map((s) => ({
      format: formatOf(s),
      count: s.count,
      compact: s.order === 'compact',
      numeric: false,
    })),
  ].sort((a, b) => b.count - a.count || Number(b.numeric) - Number(a.numeric) || compare(a.format, b.format));
  const compact = candidates.filter((c) => c.compact);
  const formats = [...compact, ...candidates.filter((c) => !c.compact)].map((c) => c.format);
  // A number counts for the numeric kind when it fits its range (the reader would take any
  // number, 46300 as seconds of 1970); text for the first token format that reads it.
  const numericAt = numeric ? formats.indexOf(numeric.kind) : -1;
  const readers = formats.map((f, i) => (i === numericAt ? null : compileTimeFormat(toTimeFormat(f))));
  const read = formats.map(() => 0);
  const unread = new Map<string, number>();
  for (const cell of cells) {
    const text = String(cell);
    const i = isNumeric(cell)
      ? numeric && fits(numeric.kind, Number(cell))
        ? numericAt
        : -1
      : readers.findIndex((r) => r !== null && r.read(text) !== null);
    if (i >= 0) read[i] = (read[i] ?? 0) + 1;
    else unread.set(text, (unread.get(text) ?? 0) + 1);
  }
  const unmatched = [...unread.entries()]
    .sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))
    .map(([text]) => text);
  const [only, ...more] = formats;
  return {
    format: only === undefined ? null : more.length === 0 ? only : formats,
    reads: formats.map((format, i) => ({ format, cells: read[i] ?? 0 })),
    dateCells,
    unmatched: unmatched.slice(0, 5),
    dayMonthAmbiguous: ranked.some((s) => s.order === 'md' && s.maxA <= 12 && s.maxB <= 12),
  };
}

// A number cell, or text of digits only that is not a `yyyyMMdd` date.
function isNumeric(cell: string | number): boolean {
  return typeof cell === 'number' || (/^\d+(\.\d+)?$/.test(cell) && !/^(19|20)\d{6}$/.test(cell));
}

const within = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v < hi;

// Whether a number is in the range of a kind (an epoch an integer).
function fits(kind: NumericKind, v: number): boolean {
  if (kind === 'excel') return within(v, EXCEL);
  return Number.isInteger(v) && within(v, kind === 'unix_s' ? UNIX_S : UNIX_MS);
}

// The kind most numbers fit, and how many fit it; ties to the earlier of excel, unix_s, unix_ms.
// Null when none fits.
function numericKind(numbers: readonly number[]): { kind: NumericKind; count: number } | null {
  const kinds = { excel: 0, unix_s: 0, unix_ms: 0 };
  for (const v of numbers) {
    if (Number.isInteger(v) && within(v, UNIX_MS)) kinds.unix_ms++;
    else if (Number.isInteger(v) && within(v, UNIX_S)) kinds.unix_s++;
    else if (within(v, EXCEL)) kinds.excel++;
  }
  const [kind, count] = (
    [
      ['excel', kinds.excel],
      ['unix_s', kinds.unix_s],
      ['unix_ms', kinds.unix_ms],
    ] as const
  ).reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return count === 0 ? null : { kind, count };
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
