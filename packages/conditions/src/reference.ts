import type { Zone } from '@scorebook/time';
import { Engine } from 'json-rules-engine';
import { foldCondition } from './fold.ts';
import { OPERATORS, operatorFunctions } from './operators.ts';
import { resolvePath } from './path.ts';
import { type Condition, isFactReference } from './types.ts';

/** Options of {@link evaluateWithJsonRulesEngine}. */
export interface ReferenceOptions {
  /**
   * `scorebook` (the default) resolves paths as Scorebook does, a missing step giving null;
   * `jsonpath` keeps json-rules-engine's own resolver (JSONPath, a missing step giving undefined).
   */
  paths?: 'scorebook' | 'jsonpath';
}

/**
 * Evaluates a condition with json-rules-engine itself, the reference the compiled predicates
 * are tested against. A new Engine per call: an Engine's run state is shared by its runs.
 * A leaf at the root is wrapped in `all`, as json-rules-engine requires a boolean root; a fact
 * the row lacks (named by a leaf or by a `{fact}` value) is given as null, as the spec says.
 */
export async function evaluateWithJsonRulesEngine(
  condition: Condition,
  facts: Readonly<Record<string, unknown>>,
  zone: Zone,
  options: ReferenceOptions = {},
): Promise<boolean> {
  const engine = new Engine(
    [],
    options.paths === 'jsonpath'
      ? { allowUndefinedFacts: true }
      : {
          allowUndefinedFacts: true,
          pathResolver: (value: object, path: string) => resolvePath(value, path),
        },
  );
  const functions = operatorFunctions(zone);
  for (const op of OPERATORS) {
    const operator = functions.get(op.name);
    if (op.added && operator !== undefined) engine.addOperator(op.name, operator);
  }
  const root =
    'all' in condition || 'any' in condition || 'not' in condition ? condition : { all: [condition] };
  engine.addRule({ conditions: root as never, event: { type: 'holds' } });
  const almanac: Record<string, unknown> = { ...facts };
  for (const fact of factsNamed(condition)) if (!Object.hasOwn(almanac, fact)) almanac[fact] = null;
  const { events } = await engine.run(almanac);
  return events.length > 0;
}

/** Every fact a condition reads: the leaves' and those their `{fact}` values name. */
function factsNamed(condition: Condition): string[] {
  return foldCondition<string[]>(condition, {
    group: (_kind, children) => children.flat(),
    not: (child) => child,
    leaf: (leaf) => (isFactReference(leaf.value) ? [leaf.fact, leaf.value.fact] : [leaf.fact]),
  });
}
