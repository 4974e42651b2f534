import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { percentile } from './statistics.ts';

interface Fixtures {
  numpy: string;
  quantiles: number[];
  cases: Array<{ name: string; values: number[]; expected: number[] }>;
}

// Written by statistics-fixtures.py with numpy (np.quantile, method 'linear').
const fixtures = JSON.parse(
  readFileSync(new URL('./statistics-fixtures.json', import.meta.url), 'utf8'),
) as Fixtures;

describe('percentile', () => {
  it('is null for no values', () => {
    expect(percentile([], 0.5)).toBeNull();
  });

  it('gives numpy’s 57.7 for the median of [20.4, 95], not 57.699999999999996', () => {
    expect(percentile([20.4, 95], 0.5)).toBe(57.7);
    expect(percentile([95, 20.4], 0.5)).toBe(57.7);
  });

  it('takes the median as the quantile 0.5, as np.quantile does (np.median gives 8.15 here)', () => {
    expect(percentile([0.7, 15.6], 0.5)).toBe(8.149999999999999);
  });

  it(`matches numpy ${fixtures.numpy} bit for bit on every fixture`, () => {
    let compared = 0;
    for (const c of fixtures.cases) {
      fixtures.quantiles.forEach((q, i) => {
        expect(percentile(c.values, q), `${c.name}, q = ${q}`).toBe(c.expected[i]);
        compared++;
      });
    }
    expect(compared).toBe(134 * 9);
  });
});
