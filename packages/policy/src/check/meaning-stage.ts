import { type Condition, foldCondition, isFactReference } from '@scorebook/conditions';
import { locate } from '@scorebook/config-file';
import {
  builtinCatalog,
  DERIVED_CONVERSATION_FIELDS,
  type FieldSpec,
  INPUT_TABLES,
  isExcludableTable,
  RESPONSES_FIELDS,
  TABLES,
} from '@scorebook/contract';
import { byWeekday, isValidTimezone, parseDateParts, parseInterval, WEEKDAYS, Zone } from '@scorebook/time';
import type { BusinessHoursSpec, Exclusion, Grade, Policy } from '../model.ts';
import { planMetricsNamedBy } from '../plan-metrics.ts';
import { checkAppealRules } from './appeals-check.ts';
import { checkConditionAt, rowVocabulary } from './conditions-check.ts';
import { asArray, asNumber, asString, type CheckContext, isRecord, type Path } from './context.ts';
import { checkMappedValues } from './mapped-values-check.ts';
import { checkPolicyMetrics } from './metrics-check.ts';
import { checkPeriodRules } from './periods-check.ts';
import type { PolicyDocument } from './policy-schema.ts';
import { checkScorecards } from './scorecards-check.ts';

/**
 * The meaning stage: everything the schema cannot say (see `docs/contract/policy-format.md`, "What validation
 * reports"). Runs on whatever the schema stage let through, guarding every type, so that all
 * problems are reported at once. Returns the policy when the schema stage gave the document
 * (it matched) and no error was found.
 */
export function checkMeaning(ctx: CheckContext, document: PolicyDocument | null): Policy | null {
  const value = ctx.parsed.value;
  if (!isRecord(value)) return null;
  if (value.scorebook === 2) ctx.format = 2;

  const timezone = asString(value.timezone);
  if (timezone !== null) {
    if (isValidTimezone(timezone)) ctx.zone = new Zone(timezone);
    else ctx.report(['timezone'], 'UNKNOWN_TIMEZONE', { timezone });
  }
  const effectiveFrom = asString(value.effective_from);
  if (
    effectiveFrom !== null &&
    /^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom) &&
    parseDateParts(effectiveFrom) === null
  ) {
    ctx.report(['effective_from'], 'BAD_DATE', { value: effectiveFrom });
  }
  const version = value.version;
  if (typeof version === 'number') {
    const [start, end] = locate(ctx.parsed, ['version']);
    const written = ctx.parsed.source.text.slice(start, end).trim();
    const changed = written !== String(version);
    ctx.report(
      ['version'],
      'VERSION_NOT_TEXT',
      { value: String(version), written, changed },
      { severity: 'warning' },
    );
  }
  if (value.currency !== undefined) ctx.v2(['currency'], '币种 currency', 'A currency');
  const businessHours = checkBusinessHours(ctx, value.business_hours);
  const exclusions = checkExclusions(ctx, value.exclusions);
  const ownMetrics = checkPolicyMetrics(ctx, value.metrics);
  const grades = checkGrades(ctx, value.grades);
  // The plan metrics join the catalog of a policy that names them (docs/plans.md).
  const planMetrics = planMetricsNamedBy(value);
  const metrics = [...builtinCatalog(), ...planMetrics, ...ownMetrics];
  const scorecards = checkScorecards(ctx, value.scorecards, metrics, grades);
  const appeals = checkAppealRules(ctx, value.appeals, scorecards);
  const periods = checkPeriodRules(ctx, value.periods, scorecards);

  if (!ctx.clean || document === null) return null;
  return {
    scorebook: document.scorebook,
    id: document.id,
    version: String(document.version),
    effective_from: document.effective_from,
    title: document.title,
    title_en: document.title_en ?? null,
    description: document.description ?? null,
    timezone: document.timezone,
    currency: document.currency ?? null,
    business_hours: businessHours,
    exclusions,
    metrics: [...planMetrics, ...ownMetrics],
    grades,
    scorecards,
    appeals,
    periods,
    file: ctx.parsed.source.file,
    sha256: ctx.parsed.source.sha256,
    text: ctx.parsed.source.text,
  };
}

function checkBusinessHours(ctx: CheckContext, raw: unknown): BusinessHoursSpec | null {
  if (!isRecord(raw)) return null;
  const week = byWeekday((day) => asArray(raw[day]).filter((x): x is string => typeof x === 'string'));
  for (const day of WEEKDAYS) {
    const parsed: Array<[number, number, string]> = [];
    asArray(raw[day]).forEach((text, i) => {
      if (typeof text !== 'string') return;
      const interval = parseInterval(text);
      if (interval === null) {
        ctx.report(['business_hours', day, i], 'BAD_INTERVAL', { value: text });
        return;
      }
      const other = parsed.find(([s, e]) => interval[0] < e && s < interval[1]);
      if (other !== undefined)
        ctx.report(['business_hours', day, i], 'OVERLAPPING_INTERVALS', { value: text, other: other[2] });
      parsed.push([interval[0], interval[1], text]);
    });
  }
  const holidays = asArray(raw.holidays).filter((x): x is string => typeof x === 'string');
  holidays.forEach((date, i) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(date) && parseDateParts(date) === null)
      ctx.report(['business_hours', 'holidays', i], 'BAD_DATE', { value: date });
  });
  return { week, holidays };
}

function checkExclusions(ctx: CheckContext, raw: unknown): Exclusion[] {
  const out: Exclusion[] = [];
  const seen = new Set<string>();
  asArray(raw).forEach((item, index) => {
    if (!isRecord(item)) return;
    const path = ['exclusions', index];
    const id = asString(item.id);
    if (id !== null && seen.has(id))
      ctx.report([...path, 'id'], 'DUPLICATE_ID', { id, what: '剔除规则', whatEn: 'exclusion' });
    if (id !== null) seen.add(id);
    const table = asString(item.table);
    if (table === null) return;
    if (!isExcludableTable(table)) {
      ctx.report([...path, 'table'], 'UNKNOWN_TABLE', {
        table,
        allowed: INPUT_TABLES.filter(isExcludableTable).join(', '),
      });
      if (item.when !== undefined)
        checkConditionAt(ctx, [...path, 'when'], item.when, rowVocabulary({}, table, true), {
          factsUnknowable: true,
        });
      return;
    }
    if (item.when === undefined) return;
    const fields = TABLES[table].fields;
    // Derived fields are known facts here (no "extra column?" warning): they are refused below.
    const vocabulary = rowVocabulary(
      { ...DERIVED_FIELD_SPECS, ...ctx.extraFields[table], ...fields },
      table,
      true,
    );
    let when = checkConditionAt(ctx, [...path, 'when'], item.when, vocabulary);
    checkMappedValues(ctx, [...path, 'when'], item.when, table);
    if (when !== null && !derivedFactsAbsent(ctx, [...path, 'when'], when, table, fields)) when = null;
    const reason = asString(item.reason);
    if (id !== null && when !== null && reason !== null) {
      out.push({ id, table, reason, reason_en: asString(item.reason_en), when, source: ctx.sourceOf(path) });
    }
  });
  return out;
}

function checkGrades(ctx: CheckContext, raw: unknown): Grade[] {
  const grades: Grade[] = [];
  const seen = new Set<string>();
  const items = asArray(raw);
  items.forEach((item, index) => {
    if (!isRecord(item)) return;
    const grade = asString(item.grade);
    const minScore = asNumber(item.min_score);
    if (grade !== null && RESERVED_GRADE_NAMES.has(grade))
      ctx.report(['grades', index, 'grade'], 'GRADE_NAME_RESERVED', { grade });
    if (grade === null || minScore === null) return;
    if (seen.has(grade)) ctx.report(['grades', index, 'grade'], 'DUPLICATE_GRADE', { grade });
    seen.add(grade);
    const previous = grades[grades.length - 1];
    if (previous !== undefined && minScore >= previous.min_score) {
      ctx.report(['grades', index, 'min_score'], 'GRADES_ORDER', {
        grade,
        value: minScore,
        previous: previous.min_score,
      });
    }
    grades.push({
      grade,
      min_score: minScore,
      label: asString(item.label),
      label_en: asString(item.label_en),
    });
  });
  const last = items[items.length - 1];
  if (isRecord(last) && asNumber(last.min_score) !== null && last.min_score !== 0) {
    ctx.report(['grades', items.length - 1, 'min_score'], 'GRADES_LAST_NOT_ZERO', {
      grade: String(last.grade),
    });
  }
  return grades;
}

/** Names that are properties of every JavaScript object: a grade so named would vanish from summaries. */
const RESERVED_GRADE_NAMES: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The fields only the engine makes (`docs/contract/semantics.md`, derived facts): those it adds to
 * conversations, and those of the derived `responses` table that no input table has (`seconds`,
 * `is_first`). A responses field that some input table has (`at`, `channel`, …) is, on a table
 * without it, read as a possible extra column of the export, like any unknown fact.
 */
const DERIVED_FIELD_SPECS: Readonly<Record<string, FieldSpec>> = {
  ...Object.fromEntries(
    Object.entries(RESPONSES_FIELDS).filter(
      ([name]) => !INPUT_TABLES.some((t) => Object.hasOwn(TABLES[t].fields, name)),
    ),
  ),
  ...DERIVED_CONVERSATION_FIELDS,
};
const DERIVED_FIELDS: ReadonlySet<string> = new Set(Object.keys(DERIVED_FIELD_SPECS));

/**
 * Exclusions see a row's fields as read, before anything is derived: a fact (or a `{fact}` value)
 * naming a derived field that is not a field of the table itself is always null there, so the
 * exclusion would never match. Reports each; true when there is none.
 */
function derivedFactsAbsent(
  ctx: CheckContext,
  path: Path,
  when: Condition,
  table: string,
  fields: Readonly<Record<string, FieldSpec>>,
): boolean {
  const derived = (fact: string) => DERIVED_FIELDS.has(fact) && !Object.hasOwn(fields, fact);
  const found = foldCondition<Array<[Path, string]>>(when, {
    group: (_kind, children) => children.flat(),
    not: (child) => child,
    leaf: (leaf, at) => {
      const out: Array<[Path, string]> = [];
      if (derived(leaf.fact)) out.push([[...at, 'fact'], leaf.fact]);
      if (isFactReference(leaf.value) && derived(leaf.value.fact))
        out.push([[...at, 'value', 'fact'], leaf.value.fact]);
      return out;
    },
  });
  for (const [at, fact] of found) ctx.report([...path, ...at], 'EXCLUSION_DERIVED_FACT', { fact, table });
  return found.length === 0;
}
