import { describe, expect, it } from 'vitest';
import { parsePeriod, previousPeriod, zonePeriod } from './period.ts';
import { Zone } from './zone.ts';

describe('periods', () => {
  it('parses months, quarters and years', () => {
    expect(parsePeriod('2026-10')).toEqual({
      id: '2026-10',
      kind: 'month',
      firstDay: '2026-10-01',
      endDay: '2026-11-01',
    });
    expect(parsePeriod('2026-12')?.endDay).toBe('2027-01-01');
    expect(parsePeriod('2026-Q4')).toEqual({
      id: '2026-Q4',
      kind: 'quarter',
      firstDay: '2026-10-01',
      endDay: '2027-01-01',
    });
    expect(parsePeriod('2026-Q1')?.endDay).toBe('2026-04-01');
    expect(parsePeriod('2026-q2')?.id).toBe('2026-Q2');
    expect(parsePeriod('2026')).toEqual({
      id: '2026',
      kind: 'year',
      firstDay: '2026-01-01',
      endDay: '2027-01-01',
    });
  });

  it('refuses other spellings', () => {
    for (const bad of ['2026-13', '2026-Q5', '26-10', '2026/10', '2026-1', 'October'])
      expect(parsePeriod(bad), bad).toBeNull();
  });

  it('places a period at local midnights', () => {
    const p = zonePeriod(parsePeriod('2026-10')!, new Zone('Asia/Shanghai'));
    expect(p.start).toBe('2026-10-01T00:00:00+08:00');
    expect(p.end).toBe('2026-11-01T00:00:00+08:00');
    expect(p.endMs - p.startMs).toBe(31 * 86_400_000);
  });

  it('steps back one period', () => {
    expect(previousPeriod(parsePeriod('2026-01')!).id).toBe('2025-12');
    expect(previousPeriod(parsePeriod('2026-Q1')!).id).toBe('2025-Q4');
    expect(previousPeriod(parsePeriod('2026')!).id).toBe('2025');
  });
});
