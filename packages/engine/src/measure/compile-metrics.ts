import { type Condition, compileCondition, type Predicate } from '@scorebook/conditions';
import type { FieldSpec, MeasuredTableRef, MetricDefinition } from '@scorebook/contract';
import type { Zone } from '@scorebook/time';
import { rowFactAccess } from '../fact-access.ts';
import type { Row } from '../row.ts';

/** A metric's value for one agent, and the sample it rests on. */
export interface MetricValue {
  value: number | null;
  sample: number;
}

/** A metric definition with its conditions compiled. */
export interface CompiledMetric {
  definition: MetricDefinition;
  where: Predicate<Row>;
  numerator: Predicate<Row>;
  denominator: Predicate<Row>;
}

/** The predicate of no condition: every row. */
export const ALWAYS: Predicate<Row> = () => true;

/**
 * Compiles the conditions of metric definitions once, for every row of every agent. `fieldsOf`
 * gives the fields of each measured table (and of `ratings`, which rating metrics read) with
 * their types (typed extra fields included). Equal conditions on the same table (equal
 * structure, values compared with `Object.is`) get the same predicate, so that a row's test of a
 * condition can be shared by the metrics that test it ({@link ALWAYS} for no condition).
 */
export function compileMetrics(
  definitions: readonly MetricDefinition[],
  zone: Zone,
  fieldsOf: (table: MeasuredTableRef | 'ratings') => Readonly<Record<string, FieldSpec>>,
): CompiledMetric[] {
  const compiled: Array<{
    table: MeasuredTableRef | 'ratings';
    where: Condition;
    predicate: Predicate<Row>;
  }> = [];
  const compile = (table: MeasuredTableRef | 'ratings', where: Condition | null): Predicate<Row> => {
    if (where === null) return ALWAYS;
    const same = compiled.find((c) => c.table === table && sameValue(c.where, where));
    if (same !== undefined) return same.predicate;
    const predicate = compileCondition(where, zone, rowFactAccess(fieldsOf(table), zone));
    compiled.push({ table, where, predicate });
    return predicate;
  };
  return definitions.map((definition) =>
    definition.kind === 'formula'
      ? { definition, where: ALWAYS, numerator: ALWAYS, denominator: ALWAYS }
      : definition.kind === 'ratio'
        ? {
            definition,
            where: ALWAYS,
            numerator: compile(definition.numerator.table, definition.numerator.where),
            denominator: compile(definition.denominator.table, definition.denominator.where),
          }
        : {
            definition,
            where: compile(definition.kind === 'rating' ? 'ratings' : definition.table, definition.where),
            numerator: ALWAYS,
            denominator: ALWAYS,
          },
  );
}

// Equal conditions: primitives by Object.is, plain objects and arrays key by key; any other
// object (a date a YAML reader made) only when it is the same object.
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const proto = Object.getPrototypeOf(a);
  if (proto !== Object.getPrototypeOf(b) || (proto !== Object.prototype && proto !== Array.prototype))
    return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every(
    (k) =>
      Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]),
  );
}
