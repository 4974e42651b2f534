import {
  type Condition,
  checkCondition,
  type FactType,
  type FactVocabulary,
  foldUnchecked,
  normalizeText,
} from '@scorebook/conditions';
import type { FieldSpec, MetricDefinition } from '@scorebook/contract';
import { TEAM_STATISTICS } from '@scorebook/formula';
import { gradeNamesOf, historyVocabulary } from '../history-facts.ts';
import type { CheckContext, Path } from './context.ts';
import { suggestMetric } from './metric-suggestion.ts';

/** Facts of a row vocabulary from the contract's fields; extra columns are allowed (a warning). */
export function rowVocabulary(
  fields: Readonly<Record<string, FieldSpec>>,
  table: string,
  open: boolean,
): FactVocabulary {
  const facts = new Map<string, FactType>();
  for (const [name, spec] of Object.entries(fields))
    facts.set(name, spec.type === 'int' ? 'number' : spec.type);
  return { facts, open, describe: { zh: `${table} 表的字段`, en: `fields of ${table}` } };
}

/** The facts vetoes see besides the metrics: the agent's scores. No metric may take these ids. */
export const SCORE_FACTS: ReadonlySet<string> = new Set(['base_score', 'total_score']);

/**
 * What agent-level conditions of policy format 2 also see: who the agent is (`docs/scorecards.md`,
 * agent facts). No metric of a format 2 policy may take these ids.
 */
export const AGENT_FACTS: ReadonlyMap<string, FactType> = new Map([
  ['tenure_days', 'number'],
  ['tenure_months', 'number'],
  ['days_employed', 'number'],
  ['period_days', 'number'],
  ['employment_status', 'string'],
  ['team', 'string'],
  ['role', 'string'],
]);

/**
 * Facts of agent-level conditions: every metric's value, in format 2 the agent facts and the
 * team facts of every metric (`team.median.first_response_time`, `docs/formulas.md`), and for
 * vetoes (and flags) the scores.
 */
export function agentVocabulary(
  metrics: readonly MetricDefinition[],
  withScores: boolean,
  format: 1 | 2 = 1,
  grades: readonly string[] = [],
): FactVocabulary {
  const facts = new Map<string, FactType>(metrics.map((m) => [m.id, 'number']));
  if (format === 2) for (const [fact, type] of AGENT_FACTS) facts.set(fact, type);
  if (format === 2)
    for (const s of TEAM_STATISTICS) for (const m of metrics) facts.set(`team.${s}.${m.id}`, 'number');
  if (format === 2) {
    for (const name of historyVocabulary(
      metrics.map((m) => m.id),
      grades,
    ))
      facts.set(name, 'number');
    facts.set('history.prev.grade', 'string');
  }
  if (withScores) for (const fact of SCORE_FACTS) facts.set(fact, 'number');
  const who = format === 2 ? '、客服信息(tenure_days、team …)' : '';
  const whoEn = format === 2 ? ', the agent facts (tenure_days, team …)' : '';
  return {
    facts,
    open: false,
    describe: withScores
      ? {
          zh: `指标 id${who}与 base_score、total_score`,
          en: `metric ids${whoEn}, base_score and total_score`,
        }
      : { zh: `指标 id${who}`, en: `metric ids${whoEn}` },
  };
}

/** Checks a condition at `path` and reports its problems with positions; returns it typed when valid. */
export function checkConditionAt(
  ctx: CheckContext,
  path: Path,
  value: unknown,
  vocabulary: FactVocabulary,
  options: {
    factsUnknowable?: boolean;
    /** Reports an unknown fact itself (true) instead of `CONDITION_UNKNOWN_FACT`; `at` is its path in the condition. */
    skipFact?: (fact: string, at: Path) => boolean;
  } = {},
): Condition | null {
  const problems = checkCondition(value, vocabulary, ctx.zone, { suggest: suggestMetric }).filter((p) => {
    if (p.code !== 'CONDITION_UNKNOWN_FACT') return true;
    if (options.factsUnknowable) return false;
    const fact = valueAt(value, p.path);
    // A metric defined with errors of its own is left to them, as UNKNOWN_METRIC leaves it.
    if (typeof fact === 'string' && ctx.brokenMetrics.has(fact)) return false;
    return !(typeof fact === 'string' && options.skipFact?.(fact, p.path));
  });
  for (const p of problems) {
    ctx.add([...path, ...p.path], p.code, p.message, {
      severity: p.severity,
      anchor: p.code === 'CONDITION_UNKNOWN_KEY' ? 'key' : 'value',
    });
  }
  if (vocabulary.facts.has(PREV_GRADE)) checkPrevGrades(ctx, path, value);
  return problems.some((p) => p.severity === 'error') ? null : (value as Condition);
}

const PREV_GRADE = 'history.prev.grade';
/** The operators whose values are grades when their fact is `history.prev.grade`. */
const GRADE_OPERATORS = new Set(['equal', 'notEqual', 'in', 'notIn', 'textIn']);

/**
 * Warns (`PREV_GRADE_NOT_A_GRADE`) at each text a condition compares `history.prev.grade` with
 * that is no grade of this version: the comparison would never match (so `notEqual`/`notIn`
 * always hold) unless the previous period was graded by a version with other grades. `textIn`
 * compares normalised texts (`normalizeText`: case, width, spaces at the ends), so a value equal
 * to a grade once normalised is one.
 */
function checkPrevGrades(ctx: CheckContext, path: Path, value: unknown): void {
  const grades = gradeNamesOf(ctx.parsed.value);
  if (grades.length === 0) return;
  foldUnchecked<void>(value, {
    group: () => undefined,
    not: () => undefined,
    malformed: () => undefined,
    leaf: (leaf, at) => {
      if (leaf.fact !== PREV_GRADE || typeof leaf.operator !== 'string') return;
      if (!GRADE_OPERATORS.has(leaf.operator)) return;
      const values = Array.isArray(leaf.value)
        ? leaf.value.map((v, i) => [v, [...at, 'value', i]] as const)
        : [[leaf.value, [...at, 'value']] as const];
      const textIn = leaf.operator === 'textIn';
      const negated = leaf.operator === 'notEqual' || leaf.operator === 'notIn';
      for (const [v, where] of values) {
        if (typeof v !== 'string' || grades.includes(v)) continue;
        if (textIn && grades.some((g) => normalizeText(g) === normalizeText(v))) continue;
        // Grades are short (S, A+): only a difference of case or spaces is a likely slip.
        const squeezed = (t: string) => t.replace(/\s+/gu, '').toLowerCase();
        const suggestion = grades.find((g) => squeezed(g) === squeezed(v)) ?? '';
        ctx.report(
          [...path, ...where],
          'PREV_GRADE_NOT_A_GRADE',
          { value: v, grades, suggestion, negated },
          { severity: 'warning' },
        );
      }
    },
  });
}

/** The value at a path inside a parsed value, or undefined. */
function valueAt(value: unknown, path: Path): unknown {
  let at = value;
  for (const step of path) {
    if (at === null || typeof at !== 'object') return undefined;
    at = (at as Record<string | number, unknown>)[step];
  }
  return at;
}
