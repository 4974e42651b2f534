import { describe, expect, it } from 'vitest';
import { closest } from './suggest.ts';

// The keys of a source.yaml table, in the order the schema lists them.
const TABLE_KEYS = ['files', 'format', 'encoding', 'header_row', 'fields', 'map'];

describe('closest', () => {
  it('counts two swapped neighbours as one edit (trial 9: feilds was taken for files)', () => {
    expect(closest('feilds', TABLE_KEYS)).toBe('fields');
    expect(closest('fiels', TABLE_KEYS)).toBe('files');
    expect(closest('wieght', ['weight', 'metric', 'target'])).toBe('weight');
    expect(closest('grdae', ['grade', 'rank', 'status'])).toBe('grade');
    expect(closest('atendance_rate', ['attendance_rate', 'csat_rate'])).toBe('attendance_rate');
  });

  it('suggests nothing for a word too far from every candidate', () => {
    expect(closest('colour', TABLE_KEYS)).toBeNull();
    expect(closest('abcdef', ['fedcba'])).toBeNull();
  });

  it('allows as many swaps as substitutions: two in a word of six letters, not three', () => {
    expect(closest('abcdef', ['bacdfe'])).toBe('bacdfe');
    expect(closest('abcdef', ['badcfe'])).toBeNull();
  });

  // The rule as docs/policy-checks.md states it, "How a suggestion is chosen".
  it('allows max(2, ⌊length / 3⌋) edits, counted on the written word', () => {
    expect(closest('abcdefgh', ['abcdefXY'])).toBe('abcdefXY');
    expect(closest('abcdefgh', ['abcdeXYZ'])).toBeNull();
    expect(closest('abcdefghi', ['abcdefXYZ'])).toBe('abcdefXYZ');
    expect(closest('x', ['id'])).toBe('id');
  });

  it('is optimal string alignment, not unrestricted Damerau-Levenshtein: ca is 3 edits from abc', () => {
    expect(closest('ca', ['abc'])).toBeNull();
  });

  it('compares case and every character exactly, and gives a tie to the first candidate', () => {
    expect(closest('Weight', ['weight'])).toBe('weight');
    expect(closest('WEIGHT', ['weight'])).toBeNull();
    expect(closest('tarket', ['target', 'market'])).toBe('target');
    expect(closest('tarket', ['market', 'target'])).toBe('market');
  });
});
