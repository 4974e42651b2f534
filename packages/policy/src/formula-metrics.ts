import type { FormulaMetricDefinition, MetricDefinition } from '@scorebook/contract';
import {
  dependencyOrder,
  type Formula,
  formulaNames,
  parseFormula,
  parseTeamFactName,
  TEAM_STATISTICS,
} from '@scorebook/formula';
import { historyVocabulary } from './history-facts.ts';

/**
 * The agent facts a formula may read (policy format 2; `docs/scorecards.md`, agent facts): the
 * numeric ones. Text facts (team, role, status) have no place in arithmetic.
 */
export const FORMULA_AGENT_FACTS: readonly string[] = [
  'tenure_days',
  'tenure_months',
  'days_employed',
  'period_days',
];

const parsed = new Map<string, Formula>();

/**
 * The parsed formula of a formula metric. The definition was validated, so its text parses;
 * parsed once per text.
 */
export function formulaOf(definition: Pick<FormulaMetricDefinition, 'id' | 'formula'>): Formula {
  let formula = parsed.get(definition.formula);
  if (formula === undefined) {
    const result = parseFormula(definition.formula);
    if (result.formula === null)
      throw new Error(`formula of metric "${definition.id}" does not parse: ${definition.formula}`);
    formula = result.formula;
    parsed.set(definition.formula, formula);
  }
  return formula;
}

/**
 * Every name a formula may read, given the ids of the catalog's metrics and the policy's grades:
 * each metric id, each team fact `team.<statistic>.<metric>` of each of them, the numeric agent
 * facts, and the numeric history facts (`historyVocabulary`).
 */
export function formulaVocabulary(metricIds: Iterable<string>, grades: readonly string[] = []): string[] {
  const ids = [...metricIds];
  return [
    ...ids,
    ...TEAM_STATISTICS.flatMap((s) => ids.map((id) => `team.${s}.${id}`)),
    ...FORMULA_AGENT_FACTS,
    ...historyVocabulary(ids, grades),
  ];
}

/**
 * The metrics a formula needs, without repeats in the order first read: a metric it names, and
 * the metric of a team fact it names (`team.median.frt` needs `frt` of every agent). Agent facts
 * and history facts are not this period's metrics and are left out.
 */
export function metricsReadBy(names: readonly string[]): string[] {
  const out = new Set<string>();
  for (const name of names) {
    // History facts are earlier periods' values: they need nothing of this period.
    if (FORMULA_AGENT_FACTS.includes(name) || name.startsWith('history.')) continue;
    out.add(parseTeamFactName(name)?.metric ?? name);
  }
  return [...out];
}

/**
 * The formula metrics of a catalog in the order they can be computed: each after every formula
 * metric it reads, directly or through a team fact; among those ready, the one declared first.
 * The policy checks refuse cycles, so every formula metric of a valid policy is listed.
 */
export function formulaMetricsInOrder(definitions: readonly MetricDefinition[]): FormulaMetricDefinition[] {
  const formulas = definitions.filter((d): d is FormulaMetricDefinition => d.kind === 'formula');
  const byId = new Map(formulas.map((f) => [f.id, f]));
  const { order } = dependencyOrder(
    formulas.map((f) => ({ id: f.id, reads: metricsReadBy(formulaNames(formulaOf(f))) })),
  );
  return order.flatMap((id) => byId.get(id) ?? []);
}
