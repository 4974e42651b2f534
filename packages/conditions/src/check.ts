import { type ArgsOf, type Bilingual, messageOf, type Severity } from '@scorebook/problems';
import type { Zone } from '@scorebook/time';
import { CONDITION_ERRORS, type ConditionProblemCode } from './errors.ts';
import { describe, foldUnchecked } from './fold.ts';
import { instantOfText, OPERATORS_BY_NAME, type OperatorInfo } from './operators.ts';
import { isSupportedPath } from './path.ts';
import { normalizeText } from './text-normalize.ts';
import { type FactType, type FactVocabulary, isFactReference } from './types.ts';

/** A problem found in a condition, at a path relative to the condition (`['all', 0, 'operator']`). */
export interface ConditionProblem {
  code: ConditionProblemCode;
  path: Array<string | number>;
  severity: Severity;
  message: Bilingual;
}

/** Options of {@link checkCondition}. */
export interface CheckOptions {
  /** The known fact closest to an unknown one, for "did you mean"; none when not given. */
  suggest?: (fact: string, known: readonly string[]) => string | null;
}

const LEAF_KEYS = new Set(['fact', 'operator', 'value', 'path']);
const REFERENCE_KEYS = new Set(['fact', 'path']);
const NUMERIC: ReadonlySet<FactType> = new Set(['number', 'any']);
const INSTANT: ReadonlySet<FactType> = new Set(['timestamp', 'date', 'string', 'any']);
const TEXT: ReadonlySet<FactType> = new Set([...INSTANT, 'id']);

type Path = Array<string | number>;

/**
 * Checks that a value is a condition json-rules-engine accepts and Scorebook evaluates the same
 * way: its shape, known operators, facts of the vocabulary (the leaf's, and the one a `{fact}`
 * value names), supported `path` forms, and values that fit the operators. Collects every
 * problem, each at its path inside the condition.
 */
export function checkCondition(
  condition: unknown,
  vocabulary: FactVocabulary,
  zone: Zone,
  options: CheckOptions = {},
): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  const report = <K extends ConditionProblemCode>(
    code: K,
    path: Path,
    severity: Severity,
    ...params: ArgsOf<(typeof CONDITION_ERRORS)[K]>
  ) => {
    problems.push({ code, path, severity, message: messageOf(CONDITION_ERRORS, code, ...params) });
  };
  const known = [...vocabulary.facts.keys()];
  const knownShown = knownList(known);

  /** The type of a named fact, reporting it when unknown: `any` when admitted, null when refused. */
  const factType = (fact: string, at: Path): FactType | null => {
    const type = vocabulary.facts.get(fact);
    if (type !== undefined) return type;
    report('CONDITION_UNKNOWN_FACT', at, vocabulary.open ? 'warning' : 'error', {
      fact,
      known: knownShown,
      suggestion: options.suggest?.(fact, known) ?? '',
      whereZh: vocabulary.describe.zh,
      whereEn: vocabulary.describe.en,
      open: vocabulary.open,
    });
    return vocabulary.open ? 'any' : null;
  };

  /** A `path` key: text in a supported form. */
  const pathIsValid = (value: unknown, at: Path): boolean => {
    if (typeof value !== 'string') {
      report('CONDITION_SHAPE', at, 'error', { found: describe(value) });
      return false;
    }
    if (!isSupportedPath(value)) {
      report('CONDITION_PATH', at, 'error', { path: value });
      return false;
    }
    return true;
  };

  /** A `{fact, path?}` value: the named fact's type (`any` behind a path), null when invalid. */
  const referenceType = (reference: object, info: OperatorInfo | undefined, at: Path): FactType | null => {
    const { fact, path } = reference as Record<string, unknown>;
    for (const k of Object.keys(reference))
      if (!REFERENCE_KEYS.has(k))
        report('CONDITION_UNKNOWN_KEY', [...at, k], 'error', { key: k, place: 'reference' });
    const listed =
      info !== undefined &&
      (info.value === 'list' || info.value === 'text-list' || info.value === 'keyword-list');
    if (listed) report('CONDITION_VALUE_FACT_OPERATOR', at, 'error', { operator: info.name });
    if (typeof fact !== 'string' || fact === '') {
      report('CONDITION_SHAPE', [...at, 'fact'], 'error', { found: describe(fact) });
      return null;
    }
    const pathOk = path === undefined || pathIsValid(path, [...at, 'path']);
    const type = factType(fact, [...at, 'fact']);
    if (type === null || !pathOk || listed) return null;
    return path === undefined ? type : 'any';
  };

  const checkLeaf = (leaf: Readonly<Record<string, unknown>>, at: Path): void => {
    for (const k of Object.keys(leaf))
      if (!LEAF_KEYS.has(k)) report('CONDITION_UNKNOWN_KEY', [...at, k], 'error', { key: k, place: 'leaf' });
    if (!('fact' in leaf) || !('operator' in leaf) || !('value' in leaf)) {
      report('CONDITION_SHAPE', at, 'error', { found: 'incomplete' });
      return;
    }
    const { fact, operator, value } = leaf;
    if (typeof fact !== 'string' || fact === '') {
      report('CONDITION_SHAPE', [...at, 'fact'], 'error', { found: describe(fact) });
      return;
    }
    const pathOk = leaf.path === undefined || pathIsValid(leaf.path, [...at, 'path']);
    const info = typeof operator === 'string' ? OPERATORS_BY_NAME.get(operator) : undefined;
    if (info === undefined)
      report('CONDITION_UNKNOWN_OPERATOR', [...at, 'operator'], 'error', {
        operator: String(operator),
        suggestion: typeof operator === 'string' ? operatorSpelledOtherwise(operator) : null,
      });
    const leftType = factType(fact, [...at, 'fact']);
    const valueAt = [...at, 'value'];
    const reference = isFactReference(value) ? referenceType(value, info, valueAt) : undefined;
    if (leftType === null || info === undefined || !pathOk || reference === null) return;
    const type: FactType = leaf.path === undefined ? leftType : 'any';
    const sidesFit = (accepted: ReadonlySet<FactType>, severity: Severity) => {
      if (!accepted.has(type))
        report('CONDITION_OPERATOR_FACT_TYPE', [...at, 'operator'], severity, {
          operator: info.name,
          fact,
          type,
        });
      if (reference !== undefined && !accepted.has(reference))
        report('CONDITION_OPERATOR_FACT_TYPE', [...valueAt, 'fact'], severity, {
          operator: info.name,
          fact: (value as { fact: string }).fact,
          type: reference,
        });
    };
    const literal = reference === undefined;
    switch (info.value) {
      case 'list':
        if (literal && !Array.isArray(value))
          report('CONDITION_VALUE_TYPE', valueAt, 'error', { operator: info.name, expected: 'list' });
        break;
      case 'text-list':
        if (literal && (!Array.isArray(value) || value.some((v) => typeof v !== 'string')))
          report('CONDITION_VALUE_TYPE', valueAt, 'error', { operator: info.name, expected: 'text-list' });
        sidesFit(TEXT, 'error');
        break;
      case 'keyword-list':
        if (literal && (!Array.isArray(value) || value.some((v) => typeof v !== 'string')))
          report('CONDITION_VALUE_TYPE', valueAt, 'error', { operator: info.name, expected: 'keyword-list' });
        else if (literal && (value as string[]).length === 0)
          report('CONDITION_KEYWORDS_EMPTY', valueAt, 'error', { operator: info.name });
        else if (literal)
          (value as string[]).forEach((keyword, i) => {
            if (normalizeText(keyword) === '')
              report('CONDITION_KEYWORD_EMPTY', [...valueAt, i], 'error', { operator: info.name, keyword });
          });
        sidesFit(TEXT, 'error');
        break;
      case 'number':
        // json-rules-engine compares anything; a text value or a non-numeric fact is most likely
        // a mistake, but still a valid condition: warn.
        if (literal && typeof value !== 'number')
          report('CONDITION_VALUE_TYPE', valueAt, 'warning', { operator: info.name, expected: 'number' });
        sidesFit(NUMERIC, 'warning');
        break;
      case 'instant':
        if (literal && instantOfText(value, zone) === null)
          report('CONDITION_VALUE_TYPE', valueAt, 'error', { operator: info.name, expected: 'instant' });
        sidesFit(INSTANT, 'error');
        break;
      case 'any':
        break;
    }
  };

  foldUnchecked<void>(condition, {
    group(kind, children, at, extraKeys) {
      for (const k of extraKeys)
        report('CONDITION_UNKNOWN_KEY', [...at, k], 'error', { key: k, place: 'group' });
      if (children.length === 0) report('CONDITION_EMPTY', [...at, kind], 'warning', { op: kind });
    },
    not(_child, at, extraKeys) {
      for (const k of extraKeys)
        report('CONDITION_UNKNOWN_KEY', [...at, k], 'error', { key: k, place: 'group' });
    },
    leaf: (fields, at) => checkLeaf(fields, [...at]),
    malformed: (found, at) => report('CONDITION_SHAPE', [...at], 'error', { found }),
  });
  return problems;
}

// At most this many names are listed when no near one is found: a policy's vocabulary has every
// metric with its team.<stat>. and history. forms, some 800 names.
const MAX_KNOWN = 30;

/** The names listed in CONDITION_UNKNOWN_FACT: plain names first, at most {@link MAX_KNOWN}, then how many more. */
function knownList(names: readonly string[]): string {
  const ordered = [...names.filter((n) => !n.includes('.')), ...names.filter((n) => n.includes('.'))];
  const shown = ordered.slice(0, MAX_KNOWN);
  const rest = ordered.length - shown.length;
  return rest > 0 ? `${shown.join(', ')} … (+${rest})` : shown.join(', ');
}

/**
 * The operator an unknown one is a spelling of: equal once case, `_`, `-` and spaces are set aside
 * (`lessthan`, `less_than`, `Less Than` → `lessThan`), or null.
 */
function operatorSpelledOtherwise(operator: string): string | null {
  const key = (name: string) => name.replace(/[_\-\s]/g, '').toLowerCase();
  const wanted = key(operator);
  return [...OPERATORS_BY_NAME.keys()].find((name) => key(name) === wanted) ?? null;
}
