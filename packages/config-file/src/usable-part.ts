import type { SourceProblem } from '@scorebook/problems';
import type { ErrorObject } from 'ajv';
import type { ParsedYaml } from './parse-yaml.ts';
import {
  type DocumentValidator,
  defaultPatternWords,
  type PatternWords,
  pointerToPath,
  schemaProblems,
} from './schema-problems.ts';

/**
 * A parsed file checked against its schema: the document when it matches; else every schema
 * problem and the **usable part**, the document without the parts the problems are in, which
 * does match (null when nothing usable is left).
 */
export interface CheckedDocument<T> {
  document: T | null;
  usable: T | null;
  problems: SourceProblem[];
}

// Each round removes at least one node, so the rounds end; a bound keeps a pathological file cheap.
const MAX_ROUNDS = 32;

/**
 * Checks a parsed file against its schema like {@link validateDocument}, and when it does not
 * match also gives the usable part, so that the checks of meaning can still run on every part the
 * schema accepts and report together with the schema's problems. The part a schema problem is in
 * is removed: an unknown key (or a badly named one) alone; the value of a wrong type, value or
 * form; the object a required key is missing from; a whole list when one of its items is wrong
 * (removing an item would renumber those after it, and their positions with them). Then the
 * remainder is checked again, since a removal can leave its parent without a required key or
 * empty; its new problems are consequences, not reported. When the root itself would be
 * removed (a wrong `scorebook` or `kind`, a file that is not a mapping), nothing is usable.
 */
export function checkUsablePart<T>(
  parsed: ParsedYaml,
  validate: DocumentValidator<T>,
  patternWords: PatternWords = defaultPatternWords,
): CheckedDocument<T> {
  const value = parsed.value;
  if (validate(value)) return { document: value, usable: value, problems: [] };
  const problems = schemaProblems(parsed, validate, patternWords);
  const part: unknown = structuredClone(value);
  for (let round = 0; round < MAX_ROUNDS; round++) {
    if (validate(part)) return { document: null, usable: part, problems };
    const cuts = (validate.errors ?? []).map((error) => cutOf(error, part));
    if (cuts.some((cut) => cut.length === 0)) break;
    for (const cut of cuts) remove(part, cut);
  }
  return { document: null, usable: null, problems };
}

/** The path of the node a schema error makes unusable (see {@link checkUsablePart}). */
function cutOf(error: ErrorObject, value: unknown): Array<string | number> {
  const path = pointerToPath(error.instancePath, value);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') path.push(String(params.additionalProperty));
  else if (error.keyword === 'propertyNames') path.push(String(params.propertyName));
  const item = path.findIndex((step) => typeof step === 'number');
  return item === -1 ? path : path.slice(0, item);
}

function remove(value: unknown, path: ReadonlyArray<string | number>): void {
  let node: unknown = value;
  for (const step of path.slice(0, -1)) {
    if (node === null || typeof node !== 'object') return;
    node = (node as Record<string | number, unknown>)[step];
  }
  const last = path[path.length - 1];
  if (last !== undefined && node !== null && typeof node === 'object' && !Array.isArray(node))
    delete (node as Record<string, unknown>)[String(last)];
}
