import { cellText } from '../fields/type-value.ts';
import type { Cell } from '../read/file-items.ts';
import { compareCodePoints as compare, normalizeValue } from './normalize.ts';
import type { Vocabulary, VocabularyValue } from './synonyms.ts';

/** A distinct value of a column with how often the sample has it. */
export interface ValueCount {
  value: string;
  count: number;
}

/** One entry of a drafted `map`: the value as the file writes it, and what it means (null: TODO). */
interface MapEntry {
  key: string;
  value: VocabularyValue | null;
  count: number;
}

/** A drafted `map` for an enumerated field. */
export interface ValueMapDraft {
  /** Most frequent first, ties in code-point order. */
  entries: MapEntry[];
  /** Distinct values left out of `entries` (beyond {@link MAX_MAP_ENTRIES}). */
  omitted: number;
}

/** At most this many entries are drafted; a column with more is probably not this field. */
export const MAX_MAP_ENTRIES = 30;

/**
 * Counts the distinct values of a column, each as `cellText` gives it (text trimmed, numbers and
 * booleans as their text), empty cells left out; most frequent first, ties in code-point order.
 */
export function countValues(cells: readonly Cell[]): ValueCount[] {
  const counts = new Map<string, number>();
  for (const cell of cells) {
    const text = cellText(cell);
    if (text === '') continue;
    counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || compare(a.value, b.value));
}

/**
 * Drafts the `map` of an enumerated field, or returns null when every value is already one the
 * field reads without a map. A map is total, so when one is needed every distinct value gets an
 * entry: its synonym's contract value when the vocabulary knows it (after `normalizeValue`),
 * else null (a TODO for the user).
 */
export function draftValueMap(vocabulary: Vocabulary, counts: readonly ValueCount[]): ValueMapDraft | null {
  if (counts.every((c) => vocabulary.accepts(c.value))) return null;
  const index = vocabularyIndex(vocabulary);
  const entries = counts.slice(0, MAX_MAP_ENTRIES).map((c) => ({
    key: c.value,
    value: index.get(normalizeValue(c.value)) ?? null,
    count: c.count,
  }));
  return { entries, omitted: Math.max(0, counts.length - MAX_MAP_ENTRIES) };
}

/**
 * Drafts the `map` of the agents' `role` from the policy's scorecard roles, or returns null when
 * every value already is one of them. Every distinct value (the {@link MAX_MAP_ENTRIES} most
 * frequent) gets an entry, in code-point order of the values: the role it spells, compared
 * case-insensitively, else null (a TODO the loader refuses until it is replaced).
 */
export function draftRoleMap(roles: readonly string[], counts: readonly ValueCount[]): ValueMapDraft | null {
  if (counts.every((c) => roles.includes(c.value))) return null;
  const entries = counts
    .slice(0, MAX_MAP_ENTRIES)
    .map((c) => ({
      key: c.value,
      value: roles.find((r) => r.toLowerCase() === c.value.toLowerCase()) ?? null,
      count: c.count,
    }))
    .sort((a, b) => compare(a.key, b.key));
  return { entries, omitted: Math.max(0, counts.length - MAX_MAP_ENTRIES) };
}

const indexes = new WeakMap<Vocabulary, Map<string, VocabularyValue>>();

function vocabularyIndex(vocabulary: Vocabulary): Map<string, VocabularyValue> {
  const cached = indexes.get(vocabulary);
  if (cached) return cached;
  const index = new Map<string, VocabularyValue>();
  for (const [value, spellings] of vocabulary.synonyms) {
    index.set(normalizeValue(String(value)), value);
    for (const spelling of spellings) index.set(normalizeValue(spelling), value);
  }
  indexes.set(vocabulary, index);
  return index;
}
