import type { FormulaExplanation, FormulaRead, MetricDefinition, TeamFactResult } from '@scorebook/contract';
import { evaluateFormula, formulaNames, parseTeamFactName, teamStatistic } from '@scorebook/formula';
import { FORMULA_AGENT_FACTS, formulaMetricsInOrder, formulaOf } from '@scorebook/policy';
import type { History } from '../history/read-history.ts';
import type { MetricValue } from '../measure/compile-metrics.ts';

/** Inputs of {@link computeFormulas}. */
export interface FormulaInput {
  /** The policy's metric catalog (formula metrics among them). */
  definitions: readonly MetricDefinition[];
  /**
   * Each agent's measured metric values by id, in the order of the agents; the formula metrics'
   * values are added to these maps as they are computed.
   */
  measured: ReadonlyArray<Map<string, MetricValue>>;
  /** Each agent's scorecard id, or null: a team fact is over the agents of one scorecard. */
  scorecards: ReadonlyArray<string | null>;
  /** Each agent's numeric agent facts (format 2), by name. */
  facts: ReadonlyArray<Readonly<Record<string, number | null>>>;
  /** The scorecard ids in policy order, for the order of team facts. */
  scorecardOrder: readonly string[];
  /** The team facts each scorecard's conditions read (format 2), by scorecard id. */
  conditionTeamFacts: ReadonlyMap<string, readonly string[]>;
  /** The agents' ids, in the agents' order (for history facts). */
  agentIds: readonly string[];
  /** The history facts of earlier periods; null when the policy reads none. */
  history: Pick<History, 'factsOf' | 'periodsOf'> | null;
}

/** What {@link computeFormulas} gives: each agent's formula explanations and the team facts read. */
export interface FormulaOutput {
  /** Per agent (agents' order), by formula metric id in computing order. */
  explanations: Array<Record<string, FormulaExplanation>>;
  /**
   * The team facts formulas and conditions read, by scorecard in policy order, names in the
   * order first read (formulas' first, then conditions').
   */
  teamFacts: TeamFactResult[];
  /** The values of the team facts each scorecard's conditions read, by scorecard id. */
  conditionFacts: ReadonlyMap<string, Readonly<Record<string, number | null>>>;
}

const SAMPLELESS: ReadonlySet<MetricDefinition['kind']> = new Set(['count', 'sum']);

/**
 * The formula stage (`docs/formulas.md`, formula metrics): after every measured metric, each
 * formula metric in dependency order, for every agent, so that a later formula can read an
 * earlier one and its team facts. A name reads the agent's metric value, a team fact (computed
 * once per scorecard over the agents of that scorecard with a value, on first use), or a
 * numeric agent fact, or a history fact (`docs/history.md`); an agent without a scorecard has no
 * team facts (null). The value is
 * `evaluateFormula`'s (null in, null out); the sample is the least sample of the metrics read
 * directly whose kind has one (not count or sum; a formula read counts with its own sample), 0
 * when there is none. Then the team facts the scorecards' conditions read.
 */
export function computeFormulas(input: FormulaInput): FormulaOutput {
  const { definitions, measured, scorecards, facts } = input;
  const kindOf = new Map(definitions.map((d) => [d.id, d.kind]));
  const explanations: Array<Record<string, FormulaExplanation>> = measured.map(() => ({}));
  const team = new Map<string, TeamFactResult>();
  const teamFact = (scorecard: string, name: string, metric: string): TeamFactResult => {
    const key = `${scorecard}\u0000${name}`;
    let fact = team.get(key);
    if (fact === undefined) {
      const statistic = parseTeamFactName(name)?.statistic ?? 'mean';
      const values = measured.flatMap((m, i) => {
        const v = scorecards[i] === scorecard ? (m.get(metric)?.value ?? null) : null;
        return v === null ? [] : [v];
      });
      fact = { scorecard, name, value: teamStatistic(statistic, values), agents: values.length };
      team.set(key, fact);
    }
    return fact;
  };
  // Samples of formula metrics that read no metric with a sample: none (null), not 0.
  const sampleOf: Array<Map<string, number | null>> = measured.map(() => new Map());
  for (const definition of formulaMetricsInOrder(definitions)) {
    const formula = formulaOf(definition);
    const names = formulaNames(formula);
    measured.forEach((values, agent) => {
      const reads: FormulaRead[] = [];
      let sample: number | null = null;
      for (const name of names) {
        const teamName = parseTeamFactName(name);
        if (teamName !== null) {
          const scorecard = scorecards[agent] ?? null;
          const fact = scorecard === null ? null : teamFact(scorecard, name, teamName.metric);
          reads.push({ name, value: fact?.value ?? null, agents: fact?.agents ?? 0 });
          continue;
        }
        if (name.startsWith('history.')) {
          const v = input.history?.factsOf(input.agentIds[agent] ?? '')[name] ?? null;
          reads.push({
            name,
            value: typeof v === 'number' ? v : null,
            periods: input.history?.periodsOf(name) ?? [],
          });
          continue;
        }
        if (FORMULA_AGENT_FACTS.includes(name) && !kindOf.has(name)) {
          reads.push({ name, value: facts[agent]?.[name] ?? null });
          continue;
        }
        const read = values.get(name);
        reads.push({ name, value: read?.value ?? null });
        const own =
          kindOf.get(name) === 'formula'
            ? (sampleOf[agent]?.get(name) ?? null)
            : SAMPLELESS.has(kindOf.get(name) ?? 'count')
              ? null
              : (read?.sample ?? 0);
        if (own !== null) sample = sample === null ? own : Math.min(sample, own);
      }
      const byName = new Map(reads.map((r) => [r.name, r.value]));
      const value = evaluateFormula(formula, (name) => byName.get(name));
      const number = typeof value === 'number' ? value : null;
      sampleOf[agent]?.set(definition.id, sample);
      values.set(definition.id, { value: number, sample: sample ?? 0 });
      const explained = explanations[agent];
      if (explained !== undefined)
        explained[definition.id] = { formula: definition.formula, reads, value: number };
    });
  }
  // Conditions read team facts once every formula is known (a team fact of a formula metric too).
  const conditionFacts = new Map<string, Record<string, number | null>>();
  for (const [scorecard, names] of input.conditionTeamFacts) {
    const values: Record<string, number | null> = {};
    for (const name of names) {
      const metric = parseTeamFactName(name)?.metric;
      if (metric !== undefined) values[name] = teamFact(scorecard, name, metric).value;
    }
    conditionFacts.set(scorecard, values);
  }
  const rank = new Map(input.scorecardOrder.map((id, i) => [id, i]));
  const teamFacts = [...team.values()].sort(
    (a, b) => (rank.get(a.scorecard) ?? 0) - (rank.get(b.scorecard) ?? 0),
  );
  return { explanations, teamFacts, conditionFacts };
}
