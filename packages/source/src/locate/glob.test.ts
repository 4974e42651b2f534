import { describe, expect, it } from 'vitest';
import { Glob, globProblem } from './glob.ts';

describe('globs', () => {
  it('match within a segment with * and ?', () => {
    const g = new Glob('会话记录_*.csv');
    expect(g.matches('会话记录_2026-10.csv')).toBe(true);
    expect(g.matches('会话记录_.csv')).toBe(true);
    expect(g.matches('sub/会话记录_2026-10.csv')).toBe(false);
    expect(g.matches('会话记录_2026-10.CSV')).toBe(false);
    expect(new Glob('day-?.jsonl').matches('day-1.jsonl')).toBe(true);
    expect(new Glob('day-?.jsonl').matches('day-10.jsonl')).toBe(false);
  });

  it('match across segments with **', () => {
    const g = new Glob('聊天记录/**/*.xlsx');
    expect(g.matches('聊天记录/a.xlsx')).toBe(true);
    expect(g.matches('聊天记录/2026/10/a.xlsx')).toBe(true);
    expect(g.matches('other/a.xlsx')).toBe(false);
    expect(new Glob('**').matches('a/b/c.csv')).toBe(true);
    expect(new Glob('**/x.csv').matches('x.csv')).toBe(true);
  });

  it('take every other character literally', () => {
    expect(new Glob('a+b (1).csv').matches('a+b (1).csv')).toBe(true);
    expect(new Glob('a.csv').matches('abcsv')).toBe(false);
  });

  it('name what makes a glob unusable', () => {
    expect(globProblem('/data/*.csv')).toBe('absolute');
    expect(globProblem('../other/*.csv')).toBe('parent');
    expect(globProblem('*.{csv,xlsx}')).toBe('braces');
    expect(globProblem('')).toBe('empty');
    expect(globProblem('a/*.csv')).toBeNull();
  });
});
