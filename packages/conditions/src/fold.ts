import type { Condition, LeafCondition } from './types.ts';

/** The two groups of json-rules-engine. */
export type GroupKind = 'all' | 'any';

/** Keys and indexes from a condition's root to one of its nodes: `['all', 0, 'not']`. */
export type ConditionPath = ReadonlyArray<string | number>;

/**
 * json-rules-engine's rule for a group without conditions, stated once for every use: `all: []`
 * and `any: []` both hold.
 */
export const EMPTY_GROUP_HOLDS = true;

/**
 * Whether a group holds, given how to tell whether one child holds: `all` when every child
 * does, `any` when one does, and {@link EMPTY_GROUP_HOLDS} when there is no child. Children are
 * asked in order and no further than needed.
 */
export function groupHolds<T>(
  kind: GroupKind,
  children: readonly T[],
  holds: (child: T) => boolean,
): boolean {
  if (children.length === 0) return EMPTY_GROUP_HOLDS;
  return kind === 'all' ? children.every(holds) : children.some(holds);
}

/**
 * What to make of each kind of node of a checked condition. The fold calls it bottom-up: a
 * group and `not` get the results of their children, in order.
 */
export interface ConditionFold<R> {
  group(kind: GroupKind, children: R[], at: ConditionPath): R;
  not(child: R, at: ConditionPath): R;
  leaf(leaf: LeafCondition, at: ConditionPath): R;
}

/**
 * What to make of each node of a value that may not be a condition yet (checking it). A node is
 * a group when it has an `all` or `any` key, a `not` when it has a `not` key (the first of these
 * keys in key order decides; the others are `extraKeys`), a leaf when it is any other object;
 * anything else is `malformed`, as is a group whose list is not a list.
 */
export interface UncheckedFold<R> {
  group(kind: GroupKind, children: R[], at: ConditionPath, extraKeys: readonly string[]): R;
  not(child: R, at: ConditionPath, extraKeys: readonly string[]): R;
  leaf(fields: Readonly<Record<string, unknown>>, at: ConditionPath): R;
  malformed(found: string, at: ConditionPath): R;
}

/** Folds a checked condition: the one walk over `all`, `any`, `not` and leaves. */
export function foldCondition<R>(condition: Condition, fold: ConditionFold<R>): R {
  return foldUnchecked(condition, {
    group: (kind, children, at) => fold.group(kind, children, at),
    not: (child, at) => fold.not(child, at),
    leaf: (fields, at) => fold.leaf(fields as unknown as LeafCondition, at),
    malformed: (found, at) => {
      throw new Error(`not a checked condition at [${at.join(', ')}]: ${found}`);
    },
  });
}

/** Folds any value as a condition, reporting what is not one through `malformed`. */
export function foldUnchecked<R>(value: unknown, fold: UncheckedFold<R>): R {
  const walk = (node: unknown, at: ConditionPath): R => {
    if (node === null || typeof node !== 'object' || Array.isArray(node))
      return fold.malformed(describe(node), at);
    const record = node as Record<string, unknown>;
    const keys = Object.keys(record);
    const kind = keys.find((k) => k === 'all' || k === 'any' || k === 'not');
    if (kind === undefined) return fold.leaf(record, at);
    const extraKeys = keys.filter((k) => k !== kind);
    const inner = record[kind];
    if (kind === 'not') return fold.not(walk(inner, [...at, kind]), at, extraKeys);
    const children = Array.isArray(inner)
      ? inner.map((child, i) => walk(child, [...at, kind, i]))
      : [fold.malformed(describe(inner), [...at, kind])];
    return fold.group(kind, children, at, extraKeys);
  };
  return walk(value, []);
}

/** The kind of a value, for messages: `null`, `list`, or its `typeof`. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'list';
  return typeof value;
}
