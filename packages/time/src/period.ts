import { type ArgsOf, messageOf, type Problem } from '@scorebook/problems';
import { addDays, daysInMonth, formatDate, parseDateParts, weekdayIndex } from './calendar.ts';
import { PERIOD_ERRORS, type PeriodProblemCode } from './errors.ts';
import { formatInstantLocal, localMidnight } from './instant.ts';
import type { Zone } from './zone.ts';

/** The kinds of period that are evaluated and published: closed calendar periods. */
export type EvaluationKind = 'month' | 'quarter' | 'year';

/** The kinds of period for monitoring: ISO weeks, days and custom ranges of days. */
export type MonitoringKind = 'week' | 'day' | 'range';

/** The kinds of period. */
export type PeriodKind = EvaluationKind | MonitoringKind;

/** A calendar period, independent of any timezone. */
export interface Period {
  /**
   * The canonical id: `2026-10`, `2026-Q4`, `2026`, `2026-W43`, `2026-10-05` or
   * `2026-11-01..2026-11-11` (see docs/periods.md).
   */
  id: string;
  kind: PeriodKind;
  /** First day, `YYYY-MM-DD`. */
  firstDay: string;
  /** The day after the last day, `YYYY-MM-DD` (exclusive end). */
  endDay: string;
}

/** A period placed in a timezone: local midnight of its first day to local midnight after its last. */
export interface ZonedPeriod extends Period {
  startMs: number;
  endMs: number;
  /** `startMs` as ISO 8601 with the zone's offset. */
  start: string;
  end: string;
}

/** A period read from text, or the problem that stops it (never both). */
export type PeriodReading = { period: Period; problem: null } | { period: null; problem: Problem };

const PERIOD_RE = /^(\d{4})(?:-(0[1-9]|1[0-2])|-[Qq]([1-4]))?$/;
const WEEK_RE = /^(\d{4})-[Ww](\d{2})$/;
const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;
const RANGE_RE = /^(.*)\.\.(.*)$/;

/**
 * Parses any period: `2026-10`, `2026-Q4` (or `2026-q4`), `2026`, `2026-W43` (or `2026-w43`),
 * `2026-10-05`, `2026-11-01..2026-11-11`; null for anything else. Callers that only take
 * evaluation periods use parseEvaluationPeriod.
 */
export function parsePeriod(text: string): Period | null {
  return readPeriod(text).period;
}

/** Parses a month, a quarter or a year as parsePeriod does; null for any other text or kind. */
export function parseEvaluationPeriod(text: string): Period | null {
  const period = parsePeriod(text);
  return period !== null && isEvaluationKind(period.kind) ? period : null;
}

/** Reads a period as parsePeriod does, or says what is wrong with the text and how to write it. */
export function readPeriod(text: string): PeriodReading {
  const m = PERIOD_RE.exec(text);
  if (m) {
    const year = Number(m[1]);
    if (m[2] !== undefined) return found(monthPeriod(year, Number(m[2])));
    if (m[3] !== undefined) return found(quarterPeriod(year, Number(m[3])));
    return found(yearPeriod(year));
  }
  const week = WEEK_RE.exec(text);
  if (week) {
    const year = Number(week[1]);
    const number = Number(week[2]);
    const weeks = isoWeeksInYear(year);
    if (number < 1 || number > weeks) return refused('PERIOD_WEEK_INVALID', text, { year, weeks });
    return found(weekPeriod(year, number));
  }
  if (DAY_RE.test(text)) {
    const day = dayPeriod(text);
    return day === null ? refused('PERIOD_DAY_INVALID', text, dayHint(text)) : found(day);
  }
  const range = RANGE_RE.exec(text);
  if (range) {
    const [from, to] = [range[1] as string, range[2] as string];
    for (const end of [from, to]) {
      if (!DAY_RE.test(end) || parseDateParts(end) === null)
        return refused('PERIOD_RANGE_INVALID', text, { day: end, ...dayHint(end) });
    }
    if (to < from) return refused('PERIOD_RANGE_REVERSED', text, { from, to });
    return found(rangePeriod(from, addDays(to, 1)));
  }
  if (/^\d{4}-\d{2}$/.test(text)) return refused('PERIOD_MONTH_INVALID', text);
  if (/^\d{4}-[Qq]\d+$/.test(text)) return refused('PERIOD_QUARTER_INVALID', text);
  return refused('PERIOD_MALFORMED', text);
}

/** True for the kinds that are evaluated and published (month, quarter, year). */
export function isEvaluationKind(kind: PeriodKind): kind is EvaluationKind {
  return kind === 'month' || kind === 'quarter' || kind === 'year';
}

/** True for the kinds used for monitoring only (week, day, range). */
export function isMonitoringKind(kind: PeriodKind): kind is MonitoringKind {
  return !isEvaluationKind(kind);
}

/** Places a period in a timezone. */
export function zonePeriod(period: Period, zone: Zone): ZonedPeriod {
  const startMs = localMidnight(period.firstDay, zone);
  const endMs = localMidnight(period.endDay, zone);
  return {
    ...period,
    startMs,
    endMs,
    start: formatInstantLocal(startMs, zone),
    end: formatInstantLocal(endMs, zone),
  };
}

/**
 * The period of the same kind just before `period`: `2026-10` → `2026-09`, `2026-Q1` →
 * `2025-Q4`, `2026` → `2025`, `2027-W01` → `2026-W53`, `2026-10-01` → `2026-09-30`, and for a
 * range the range of the same number of days ending the day before it starts.
 */
export function previousPeriod(period: Period): Period {
  const year = Number(period.id.slice(0, 4));
  switch (period.kind) {
    case 'year':
      return yearPeriod(year - 1);
    case 'quarter': {
      const q = Number(period.id.slice(6));
      return q === 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, q - 1);
    }
    case 'month': {
      const month = Number(period.id.slice(5, 7));
      return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
    }
    case 'week': {
      const week = Number(period.id.slice(6));
      return week === 1 ? weekPeriod(year - 1, isoWeeksInYear(year - 1)) : weekPeriod(year, week - 1);
    }
    case 'day':
      return dayPeriod(addDays(period.firstDay, -1)) as Period;
    case 'range':
      return rangePeriod(
        addDays(period.firstDay, -daysBetween(period.firstDay, period.endDay)),
        period.firstDay,
      );
  }
}

/** The ISO week holding a date `YYYY-MM-DD`, as a period (`2026-12-31` → `2026-W53`). */
export function weekOf(date: string): Period {
  // The ISO week-numbering year is the year of the week's Thursday.
  const thursday = addDays(date, 3 - weekdayIndex(date));
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor(daysBetween(weekOneMonday(year), thursday) / 7) + 1;
  return weekPeriod(year, week);
}

/** The number of ISO weeks of an ISO week-numbering year: 53 when it starts or ends on a Thursday, else 52. */
export function isoWeeksInYear(year: number): number {
  const jan1 = weekdayIndex(formatDate({ year, month: 1, day: 1 }));
  const dec31 = weekdayIndex(formatDate({ year, month: 12, day: 31 }));
  return jan1 === 3 || dec31 === 3 ? 53 : 52;
}

/**
 * The order in which periods are listed: by first day; for the same first day the longer first
 * (so a year, then its first quarter, its first month, then a range, a week, a day); then by id.
 */
export function comparePeriods(a: Period, b: Period): number {
  return compareText(a.firstDay, b.firstDay) || compareText(b.endDay, a.endDay) || compareText(a.id, b.id);
}

// A period's id is its first day cut to `YYYY-MM`, `YYYY-Qn` or `YYYY`, as parsePeriod reads it.
function monthPeriod(year: number, month: number): Period {
  const firstDay = formatDate({ year, month, day: 1 });
  return { id: firstDay.slice(0, 7), kind: 'month', firstDay, endDay: firstOfMonthAfter(year, month) };
}

function quarterPeriod(year: number, quarter: number): Period {
  const month = (quarter - 1) * 3 + 1;
  const firstDay = formatDate({ year, month, day: 1 });
  return {
    id: `${firstDay.slice(0, 4)}-Q${quarter}`,
    kind: 'quarter',
    firstDay,
    endDay: firstOfMonthAfter(year, month + 2),
  };
}

function yearPeriod(year: number): Period {
  const firstDay = formatDate({ year, month: 1, day: 1 });
  return { id: firstDay.slice(0, 4), kind: 'year', firstDay, endDay: firstOfMonthAfter(year, 12) };
}

function weekPeriod(year: number, week: number): Period {
  const firstDay = addDays(weekOneMonday(year), 7 * (week - 1));
  return {
    id: `${formatDate({ year, month: 1, day: 1 }).slice(0, 4)}-W${String(week).padStart(2, '0')}`,
    kind: 'week',
    firstDay,
    endDay: addDays(firstDay, 7),
  };
}

function dayPeriod(day: string): Period | null {
  if (parseDateParts(day) === null) return null;
  return { id: day, kind: 'day', firstDay: day, endDay: addDays(day, 1) };
}

function rangePeriod(firstDay: string, endDay: string): Period {
  return { id: `${firstDay}..${addDays(endDay, -1)}`, kind: 'range', firstDay, endDay };
}

// Week 1 is the week with the year's first Thursday, that is the week holding 4 January.
function weekOneMonday(year: number): string {
  const jan4 = formatDate({ year, month: 1, day: 4 });
  return addDays(jan4, -weekdayIndex(jan4));
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function firstOfMonthAfter(year: number, month: number): string {
  return month === 12
    ? formatDate({ year: year + 1, month: 1, day: 1 })
    : formatDate({ year, month: month + 1, day: 1 });
}

// For a day that does not exist: how many days its month has, when the month exists.
function dayHint(text: string): { month: string; days: number | null } {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const real = month >= 1 && month <= 12;
  return { month: text.slice(0, 7), days: real ? daysInMonth(year, month) : null };
}

function found(period: Period): PeriodReading {
  return { period, problem: null };
}

function refused<K extends PeriodProblemCode>(
  code: K,
  text: string,
  params?: Omit<Parameters<(typeof PERIOD_ERRORS)[K]['en']>[0], 'text'>,
): PeriodReading {
  // Every entry takes `text`; the others come typed by the code.
  const args = [{ text, ...params }] as unknown as ArgsOf<(typeof PERIOD_ERRORS)[K]>;
  return {
    period: null,
    problem: {
      code,
      severity: 'error',
      message: messageOf(PERIOD_ERRORS, code, ...args),
      file: null,
      line: null,
      column: null,
    },
  };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
