import { localMidnight, parseDateParts, parseTimestamp, type Zone } from '@scorebook/time';
import { normalizeText } from './text-normalize.ts';

/** What an operator's `value` must be, checked by validation. */
export type OperatorValueKind = 'any' | 'list' | 'number' | 'text-list' | 'keyword-list' | 'instant';

/** An operator usable in conditions. */
export interface OperatorInfo {
  name: string;
  value: OperatorValueKind;
  /** False for json-rules-engine's built-ins, true for the operators Scorebook adds. */
  added: boolean;
  zh: string;
  en: string;
}

/** Every operator a condition may use, json-rules-engine's built-ins first. */
export const OPERATORS: readonly OperatorInfo[] = [
  { name: 'equal', value: 'any', added: false, zh: '等于', en: 'equals' },
  { name: 'notEqual', value: 'any', added: false, zh: '不等于', en: 'does not equal' },
  { name: 'in', value: 'list', added: false, zh: '属于', en: 'is one of' },
  { name: 'notIn', value: 'list', added: false, zh: '不属于', en: 'is none of' },
  { name: 'contains', value: 'any', added: false, zh: '包含', en: 'contains' },
  { name: 'doesNotContain', value: 'any', added: false, zh: '不包含', en: 'does not contain' },
  { name: 'lessThan', value: 'number', added: false, zh: '小于', en: 'is less than' },
  { name: 'lessThanInclusive', value: 'number', added: false, zh: '小于等于', en: 'is at most' },
  { name: 'greaterThan', value: 'number', added: false, zh: '大于', en: 'is greater than' },
  { name: 'greaterThanInclusive', value: 'number', added: false, zh: '大于等于', en: 'is at least' },
  {
    name: 'textIn',
    value: 'text-list',
    added: true,
    zh: '文本归一化后属于',
    en: 'as normalised text is one of',
  },
  {
    name: 'containsAny',
    value: 'keyword-list',
    added: true,
    zh: '文本归一化后包含其中之一',
    en: 'as normalised text contains any of',
  },
  { name: 'before', value: 'instant', added: true, zh: '早于', en: 'is before' },
  { name: 'after', value: 'instant', added: true, zh: '晚于', en: 'is after' },
];

/** Operator information by name. */
export const OPERATORS_BY_NAME: ReadonlyMap<string, OperatorInfo> = new Map(
  OPERATORS.map((o) => [o.name, o]),
);

/** A binary operator: the fact's value against the condition's value. */
export type OperatorFunction = (factValue: unknown, conditionValue: unknown) => boolean;

// json-rules-engine's numeric fact validator, kept to the letter.
function readsAsNumber(factValue: unknown): boolean {
  return Number.parseFloat(factValue as string).toString() !== 'NaN';
}

/**
 * The instant of a timestamp or date written as text (no offset = `zone`, a date = its local
 * midnight); null when the text is neither.
 */
export function instantOfText(text: unknown, zone: Zone): number | null {
  if (typeof text !== 'string') return null;
  if (text.length === 10) return parseDateParts(text) ? localMidnight(text, zone) : null;
  return parseTimestamp(text, zone);
}

/**
 * The keywords of a `containsAny` list, each normalised as {@link normalizeText} does; entries
 * that are not text, or that normalise to the empty text, are left out (validation refuses them).
 */
export function keywordsOf(list: readonly unknown[]): string[] {
  return list.flatMap((k) => {
    if (typeof k !== 'string') return [];
    const n = normalizeText(k);
    return n === '' ? [] : [n];
  });
}

/**
 * `containsAny`: true when `text` is text whose normalised form ({@link normalizeText}) contains
 * one of the normalised `keywords` ({@link keywordsOf}) as a substring; false for null, a value
 * that is not text, and an empty keyword list.
 */
export function containsAnyKeyword(text: unknown, keywords: readonly string[]): boolean {
  if (typeof text !== 'string' || keywords.length === 0) return false;
  const normal = normalizeText(text);
  return keywords.some((k) => normal.includes(k));
}

/**
 * The operator functions with json-rules-engine's semantics, and the added ones
 * (`textIn`, `containsAny`, `before`, `after`) bound to the policy's timezone.
 */
export function operatorFunctions(zone: Zone): ReadonlyMap<string, OperatorFunction> {
  const lt = (a: unknown, b: unknown) => readsAsNumber(a) && (a as number) < (b as number);
  const lte = (a: unknown, b: unknown) => readsAsNumber(a) && (a as number) <= (b as number);
  const gt = (a: unknown, b: unknown) => readsAsNumber(a) && (a as number) > (b as number);
  const gte = (a: unknown, b: unknown) => readsAsNumber(a) && (a as number) >= (b as number);
  const compareInstants = (a: unknown, b: unknown, sign: -1 | 1) => {
    const fact = instantOfText(a, zone);
    const value = instantOfText(b, zone);
    if (fact === null || value === null) return false;
    return sign < 0 ? fact < value : fact > value;
  };
  return new Map<string, OperatorFunction>([
    ['equal', (a, b) => a === b],
    ['notEqual', (a, b) => a !== b],
    ['in', (a, b) => (b as unknown[]).indexOf(a) > -1],
    ['notIn', (a, b) => (b as unknown[]).indexOf(a) === -1],
    ['contains', (a, b) => Array.isArray(a) && a.indexOf(b) > -1],
    ['doesNotContain', (a, b) => Array.isArray(a) && a.indexOf(b) === -1],
    ['lessThan', lt],
    ['lessThanInclusive', lte],
    ['greaterThan', gt],
    ['greaterThanInclusive', gte],
    [
      'textIn',
      (a, b) =>
        typeof a === 'string' &&
        Array.isArray(b) &&
        b.some((candidate) => typeof candidate === 'string' && normalizeText(candidate) === normalizeText(a)),
    ],
    ['containsAny', (a, b) => Array.isArray(b) && containsAnyKeyword(a, keywordsOf(b))],
    ['before', (a, b) => compareInstants(a, b, -1)],
    ['after', (a, b) => compareInstants(a, b, 1)],
  ]);
}
