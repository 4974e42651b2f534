import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePeriod } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { loadPolicyFamily, selectVersion } from '../src/index.ts';

const base = readFileSync(
  fileURLToPath(new URL('./fixtures/families/valid/ecommerce-cs/2026-10-01.yaml', import.meta.url)),
  'utf8',
);

/** A policy folder with one version per effective date (named after it). */
function family(dates: string[]): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'scorebook-mid-month-')), 'ecommerce-cs');
  mkdirSync(dir);
  for (const date of dates)
    writeFileSync(
      join(dir, `${date}.yaml`),
      base
        .replace('version: "2026.10"', `version: "v${date}"`)
        .replace('effective_from: 2026-10-01', `effective_from: ${date}`),
    );
  return dir;
}

describe('a version effective mid-month', () => {
  it('is warned about, saying which months it governs and who keeps its first month', () => {
    const f = loadPolicyFamily(family(['2026-10-01', '2026-11-11', '2027-02-15']));
    expect(f.problems.map((p) => [p.code, p.severity, p.file.split('/').pop(), p.line, p.column])).toEqual([
      ['EFFECTIVE_MID_MONTH', 'warning', '2026-11-11.yaml', 4, 17],
      ['EFFECTIVE_MID_MONTH', 'warning', '2027-02-15.yaml', 4, 17],
    ]);
    expect(f.problems.map((p) => p.message.en)).toEqual([
      'This version is effective from 2026-11-11, but each period uses the version in force on its first day: 2026-11 is still evaluated by version v2026-10-01, and this version governs the months 2026-12 to 2027-02. To apply it from 2026-11, set effective_from to 2026-11-01.',
      'This version is effective from 2027-02-15, but each period uses the version in force on its first day: 2027-02 is still evaluated by version v2026-11-11, and this version governs the months 2027-03 on. To apply it from 2027-02, set effective_from to 2027-02-01.',
    ]);
    expect(f.problems[0]?.message.zh).toBe(
      '本版本自 2026-11-11 生效,但每个期间按其第一天选用版本:2026-11 仍由 v2026-10-01 版评估,本版本评估的月份为 2026-12 至 2027-02。若要从 2026-11 起适用,请把 effective_from 改为 2026-11-01。',
    );
    // What the warning says is what selection does.
    const pick = (p: string) => selectVersion(f, parsePeriod(p)!).policy?.version;
    expect(['2026-11', '2026-12', '2027-02', '2027-03'].map(pick)).toEqual([
      'v2026-10-01',
      'v2026-11-11',
      'v2026-11-11',
      'v2027-02-15',
    ]);
  });

  it('says when it governs no month, and when no version governs its first month', () => {
    const f = loadPolicyFamily(family(['2026-11-11', '2026-11-20']));
    expect(f.problems.map((p) => p.message.en)).toEqual([
      'This version is effective from 2026-11-11, but each period uses the version in force on its first day: no version is in force on 2026-11-01, so 2026-11 cannot be evaluated, and this version governs no month (the next version starts before). To apply it from 2026-11, set effective_from to 2026-11-01.',
      'This version is effective from 2026-11-20, but each period uses the version in force on its first day: no version is in force on 2026-11-01, so 2026-11 cannot be evaluated, and this version governs the months 2026-12 on. To apply it from 2026-11, set effective_from to 2026-11-01.',
    ]);
    expect(f.problems[0]?.message.zh).toBe(
      '本版本自 2026-11-11 生效,但每个期间按其第一天选用版本:2026-11-01 还没有生效的版本,2026-11 因此无法评估,本版本不评估任何月份(下一个版本在此之前已生效)。若要从 2026-11 起适用,请把 effective_from 改为 2026-11-01。',
    );
  });
});
