import type { Zone } from '@scorebook/time';
import { operatorFunctions } from './operators.ts';
import { factWithPath } from './path.ts';
import type { Condition } from './types.ts';

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
      value: unknown;
      factValue: unknown;
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
  const walk = (node: Condition): ConditionTrace => {
    if ('all' in node) {
      const conditions = node.all.map(walk);
      return { kind: 'all', result: conditions.every((c) => c.result), conditions };
    }
    if ('any' in node) {
      const conditions = node.any.map(walk);
      return { kind: 'any', result: conditions.length === 0 || conditions.some((c) => c.result), conditions };
    }
    if ('not' in node) {
      const condition = walk(node.not);
      return { kind: 'not', result: !condition.result, condition };
    }
    const raw = Object.hasOwn(facts, node.fact) ? (facts[node.fact] ?? null) : null;
    const factValue = factWithPath(raw, node.path);
    const fn = operators.get(node.operator);
    if (fn === undefined) throw new Error(`unknown operator "${node.operator}"`);
    const trace: ConditionTrace = {
      kind: 'fact',
      result: fn(factValue, node.value),
      fact: node.fact,
      operator: node.operator,
      value: node.value,
      factValue,
    };
    if (node.path !== undefined) trace.path = node.path;
    return trace;
  };
  return walk(condition);
}
