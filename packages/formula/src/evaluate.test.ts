import { describe, expect, it } from 'vitest';
import type { Formula } from './ast.ts';
import { evaluateFormula, type FormulaValue, roundHalfAway } from './evaluate.ts';
import { parseFormula } from './parse.ts';

const FACTS: Record<string, number | null> = {
  aov: 250,
  'history.prev.aov': 200,
  zero: 0,
  missing: null,
  supervisor_rating: 4.5,
  peer_rating: 3.75,
};
const value = (text: string, facts: Record<string, number | null> = FACTS): FormulaValue =>
  evaluateFormula(parseFormula(text).formula as Formula, (name) => facts[name]);

describe('evaluateFormula', () => {
  it('computes in IEEE-754 doubles without rounding', () => {
    expect(value('(aov - history.prev.aov) / history.prev.aov')).toBe(0.25);
    expect(value('0.6 * supervisor_rating + 0.4 * peer_rating')).toBe(4.199999999999999);
    expect(value('0.1 + 0.2')).toBe(0.30000000000000004);
    expect(value('90% + 0.5%')).toBe(0.905);
    expect(value('-aov')).toBe(-250);
    expect(value('2 - 3 - 4')).toBe(-5);
    expect(value('12 / 4 / 3')).toBe(1);
  });

  it('gives null for a null operand, a division by zero and a non-finite result', () => {
    expect(value('missing + 1')).toBe(null);
    expect(value('-missing')).toBe(null);
    expect(value('unknown_name * 0')).toBe(null);
    expect(value('aov / zero')).toBe(null);
    expect(value('zero / zero')).toBe(null);
    expect(value('aov / 0')).toBe(null);
    expect(value('x * x', { x: 1e200 })).toBe(null);
    expect(value('x', { x: Number.NaN })).toBe(null);
    expect(value('max(aov, missing)')).toBe(null);
    expect(value('missing > 1')).toBe(null);
    expect(value('not (missing > 1)')).toBe(null);
    expect(value('aov > 1 and missing > 1')).toBe(null);
    expect(value('aov < 1 and missing > 1')).toBe(null);
    expect(value('aov > 1 or missing > 1')).toBe(null);
  });

  it('returns -0 as 0', () => {
    expect(Object.is(value('-zero'), 0)).toBe(true);
    expect(Object.is(value('0 * -1'), 0)).toBe(true);
    expect(Object.is(value('round(-0.4)'), 0)).toBe(true);
  });

  it('evaluates comparisons and logic', () => {
    expect(value('aov >= 250 and aov != 251')).toBe(true);
    expect(value('aov == 250.0')).toBe(true);
    expect(value('not aov > 1 or zero < 0')).toBe(false);
  });

  it('applies the functions', () => {
    expect(value('min(3, aov, 7)')).toBe(3);
    expect(value('max(3)')).toBe(3);
    expect(value('abs(-2.5)')).toBe(2.5);
    expect(value('clamp(aov, 0, 100)')).toBe(100);
    expect(value('clamp(-5, 0, 100)')).toBe(0);
    expect(value('clamp(5, 10, 0)')).toBe(null);
    expect(value('coalesce(missing, missing, aov)')).toBe(250);
    expect(value('coalesce(missing, missing)')).toBe(null);
    expect(value('if(aov > 100, 1, aov / zero)')).toBe(1);
    expect(value('if(aov < 100, 1, aov / zero)')).toBe(null);
    expect(value('if(missing > 100, 1, 2)')).toBe(null);
    expect(value('if(aov > 100, missing, 2)')).toBe(null);
    expect(value('round(2.5) + round(-2.5)')).toBe(0);
  });
});

describe('roundHalfAway', () => {
  it('rounds the shortest decimal half away from zero', () => {
    expect(roundHalfAway(2.5, 0)).toBe(3);
    expect(roundHalfAway(-2.5, 0)).toBe(-3);
    expect(roundHalfAway(1.005, 2)).toBe(1.01);
    expect(roundHalfAway(-1.005, 2)).toBe(-1.01);
    expect(roundHalfAway(1.2345, 3)).toBe(1.235);
    expect(roundHalfAway(0.049, 1)).toBe(0);
    expect(roundHalfAway(0.05, 1)).toBe(0.1);
    expect(roundHalfAway(9.995, 2)).toBe(10);
    expect(roundHalfAway(123.456, 10)).toBe(123.456);
    expect(roundHalfAway(5e-7, 6)).toBe(0.000001);
    expect(roundHalfAway(4e-7, 6)).toBe(0);
    expect(roundHalfAway(1e21, 2)).toBe(1e21);
    expect(roundHalfAway(0.1 + 0.2, 2)).toBe(0.3);
  });
});
