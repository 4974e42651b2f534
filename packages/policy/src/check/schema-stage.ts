import type { ErrorObject } from 'ajv';
import { messageOf, type PolicyErrorCode } from '../errors/catalogue.ts';
import type { Problem } from '../errors/problem.ts';
import validate from '../generated/policy-validator.js';
import { problemAt } from '../load/locate.ts';
import type { ParsedYaml } from '../load/parse-yaml.ts';
import { closest } from './suggest.ts';

/**
 * The schema stage: checks the parsed value against the policy JSON Schema (its precompiled
 * validator) and maps each ajv error
 * back to the YAML (a missing key → its parent, an unknown key → the key itself).
 */
export function checkSchema(parsed: ParsedYaml): Problem[] {
  if (validate(parsed.value)) return [];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const error of validate.errors ?? []) {
    if (error.params && 'propertyName' in error.params && error.keyword !== 'propertyNames') continue;
    const problem = toProblem(parsed, error);
    const key = `${problem.code}|${problem.path}|${problem.line}|${problem.column}`;
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
  }
  return problems;
}

function toProblem(parsed: ParsedYaml, error: ErrorObject): Problem {
  const path = pointerToPath(error.instancePath, parsed.value);
  const params = error.params as Record<string, unknown>;
  const at = (
    code: PolicyErrorCode,
    p: Record<string, string | number>,
    where = path,
    anchor: 'value' | 'key' = 'value',
  ) => problemAt(parsed, where, { code, severity: 'error', message: messageOf(code, p) }, anchor);
  switch (error.keyword) {
    case 'required':
      return at('MISSING_KEY', { key: String(params.missingProperty) }, path, 'key');
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema?.properties as object | undefined) ?? {});
      const suggestion = closest(key, allowed) ?? '';
      return at('UNKNOWN_KEY', { key, suggestion, allowed: allowed.join(', ') }, [...path, key], 'key');
    }
    case 'propertyNames':
      return at(
        'BAD_KEY_NAME',
        { key: String(params.propertyName) },
        [...path, String(params.propertyName)],
        'key',
      );
    case 'type':
      return at('WRONG_TYPE', {
        expected: String(params.type).replace(',', ' or '),
        found: typeName(error.data),
      });
    case 'enum':
      return at('NOT_ALLOWED_VALUE', {
        value: String(error.data),
        allowed: (params.allowedValues as unknown[]).join(', '),
      });
    case 'const':
      return at('NOT_ALLOWED_VALUE', { value: String(error.data), allowed: String(params.allowedValue) });
    case 'pattern':
      return at('BAD_FORMAT', patternWords(String(params.pattern), String(error.data)));
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return at('OUT_OF_RANGE', {
        value: String(error.data),
        limit: `${comparisonOf(error.keyword)} ${String(params.limit)}`,
      });
    case 'minItems':
    case 'minLength':
    case 'minProperties':
      return at('EMPTY_VALUE', {});
    default:
      return at('WRONG_TYPE', { expected: error.message ?? error.keyword, found: typeName(error.data) });
  }
}

/** Turns an ajv instance path (`/scorecards/a/scored/0`) into keys and indexes. */
function pointerToPath(pointer: string, value: unknown): Array<string | number> {
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

function patternWords(pattern: string, value: string): Record<string, string> {
  if (pattern.includes('\\d{4}'))
    return { what: `${value} 应为日期 YYYY-MM-DD`, whatEn: `${value} should be a date YYYY-MM-DD` };
  return {
    what: `${value} 只能用小写字母、数字、下划线和连字符,并以字母开头`,
    whatEn: `${value} may use lower-case letters, digits, _ and -, starting with a letter`,
  };
}
