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

const always: Predicate<Row> = () => true;

/**
 * Compiles the conditions of metric definitions once, for every row of every agent. `fieldsOf`
 * gives the fields of each measured table (and of `ratings`, which rating metrics read) with
 * their types (typed extra fields included).
 */
export function compileMetrics(
  definitions: readonly MetricDefinition[],
  zone: Zone,
  fieldsOf: (table: MeasuredTableRef | 'ratings') => Readonly<Record<string, FieldSpec>>,
): CompiledMetric[] {
  const compile = (table: MeasuredTableRef | 'ratings', where: Condition | null): Predicate<Row> =>
    where === null ? always : compileCondition(where, zone, rowFactAccess(fieldsOf(table), zone));
  return definitions.map((definition) =>
    definition.kind === 'formula'
      ? { definition, where: always, numerator: always, denominator: always }
      : definition.kind === 'ratio'
        ? {
            definition,
            where: always,
            numerator: compile(definition.numerator.table, definition.numerator.where),
            denominator: compile(definition.denominator.table, definition.denominator.where),
          }
        : {
            definition,
            where: compile(definition.kind === 'rating' ? 'ratings' : definition.table, definition.where),
            numerator: always,
            denominator: always,
          },
  );
}
