import type { Zone } from '@scorebook/time';
import { foldCondition, groupHolds } from './fold.ts';
import { operatorFunctions } from './operators.ts';
import { factWithPath } from './path.ts';
import { type Condition, isFactReference } from './types.ts';

/** One node of an evaluated condition, with the fact values that decided it. */
export type ConditionTrace =
  | { kind: 'all' | 'any'; result: boolean; conditions: ConditionTrace[] }
  | { kind: 'not'; result: boolean; condition: ConditionTrace }
  | {
      kind: 'fact';
      result: boolean;
      fact: string;
      path?: string;
      operator: string;
      /** The value as written: a literal, or `{fact, path?}` naming another fact. */
      value: unknown;
      factValue: unknown;
      /** When `value` names a fact: that fact's value (at its path), which `factValue` was compared with. */
      valueFactValue?: unknown;
    };

/**
 * Evaluates a condition over named facts and returns every node with its result; every child
 * is evaluated (no short-circuit) so an explanation can show all of them. The result is the
 * same as json-rules-engine's.
 */
export function traceCondition(
  condition: Condition,
  facts: Readonly<Record<string, unknown>>,
  zone: Zone,
): ConditionTrace {
  const operators = operatorFunctions(zone);
  const read = (fact: string, path: string | undefined) =>
    factWithPath(Object.hasOwn(facts, fact) ? (facts[fact] ?? null) : null, path);
  return foldCondition<ConditionTrace>(condition, {
    group: (kind, conditions) => ({
      kind,
      result: groupHolds(kind, conditions, (c) => c.result),
      conditions,
    }),
    not: (inner) => ({ kind: 'not', result: !inner.result, condition: inner }),
    leaf: (leaf) => {
      const fn = operators.get(leaf.operator);
      if (fn === undefined) throw new Error(`unknown operator "${leaf.operator}"`);
      const factValue = read(leaf.fact, leaf.path);
      const reference = isFactReference(leaf.value) ? leaf.value : null;
      const compared = reference === null ? leaf.value : read(reference.fact, reference.path);
      const trace: ConditionTrace = {
        kind: 'fact',
        result: fn(factValue, compared),
        fact: leaf.fact,
        operator: leaf.operator,
        value: leaf.value,
        factValue,
      };
      if (leaf.path !== undefined) trace.path = leaf.path;
      if (reference !== null) trace.valueFactValue = compared;
      return trace;
    },
  });
}
