import type { Zone } from '@scorebook/time';
import { foldCondition, groupHolds } from './fold.ts';
import {
  containsAnyKeyword,
  instantOfText,
  keywordsOf,
  type OperatorFunction,
  operatorFunctions,
} from './operators.ts';
import { factWithPath } from './path.ts';
import { normalizeText } from './text-normalize.ts';
import { type Condition, isFactReference, type LeafCondition } from './types.ts';

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
 * Compiles a condition (already checked) into a predicate with the same result as
 * json-rules-engine: groups by {@link groupHolds}, `not` negates, a leaf applies its operator to
 * the fact and to the value (a literal, or the value of the fact a `{fact}` value names).
 */
export function compileCondition<Row>(
  condition: Condition,
  zone: Zone,
  access: FactAccess<Row>,
): Predicate<Row> {
  const operators = operatorFunctions(zone);
  return foldCondition<Predicate<Row>>(condition, {
    group: (kind, parts) => {
      const [only, ...more] = parts;
      if (only !== undefined && more.length === 0) return only;
      return (row) => groupHolds(kind, parts, (part) => part(row));
    },
    not: (inner) => (row) => !inner(row),
    leaf: (leaf) => compileLeaf(leaf, zone, access, operators),
  });
}

function compileLeaf<Row>(
  leaf: LeafCondition,
  zone: Zone,
  access: FactAccess<Row>,
  operators: ReadonlyMap<string, OperatorFunction>,
): Predicate<Row> {
  const fn = operators.get(leaf.operator);
  if (fn === undefined) throw new Error(`unknown operator "${leaf.operator}"`);
  const get = reader(access, leaf.fact, leaf.path);
  if (isFactReference(leaf.value)) {
    const other = reader(access, leaf.value.fact, leaf.value.path);
    return (row) => fn(get(row), other(row));
  }
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
  const value = leaf.value;
  if (leaf.operator === 'textIn' && Array.isArray(value)) {
    const accepted = new Set(value.filter((v): v is string => typeof v === 'string').map(normalizeText));
    return rememberingText(get, (text) => accepted.has(normalizeText(text)));
  }
  if (leaf.operator === 'containsAny' && Array.isArray(value)) {
    const keywords = keywordsOf(value);
    return rememberingText(get, (text) => containsAnyKeyword(text, keywords));
  }
  return (row) => fn(get(row), value);
}

/** How many texts a leaf that normalizes text remembers its answer for, at most. */
const REMEMBERED_TEXTS = 4096;

/**
 * A leaf that normalizes text (`textIn`, `containsAny`): false for a fact that is not text, else
 * `test` of the text, remembered for the first {@link REMEMBERED_TEXTS} distinct texts — a test
 * depends on nothing but the text, and exports repeat few texts (a courtesy exclusion's "谢谢"),
 * so each distinct text is normalized once. The answers are those `test` gives.
 */
function rememberingText<Row>(get: (row: Row) => unknown, test: (text: string) => boolean): Predicate<Row> {
  const answers = new Map<string, boolean>();
  return (row) => {
    const fact = get(row);
    if (typeof fact !== 'string') return false;
    const known = answers.get(fact);
    if (known !== undefined) return known;
    const answer = test(fact);
    if (answers.size < REMEMBERED_TEXTS) answers.set(fact, answer);
    return answer;
  };
}

/** Reads a fact, at a path when given, as json-rules-engine's almanac does. */
function reader<Row>(access: FactAccess<Row>, fact: string, path: string | undefined): (row: Row) => unknown {
  const read = access.value(fact);
  return path !== undefined && path !== '' ? (row) => factWithPath(read(row), path) : read;
}
