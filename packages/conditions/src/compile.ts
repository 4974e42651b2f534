import type { Zone } from '@scorebook/time';
import { instantOfText, type OperatorFunction, operatorFunctions } from './operators.ts';
import { factWithPath } from './path.ts';
import { normalizeText } from './text-normalize.ts';
import type { Condition, LeafCondition } from './types.ts';

/** A compiled condition: true when it holds for the row. */
export type Predicate<Row> = (row: Row) => boolean;

/**
 * How a compiled condition reads facts from a row. `value` returns the fact as conditions see it
 * (timestamps as ISO strings in UTC with milliseconds, dates as `YYYY-MM-DD`, missing as null).
 * `instant`, when given for a fact, returns its epoch milliseconds directly, so `before` and
 * `after` need not format and re-parse.
 */
export interface FactAccess<Row> {
  value(fact: string): (row: Row) => unknown;
  instant?(fact: string): ((row: Row) => number | null) | undefined;
}

/** Fact access for plain objects: own properties, missing ones null. */
export function objectFactAccess(): FactAccess<Record<string, unknown>> {
  return {
    value: (fact) => (row) => (Object.hasOwn(row, fact) ? (row[fact] ?? null) : null),
  };
}

/**
 * Compiles a condition (already validated) into a predicate with the same result as
 * json-rules-engine: `all`/`any` of no conditions hold, `not` negates, leaves apply the operator.
 */
export function compileCondition<Row>(
  condition: Condition,
  zone: Zone,
  access: FactAccess<Row>,
): Predicate<Row> {
  const operators = operatorFunctions(zone);
  const build = (node: Condition): Predicate<Row> => {
    if ('all' in node) {
      const parts = node.all.map(build);
      return (row) => parts.every((p) => p(row));
    }
    if ('any' in node) {
      const parts = node.any.map(build);
      if (parts.length === 0) return () => true;
      return (row) => parts.some((p) => p(row));
    }
    if ('not' in node) {
      const inner = build(node.not);
      return (row) => !inner(row);
    }
    return compileLeaf(node, zone, access, operators);
  };
  return build(condition);
}

function compileLeaf<Row>(
  leaf: LeafCondition,
  zone: Zone,
  access: FactAccess<Row>,
  operators: ReadonlyMap<string, OperatorFunction>,
): Predicate<Row> {
  const fn = operators.get(leaf.operator);
  if (fn === undefined) throw new Error(`unknown operator "${leaf.operator}"`);
  const hasPath = leaf.path !== undefined && leaf.path !== '';
  if ((leaf.operator === 'before' || leaf.operator === 'after') && !hasPath) {
    const bound = instantOfText(leaf.value, zone);
    const fast = access.instant?.(leaf.fact);
    if (bound === null) return () => false;
    if (fast !== undefined) {
      return leaf.operator === 'before'
        ? (row) => {
            const t = fast(row);
            return t !== null && t < bound;
          }
        : (row) => {
            const t = fast(row);
            return t !== null && t > bound;
          };
    }
  }
  const read = access.value(leaf.fact);
  const get = hasPath ? (row: Row) => factWithPath(read(row), leaf.path) : read;
  const value = leaf.value;
  if (leaf.operator === 'textIn' && Array.isArray(value)) {
    const accepted = new Set(value.filter((v): v is string => typeof v === 'string').map(normalizeText));
    return (row) => {
      const fact = get(row);
      return typeof fact === 'string' && accepted.has(normalizeText(fact));
    };
  }
  return (row) => fn(get(row), value);
}
