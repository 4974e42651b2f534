import { describe, expect, it } from 'vitest';
import type { Formula } from './ast.ts';
import { checkFormula, formulaNames } from './names.ts';
import { dependencyOrder } from './order.ts';
import { parseFormula } from './parse.ts';

const formula = (text: string) => parseFormula(text).formula as Formula;

describe('formulaNames and checkFormula', () => {
  it('lists the names read, once each, in text order', () => {
    expect(formulaNames(formula('coalesce(b, a) + a * team.median.b - 2'))).toEqual([
      'b',
      'a',
      'team.median.b',
    ]);
    expect(formulaNames(formula('round(90%, 1)'))).toEqual([]);
  });

  it('reports unknown names with the nearest known one, at their columns', () => {
    const problems = checkFormula(formula('aov + history.prev.aox * csat'), [
      'aov',
      'history.prev.aov',
      'csat_rate',
    ]);
    expect(problems.map((p) => [p.code, p.column, p.endColumn, p.message.en])).toEqual([
      [
        'FORMULA_UNKNOWN_NAME',
        7,
        23,
        'The formula reads "history.prev.aox", which is not a known metric or fact. Did you mean "history.prev.aov"?',
      ],
      [
        'FORMULA_UNKNOWN_NAME',
        26,
        30,
        'The formula reads "csat", which is not a known metric or fact. Check the spelling, or define that metric first.',
      ],
    ]);
  });

  it('says to space a subtraction that reads as a hyphenated name', () => {
    const [problem] = checkFormula(formula('aov-cost'), ['aov', 'cost']);
    expect(problem?.message.zh).toBe(
      '公式读取的 "aov-cost" 不是已知的指标或事实。如果是减法,请在减号两边加空格:aov - cost。',
    );
  });
});

describe('dependencyOrder', () => {
  it('puts each formula after those it reads, ties in declaration order', () => {
    const result = dependencyOrder([
      { id: 'total', reads: ['uplift', 'rating', 'aov'] },
      { id: 'uplift', reads: ['aov', 'history.prev.aov'] },
      { id: 'rating', reads: ['supervisor', 'uplift'] },
      { id: 'alone', reads: [] },
    ]);
    expect(result).toEqual({ order: ['uplift', 'rating', 'total', 'alone'], cycles: [], blocked: [] });
  });

  it('reports every cycle naming every member, and what depends on one', () => {
    const result = dependencyOrder([
      { id: 'd', reads: ['c'] },
      { id: 'a', reads: ['b'] },
      { id: 'b', reads: ['c'] },
      { id: 'c', reads: ['a'] },
      { id: 'self', reads: ['self'] },
      { id: 'ok', reads: ['x'] },
    ]);
    expect(result.order).toEqual(['ok']);
    expect(result.blocked).toEqual(['d']);
    expect(result.cycles.map((c) => c.members)).toEqual([['a', 'b', 'c'], ['self']]);
    expect(result.cycles[0]?.message.en).toBe(
      'Formula metrics read each other in a cycle: a → b → c → a. Remove one of these references.',
    );
  });

  it('orders a chain of 20000 formulas without overflowing the stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => ({
      id: `m${i}`,
      reads: i === 0 ? [] : [`m${i - 1}`],
    }));
    const { order } = dependencyOrder(chain.reverse());
    expect(order.length).toBe(20_000);
    expect(order[0]).toBe('m0');
    expect(order[19_999]).toBe('m19999');
  });
});
