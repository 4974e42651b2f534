import { type Condition, compileCondition, type Predicate } from '@scorebook/conditions';
import { type MeasuredTableName, type MetricDefinition, measuredFields } from '@scorebook/contract';
import type { Zone } from '@scorebook/time';
import { rowFactAccess } from '../fact-access.ts';
import type { Dataset } from '../load/read-data.ts';
import type { Row } from '../row.ts';
import { mean, percentile } from './statistics.ts';

/** A metric's value for one agent, and the sample it rests on. */
export interface MetricValue {
  value: number | null;
  sample: number;
}

/** The period's rows of each measured table, grouped by the agent they are credited to. */
export type RowsByAgent = Map<MeasuredTableName, Row[][]>;

/** A metric definition with its conditions compiled. */
export interface CompiledMetric {
  definition: MetricDefinition;
  where: Predicate<Row>;
  numerator: Predicate<Row>;
  denominator: Predicate<Row>;
}

const always: Predicate<Row> = () => true;

/** Groups the period's rows of every measured table by the agent they are credited to. */
export function groupRowsByAgent(data: Dataset): RowsByAgent {
  const grouped: RowsByAgent = new Map();
  for (const [table, rows] of data.periodRows) {
    const byAgent: Row[][] = data.agents.map(() => []);
    for (const row of rows) {
      const agent = data.agentIndex.get(row.values.agent_id as string);
      if (agent !== undefined) byAgent[agent]!.push(row);
    }
    grouped.set(table, byAgent);
  }
  return grouped;
}

/** Compiles the conditions of metric definitions once, for every agent. */
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

/** The value and sample of a metric for one agent (`semantics.md`, metric kinds). */
export function measure(metric: CompiledMetric, rows: RowsByAgent, agent: number): MetricValue {
  const d = metric.definition;
  const of = (table: MeasuredTableName | null) => (table === null ? [] : (rows.get(table)?.[agent] ?? []));
  switch (d.kind) {
    case 'ratio': {
      const numerator = countWhere(of(d.numerator!.table), metric.numerator);
      const denominator = countWhere(of(d.denominator!.table), metric.denominator);
      return { value: denominator === 0 ? null : numerator / denominator, sample: denominator };
    }
    case 'count': {
      const n = countWhere(of(d.table), metric.where);
      return { value: n, sample: n };
    }
    case 'sum': {
      let sum = 0;
      let n = 0;
      for (const row of of(d.table)) {
        if (!metric.where(row)) continue;
        n++;
        const v = row.values[d.field!];
        if (typeof v === 'number') sum += v;
      }
      return { value: sum, sample: n };
    }
    case 'nps': {
      const values = fieldValues(of(d.table), metric.where, d.field!);
      if (values.length === 0) return { value: null, sample: 0 };
      let score = 0;
      for (const v of values) score += v >= 9 ? 1 : v <= 6 ? -1 : 0;
      return { value: (score / values.length) * 100, sample: values.length };
    }
    case 'mean':
    case 'median':
    case 'p90': {
      const values = fieldValues(of(d.table), metric.where, d.field!);
      const value = d.kind === 'mean' ? mean(values) : percentile(values, d.kind === 'median' ? 0.5 : 0.9);
      return { value, sample: values.length };
    }
  }
}

function countWhere(rows: readonly Row[], where: Predicate<Row>): number {
  let n = 0;
  for (const row of rows) if (where(row)) n++;
  return n;
}

function fieldValues(rows: readonly Row[], where: Predicate<Row>, field: string): number[] {
  const values: number[] = [];
  for (const row of rows) {
    const v = row.values[field];
    if (typeof v === 'number' && where(row)) values.push(v);
  }
  return values;
}
