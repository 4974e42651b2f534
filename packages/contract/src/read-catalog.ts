import type { Condition } from '@scorebook/conditions';
import { parse } from 'yaml';
import validate from './generated/catalog-validator.js';
import {
  type Better,
  inferUnit,
  type MetricDefinition,
  type MetricKind,
  metricDefinition,
  type RatioSide,
  type Unit,
} from './metrics.ts';
import type { MeasuredTableName } from './tables.ts';

/** Parses and checks catalog YAML text. Throws an Error listing every schema problem. */
export function readCatalog(text: string): MetricDefinition[] {
  const data = parse(text) as unknown;
  if (!validate(data)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
    throw new Error(`the metric catalog is invalid:\n${problems.join('\n')}`);
  }
  const raw = (data as { metrics: Array<Record<string, unknown>> }).metrics;
  return raw.map((m) => toDefinition(m, true));
}

/**
 * A metric definition from its YAML object, already checked against the schema and, for a
 * policy's own metric, for the keys its kind takes (`ratio`: `numerator` and `denominator`;
 * `count`: `table`; every other kind: `table` and `field`). The keys a kind does not take are null.
 */
export function toDefinition(m: Record<string, unknown>, builtin: boolean): MetricDefinition {
  const kind = m.kind as MetricKind;
  const field = (m.field as string | undefined) ?? null;
  const head = {
    id: m.id as string,
    title: m.title as string,
    title_en: (m.title_en as string | undefined) ?? null,
    description: (m.description as string | undefined) ?? null,
    description_en: (m.description_en as string | undefined) ?? null,
    better: m.better as Better,
    unit: (m.unit as Unit | undefined) ?? inferUnit(kind, field),
    builtin,
  };
  if (kind === 'ratio')
    return metricDefinition(head, { kind, numerator: side(m.numerator), denominator: side(m.denominator) });
  const table = m.table as MeasuredTableName;
  const where = (m.where as Condition | undefined) ?? null;
  if (kind === 'count') return metricDefinition(head, { kind, table, where });
  return metricDefinition(head, { kind, table, field: m.field as string, where });
}

function side(s: unknown): RatioSide {
  const o = s as { table: MeasuredTableName; where?: Condition };
  return { table: o.table, where: o.where ?? null };
}
