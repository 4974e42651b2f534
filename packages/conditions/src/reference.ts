import type { Zone } from '@scorebook/time';
import { Engine } from 'json-rules-engine';
import { OPERATORS, operatorFunctions } from './operators.ts';
import { resolvePath } from './path.ts';
import type { Condition } from './types.ts';

/**
 * Evaluates a condition with json-rules-engine itself, the reference the compiled predicates
 * are tested against. A new Engine per call: an Engine's run state is shared by its runs.
 * A leaf at the root is wrapped in `all`, as json-rules-engine requires a boolean root; a fact
 * the row lacks is given as null, as the spec says.
 */
export async function evaluateWithJsonRulesEngine(
  condition: Condition,
  facts: Readonly<Record<string, unknown>>,
  zone: Zone,
): Promise<boolean> {
  const engine = new Engine([], {
    allowUndefinedFacts: true,
    pathResolver: (value: object, path: string) => resolvePath(value, path),
  });
  const functions = operatorFunctions(zone);
  for (const op of OPERATORS) {
    if (op.added) engine.addOperator(op.name, functions.get(op.name)!);
  }
  const root =
    'all' in condition || 'any' in condition || 'not' in condition ? condition : { all: [condition] };
  engine.addRule({ conditions: root as never, event: { type: 'holds' } });
  const almanac: Record<string, unknown> = { ...facts };
  for (const fact of factsNamed(condition)) if (!Object.hasOwn(almanac, fact)) almanac[fact] = null;
  const { events } = await engine.run(almanac);
  return events.length > 0;
}

function factsNamed(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(factsNamed);
  if ('any' in condition) return condition.any.flatMap(factsNamed);
  if ('not' in condition) return factsNamed(condition.not);
  return [condition.fact];
}
