import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentResult, HistoryPeriodResult, MetricDefinition, Results } from '@scorebook/contract';
import { formulaNames, teamStatistic } from '@scorebook/formula';
import {
  formulaMetricsInOrder,
  formulaOf,
  type HistoryFactName,
  type Policy,
  parseHistoryFactName,
} from '@scorebook/policy';
import { type Period, previousPeriod } from '@scorebook/time';
import { factsOf } from '../check/policy-needs.ts';
import { type ResultBytes, sha256Of } from '../write/result-bytes.ts';

/** An earlier period as history reads it: its provenance and its results (null when missing). */
interface EarlierPeriod {
  provenance: HistoryPeriodResult;
  agents: ReadonlyMap<string, AgentResult> | null;
}

/** Inputs of {@link readHistory}. */
export interface HistoryInput {
  /** The history facts the policy reads (formulas and conditions), without repeats. */
  names: readonly string[];
  /** The period evaluated: history looks back from the period before it. */
  period: Period;
  /** The published results root (`data/results`); null: no period counts as published. */
  resultsDir: string | null;
  /** The policy's grades, best first: a streak counts grades at or above one. */
  grades: readonly string[];
  /** The policy's id: a period published under another policy is not this policy's history. */
  policyId: string;
  /**
   * Evaluates an earlier period that is not published, with the policy version in force for it
   * and without history of its own; throws when it cannot be evaluated.
   */
  evaluateEarlier: (period: string) => Promise<{ results: Results; bytes: ResultBytes }>;
}

/** What {@link readHistory} gives: the periods read, newest first, and each agent's facts. */
export interface History {
  periods: HistoryPeriodResult[];
  /** The history facts of an agent, by name: numbers, or text for `history.prev.grade`. */
  factsOf(agentId: string): Record<string, number | string | null>;
  /** The ids of the periods a fact looked at, newest first. */
  periodsOf(name: string): string[];
}

/**
 * Reads the earlier periods the history facts need (`docs/history.md`): from the previous
 * period back, as many as the facts look at (at most 12). A period whose folder in the results
 * root has a `manifest.json` and a `results.json` of this policy is published: its results are
 * read and their sha256 recorded. Any other is evaluated (`evaluateEarlier`); one that cannot be evaluated is
 * missing, with the code of its first problem. Facts are then computed per agent on demand.
 */
export async function readHistory(input: HistoryInput): Promise<History> {
  const parsed = input.names.flatMap((name) => {
    const fact = parseHistoryFactName(name);
    return fact === null ? [] : [[name, fact] as const];
  });
  const depth = Math.max(0, ...parsed.map(([, f]) => f.periods));
  const earlier: EarlierPeriod[] = [];
  let at = input.period;
  for (let i = 0; i < depth; i++) {
    at = previousPeriod(at);
    earlier.push(await readEarlier(at.id, input));
  }
  const rank = new Map(input.grades.map((g, i) => [g, i]));
  const cache = new Map<string, Record<string, number | string | null>>();
  return {
    periods: earlier.map((e) => e.provenance),
    periodsOf: (name) => {
      const fact = parseHistoryFactName(name);
      return earlier.slice(0, fact?.periods ?? 0).map((e) => e.provenance.period);
    },
    factsOf: (agentId) => {
      let facts = cache.get(agentId);
      if (facts === undefined) {
        const seen = earlier.map((e) => e.agents?.get(agentId) ?? null);
        facts = Object.fromEntries(parsed.map(([name, fact]) => [name, factValue(fact, seen, rank)]));
        cache.set(agentId, facts);
      }
      return facts;
    },
  };
}

async function readEarlier(period: string, input: HistoryInput): Promise<EarlierPeriod> {
  const dir = input.resultsDir === null ? null : join(input.resultsDir, period);
  if (dir !== null && existsSync(join(dir, 'manifest.json')) && existsSync(join(dir, 'results.json'))) {
    const bytes = readFileSync(join(dir, 'results.json'));
    const results = JSON.parse(bytes.toString('utf8')) as Results;
    // Another policy's publication of the period says nothing of this policy's grades.
    if (results.policy.id === input.policyId)
      return {
        provenance: {
          period,
          source: 'published',
          file: `${period}/results.json`,
          sha256: sha256Of([bytes]),
          policy: { id: results.policy.id, version: results.policy.version },
          problem: null,
        },
        agents: agentsOf(results),
      };
  }
  return evaluateEarlier(period, input);
}

async function evaluateEarlier(period: string, input: HistoryInput): Promise<EarlierPeriod> {
  try {
    const { results, bytes } = await input.evaluateEarlier(period);
    return {
      provenance: {
        period,
        source: 'evaluated',
        file: null,
        sha256: sha256Of(bytes),
        policy: { id: results.policy.id, version: results.policy.version },
        problem: null,
      },
      agents: agentsOf(results),
    };
  } catch (error) {
    const problems = (error as { problems?: ReadonlyArray<{ code: string }> }).problems;
    if (problems === undefined) throw error;
    return {
      provenance: {
        period,
        source: 'missing',
        file: null,
        sha256: null,
        policy: null,
        problem: problems[0]?.code ?? null,
      },
      agents: null,
    };
  }
}

function agentsOf(results: Results): Map<string, AgentResult> {
  return new Map(results.agents.map((a) => [a.agent_id, a]));
}

/** One history fact of one agent from its results of the earlier periods, newest first (null: absent). */
function factValue(
  fact: HistoryFactName,
  seen: ReadonlyArray<AgentResult | null>,
  rank: ReadonlyMap<string, number>,
): number | string | null {
  const prev = seen[0] ?? null;
  switch (fact.kind) {
    case 'prev':
      return prev?.metrics[fact.metric]?.value ?? null;
    case 'prev_result':
      return prev?.[fact.field] ?? null;
    case 'mean':
      return teamStatistic(
        'mean',
        seen.slice(0, fact.periods).map((a) => a?.metrics[fact.metric]?.value ?? null),
      );
    case 'streak': {
      const limit = rank.get(fact.grade);
      if (limit === undefined) return null;
      let n = 0;
      for (const a of seen) {
        const r = a?.status === 'rated' && a.grade !== null ? rank.get(a.grade) : undefined;
        if (r === undefined || r > limit) break;
        n++;
      }
      return n;
    }
  }
}

/**
 * The history facts a policy reads, in the order first named: in its formula metrics, then in
 * its scorecards' eligibility, vetoes and flags.
 */
export function historyNamesOf(policy: Policy, definitions: readonly MetricDefinition[]): string[] {
  const names = [
    ...formulaMetricsInOrder(definitions).flatMap((d) => formulaNames(formulaOf(d))),
    ...policy.scorecards.flatMap((s) => [
      ...(s.eligibility === null ? [] : factsOf(s.eligibility.when)),
      ...s.vetoes.flatMap((v) => factsOf(v.when)),
      ...s.flags.flatMap((f) => factsOf(f.when)),
    ]),
  ];
  return [...new Set(names)].filter((n) => parseHistoryFactName(n) !== null);
}
