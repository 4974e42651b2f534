import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { interruptedPeriods, lockedPeriods, periodFolders } from '../src/paths.ts';

describe('period folders of a results root', () => {
  it('are evaluation periods only: weeks, days and ranges are not published', () => {
    const root = mkdtempSync(join(tmpdir(), 'scorebook-paths-'));
    for (const name of [
      '2026-10',
      '2026-Q4',
      '2026',
      '2026-W43',
      '2026-10-05',
      '2026-11-01..2026-11-11',
      'notes',
    ])
      mkdirSync(join(root, name));
    for (const name of ['.2026-11.lock', '.2026-W44.lock']) writeFileSync(join(root, name), '');
    for (const name of ['.2026-09.replaced-1', '.2026-W40.replaced-1']) mkdirSync(join(root, name));
    expect(periodFolders(root)).toEqual(['2026', '2026-10', '2026-Q4']);
    expect(lockedPeriods(root)).toEqual(['2026-11']);
    expect([...interruptedPeriods(root).keys()]).toEqual(['2026-09']);
  });
});
