import { parse } from 'yaml';
import validate from './generated/catalog-validator.js';
import { inferUnit, type MetricDefinition, type MetricKind, type RatioSide, type Unit } from './metrics.ts';
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

/** A metric definition from its YAML object (already checked against the schema). */
export function toDefinition(m: Record<string, unknown>, builtin: boolean): MetricDefinition {
  const kind = m.kind as MetricKind;
  const field = (m.field as string | undefined) ?? null;
  const side = (s: unknown): RatioSide | null => {
    if (s === undefined || s === null) return null;
    const o = s as { table: MeasuredTableName; where?: unknown };
    return { table: o.table, where: o.where ?? null };
  };
  return {
    id: m.id as string,
    title: m.title as string,
    title_en: (m.title_en as string | undefined) ?? null,
    description: (m.description as string | undefined) ?? null,
    description_en: (m.description_en as string | undefined) ?? null,
    kind,
    better: m.better as 'higher' | 'lower',
    unit: (m.unit as Unit | undefined) ?? inferUnit(kind, field),
    table: (m.table as MeasuredTableName | undefined) ?? null,
    field,
    where: m.where ?? null,
    numerator: side(m.numerator),
    denominator: side(m.denominator),
    builtin,
  };
}
