import { describe, expect, it } from 'vitest';
import { availableMemoryBytes, memoryLimitMiB } from './sql-measure.ts';

describe("DuckDB's memory limit", () => {
  it('is a quarter of the machine, at least 1 GiB and at most 4 GiB', () => {
    expect(memoryLimitMiB(24 * 2 ** 30)).toBe(4096);
    expect(memoryLimitMiB(8 * 2 ** 30)).toBe(2048);
    expect(memoryLimitMiB(10 * 2 ** 30 + 3)).toBe(2560);
    expect(memoryLimitMiB(2 * 2 ** 30)).toBe(1024);
  });

  it("reads the cgroup's limit when one is set below the machine's memory", () => {
    const host = 64 * 2 ** 30;
    expect(availableMemoryBytes(host, () => `${6 * 2 ** 30}\n`)).toBe(6 * 2 ** 30);
    expect(memoryLimitMiB(availableMemoryBytes(host, () => `${6 * 2 ** 30}\n`))).toBe(1536);
    expect(availableMemoryBytes(host, () => 'max\n')).toBe(host);
    expect(availableMemoryBytes(host, () => null)).toBe(host);
    expect(availableMemoryBytes(host, () => `${128 * 2 ** 30}`)).toBe(host);
    expect(availableMemoryBytes(host, () => '0')).toBe(host);
    expect(availableMemoryBytes(host, () => '2G')).toBe(host);
  });
});
