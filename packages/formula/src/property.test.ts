import { describe, expect, it } from 'vitest';
import type { Formula, FormulaNode } from './ast.ts';
import { evaluateFormula, type FormulaValue } from './evaluate.ts';
import { parseFormula } from './parse.ts';
import { printFormula } from './print.ts';

// A small seeded generator (mulberry32), so a failure is reproducible from its seed.
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ['a', 'b', 'history.prev.aov', 'team.median.frt', 'courtesy-messages'];
const NUMBERS = ['0', '1', '2', '0.5', '90%', '12.25', '3', '100'];
const ARITHMETIC = ['+', '-', '*', '/'] as const;
const COMPARISONS = ['<', '<=', '>', '>=', '==', '!='] as const;

// Random text built from a random tree, always parenthesised, with random spacing, so that the
// parser (not the printer) decides precedence; `spec` is the tree the text means.
type Spec =
  | { k: 'num'; text: string }
  | { k: 'name'; name: string }
  | { k: 'neg' | 'not'; x: Spec }
  | { k: 'bin'; op: string; l: Spec; r: Spec }
  | { k: 'call'; fn: string; args: Spec[] };

function numberSpec(next: () => number, depth: number): Spec {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const choice = depth <= 0 ? next() * 0.3 : next();
  if (choice < 0.15) return { k: 'num', text: pick(NUMBERS) };
  if (choice < 0.3) return { k: 'name', name: pick(NAMES) };
  if (choice < 0.4) return { k: 'neg', x: numberSpec(next, depth - 1) };
  if (choice < 0.7)
    return { k: 'bin', op: pick(ARITHMETIC), l: numberSpec(next, depth - 1), r: numberSpec(next, depth - 1) };
  const fn = pick(['min', 'max', 'abs', 'round', 'clamp', 'coalesce', 'if']);
  const n = (count: number) => Array.from({ length: count }, () => numberSpec(next, depth - 1));
  if (fn === 'abs') return { k: 'call', fn, args: n(1) };
  if (fn === 'round') return { k: 'call', fn, args: [...n(1), { k: 'num', text: pick(['0', '1', '2']) }] };
  if (fn === 'clamp') return { k: 'call', fn, args: n(3) };
  if (fn === 'if') return { k: 'call', fn, args: [booleanSpec(next, depth - 1), ...n(2)] };
  return { k: 'call', fn, args: n(1 + Math.floor(next() * 3)) };
}

function booleanSpec(next: () => number, depth: number): Spec {
  const choice = next();
  if (depth <= 0 || choice < 0.6) {
    const op = COMPARISONS[Math.floor(next() * COMPARISONS.length)] as string;
    return { k: 'bin', op, l: numberSpec(next, depth - 1), r: numberSpec(next, depth - 1) };
  }
  if (choice < 0.75) return { k: 'not', x: booleanSpec(next, depth - 1) };
  return {
    k: 'bin',
    op: next() < 0.5 ? 'and' : 'or',
    l: booleanSpec(next, depth - 1),
    r: booleanSpec(next, depth - 1),
  };
}

function textOf(spec: Spec, next: () => number): string {
  const sp = () => [' ', '', '  ', '\n '][Math.floor(next() * 4)] as string;
  switch (spec.k) {
    case 'num':
      return spec.text;
    case 'name':
      return spec.name;
    case 'neg':
      return `-(${sp()}${textOf(spec.x, next)})`;
    case 'not':
      return `not (${textOf(spec.x, next)})`;
    case 'bin': {
      const word = spec.op === 'and' || spec.op === 'or';
      const gap = word || spec.op === '-' ? ' ' : sp();
      return `(${textOf(spec.l, next)})${gap}${spec.op}${gap}(${sp()}${textOf(spec.r, next)})`;
    }
    case 'call':
      return `${spec.fn}(${spec.args.map((a) => textOf(a, next)).join(`,${sp()}`)})`;
  }
}

// The reference: the documented semantics written as directly as possible, over the spec.
function reference(spec: Spec, facts: Record<string, number | null>): FormulaValue {
  const num = (s: Spec) => reference(s, facts) as number | null;
  const ok = (x: number) => (Number.isFinite(x) ? x + 0 : null);
  switch (spec.k) {
    case 'num':
      return spec.text.endsWith('%') ? Number(spec.text.slice(0, -1)) / 100 : Number(spec.text);
    case 'name':
      return facts[spec.name] ?? null;
    case 'neg': {
      const x = num(spec.x);
      return x === null ? null : ok(0 - x);
    }
    case 'not': {
      const x = reference(spec.x, facts);
      return x === null ? null : !x;
    }
    case 'bin': {
      const l = reference(spec.l, facts);
      const r = reference(spec.r, facts);
      if (l === null || r === null) return null;
      const x = l as number;
      const y = r as number;
      const table: Record<string, () => FormulaValue> = {
        '+': () => ok(x + y),
        '-': () => ok(x - y),
        '*': () => ok(x * y),
        '/': () => (y === 0 ? null : ok(x / y)),
        '<': () => x < y,
        '<=': () => x <= y,
        '>': () => x > y,
        '>=': () => x >= y,
        '==': () => x === y,
        '!=': () => x !== y,
        and: () => (l as boolean) && (r as boolean),
        or: () => (l as boolean) || (r as boolean),
      };
      return (table[spec.op] as () => FormulaValue)();
    }
    case 'call': {
      if (spec.fn === 'coalesce')
        return spec.args.map((a) => reference(a, facts)).find((v) => v !== null) ?? null;
      if (spec.fn === 'if') {
        const c = reference(spec.args[0] as Spec, facts);
        return c === null ? null : reference(spec.args[c ? 1 : 2] as Spec, facts);
      }
      const xs = spec.args.map(num);
      if (xs.some((x) => x === null)) return null;
      const v = xs as number[];
      if (spec.fn === 'min') return ok(Math.min(...v));
      if (spec.fn === 'max') return ok(Math.max(...v));
      if (spec.fn === 'abs') return Math.abs(v[0] as number);
      if (spec.fn === 'clamp') {
        const [x, lo, hi] = v as [number, number, number];
        // The middle of the three, when the bounds are in order.
        return lo > hi ? null : ok([x, lo, hi].sort((p, q) => p - q)[1] as number);
      }
      // An independent rounding: Intl's half-expand on the same shortest decimal.
      const [x, d] = v as [number, number];
      const format = new Intl.NumberFormat('en-US', {
        useGrouping: false,
        maximumFractionDigits: d,
        roundingMode: 'halfExpand',
      });
      return ok(Number(format.format(x)));
    }
  }
}

function withoutSpans(node: FormulaNode): unknown {
  return JSON.parse(
    JSON.stringify(node, (key, value) => (key === 'start' || key === 'end' ? undefined : value)),
  );
}

describe('formulas on random input', () => {
  it('print and re-parse to the same tree', () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      const text = textOf(next() < 0.3 ? booleanSpec(next, 4) : numberSpec(next, 5), next);
      const first = parseFormula(text);
      expect({ seed, problems: first.problems }).toEqual({ seed, problems: [] });
      const printed = printFormula((first.formula as Formula).root);
      const again = parseFormula(printed);
      expect({ seed, problems: again.problems }).toEqual({ seed, problems: [] });
      expect(withoutSpans((again.formula as Formula).root)).toEqual(
        withoutSpans((first.formula as Formula).root),
      );
      expect(printFormula((again.formula as Formula).root)).toBe(printed);
    }
  });

  it('evaluate as the reference does', () => {
    const values = [0, 1, -1, 2.5, 0.1, -0.3, 1e-9, 12345.678, null];
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed * 7919);
      const spec = next() < 0.3 ? booleanSpec(next, 4) : numberSpec(next, 5);
      const facts = Object.fromEntries(
        NAMES.map((n) => [n, values[Math.floor(next() * values.length)] ?? null]),
      );
      const formula = parseFormula(textOf(spec, next)).formula as Formula;
      const got = evaluateFormula(formula, (name) => facts[name]);
      expect({ seed, got }).toEqual({ seed, got: reference(spec, facts) });
    }
  });
});
