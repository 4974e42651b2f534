import { describe, expect, it } from 'vitest';
import { defineCatalogue, fixed, messageOf, textOf } from './catalogue.ts';
import { formatPlace, sortProblems } from './problem.ts';

const CATALOGUE = defineCatalogue({
  TOO_MANY: {
    zh: (p: { table: string; n: number }) => `表 ${p.table} 有 ${p.n} 行`,
    en: (p: { table: string; n: number }) => `table ${p.table} has ${p.n} rows`,
  },
  DONE: fixed('完成', 'done'),
});

describe('catalogues', () => {
  it('build both languages from typed parameters', () => {
    expect(messageOf(CATALOGUE, 'TOO_MANY', { table: 'surveys', n: 3 })).toEqual({
      zh: '表 surveys 有 3 行',
      en: 'table surveys has 3 rows',
    });
    expect(textOf(CATALOGUE, 'en', 'DONE')).toBe('done');
    // Checked by tsc, never run.
    const typeChecks = () => {
      // @ts-expect-error: a parameter is missing
      messageOf(CATALOGUE, 'TOO_MANY', { table: 'x' });
      // @ts-expect-error: not a key of the catalogue
      messageOf(CATALOGUE, 'NOT_A_KEY');
      // @ts-expect-error: an entry without parameters takes none
      messageOf(CATALOGUE, 'DONE', { extra: 1 });
    };
    expect(typeof typeChecks).toBe('function');
  });

  it('sorts problems by place and formats the place', () => {
    const at = (file: string | null, line: number | null, code: string) => ({
      code,
      severity: 'error' as const,
      message: { zh: '', en: '' },
      file,
      line,
      column: line === null ? null : 1,
    });
    const sorted = sortProblems([
      at('b.yaml', 2, 'X'),
      at('a.yaml', 9, 'Y'),
      at(null, null, 'Z'),
      at('a.yaml', 3, 'W'),
    ]);
    expect(sorted.map((p) => p.code)).toEqual(['Z', 'W', 'Y', 'X']);
    expect(formatPlace(sorted[1]!)).toBe('a.yaml:3:1');
    expect(formatPlace(sorted[0]!)).toBe('');
  });
});
