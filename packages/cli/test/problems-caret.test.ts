import { describe, expect, it } from 'vitest';
import { caretLine } from '../src/output/problems.ts';

describe('the caret under a problem', () => {
  it('is as wide as the text it marks, two columns for each Chinese character', () => {
    // `reason: 因产品缺陷` with the problem on 因产品缺陷 (columns 9 to 13, end 14).
    expect(caretLine('reason: 因产品缺陷', { line: 3, column: 9, endLine: 3, endColumn: 14 })).toBe(
      `${' '.repeat(8)}${'^'.repeat(10)}`,
    );
  });

  it('starts after text as wide on screen as the text before the column', () => {
    // `  - { fact: 渠道, operator: equla }`: `equla` after two Chinese characters.
    const src = '  - { fact: 渠道, operator: equla }';
    const column = src.indexOf('equla') + 1;
    expect(caretLine(src, { line: 1, column, endLine: 1, endColumn: column + 5 })).toBe(
      `${' '.repeat(column - 1 + 2)}^^^^^`,
    );
  });

  it('marks to the line end without an end column on the line, at least one caret, at most 60', () => {
    expect(caretLine('abc', { line: 1, column: 2 })).toBe(' ^^');
    expect(caretLine('abc', { line: 1, column: 4 })).toBe('   ^');
    expect(caretLine('x'.repeat(100), { line: 1, column: 1 })).toBe('^'.repeat(60));
    expect(caretLine('abc', { line: 1, column: 2, endLine: 2, endColumn: 1 })).toBe(' ^^');
  });
});
