import { formatDate } from './calendar.ts';
import { formatInstantLocal, localMidnight } from './instant.ts';
import type { Zone } from './zone.ts';

/** The kinds of evaluation period. */
export type PeriodKind = 'month' | 'quarter' | 'year';

/** A calendar period, independent of any timezone. */
export interface Period {
  /** As written: `2026-10`, `2026-Q4` or `2026`. */
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

const PERIOD_RE = /^(\d{4})(?:-(0[1-9]|1[0-2])|-[Qq]([1-4]))?$/;

/** Parses `2026-10`, `2026-Q4` (or `2026-q4`) or `2026`; null for anything else. */
export function parsePeriod(text: string): Period | null {
  const m = PERIOD_RE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  if (m[2] !== undefined) return monthPeriod(year, Number(m[2]));
  if (m[3] !== undefined) return quarterPeriod(year, Number(m[3]));
  return yearPeriod(year);
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

/** The period of the same kind just before `period` (`2026-10` → `2026-09`, `2026-Q1` → `2025-Q4`). */
export function previousPeriod(period: Period): Period {
  const year = Number(period.id.slice(0, 4));
  if (period.kind === 'year') return yearPeriod(year - 1);
  if (period.kind === 'quarter') {
    const q = Number(period.id.slice(6));
    return q === 1 ? quarterPeriod(year - 1, 4) : quarterPeriod(year, q - 1);
  }
  const month = Number(period.id.slice(5, 7));
  return month === 1 ? monthPeriod(year - 1, 12) : monthPeriod(year, month - 1);
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

function firstOfMonthAfter(year: number, month: number): string {
  return month === 12
    ? formatDate({ year: year + 1, month: 1, day: 1 })
    : formatDate({ year, month: month + 1, day: 1 });
}
