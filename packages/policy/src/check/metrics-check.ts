import {
  builtinCatalog,
  type FieldSpec,
  isCustomTableName,
  isMeasuredTable,
  KINDS_WITH_FIELD,
  KINDS_WITH_NUMERIC_FIELD,
  MEASURED_TABLES,
  MESSAGE_METRIC_KINDS,
  METRIC_KINDS,
  type MetricDefinition,
  type MetricKind,
  measuredFields,
  toDefinition,
} from '@scorebook/contract';
import { gradeNamesOf } from '../history-facts.ts';
import { isPlanMetric, planMetricsNamedBy } from '../plan-metrics.ts';
import { AGENT_FACTS, checkConditionAt, rowVocabulary, SCORE_FACTS } from './conditions-check.ts';
import { asArray, asString, type CheckContext, isRecord, type Path } from './context.ts';
import {
  checkFailedFormulaNames,
  checkFormulaMetric,
  checkFormulaReads,
  type FailedFormula,
  type PendingFormula,
} from './formula-metrics-check.ts';
import { checkMappedValues } from './mapped-values-check.ts';
import { checkRatingMetric, RATING_KEYS } from './rating-metrics-check.ts';

const NUMERIC_TYPES = new Set(['int', 'number']);

/**
 * Checks the policy's own metric definitions: unique ids that redefine no built-in metric, the
 * keys each kind takes (nothing more for an unknown kind, which the schema reports), known tables
 * and numeric fields, valid `where` conditions. Returns the definitions that passed; the ids of
 * the others whose id itself is acceptable go to `ctx.brokenMetrics`.
 */
export function checkPolicyMetrics(ctx: CheckContext, raw: unknown): MetricDefinition[] {
  const builtin = new Set(builtinCatalog().map((m) => m.id));
  const seen = new Set<string>();
  const valid: MetricDefinition[] = [];
  const formulas: PendingFormula[] = [];
  const failedFormulas: FailedFormula[] = [];
  asArray(raw).forEach((item, index) => {
    const path: Path = ['metrics', index];
    if (!isRecord(item)) return;
    const id = asString(item.id);
    let ok = id !== null;
    if (id !== null) {
      if (builtin.has(id) || isPlanMetric(id)) {
        ctx.report([...path, 'id'], 'METRIC_REDEFINES_BUILTIN', { id });
        ok = false;
      } else if (SCORE_FACTS.has(id)) {
        ctx.report([...path, 'id'], 'METRIC_ID_RESERVED', { id });
        ok = false;
      } else if (ctx.format === 2 && AGENT_FACTS.has(id)) {
        ctx.report([...path, 'id'], 'METRIC_ID_AGENT_FACT', { id });
        ok = false;
      } else if (seen.has(id)) {
        ctx.report([...path, 'id'], 'DUPLICATE_ID', { id, what: '指标', whatEn: 'metric' });
        ok = false;
      }
      seen.add(id);
    }
    // A reference to a metric whose id is fine but whose definition is not is left to the
    // definition's own errors; one whose id is refused stays an unknown metric.
    const idOk = ok;
    if (item.kind === 'formula') {
      const pending = checkFormulaMetric(ctx, path, item, failedFormulas);
      if (pending !== null && idOk) {
        formulas.push(pending);
        valid.push(pending.definition);
      } else if (id !== null && idOk) ctx.brokenMetrics.add(id);
      return;
    }
    if (item.kind === 'rating') {
      const rating = checkRatingMetric(ctx, path, item);
      if (rating !== null && idOk) valid.push(rating);
      else if (id !== null && idOk) ctx.brokenMetrics.add(id);
      return;
    }
    const kind = asString(item.kind) as MetricKind | null;
    // An unknown kind is the schema's NOT_ALLOWED_VALUE; what keys it needs cannot be said.
    if (kind === null || !METRIC_KINDS.includes(kind)) {
      if (id !== null && idOk) ctx.brokenMetrics.add(id);
      return;
    }
    ok = checkKindKeys(ctx, path, item, kind) && ok;
    ok = checkMessageKind(ctx, path, item, kind) && ok;
    if (kind === 'ratio') {
      for (const side of ['numerator', 'denominator'] as const) {
        const s = item[side];
        if (isRecord(s)) ok = checkTableAndWhere(ctx, [...path, side], s.table, s.where) && ok;
      }
    } else {
      ok = checkTableAndWhere(ctx, path, item.table, item.where) && ok;
      if (KINDS_WITH_FIELD.has(kind)) ok = checkField(ctx, path, item.table, item.field, kind) && ok;
    }
    if (ok && typeof item.title === 'string' && (item.better === 'higher' || item.better === 'lower')) {
      valid.push(toDefinition(item, false));
    } else if (id !== null && idOk) ctx.brokenMetrics.add(id);
  });
  // Formulas may read metrics defined after them: their names are checked once all ids are known.
  const planIds = planMetricsNamedBy(ctx.parsed.value).map((d) => d.id);
  const ids = [...builtin, ...planIds, ...valid.map((d) => d.id), ...ctx.brokenMetrics];
  const failed = checkFormulaReads(ctx, formulas, ids, gradeNamesOf(ctx.parsed.value));
  checkFailedFormulaNames(ctx, failedFormulas, ids, gradeNamesOf(ctx.parsed.value));
  for (const id of failed) ctx.brokenMetrics.add(id);
  return valid.filter((d) => !failed.has(d.id));
}

function checkKindKeys(
  ctx: CheckContext,
  path: Path,
  item: Record<string, unknown>,
  kind: MetricKind,
): boolean {
  const has = (k: string) => item[k] !== undefined;
  let ok = true;
  const need = (zh: string, en: string, at: Path = path) => {
    ctx.report(at, 'METRIC_KIND_KEYS', { kind, need: zh, needEn: en }, { anchor: 'key' });
    ok = false;
  };
  for (const k of RATING_KEYS)
    if (has(k))
      need(`不使用 ${k}(只有 kind: rating 使用)`, `takes no ${k} (only kind: rating does)`, [...path, k]);
  if (kind === 'ratio') {
    if (!has('numerator') || !has('denominator'))
      need('需要 numerator 和 denominator', 'needs numerator and denominator');
    for (const k of ['table', 'field', 'where']) {
      if (has(k))
        need(
          `不使用 ${k}(分子、分母各自写 table 和 where)`,
          `takes no ${k} (numerator and denominator have their own table and where)`,
          [...path, k],
        );
    }
    return ok;
  }
  for (const k of ['numerator', 'denominator'])
    if (has(k)) need(`不使用 ${k}`, `takes no ${k}`, [...path, k]);
  if (!has('table')) need('需要 table', 'needs a table');
  if (KINDS_WITH_FIELD.has(kind) && !has('field'))
    need('需要 field(取值的字段)', 'needs a field (the values to aggregate)');
  if (!KINDS_WITH_FIELD.has(kind) && has('field'))
    need('不使用 field(它只计行数)', 'takes no field (it counts rows)', [...path, 'field']);
  return ok;
}

// Metrics over messages are counted while the messages are read, piece by piece: only the
// kinds that add up across pieces are computed (docs/messages.md).
function checkMessageKind(
  ctx: CheckContext,
  path: Path,
  item: Record<string, unknown>,
  kind: MetricKind,
): boolean {
  if (item.table !== 'messages' || MESSAGE_METRIC_KINDS.has(kind)) return true;
  ctx.report([...path, 'kind'], 'METRIC_MESSAGES_KIND', {
    kind,
    allowed: [...MESSAGE_METRIC_KINDS].join(', '),
  });
  return false;
}

function checkTableAndWhere(ctx: CheckContext, path: Path, table: unknown, where: unknown): boolean {
  if (typeof table !== 'string') return false;
  if (isCustomTableName(table)) return checkCustomTable(ctx, path, table, where);
  if (!isMeasuredTable(table)) {
    ctx.report([...path, 'table'], 'UNKNOWN_TABLE', { table, allowed: MEASURED_TABLES.join(', ') });
    return false;
  }
  if (where === undefined) return true;
  const vocabulary = rowVocabulary(
    { ...ctx.extraFields[table], ...measuredFields(table) },
    table,
    table !== 'responses',
  );
  checkMappedValues(ctx, [...path, 'where'], where, table);
  return checkConditionAt(ctx, [...path, 'where'], where, vocabulary) !== null;
}

function checkField(
  ctx: CheckContext,
  path: Path,
  table: unknown,
  field: unknown,
  kind: MetricKind,
): boolean {
  if (typeof table !== 'string' || typeof field !== 'string') return false;
  if (isCustomTableName(table) && ctx.customTables === null) return true;
  const fields = isCustomTableName(table)
    ? ctx.customTables?.[table]
    : isMeasuredTable(table)
      ? measuredFields(table)
      : undefined;
  if (fields === undefined) return false;
  const spec = fields[field];
  if (spec === undefined) {
    ctx.report([...path, 'field'], 'UNKNOWN_FIELD', {
      table,
      field,
      allowed: Object.keys(fields).join(', '),
    });
    return false;
  }
  if (KINDS_WITH_NUMERIC_FIELD.has(kind) && !NUMERIC_TYPES.has(spec.type)) {
    ctx.report([...path, 'field'], 'FIELD_NOT_NUMERIC', { kind, table, field, type: spec.type });
    return false;
  }
  return true;
}

/**
 * A metric's custom table (`docs/custom-tables.md`): without a source its `where` is checked as
 * a condition whose facts cannot be known; with one, the table must be declared and its `where`
 * is checked against the declared fields.
 */
function checkCustomTable(ctx: CheckContext, path: Path, table: string, where: unknown): boolean {
  const declared = ctx.customTables;
  let fields: Readonly<Record<string, FieldSpec>> = {};
  if (declared !== null) {
    const own = declared[table];
    if (own === undefined) {
      ctx.report([...path, 'table'], 'CUSTOM_TABLE_UNDECLARED', {
        table,
        declared: Object.keys(declared).join(', '),
      });
      return false;
    }
    fields = own;
  }
  if (where === undefined) return true;
  // A declared table's fields are all it has: another name is an error, not an extra column.
  const vocabulary = rowVocabulary(fields, table, declared === null);
  const options = declared === null ? { factsUnknowable: true } : {};
  checkMappedValues(ctx, [...path, 'where'], where, table);
  return checkConditionAt(ctx, [...path, 'where'], where, vocabulary, options) !== null;
}
