/**
 * A condition value that names another fact: json-rules-engine compares the leaf's fact against
 * that fact's value (read at `path` when given) instead of a literal.
 */
export interface FactReference {
  fact: string;
  path?: string;
}

/** A leaf condition: `{fact, operator, value, path?}` in json-rules-engine syntax. */
export interface LeafCondition {
  fact: string;
  operator: string;
  /** A literal, or a {@link FactReference} (any object with an own `fact` key). */
  value: unknown;
  path?: string;
}

/** A condition in json-rules-engine syntax: `all`, `any`, `not`, or a leaf. */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | LeafCondition;

/** The type of a fact as conditions see it, used to check operators and values. */
export type FactType = 'id' | 'string' | 'number' | 'bool' | 'timestamp' | 'date' | 'any';

/** The facts a condition may name, with their types. `open` admits facts not listed (extra columns). */
export interface FactVocabulary {
  facts: ReadonlyMap<string, FactType>;
  /** When true an unknown fact is a warning (it may be an extra column); otherwise an error. */
  open: boolean;
  /** Words for messages: what the facts are, e.g. `complaints 表的字段` / `fields of complaints`. */
  describe: { zh: string; en: string };
}

/**
 * True when a condition value names a fact, by json-rules-engine's own test: a non-null object
 * with an own `fact` key (`almanac.getValue`).
 */
export function isFactReference(value: unknown): value is FactReference {
  return value !== null && typeof value === 'object' && Object.hasOwn(value, 'fact');
}
