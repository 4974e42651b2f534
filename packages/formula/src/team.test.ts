import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTeamFactName, quantileOfSorted, teamStatistic } from './team.ts';

interface Fixtures {
  quantiles: number[];
  cases: Array<{ name: string; values: number[]; expected: number[] }>;
}

describe('team facts', () => {
  it('read the statistic and the metric from the name', () => {
    expect(parseTeamFactName('team.median.first_response_time')).toEqual({
      statistic: 'median',
      metric: 'first_response_time',
    });
    expect(parseTeamFactName('team.p90.courtesy-messages')).toEqual({
      statistic: 'p90',
      metric: 'courtesy-messages',
    });
    expect(parseTeamFactName('team.p95.aov')).toBeNull();
    expect(parseTeamFactName('team.median')).toBeNull();
    expect(parseTeamFactName('history.prev.aov')).toBeNull();
  });

  it('leave out agents without a value; no value left is null', () => {
    expect(teamStatistic('mean', [3, null, 1, undefined, Number.NaN, 2])).toBe(2);
    expect(teamStatistic('median', [40, null, 10, 30, 20])).toBe(25);
    expect(teamStatistic('median', [30, 10, 20])).toBe(20);
    expect(teamStatistic('mean', [])).toBeNull();
    expect(teamStatistic('median', [null, null])).toBeNull();
    expect(teamStatistic('p90', [Number.POSITIVE_INFINITY])).toBeNull();
  });

  it('average the two middle values of an even count by linear interpolation', () => {
    expect(teamStatistic('median', [0.7, 15.6])).toBe(8.149999999999999);
    expect(teamStatistic('median', [95, 20.4])).toBe(57.7);
    expect(teamStatistic('p25', [1, 2, 3, 4])).toBe(1.75);
    expect(teamStatistic('p10', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe(2);
    expect(teamStatistic('p90', [10, 20, 30, 40])).toBe(37);
    expect(teamStatistic('p75', [5])).toBe(5);
  });

  it('sum a mean in ascending order, whatever order the agents come in', () => {
    const values = [1e16, 1, -1e16, 1, 0.5];
    expect(teamStatistic('mean', values)).toBe(teamStatistic('mean', [...values].reverse()));
    expect(teamStatistic('mean', [0.1, 0.2, 0.3])).toBe(0.20000000000000004);
    expect(teamStatistic('mean', [Number.MAX_VALUE, Number.MAX_VALUE])).toBeNull();
  });

  it("give numpy's quantiles bit for bit, as the engine's median and p90 do", () => {
    const fixtures = JSON.parse(
      readFileSync(new URL('../../engine/src/measure/statistics-fixtures.json', import.meta.url), 'utf8'),
    ) as Fixtures;
    const wrong: string[] = [];
    for (const c of fixtures.cases) {
      const sorted = Float64Array.from(c.values).sort();
      for (const [i, q] of fixtures.quantiles.entries())
        if (!Object.is(quantileOfSorted(sorted, q), c.expected[i])) wrong.push(`${c.name} q=${q}`);
    }
    expect(fixtures.cases.length).toBe(134);
    expect(wrong).toEqual([]);
    expect(() => quantileOfSorted(Float64Array.from([1]), 1.5)).toThrow(RangeError);
  });
});
