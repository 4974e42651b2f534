import { describe, expect, it } from 'vitest';
import type { Formula } from './ast.ts';
import { parseFormula } from './parse.ts';
import { printFormula } from './print.ts';

const parsed = (text: string): Formula => {
  const { formula, problems } = parseFormula(text);
  expect(problems).toEqual([]);
  return formula as Formula;
};
const problemsOf = (text: string) => parseFormula(text).problems.map((p) => [p.code, p.column, p.endColumn]);

describe('parseFormula', () => {
  it('reads numbers, percents, dotted and hyphenated names with offsets', () => {
    const { root } = parsed('90% * history.prev.aov - courtesy-messages');
    expect(root).toEqual({
      kind: 'binary',
      op: '-',
      start: 0,
      end: 42,
      left: {
        kind: 'binary',
        op: '*',
        start: 0,
        end: 22,
        left: { kind: 'number', text: '90%', value: 0.9, start: 0, end: 3 },
        right: { kind: 'name', name: 'history.prev.aov', start: 6, end: 22 },
      },
      right: { kind: 'name', name: 'courtesy-messages', start: 25, end: 42 },
    });
  });

  it('binds * over +, unary minus tightest, left to right within a level', () => {
    expect(printFormula(parsed('a - b - c').root)).toBe('a - b - c');
    expect(printFormula(parsed('a - (b - c)').root)).toBe('a - (b - c)');
    expect(printFormula(parsed('(a + b) * c').root)).toBe('(a + b) * c');
    expect(printFormula(parsed('a + (b * c)').root)).toBe('a + b * c');
    expect(printFormula(parsed('-(a * b)').root)).toBe('-(a * b)');
    expect(printFormula(parsed('not a > 1 and b < 2 or c == 3').root)).toBe('not a > 1 and b < 2 or c == 3');
    const tree = parsed('not a > 1 and b < 2 or c == 3').root;
    expect(tree.kind === 'binary' && tree.op).toBe('or');
  });

  it('reads x-1 as a subtraction and a-b as one name', () => {
    expect(parsed('x-1').root.kind).toBe('binary');
    expect(parsed('a-b').root).toEqual({ kind: 'name', name: 'a-b', start: 0, end: 3 });
    expect(parsed('a -b').root.kind).toBe('binary');
  });

  it('types the result: a number or a condition', () => {
    expect(parsed('round(a / b, 2)').type).toBe('number');
    expect(parsed('a >= 90% and b < 30').type).toBe('boolean');
    expect(parsed('if(a > b, a, b)').type).toBe('number');
    expect(parsed('coalesce(a > 1, b > 1)').type).toBe('boolean');
  });

  it('stops at the first syntax problem with its column', () => {
    expect(problemsOf('')).toEqual([['FORMULA_EMPTY', 1, 2]]);
    expect(problemsOf('  ')).toEqual([['FORMULA_EMPTY', 1, 2]]);
    expect(problemsOf('a + $b')).toEqual([['FORMULA_UNEXPECTED_CHARACTER', 5, 6]]);
    expect(problemsOf('a × b')).toEqual([['FORMULA_UNEXPECTED_CHARACTER', 3, 4]]);
    expect(parseFormula('a = b').problems[0]?.message.en).toBe(
      'The character "=" cannot appear in a formula. Write == instead.',
    );
    expect(parseFormula('max（a, b)').problems[0]?.message.zh).toBe('公式中不能出现字符 "（"。请改写为 (。');
    expect(parseFormula('a ^ 2').problems[0]?.message.en).toBe(
      'The character "^" cannot appear in a formula. Use numbers, names, + - * /, comparisons < <= > >= == !=, and/or/not, parentheses and commas.',
    );
    expect(problemsOf('1.5.2 + a')).toEqual([['FORMULA_BAD_NUMBER', 1, 6]]);
    expect(problemsOf('a + 1.')).toEqual([['FORMULA_BAD_NUMBER', 5, 7]]);
    // 309 nines are beyond the largest double; 308 are not.
    expect(problemsOf(`a + ${'9'.repeat(309)}`)).toEqual([['FORMULA_NUMBER_TOO_LARGE', 5, 314]]);
    expect(problemsOf(`a + ${'9'.repeat(308)}`)).toEqual([]);
    // 1e308 has 309 digits and is finite: read.
    expect(problemsOf(`a + 1${'0'.repeat(308)}`)).toEqual([]);
    expect(problemsOf('a +')).toEqual([['FORMULA_UNEXPECTED_END', 4, 5]]);
    expect(problemsOf('a b')).toEqual([['FORMULA_UNEXPECTED_TOKEN', 3, 4]]);
    expect(problemsOf('(a + b')).toEqual([['FORMULA_UNCLOSED_PARENTHESIS', 1, 2]]);
    expect(problemsOf('max(a b)')).toEqual([['FORMULA_UNEXPECTED_TOKEN', 7, 8]]);
    expect(problemsOf('a < b < c')).toEqual([['FORMULA_CHAINED_COMPARISON', 7, 8]]);
    expect(problemsOf('clamp(a, 1)')).toEqual([['FORMULA_ARGUMENT_COUNT', 1, 12]]);
    expect(problemsOf('a and or b')).toEqual([['FORMULA_UNEXPECTED_TOKEN', 7, 9]]);
  });

  it('names the nearest function when one is unknown', () => {
    const { problems } = parseFormula('0.5 * clmap(a, 0, 1)');
    expect(problems.map((p) => [p.code, p.column, p.endColumn])).toEqual([
      ['FORMULA_UNKNOWN_FUNCTION', 7, 12],
    ]);
    expect(problems[0]?.message).toEqual({
      zh: '未知的函数 "clmap"。是否想写 "clamp"?',
      en: 'Unknown function "clmap". Did you mean "clamp"?',
    });
    expect(parseFormula('sqrt(a)').problems[0]?.message.en).toBe(
      'Unknown function "sqrt". Functions: min, max, abs, round, clamp, coalesce, if.',
    );
  });

  it('reports every type problem, in column order', () => {
    const { problems } = parseFormula('(a > 1) + 2 and not b');
    expect(problems.map((p) => [p.code, p.column, p.endColumn])).toEqual([
      ['FORMULA_TYPE', 1, 8],
      ['FORMULA_TYPE', 1, 12],
      ['FORMULA_TYPE', 21, 22],
    ]);
    expect(problems[0]?.message).toEqual({
      zh: '运算符 + 的操作数应为数值,这里是条件(比较或 and/or/not)。',
      en: 'The operand of + must be a number; here it is a condition (a comparison or and/or/not).',
    });
    expect(parseFormula('if(a, 1, b > 2)').problems.map((p) => [p.message.en, p.column])).toEqual([
      ['Argument 1 of if must be a condition (a comparison or and/or/not); here it is a number.', 4],
      ['Argument 3 of if must be a number; here it is a condition (a comparison or and/or/not).', 10],
    ]);
  });

  it('takes round digits as a whole-number literal from 0 to 10', () => {
    expect(parsed('round(a, 10)').type).toBe('number');
    expect(problemsOf('round(a, 11)')).toEqual([['FORMULA_ROUND_DIGITS', 10, 12]]);
    expect(problemsOf('round(a, 1.5)')).toEqual([['FORMULA_ROUND_DIGITS', 10, 13]]);
    expect(problemsOf('round(a, b)')).toEqual([['FORMULA_ROUND_DIGITS', 10, 11]]);
  });
});
