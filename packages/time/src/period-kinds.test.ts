import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { addDays, weekdayIndex } from './calendar.ts';
import {
  comparePeriods,
  isEvaluationKind,
  isMonitoringKind,
  isoWeeksInYear,
  type Period,
  parseEvaluationPeriod,
  parsePeriod,
  previousPeriod,
  readPeriod,
  weekOf,
  zonePeriod,
} from './period.ts';
import { Zone } from './zone.ts';

const period = (text: string): Period => parsePeriod(text) as Period;
const problem = (text: string) => {
  const { problem } = readPeriod(text);
  return problem === null ? null : [problem.code, problem.message.en];
};

describe('ISO weeks', () => {
  it('run Monday to Sunday in the ISO week-numbering year', () => {
    expect(period('2026-W43')).toEqual({
      id: '2026-W43',
      kind: 'week',
      firstDay: '2026-10-19',
      endDay: '2026-10-26',
    });
    expect(period('2026-w01')).toEqual({
      id: '2026-W01',
      kind: 'week',
      firstDay: '2025-12-29',
      endDay: '2026-01-05',
    });
    expect(period('2026-W53')).toEqual({
      id: '2026-W53',
      kind: 'week',
      firstDay: '2026-12-28',
      endDay: '2027-01-04',
    });
    expect(period('2025-W01').firstDay).toBe('2024-12-30');
    expect(period('2030-W01').firstDay).toBe('2029-12-31');
    expect(period('2021-W01').firstDay).toBe('2021-01-04');
  });

  it('have a week 53 only in the years that have one', () => {
    expect([2020, 2021, 2025, 2026, 2032, 2037].map(isoWeeksInYear)).toEqual([53, 52, 52, 53, 53, 53]);
    expect(problem('2025-W53')).toEqual([
      'PERIOD_WEEK_INVALID',
      'The period "2025-W53" names no week: the ISO week-numbering year 2025 has weeks W01 to W52.',
    ]);
    expect(problem('2026-W54')?.[0]).toBe('PERIOD_WEEK_INVALID');
    expect(problem('2026-W00')?.[0]).toBe('PERIOD_WEEK_INVALID');
    expect(parsePeriod('2026-W5')).toBeNull();
  });

  it('agree with luxon on the week of every day from 1999 to 2041', () => {
    const wrong: string[] = [];
    let days = 0;
    for (let day = '1999-01-01'; day < '2042-01-01'; day = addDays(day, 1), days++) {
      const week = weekOf(day);
      const luxon = DateTime.fromISO(day, { zone: 'UTC' });
      const id = `${luxon.weekYear}-W${String(luxon.weekNumber).padStart(2, '0')}`;
      const holds = week.firstDay <= day && day < week.endDay;
      if (week.id !== id || !holds || parsePeriod(id)?.firstDay !== week.firstDay) wrong.push(day);
    }
    expect(days).toBe(15_706);
    expect(wrong).toEqual([]);
  });

  it('count days, weekdays and weeks of the years 0000–0099 as of any other (Date.UTC reads them as 1900–1999)', () => {
    expect(addDays('0050-01-01', 1)).toBe('0050-01-02');
    expect(addDays('0000-03-01', -1)).toBe('0000-02-29');
    expect(addDays('0099-12-31', 1)).toBe('0100-01-01');
    // 0001-01-01 is a Monday in the proleptic Gregorian calendar, as luxon says.
    expect(weekdayIndex('0001-01-01')).toBe(0);
    expect(weekdayIndex('0050-06-15')).toBe(DateTime.fromISO('0050-06-15', { zone: 'UTC' }).weekday - 1);
    const range = parsePeriod('0050-01-01..0050-01-02');
    expect(range?.endDay).toBe('0050-01-03');
    const luxon = DateTime.fromISO('0050-06-15', { zone: 'UTC' });
    expect(weekOf('0050-06-15').id).toBe(
      `${String(luxon.weekYear).padStart(4, '0')}-W${String(luxon.weekNumber).padStart(2, '0')}`,
    );
  });

  it('step back to the week before, across the year', () => {
    expect(previousPeriod(period('2027-W01')).id).toBe('2026-W53');
    expect(previousPeriod(period('2026-W01')).id).toBe('2025-W52');
    expect(previousPeriod(period('2026-W43')).id).toBe('2026-W42');
  });
});

describe('days', () => {
  it('are one calendar day', () => {
    expect(period('2026-10-05')).toEqual({
      id: '2026-10-05',
      kind: 'day',
      firstDay: '2026-10-05',
      endDay: '2026-10-06',
    });
    expect(period('2028-02-29').endDay).toBe('2028-03-01');
    expect(previousPeriod(period('2026-03-01')).id).toBe('2026-02-28');
    expect(previousPeriod(period('2026-01-01')).id).toBe('2025-12-31');
  });

  it('refuse a day that does not exist', () => {
    expect(problem('2026-02-30')).toEqual([
      'PERIOD_DAY_INVALID',
      'The period "2026-02-30" names no day: 2026-02 has 28 days.',
    ]);
    expect(problem('2026-13-01')).toEqual([
      'PERIOD_DAY_INVALID',
      'The period "2026-13-01" names no day: months are 01 to 12.',
    ]);
    expect(problem('2026-04-31')?.[1]).toBe('The period "2026-04-31" names no day: 2026-04 has 30 days.');
  });
});

describe('ranges', () => {
  it('include both days', () => {
    expect(period('2026-11-01..2026-11-11')).toEqual({
      id: '2026-11-01..2026-11-11',
      kind: 'range',
      firstDay: '2026-11-01',
      endDay: '2026-11-12',
    });
    expect(period('2026-11-11..2026-11-11').endDay).toBe('2026-11-12');
  });

  it('step back to the range of the same length ending the day before', () => {
    expect(previousPeriod(period('2026-11-01..2026-11-11')).id).toBe('2026-10-21..2026-10-31');
    expect(previousPeriod(period('2026-03-01..2026-03-01')).id).toBe('2026-02-28..2026-02-28');
  });

  it('refuse reversed ends and ends that are not days', () => {
    expect(problem('2026-11-11..2026-11-01')).toEqual([
      'PERIOD_RANGE_REVERSED',
      'The range "2026-11-11..2026-11-01" ends before it starts. Write 2026-11-01..2026-11-11.',
    ]);
    expect(problem('2026-11-01..2026-11-31')).toEqual([
      'PERIOD_RANGE_INVALID',
      'In the range "2026-11-01..2026-11-31", "2026-11-31" is not a day. Write first..last with both as YYYY-MM-DD, e.g. 2026-11-01..2026-11-11 (2026-11 has 30 days).',
    ]);
    expect(problem('2026-11..2026-12')?.[0]).toBe('PERIOD_RANGE_INVALID');
    expect(problem('2026-11-01...2026-11-02')?.[0]).toBe('PERIOD_RANGE_INVALID');
  });
});

describe('all kinds', () => {
  it('say what is wrong with the text', () => {
    expect(problem('2026-13')?.[0]).toBe('PERIOD_MONTH_INVALID');
    expect(problem('2026-Q5')).toEqual([
      'PERIOD_QUARTER_INVALID',
      'The period "2026-Q5" names no quarter: quarters are Q1 to Q4.',
    ]);
    expect(problem('October')?.[0]).toBe('PERIOD_MALFORMED');
    expect(readPeriod('October').problem).toMatchObject({
      severity: 'error',
      file: null,
      line: null,
      column: null,
    });
    expect(problem('2026-10')).toBeNull();
  });

  it('are evaluation or monitoring kinds', () => {
    const kinds = ['2026-10', '2026-Q4', '2026', '2026-W43', '2026-10-05', '2026-11-01..2026-11-11'].map(
      (id) => period(id).kind,
    );
    expect(kinds).toEqual(['month', 'quarter', 'year', 'week', 'day', 'range']);
    expect(kinds.map(isEvaluationKind)).toEqual([true, true, true, false, false, false]);
    expect(kinds.map(isMonitoringKind)).toEqual([false, false, false, true, true, true]);
    expect(parseEvaluationPeriod('2026-Q4')?.id).toBe('2026-Q4');
    expect(parseEvaluationPeriod('2026-W43')).toBeNull();
    expect(parseEvaluationPeriod('2026-10-05')).toBeNull();
  });

  it('list by first day, the longer first', () => {
    const ids = [
      '2026-10-05',
      '2026-W41',
      '2026-10',
      '2026',
      '2026-Q4',
      '2026-10-01..2026-10-07',
      '2026-10-01',
      '2026-01',
    ];
    expect(
      ids
        .map(period)
        .sort(comparePeriods)
        .map((p) => p.id),
    ).toEqual([
      '2026',
      '2026-01',
      '2026-Q4',
      '2026-10',
      '2026-10-01..2026-10-07',
      '2026-10-01',
      '2026-W41',
      '2026-10-05',
    ]);
  });

  it('place weeks and days at local midnights', () => {
    const week = zonePeriod(period('2026-W43'), new Zone('Asia/Shanghai'));
    expect([week.start, week.end]).toEqual(['2026-10-19T00:00:00+08:00', '2026-10-26T00:00:00+08:00']);
    const day = zonePeriod(period('2026-03-29'), new Zone('Europe/Berlin'));
    expect([day.start, day.end, day.endMs - day.startMs]).toEqual([
      '2026-03-29T00:00:00+01:00',
      '2026-03-30T00:00:00+02:00',
      23 * 3_600_000,
    ]);
  });
});
