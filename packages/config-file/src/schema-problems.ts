import { messageOf, type SourceProblem } from '@scorebook/problems';
import type { ErrorObject } from 'ajv';
import { CONFIG_FILE_ERRORS } from './errors.ts';
import { locateKeyOf, problemAt } from './locate.ts';
import type { ParsedYaml } from './parse-yaml.ts';
import { closest } from './suggest.ts';

/** A validator compiled by ajv (precompiled standalone code has the same shape). */
export interface SchemaValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/**
 * A precompiled validator whose declaration states the type of the documents its schema admits
 * (the generated module's `.d.ts`, kept beside the schema it was made from).
 */
export interface DocumentValidator<T> {
  (data: unknown): data is T;
  errors?: ErrorObject[] | null;
}

/** A parsed file checked against its schema: the document, or every problem with its position. */
export type ValidatedDocument<T> =
  | { document: T; problems: [] }
  | { document: null; problems: SourceProblem[] };

/** Words for a value that does not match a schema `pattern`, in both languages. */
export type PatternWords = (pattern: string, value: string) => { what: string; whatEn: string };

/**
 * Checks a parsed file against its JSON Schema (a precompiled validator) and maps each ajv error
 * back to the YAML (a missing key → its parent, an unknown key → the key itself). `patternWords`
 * describes the patterns of that schema for people.
 */
export function schemaProblems(
  parsed: ParsedYaml,
  validate: SchemaValidator,
  patternWords: PatternWords = defaultPatternWords,
): SourceProblem[] {
  if (validate(parsed.value)) return [];
  const errors = (validate.errors ?? []).filter(
    (error) => !(error.params && 'propertyName' in error.params && error.keyword !== 'propertyNames'),
  );
  const misspelt = misspeltKeys(parsed, errors);
  const problems: SourceProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const problem = toProblem(parsed, error, patternWords, misspelt);
    const key = `${problem.code}|${problem.path}|${problem.line}|${problem.column}|${problem.message.en}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

/**
 * Checks a parsed file against its schema: the document, typed as the validator says the schema
 * admits, or (when it does not match) the problems {@link schemaProblems} gives.
 */
export function validateDocument<T>(
  parsed: ParsedYaml,
  validate: DocumentValidator<T>,
  patternWords: PatternWords = defaultPatternWords,
): ValidatedDocument<T> {
  const value = parsed.value;
  if (validate(value)) return { document: value, problems: [] };
  return { document: null, problems: schemaProblems(parsed, validate, patternWords) };
}

/**
 * The unknown keys of a document that are a missing key of the same mapping misspelled (the
 * missing key is their {@link closest} allowed key), by mapping and missing key: the unknown key
 * and its line. The first such unknown key of a mapping stands for it.
 */
type MisspeltKeys = Map<string, { key: string; line: number }>;

function misspeltKeys(parsed: ParsedYaml, errors: readonly ErrorObject[]): MisspeltKeys {
  const missing = new Set<string>();
  for (const error of errors)
    if (error.keyword === 'required')
      missing.add(slotOf(error.instancePath, String(error.params.missingProperty)));
  const misspelt: MisspeltKeys = new Map();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const key = String(error.params.additionalProperty);
    const suggestion = closest(key, allowedKeys(error));
    if (suggestion === null) continue;
    const slot = slotOf(error.instancePath, suggestion);
    if (!missing.has(slot) || misspelt.has(slot)) continue;
    const [start] = locateKeyOf(parsed, [...pointerToPath(error.instancePath, parsed.value), key]);
    misspelt.set(slot, { key, line: parsed.lineCounter.linePos(start).line });
  }
  return misspelt;
}

function slotOf(instancePath: string, key: string): string {
  return `${instancePath}\u0000${key}`;
}

function allowedKeys(error: ErrorObject): string[] {
  return Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
}

function toProblem(
  parsed: ParsedYaml,
  error: ErrorObject,
  patternWords: PatternWords,
  misspelt: MisspeltKeys,
): SourceProblem {
  const path = pointerToPath(error.instancePath, parsed.value);
  const params = error.params as Record<string, unknown>;
  const at = (
    code: string,
    message: SourceProblem['message'],
    where = path,
    anchor: 'value' | 'key' = 'value',
  ) => problemAt(parsed, where, { code, severity: 'error', message }, anchor);
  const E = CONFIG_FILE_ERRORS;
  switch (error.keyword) {
    case 'required': {
      const key = String(params.missingProperty);
      const typo = misspelt.get(slotOf(error.instancePath, key));
      return at('MISSING_KEY', messageOf(E, 'MISSING_KEY', { key, misspelt: typo }), path, 'key');
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = allowedKeys(error);
      const suggestion = closest(key, allowed) ?? '';
      const missing = misspelt.has(slotOf(error.instancePath, suggestion));
      return at(
        'UNKNOWN_KEY',
        messageOf(E, 'UNKNOWN_KEY', { key, suggestion, allowed: allowed.join(', '), missing }),
        [...path, key],
        'key',
      );
    }
    case 'propertyNames': {
      const key = String(params.propertyName);
      return at('BAD_KEY_NAME', messageOf(E, 'BAD_KEY_NAME', { key }), [...path, key], 'key');
    }
    case 'type':
      return at(
        'WRONG_TYPE',
        messageOf(E, 'WRONG_TYPE', {
          expected: String(params.type).replace(',', ' or '),
          found: typeName(error.data),
        }),
      );
    case 'enum':
      return at(
        'NOT_ALLOWED_VALUE',
        messageOf(E, 'NOT_ALLOWED_VALUE', {
          value: String(error.data),
          allowed: (params.allowedValues as unknown[]).join(', '),
        }),
      );
    case 'const':
      return at(
        'NOT_ALLOWED_VALUE',
        messageOf(E, 'NOT_ALLOWED_VALUE', {
          value: String(error.data),
          allowed: String(params.allowedValue),
        }),
      );
    case 'pattern':
      return at(
        'BAD_FORMAT',
        messageOf(E, 'BAD_FORMAT', patternWords(String(params.pattern), String(error.data))),
      );
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return at(
        'OUT_OF_RANGE',
        messageOf(E, 'OUT_OF_RANGE', {
          value: String(error.data),
          limit: `${comparisonOf(error.keyword)} ${String(params.limit)}`,
        }),
      );
    case 'minItems':
    case 'minLength':
    case 'minProperties':
      return at('EMPTY_VALUE', messageOf(E, 'EMPTY_VALUE'));
    default:
      return at(
        'WRONG_TYPE',
        messageOf(E, 'WRONG_TYPE', { expected: error.message ?? error.keyword, found: typeName(error.data) }),
      );
  }
}

/** Turns an ajv instance path (`/scorecards/a/scored/0`) into keys and indexes. */
export function pointerToPath(pointer: string, value: unknown): Array<string | number> {
  if (pointer === '') return [];
  const path: Array<string | number> = [];
  let current: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const step = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(step);
      path.push(index);
      current = current[index];
    } else {
      path.push(step);
      current =
        current !== null && typeof current === 'object'
          ? (current as Record<string, unknown>)[step]
          : undefined;
    }
  }
  return path;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && Number.isInteger(value)) return 'integer';
  return typeof value;
}

function comparisonOf(keyword: string): string {
  return { minimum: '≥', maximum: '≤', exclusiveMinimum: '>', exclusiveMaximum: '<' }[keyword] ?? keyword;
}

/** Words for the two patterns the schemas use: dates and ids. */
export function defaultPatternWords(pattern: string, value: string): { what: string; whatEn: string } {
  if (pattern.includes('\\d{4}'))
    return { what: `${value} 应为日期 YYYY-MM-DD`, whatEn: `${value} should be a date YYYY-MM-DD` };
  return {
    what: `${value} 只能用小写字母、数字、下划线和连字符,并以字母开头`,
    whatEn: `${value} may use lower-case letters, digits, _ and -, starting with a letter`,
  };
}
