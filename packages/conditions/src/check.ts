import type { Zone } from '@scorebook/time';
import { instantOfText, OPERATORS_BY_NAME } from './operators.ts';
import type { FactType, FactVocabulary } from './types.ts';

/** A problem found in a condition, at a path relative to the condition (`['all', 0, 'operator']`). */
export interface ConditionProblem {
  code: ConditionProblemCode;
  path: Array<string | number>;
  severity: 'error' | 'warning';
  params: Record<string, string>;
}

/** Permanent codes of condition problems. */
export type ConditionProblemCode =
  | 'CONDITION_SHAPE'
  | 'CONDITION_UNKNOWN_KEY'
  | 'CONDITION_EMPTY'
  | 'CONDITION_UNKNOWN_OPERATOR'
  | 'CONDITION_UNKNOWN_FACT'
  | 'CONDITION_VALUE_TYPE'
  | 'CONDITION_OPERATOR_FACT_TYPE';

const LEAF_KEYS = new Set(['fact', 'operator', 'value', 'path']);
const NUMERIC: ReadonlySet<FactType> = new Set(['number', 'any']);
const INSTANT: ReadonlySet<FactType> = new Set(['timestamp', 'date', 'string', 'any']);

/**
 * Checks that a value is a condition json-rules-engine accepts, that its operators are known,
 * its facts are in the vocabulary and its values fit the operators. Collects every problem.
 */
export function checkCondition(
  condition: unknown,
  vocabulary: FactVocabulary,
  zone: Zone,
): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  const problem = (
    code: ConditionProblemCode,
    path: Array<string | number>,
    params: Record<string, string> = {},
    severity: 'error' | 'warning' = 'error',
  ) => problems.push({ code, path, params, severity });

  const walk = (node: unknown, path: Array<string | number>): void => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) {
      problem('CONDITION_SHAPE', path, { found: describe(node) });
      return;
    }
    const keys = Object.keys(node);
    const record = node as Record<string, unknown>;
    const booleans = keys.filter((k) => k === 'all' || k === 'any' || k === 'not');
    if (booleans.length > 0) {
      if (booleans.length > 1 || keys.length > 1) {
        for (const k of keys.filter((k) => k !== booleans[0]))
          problem('CONDITION_UNKNOWN_KEY', [...path, k], { key: k });
      }
      const op = booleans[0]!;
      const inner = record[op];
      if (op === 'not') {
        walk(inner, [...path, op]);
        return;
      }
      if (!Array.isArray(inner)) {
        problem('CONDITION_SHAPE', [...path, op], { found: describe(inner) });
        return;
      }
      if (inner.length === 0) problem('CONDITION_EMPTY', [...path, op], { op }, 'warning');
      inner.forEach((child, i) => {
        walk(child, [...path, op, i]);
      });
      return;
    }
    for (const k of keys) if (!LEAF_KEYS.has(k)) problem('CONDITION_UNKNOWN_KEY', [...path, k], { key: k });
    if (!('fact' in record) || !('operator' in record) || !('value' in record)) {
      problem('CONDITION_SHAPE', path, { found: 'incomplete' });
      return;
    }
    checkLeaf(record, path);
  };

  const checkLeaf = (leaf: Record<string, unknown>, path: Array<string | number>): void => {
    const { fact, operator, value } = leaf;
    if (typeof fact !== 'string' || fact === '') {
      problem('CONDITION_SHAPE', [...path, 'fact'], { found: describe(fact) });
      return;
    }
    if (leaf.path !== undefined && typeof leaf.path !== 'string') {
      problem('CONDITION_SHAPE', [...path, 'path'], { found: describe(leaf.path) });
    }
    const info = typeof operator === 'string' ? OPERATORS_BY_NAME.get(operator) : undefined;
    if (info === undefined) {
      problem('CONDITION_UNKNOWN_OPERATOR', [...path, 'operator'], { operator: String(operator) });
    }
    let factType = vocabulary.facts.get(fact);
    if (factType === undefined) {
      if (!vocabulary.open) {
        problem('CONDITION_UNKNOWN_FACT', [...path, 'fact'], {
          fact,
          known: [...vocabulary.facts.keys()].join(', '),
        });
        return;
      }
      problem(
        'CONDITION_UNKNOWN_FACT',
        [...path, 'fact'],
        { fact, known: [...vocabulary.facts.keys()].join(', ') },
        'warning',
      );
      factType = 'any';
    }
    if (leaf.path !== undefined) factType = 'any';
    if (info === undefined) return;
    const valuePath = [...path, 'value'];
    switch (info.value) {
      case 'list':
        if (!Array.isArray(value))
          problem('CONDITION_VALUE_TYPE', valuePath, { operator: info.name, expected: 'list' });
        break;
      case 'text-list':
        if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
          problem('CONDITION_VALUE_TYPE', valuePath, { operator: info.name, expected: 'text-list' });
        }
        if (!INSTANT.has(factType) && factType !== 'id') {
          problem('CONDITION_OPERATOR_FACT_TYPE', [...path, 'operator'], {
            operator: info.name,
            fact,
            type: factType,
          });
        }
        break;
      case 'number':
        // json-rules-engine compares anything; a text value or a non-numeric fact is most likely
        // a mistake, but still a valid condition: warn.
        if (typeof value !== 'number') {
          problem('CONDITION_VALUE_TYPE', valuePath, { operator: info.name, expected: 'number' }, 'warning');
        }
        if (!NUMERIC.has(factType)) {
          problem(
            'CONDITION_OPERATOR_FACT_TYPE',
            [...path, 'operator'],
            { operator: info.name, fact, type: factType },
            'warning',
          );
        }
        break;
      case 'instant':
        if (instantOfText(value, zone) === null) {
          problem('CONDITION_VALUE_TYPE', valuePath, { operator: info.name, expected: 'instant' });
        }
        if (!INSTANT.has(factType)) {
          problem('CONDITION_OPERATOR_FACT_TYPE', [...path, 'operator'], {
            operator: info.name,
            fact,
            type: factType,
          });
        }
        break;
      case 'any':
        break;
    }
  };

  walk(condition, []);
  return problems;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value;
}
