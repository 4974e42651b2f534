import type { Formula, FormulaNode } from './ast.ts';

/** A value a formula computes: a number, a condition's truth, or null (unknown). */
export type FormulaValue = number | boolean | null;

/**
 * The value of a name for one agent: a finite number, or null when it has none. Anything else
 * (undefined, NaN, ±Infinity) is read as null.
 */
export type FormulaLookup = (name: string) => number | null | undefined;

/**
 * Evaluates a parsed formula, purely and synchronously, by the rules of docs/formulas.md: null
 * in gives null out (except `coalesce`, and `if` takes only the branch its condition selects);
 * a division by zero and any non-finite result give null; -0 is returned as 0; nothing is
 * rounded unless `round` asks.
 */
export function evaluateFormula(formula: Formula, lookup: FormulaLookup): FormulaValue {
  return evaluate(formula.root, lookup);
}

function evaluate(node: FormulaNode, lookup: FormulaLookup): FormulaValue {
  switch (node.kind) {
    case 'number':
      return node.value;
    case 'name': {
      const value = lookup(node.name);
      return typeof value === 'number' ? finite(value) : null;
    }
    case 'unary': {
      const v = evaluate(node.operand, lookup);
      if (v === null) return null;
      return node.op === 'not' ? !v : finite(-(v as number));
    }
    case 'binary':
      return binary(node.op, evaluate(node.left, lookup), evaluate(node.right, lookup));
    case 'call':
      return call(node, lookup);
  }
}

function binary(op: string, a: FormulaValue, b: FormulaValue): FormulaValue {
  if (a === null || b === null) return null;
  if (op === 'and') return (a as boolean) && (b as boolean);
  if (op === 'or') return (a as boolean) || (b as boolean);
  const x = a as number;
  const y = b as number;
  switch (op) {
    case '+':
      return finite(x + y);
    case '-':
      return finite(x - y);
    case '*':
      return finite(x * y);
    case '/':
      return y === 0 ? null : finite(x / y);
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    case '>=':
      return x >= y;
    case '==':
      return x === y;
    default:
      return x !== y;
  }
}

function call(node: Extract<FormulaNode, { kind: 'call' }>, lookup: FormulaLookup): FormulaValue {
  if (node.fn === 'if') {
    const condition = evaluate(node.args[0] as FormulaNode, lookup);
    if (condition === null) return null;
    return evaluate(node.args[condition ? 1 : 2] as FormulaNode, lookup);
  }
  if (node.fn === 'coalesce') {
    for (const arg of node.args) {
      const v = evaluate(arg, lookup);
      if (v !== null) return v;
    }
    return null;
  }
  const values: number[] = [];
  for (const arg of node.args) {
    const v = evaluate(arg, lookup);
    if (v === null) return null;
    values.push(v as number);
  }
  const [x, lo, hi] = values as [number, number, number];
  switch (node.fn) {
    case 'min':
      return finite(Math.min(...values));
    case 'max':
      return finite(Math.max(...values));
    case 'abs':
      return finite(Math.abs(x));
    case 'round':
      return roundHalfAway(x, values[1] ?? 0);
    default:
      return lo > hi ? null : finite(Math.min(Math.max(x, lo), hi));
  }
}

/**
 * Rounds half away from zero at `digits` decimals (0–10), on the shortest decimal that reads
 * back as `x` (ECMAScript's Number-to-String): `round(1.005, 2)` is 1.01, `round(-2.5)` is -3.
 * The result is the double nearest the rounded decimal.
 */
export function roundHalfAway(x: number, digits: number): number {
  const [mantissa, exponent = '0'] = Math.abs(x).toString().split('e');
  const [whole = '0', fraction = ''] = (mantissa as string).split('.');
  // All digits, and where the decimal point falls in them.
  let all = whole + fraction;
  let point = whole.length + Number(exponent);
  if (point < 0) {
    all = '0'.repeat(-point) + all;
    point = 0;
  }
  const keep = point + digits;
  if (keep >= all.length) return x === 0 ? 0 : x;
  const kept = keep <= 0 ? 0n : BigInt(all.slice(0, keep));
  const up = keep >= 0 && (all[keep] as string) >= '5' ? 1n : 0n;
  const magnitude = Number(`${kept + up}e-${digits}`);
  return x < 0 && magnitude !== 0 ? -magnitude : magnitude;
}

// Non-finite results are unknown; -0 is shown as 0.
function finite(x: number): number | null {
  if (!Number.isFinite(x)) return null;
  return x === 0 ? 0 : x;
}
