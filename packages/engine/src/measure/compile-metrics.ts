import { type Condition, compileCondition, type Predicate } from '@scorebook/conditions';
import { type MeasuredTableName, type MetricDefinition, measuredFields } from '@scorebook/contract';
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

/** Compiles the conditions of metric definitions once, for every row of every agent. */
export function compileMetrics(definitions: readonly MetricDefinition[], zone: Zone): CompiledMetric[] {
  const compile = (table: MeasuredTableName | null, where: unknown): Predicate<Row> =>
    table === null || where === null
      ? always
      : compileCondition(where as Condition, zone, rowFactAccess(measuredFields(table), zone));
  return definitions.map((definition) => ({
    definition,
    where: compile(definition.table, definition.where),
    numerator: compile(definition.numerator?.table ?? null, definition.numerator?.where ?? null),
    denominator: compile(definition.denominator?.table ?? null, definition.denominator?.where ?? null),
  }));
}
