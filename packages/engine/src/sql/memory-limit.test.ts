import { describe, expect, it } from 'vitest';
import { memoryLimitMiB } from './sql-measure.ts';

describe("DuckDB's memory limit", () => {
  it('is a quarter of the machine, at least 1 GiB and at most 4 GiB', () => {
    expect(memoryLimitMiB(24 * 2 ** 30)).toBe(4096);
    expect(memoryLimitMiB(8 * 2 ** 30)).toBe(2048);
    expect(memoryLimitMiB(10 * 2 ** 30 + 3)).toBe(2560);
    expect(memoryLimitMiB(2 * 2 ** 30)).toBe(1024);
  });
});
