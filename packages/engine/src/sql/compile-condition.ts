import {
  type Condition,
  foldCondition,
  instantOfText,
  isFactReference,
  keywordsOf,
  normalizeText,
} from '@scorebook/conditions';
import type { FieldSpec, FieldType } from '@scorebook/contract';
import { formatInstantUtc, type Zone } from '@scorebook/time';
import type { SqlDialect, SqlType } from './dialect.ts';
import type { SqlRefusal } from './sql-errors.ts';

/** A condition the SQL engine does not compute, with the reason and the leaf that says it. */
export class ConditionRefused extends Error {
  readonly reason: SqlRefusal;
  readonly leaf: string;

  constructor(reason: SqlRefusal, leaf: string) {
    super(`${reason}: ${leaf}`);
    this.reason = reason;
    this.leaf = leaf;
  }
}

/** How a field of a contract type is stored: timestamps as epoch milliseconds, dates as text. */
export function sqlTypeOf(type: FieldType): SqlType {
  switch (type) {
    case 'int':
    case 'number':
      return 'double';
    case 'bool':
      return 'boolean';
    // Epoch milliseconds are integers below 2^53: exact as doubles, and so are their differences.
    case 'timestamp':
      return 'double';
    default:
      return 'text';
  }
}

/**
 * The SQL expression of a field's text as `textIn` and `containsAny` compare it
 * (`normalizeText`: NFKC, trimmed of punctuation, symbols and spaces, lower case), NULL where the
 * value is not text. DuckDB has no NFKC, so the loader computes it in TypeScript into a column of
 * its own ({@link normalizedColumn}); a warehouse with NFKC could compute it in SQL instead.
 */
export type NormalizedText = (field: string) => string;

const NORMALIZED = 'normalized:';

/** The name of the column that holds a field's normalised text (`normalized:<field>`). */
export function normalizedColumn(field: string): string {
  return `${NORMALIZED}${field}`;
}

/** The value of a normalised-text column for a row: {@link normalizeText} of text, else null. */
export function normalizedValue(value: unknown): string | null {
  return typeof value === 'string' ? normalizeText(value) : null;
}

/** The field a normalised-text column is of, or null for any other column. */
export function fieldOfNormalizedColumn(column: string): string | null {
  return column.startsWith(NORMALIZED) ? column.slice(NORMALIZED.length) : null;
}

/**
 * Compiles a checked condition over a row of a table with `fields` (each a column of its name,
 * stored as {@link sqlTypeOf} says) into a SQL expression that is TRUE exactly where the
 * TypeScript predicate (`@scorebook/conditions`, json-rules-engine's semantics) holds, and
 * FALSE elsewhere — never NULL. `textIn` and `containsAny` read `normalized` (refused without
 * it). Throws {@link ConditionRefused} for what it does not compute.
 */
export function conditionSql(
  condition: Condition,
  fields: Readonly<Record<string, FieldSpec>>,
  zone: Zone,
  dialect: SqlDialect,
  normalized?: NormalizedText,
): string {
  const FALSE = dialect.bool(false);
  return foldCondition<string>(condition, {
    group: (kind, parts) => {
      // json-rules-engine: an empty `all` or `any` holds (EMPTY_GROUP_HOLDS).
      if (parts.length === 0) return dialect.bool(true);
      return `(${parts.join(kind === 'all' ? ' AND ' : ' OR ')})`;
    },
    not: (inner) => `(NOT ${inner})`,
    leaf: (leaf) => {
      const shown = JSON.stringify({ fact: leaf.fact, operator: leaf.operator, value: leaf.value });
      if (isFactReference(leaf.value)) throw new ConditionRefused('fact_reference', shown);
      if (leaf.path !== undefined && leaf.path !== '') throw new ConditionRefused('path', shown);
      const spec = Object.hasOwn(fields, leaf.fact) ? fields[leaf.fact] : undefined;
      if (spec === undefined) throw new ConditionRefused('unknown_fact', shown);
      const column = dialect.ident(leaf.fact);
      const equal = (value: unknown): string => equalSql(column, spec.type, value, dialect);
      const value = leaf.value;
      switch (leaf.operator) {
        case 'equal':
          return equal(value);
        case 'notEqual':
          return `(NOT ${equal(value)})`;
        case 'in':
        case 'notIn': {
          const list = Array.isArray(value) ? value : [];
          const any = list.length === 0 ? FALSE : `(${list.map(equal).join(' OR ')})`;
          return leaf.operator === 'in' ? any : `(NOT ${any})`;
        }
        // Row values are never arrays: json-rules-engine's contains and doesNotContain are false.
        case 'contains':
        case 'doesNotContain':
          return FALSE;
        case 'lessThan':
        case 'lessThanInclusive':
        case 'greaterThan':
        case 'greaterThanInclusive': {
          // A boolean never reads as a number; text might (parseFloat), which is not computed.
          if (spec.type === 'bool') return FALSE;
          if (spec.type !== 'number' && spec.type !== 'int')
            throw new ConditionRefused('comparison_type', shown);
          if (typeof value !== 'number') throw new ConditionRefused('comparison_type', shown);
          const op = { lessThan: '<', lessThanInclusive: '<=', greaterThan: '>', greaterThanInclusive: '>=' }[
            leaf.operator
          ];
          return `coalesce(${column} ${op} ${dialect.double(value)}, ${FALSE})`;
        }
        case 'before':
        case 'after': {
          if (spec.type !== 'timestamp') throw new ConditionRefused('instant_type', shown);
          const bound = instantOfText(value, zone);
          if (bound === null) return FALSE;
          const op = leaf.operator === 'before' ? '<' : '>';
          return `coalesce(${column} ${op} ${dialect.double(bound)}, ${FALSE})`;
        }
        // Both sides normalised as the TypeScript operators do; a value that is not text is
        // NULL in the normalised column, so neither holds for it.
        case 'textIn': {
          if (normalized === undefined) throw new ConditionRefused('text_in', shown);
          const accepted = [
            ...new Set(
              (Array.isArray(value) ? value : []).filter((v) => typeof v === 'string').map(normalizeText),
            ),
          ];
          if (accepted.length === 0) return FALSE;
          return `coalesce(${normalized(leaf.fact)} IN (${accepted.map(dialect.text).join(', ')}), ${FALSE})`;
        }
        case 'containsAny': {
          if (normalized === undefined) throw new ConditionRefused('contains_any', shown);
          const keywords = [...new Set(keywordsOf(Array.isArray(value) ? value : []))];
          if (keywords.length === 0) return FALSE;
          const text = normalized(leaf.fact);
          return `(${keywords.map((k) => `coalesce(${dialect.containsText(text, dialect.text(k))}, ${FALSE})`).join(' OR ')})`;
        }
        default:
          throw new ConditionRefused('operator', shown);
      }
    },
  });
}

// Strict equality (`===`) of the fact as conditions see it with a literal: a timestamp reads
// as its ISO text in UTC with milliseconds, so only such a text can equal it.
function equalSql(column: string, type: FieldType, value: unknown, dialect: SqlDialect): string {
  const FALSE = dialect.bool(false);
  if (value === null) return `(${column} IS NULL)`;
  switch (type) {
    case 'int':
    case 'number':
      return typeof value === 'number' ? `coalesce(${column} = ${dialect.double(value)}, ${FALSE})` : FALSE;
    case 'bool':
      return typeof value === 'boolean' ? `coalesce(${column} = ${dialect.bool(value)}, ${FALSE})` : FALSE;
    case 'timestamp': {
      if (typeof value !== 'string') return FALSE;
      const ms = Date.parse(value);
      if (Number.isNaN(ms) || formatInstantUtc(ms) !== value) return FALSE;
      return `coalesce(${column} = ${dialect.double(ms)}, ${FALSE})`;
    }
    default:
      return typeof value === 'string' ? `coalesce(${column} = ${dialect.text(value)}, ${FALSE})` : FALSE;
  }
}
