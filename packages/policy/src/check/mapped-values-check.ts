import { foldUnchecked, normalizeText } from '@scorebook/conditions';
import { closest } from '@scorebook/config-file';
import type { NeverMatchEffect } from '../errors/catalogue.ts';
import type { CheckContext, Path } from './context.ts';

/** A value a source's `map` gives: text, a number, a boolean, or null (missing). */
export type SourceMappedValue = string | number | boolean | null;

/**
 * The `map` of one field of a source (`fields.<field>.map`), as the policy checks see it. A map
 * is total (`docs/sources.md`, reading a value): a cell not among its keys rejects the row, so the
 * field's value, once read, is always one of the map's values or missing.
 */
export interface SourceValueMap {
  /** Trimmed key → value, in the source's order. */
  entries: ReadonlyArray<readonly [string, SourceMappedValue]>;
  /** Where the field is written in the source: `exports/2026-11/source.yaml:12:7`. */
  at: string;
}

/** The maps of a source's fields, by table, then field. */
export type SourceValueMaps = Readonly<Partial<Record<string, Readonly<Record<string, SourceValueMap>>>>>;

/** The operators that compare a field with literal values, and what a value that never matches does. */
const EFFECTS: ReadonlyMap<string, NeverMatchEffect> = new Map([
  ['equal', 'never'],
  ['notEqual', 'always'],
  ['in', 'item-matches-none'],
  ['textIn', 'item-matches-none'],
  ['notIn', 'item-removes-none'],
]);
/** What a negated comparison's never-matching value does instead. */
const FLIPPED: ReadonlyMap<NeverMatchEffect, NeverMatchEffect> = new Map([
  ['never', 'always'],
  ['always', 'never'],
]);

/**
 * Reports each literal a condition on `table`'s rows compares a mapped field with that the field
 * can never hold once read: a key of the map (the export's raw spelling, `CONDITION_RAW_VALUE`,
 * naming the value it reads as) or neither a key nor a value (`CONDITION_VALUE_NOT_MAPPED`,
 * listing the values). Since the map is total, such a comparison never matches: both are errors,
 * but for an item of a list that is neither a key nor a value (a warning: the other items may
 * be what is meant, and a drafted map lists only the values one export had). Under an odd number
 * of `not`s the effect said is the negated one (`never` ↔ `always`).
 * `textIn` compares normalised texts, so a value equal to a mapped one once normalised is fine.
 */
export function checkMappedValues(ctx: CheckContext, path: Path, condition: unknown, table: string): void {
  const maps = ctx.valueMaps[table];
  if (maps === undefined) return;
  checkLeaves(ctx, path, condition, (fact) =>
    Object.hasOwn(maps, fact) && maps[fact] !== undefined ? { table, field: fact, map: maps[fact] } : null,
  );
}

/**
 * The agent facts of format 2 that are the agents table's fields as read (`docs/scorecards.md`),
 * with the values they take besides the map's: an empty `status` is `active`.
 */
const AGENT_FACT_FIELDS: ReadonlyMap<string, { field: string; also: readonly string[] }> = new Map([
  ['team', { field: 'team', also: [] }],
  ['role', { field: 'role', also: [] }],
  ['employment_status', { field: 'status', also: ['active'] }],
]);

/**
 * {@link checkMappedValues} for an agent-level condition (eligibility, vetoes, flags) of format 2,
 * whose facts `team`, `role` and `employment_status` are the agents table's `team`, `role` and
 * `status`: `{fact: role, operator: equal, value: 售前客服}` never holds when the source maps
 * 售前客服 to presale.
 */
export function checkAgentMappedValues(ctx: CheckContext, path: Path, condition: unknown): void {
  const maps = ctx.valueMaps.agents;
  if (ctx.format !== 2 || maps === undefined) return;
  checkLeaves(ctx, path, condition, (fact) => {
    const agentFact = AGENT_FACT_FIELDS.get(fact);
    if (agentFact === undefined || !Object.hasOwn(maps, agentFact.field)) return null;
    const map = maps[agentFact.field];
    if (map === undefined) return null;
    const also = agentFact.also.map((v) => [v, v] as const);
    return { table: 'agents', field: agentFact.field, map: { ...map, entries: [...map.entries, ...also] } };
  });
}

/** The mapped field a fact reads, or null when it reads none. */
type MappedFact = (fact: string) => { table: string; field: string; map: SourceValueMap } | null;

function checkLeaves(ctx: CheckContext, path: Path, condition: unknown, mappedFact: MappedFact): void {
  foldUnchecked<void>(condition, {
    group: () => undefined,
    not: () => undefined,
    malformed: () => undefined,
    leaf: (leaf, at) => {
      // A path reads inside the value; what it reaches is not what the map gives.
      if (typeof leaf.fact !== 'string' || leaf.path !== undefined || typeof leaf.operator !== 'string')
        return;
      const leafEffect = EFFECTS.get(leaf.operator);
      const mapped = mappedFact(leaf.fact);
      if (leafEffect === undefined || mapped === null) return;
      // Under an odd number of `not`s, a comparison that never holds makes the condition always
      // hold, and the other way round.
      const negated = at.filter((segment) => segment === 'not').length % 2 === 1;
      const effect = negated ? (FLIPPED.get(leafEffect) ?? leafEffect) : leafEffect;
      const textIn = leaf.operator === 'textIn';
      const list = leafEffect !== 'never' && leafEffect !== 'always';
      for (const [value, where] of comparedLiterals(leaf.value, list))
        reportNeverRead(ctx, [...path, ...at, ...where], { ...mapped, value, effect, textIn, list });
    },
  });
}

/** The literal texts, numbers and booleans a leaf compares with, each with its path from the leaf. */
function comparedLiterals(value: unknown, list: boolean): Array<readonly [string | number | boolean, Path]> {
  const literal = (v: unknown): v is string | number | boolean =>
    typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
  if (!list) return literal(value) ? [[value, ['value']]] : [];
  if (!Array.isArray(value)) return [];
  return value.flatMap((v, i) => (literal(v) ? [[v, ['value', i]] as const] : []));
}

interface Comparison {
  table: string;
  field: string;
  map: SourceValueMap;
  value: string | number | boolean;
  effect: NeverMatchEffect;
  textIn: boolean;
  /** One item of an `in`/`notIn`/`textIn` list (the others may still match). */
  list: boolean;
}

function reportNeverRead(ctx: CheckContext, path: Path, c: Comparison): void {
  const same = (a: SourceMappedValue, b: string | number | boolean) =>
    a === b ||
    (c.textIn && typeof a === 'string' && typeof b === 'string' && normalizeText(a) === normalizeText(b));
  if (c.map.entries.some(([, mapped]) => same(mapped, c.value))) return;
  const shown = { table: c.table, field: c.field, map: c.map.at, value: String(c.value), effect: c.effect };
  // Cells are trimmed before the lookup, and a number in YAML is the text the export shows.
  const key = c.map.entries.find(([k]) => same(k, String(c.value).trim()));
  if (key !== undefined) {
    ctx.report(path, 'CONDITION_RAW_VALUE', { ...shown, mapped: String(key[1]) });
    return;
  }
  const values = [...new Set(c.map.entries.flatMap(([, v]) => (v === null ? [] : [String(v)])))];
  // A map of nulls only reads every row as missing: there is no value to name.
  if (values.length === 0) return;
  const suggestion = closest(String(c.value), values) ?? '';
  // A list item outside a map that `source init` drafted from one export may be a value the
  // month did not have (a channel nobody used): a warning; a lone comparison never matches.
  ctx.report(
    path,
    'CONDITION_VALUE_NOT_MAPPED',
    { ...shown, values, suggestion },
    { severity: c.list ? 'warning' : 'error' },
  );
}
