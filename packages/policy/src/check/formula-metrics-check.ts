import { resolveAlias } from '@scorebook/config-file';
import { type FormulaMetricDefinition, metricDefinition } from '@scorebook/contract';
import {
  checkFormula,
  dependencyOrder,
  type Formula,
  type FormulaProblem,
  formulaNames,
  formulaSourceProblem,
  parseFormula,
  type ScalarStyle,
} from '@scorebook/formula';
import { formatPath } from '@scorebook/problems';
import { isScalar, type Node } from 'yaml';
import { formulaVocabulary, metricsReadBy } from '../formula-metrics.ts';
import type { CheckContext, Path } from './context.ts';
import { metricHeadOf } from './metric-head.ts';

/** A formula metric whose own keys are right, waiting for the check of the names it reads. */
export interface PendingFormula {
  definition: FormulaMetricDefinition;
  formula: Formula;
  /** The path of its `formula` key. */
  path: Path;
}

const NOT_FOR_FORMULA = [
  'table',
  'field',
  'where',
  'numerator',
  'denominator',
  'dimension',
  'roles',
  'min_raters',
  'include_self',
] as const;

/** A formula whose syntax is right in a formula metric that failed: its names are still checked. */
export interface FailedFormula {
  formula: Formula;
  /** The path of its `formula` key. */
  path: Path;
}

/**
 * Checks a metric of kind `formula` on its own (`docs/formulas.md`, formula metrics): policy
 * format 2, a `formula` and none of the keys of measured kinds, a formula that parses and is a
 * number. Formula problems are placed at their columns inside the YAML scalar. Returns the
 * metric for {@link checkFormulaReads}, or null; a metric that failed but whose formula's syntax
 * is right (a wrong type, `round(x, n)`) is pushed to `failed`, for {@link checkFailedFormulaNames}.
 */
export function checkFormulaMetric(
  ctx: CheckContext,
  path: Path,
  item: Record<string, unknown>,
  failed: FailedFormula[],
): PendingFormula | null {
  let ok = ctx.v2([...path, 'kind'], '公式指标 kind: formula', 'A formula metric (kind: formula)');
  const need = (zh: string, en: string, at: Path) => {
    ctx.report(at, 'METRIC_KIND_KEYS', { kind: 'formula', need: zh, needEn: en }, { anchor: 'key' });
    ok = false;
  };
  for (const key of NOT_FOR_FORMULA)
    if (item[key] !== undefined)
      need(
        `不使用 ${key}(公式从其他指标计算,不读表)`,
        `takes no ${key} (it is computed from other metrics, not read from a table)`,
        [...path, key],
      );
  const text = item.formula;
  if (typeof text !== 'string') {
    if (text === undefined) need('需要 formula(计算公式)', 'needs a formula', path);
    return null;
  }
  const at: Path = [...path, 'formula'];
  const { formula, problems, syntax } = parseFormula(text);
  for (const p of problems) placeFormulaProblem(ctx, at, p);
  const fail = () => {
    if (syntax !== null) failed.push({ formula: syntax, path: at });
    return null;
  };
  if (formula === null) return fail();
  if (formula.type !== 'number') {
    ctx.report(at, 'FORMULA_METRIC_NOT_NUMBER', { formula: text });
    return fail();
  }
  const head = ok ? metricHeadOf(item, 'number') : null;
  if (head === null) return fail();
  const definition = metricDefinition(head, { kind: 'formula', formula: text }) as FormulaMetricDefinition;
  return { definition, formula, path: at };
}

/**
 * Checks the names the formula metrics read, once every metric id is known: each name is a
 * metric of the catalog, a team fact of one, a numeric agent fact or a history fact (a name that is a metric
 * defined with errors is left to that metric's problems), and no formula reads itself, directly,
 * through other formulas or through a team fact (FORMULA_CYCLE, at the `formula` of every
 * member). Returns the ids of the formula metrics that failed, those reading a cycle included.
 */
export function checkFormulaReads(
  ctx: CheckContext,
  pending: readonly PendingFormula[],
  metricIds: readonly string[],
  grades: readonly string[],
): Set<string> {
  const failed = new Set<string>();
  const known = formulaVocabulary(metricIds, grades);
  for (const { definition, formula, path } of pending) {
    const unknown = checkFormula(formula, known).filter((p) => !ctx.brokenMetrics.has(nameAt(formula, p)));
    for (const p of unknown) placeFormulaProblem(ctx, path, p);
    const readsBroken = metricsReadBy(formulaNames(formula)).some((id) => ctx.brokenMetrics.has(id));
    if (unknown.length > 0 || readsBroken) failed.add(definition.id);
  }
  const { cycles, blocked } = dependencyOrder(
    pending.map((f) => ({ id: f.definition.id, reads: metricsReadBy(formulaNames(f.formula)) })),
  );
  const pathOf = new Map(pending.map((f) => [f.definition.id, f.path]));
  for (const cycle of cycles)
    for (const member of cycle.members) {
      failed.add(member);
      ctx.add(pathOf.get(member) ?? [], cycle.code, cycle.message);
    }
  for (const id of blocked) failed.add(id);
  // A formula reading one that failed cannot be computed either.
  let grew = true;
  while (grew) {
    grew = false;
    for (const f of pending) {
      if (failed.has(f.definition.id)) continue;
      if (metricsReadBy(formulaNames(f.formula)).some((id) => failed.has(id))) {
        failed.add(f.definition.id);
        grew = true;
      }
    }
  }
  return failed;
}

/**
 * Checks the names read by the formulas of formula metrics that failed on their own, once every
 * metric id is known, as {@link checkFormulaReads} does: every problem of a formula at once.
 */
export function checkFailedFormulaNames(
  ctx: CheckContext,
  failed: readonly FailedFormula[],
  metricIds: readonly string[],
  grades: readonly string[],
): void {
  const known = formulaVocabulary(metricIds, grades);
  for (const { formula, path } of failed)
    for (const p of checkFormula(formula, known))
      if (!ctx.brokenMetrics.has(nameAt(formula, p))) placeFormulaProblem(ctx, path, p);
}

/** Reports a formula problem at its columns inside the scalar at `path`. */
function placeFormulaProblem(ctx: CheckContext, path: Path, problem: FormulaProblem): void {
  const node = resolveAlias(ctx.parsed.doc, ctx.parsed.doc.getIn(path, true) as Node | null);
  if (!isScalar(node) || node.range == null) {
    ctx.add(path, problem.code, problem.message);
    return;
  }
  const scalar = { source: ctx.parsed.source.text, start: node.range[0], style: node.type as ScalarStyle };
  ctx.problems.push(
    formulaSourceProblem(problem, { file: ctx.parsed.source.file, path: formatPath(path), scalar }),
  );
}

/** The name an unknown-name problem is about: the formula text over its columns. */
function nameAt(formula: Formula, problem: FormulaProblem): string {
  return formula.text.slice(problem.column - 1, problem.endColumn - 1);
}
