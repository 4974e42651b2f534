import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Results, Unit } from '@scorebook/contract';
import { evaluate, linearScore } from '@scorebook/engine';
import { quantileOfSorted, roundHalfAway } from '@scorebook/formula';
import { loadPolicyFamily, type Policy, policyMetricCatalog } from '@scorebook/policy';
import { parsePeriod } from '@scorebook/time';
import { parseDocument } from 'yaml';
import { periodFolders } from './paths.ts';
import { pathOf, type SuggestionLine, suggestionLines } from './suggestion-lines.ts';

/** Options of {@link suggestTargets}. */
export interface SuggestTargetsOptions {
  /** A folder of one policy's versions: the suggestions are for its latest version. */
  policiesDir: string;
  /** The data the periods are evaluated from (to show the grades the suggestions give). */
  dataDir: string;
  /** The published results root (`data/results`). */
  resultsRoot: string;
  /** How many of the last published months of the policy to learn from; 3 by default. */
  periods?: number;
  sourceFile?: string | null;
  allowMissing?: readonly string[];
}

/** The suggested target and floor of one linear item, from the values of its scorecard's agents. */
export interface TargetSuggestion {
  scorecard: string;
  metric: string;
  unit: Unit;
  better: 'higher' | 'lower';
  /** How many agent-periods had a value. */
  values: number;
  current: { target: number | null; floor: number | null };
  /** Null when the item is not linear, or its values cannot give a target above its floor. */
  suggested: { target: number; floor: number } | null;
  /**
   * Of the `values` agent-periods, how many the suggestion would give a lower score on this item
   * than the current target and floor do, and how many a higher one (0 and 0 without a suggestion).
   */
  lowered: number;
  raised: number;
  /** True when the suggestion lowers the item's score of at least {@link HARSHER_SHARE} of the values more than it raises. */
  harsher: boolean;
  /** Why there is no suggestion: `method` (bands, range or segments), `no_values`, `flat`. */
  skipped: 'method' | 'no_values' | 'flat' | null;
}

/** The grade counts of one period with the version's targets and with the suggested ones. */
export interface GradeMix {
  period: string;
  current: Record<string, number>;
  suggested: Record<string, number>;
  /** Agents with a grade on both sides; of them, those the suggestions move down a grade or more, and up. */
  agents: number;
  down: number;
  up: number;
  /** True when `down − up` is at least {@link HARSHER_SHARE} of `agents`. */
  harsher: boolean;
}

/**
 * The share of values (of an item) or of graded agents (of a period) that the suggestions must
 * move down more than up for the command to warn that they are much harsher than the current targets.
 */
const HARSHER_SHARE = 0.2;

/** What {@link suggestTargets} proposes, and what it would have done. */
export interface TargetsReport {
  policy: { id: string; version: string };
  /** The latest version's grades, best first (by min_score, highest first). */
  grades: string[];
  periods: string[];
  /**
   * Month folders of the results root with a results.json of this policy but no manifest.json
   * (evaluated, never published): not learned from.
   */
  unpublished: string[];
  suggestions: TargetSuggestion[];
  /** The latest version's lines to replace to write the suggestions in, in suggestion order. */
  lines: SuggestionLine[];
  mixes: GradeMix[];
}

/**
 * Proposes targets and floors for the linear items of a policy's latest version
 * (`docs/history.md`, suggest-targets): from the last published months of that policy, the
 * values of each item's metric over the agents of its scorecard (one value per agent and
 * period, nulls left out), the target at the team's 75th percentile and the floor at its 10th
 * (25th and 90th when lower is better), rounded for writing (seconds to whole seconds, ratios
 * to 0.1 percentage point, other units to 0.1). Then evaluates each of those periods with the
 * latest version as it is and with the suggestions, and counts the grades of each.
 */
export async function suggestTargets(options: SuggestTargetsOptions): Promise<TargetsReport> {
  const family = loadPolicyFamily(options.policiesDir);
  const latest = family.versions.at(-1);
  if (latest === undefined) throw new Error(`no valid policy version in ${options.policiesDir}`);
  const unpublished: string[] = [];
  const published = periodFolders(options.resultsRoot).flatMap((period) => {
    const file = join(options.resultsRoot, period, 'results.json');
    if (parsePeriod(period)?.kind !== 'month' || !existsSync(file)) return [];
    const results = JSON.parse(readFileSync(file, 'utf8')) as Results;
    if (results.policy.id !== latest.id) return [];
    // Only a publication (its manifest written last) is a closed period to learn from.
    if (!existsSync(join(options.resultsRoot, period, 'manifest.json'))) {
      unpublished.push(period);
      return [];
    }
    return [results];
  });
  const learned = published.slice(-(options.periods ?? 3));
  const suggestions = suggest(latest, learned);
  const mixes: GradeMix[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'scorebook-targets-'));
  try {
    const first = learned[0]?.period.id;
    const current = writeVersion(scratch, 'current', latest, [], first);
    const changed = writeVersion(scratch, 'suggested', latest, suggestions, first);
    for (const results of learned) {
      const run = (policiesDir: string) =>
        evaluate({
          policiesDir,
          dataDir: options.dataDir,
          period: results.period.id,
          sourceFile: options.sourceFile ?? null,
          allowMissing: options.allowMissing ?? [],
          history: { resultsDir: options.resultsRoot },
        });
      const before = (await run(current)).results;
      const after = (await run(changed)).results;
      mixes.push({
        period: results.period.id,
        current: before.summary.grades,
        suggested: after.summary.grades,
        ...gradeMoves(latest, before, after),
      });
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return {
    policy: { id: latest.id, version: latest.version },
    grades: [...latest.grades].sort((a, b) => b.min_score - a.min_score).map((g) => g.grade),
    periods: learned.map((r) => r.period.id),
    unpublished,
    suggestions,
    lines: suggestionLines(latest, suggestions),
    mixes,
  };
}

function suggest(policy: Policy, learned: readonly Results[]): TargetSuggestion[] {
  const definitions = new Map(policyMetricCatalog(policy).map((d) => [d.id, d]));
  return policy.scorecards.flatMap((s) =>
    s.scored.flatMap((item): TargetSuggestion[] => {
      const d = definitions.get(item.metric);
      if (d === undefined) return [];
      const values = learned.flatMap((r) =>
        r.agents.flatMap((a) => {
          const v = a.scorecard === s.id ? a.metrics[item.metric]?.value : null;
          return typeof v === 'number' ? [v] : [];
        }),
      );
      const base = {
        scorecard: s.id,
        metric: item.metric,
        unit: d.unit,
        better: d.better,
        values: values.length,
        current: { target: item.target, floor: item.floor },
      };
      const none = { lowered: 0, raised: 0, harsher: false };
      if (item.method !== 'linear' || item.segments !== null)
        return [{ ...base, suggested: null, ...none, skipped: 'method' }];
      const sorted = Float64Array.from(values).sort();
      const at = (q: number) => quantileOfSorted(sorted, q);
      const higher = d.better === 'higher';
      const target = at(higher ? 0.75 : 0.25);
      const floor = at(higher ? 0.1 : 0.9);
      if (target === null || floor === null)
        return [{ ...base, suggested: null, ...none, skipped: 'no_values' }];
      const suggested = { target: written(target, d.unit), floor: written(floor, d.unit) };
      const ordered = higher ? suggested.target > suggested.floor : suggested.target < suggested.floor;
      if (!ordered) return [{ ...base, suggested: null, ...none, skipped: 'flat' }];
      return [
        { ...base, suggested, ...scoreMoves(values, base.current, suggested, d.better), skipped: null },
      ];
    }),
  );
}

// How many values the suggestion scores lower and higher on the item than the current target and floor.
function scoreMoves(
  values: readonly number[],
  current: TargetSuggestion['current'],
  suggested: { target: number; floor: number },
  better: 'higher' | 'lower',
): Pick<TargetSuggestion, 'lowered' | 'raised' | 'harsher'> {
  let lowered = 0;
  let raised = 0;
  if (current.target !== null && current.floor !== null)
    for (const v of values) {
      const now = linearScore(v, current.target, current.floor, better);
      const then = linearScore(v, suggested.target, suggested.floor, better);
      if (then < now) lowered++;
      else if (then > now) raised++;
    }
  return { lowered, raised, harsher: values.length > 0 && lowered - raised >= HARSHER_SHARE * values.length };
}

// Agents graded on both sides whose grade falls (a grade of a lower min_score) or rises.
function gradeMoves(
  policy: Policy,
  before: Results,
  after: Results,
): Pick<GradeMix, 'agents' | 'down' | 'up' | 'harsher'> {
  const rank = new Map(policy.grades.map((g) => [g.grade, g.min_score]));
  const then = new Map(after.agents.map((a) => [a.agent_id, a.grade]));
  let agents = 0;
  let down = 0;
  let up = 0;
  for (const a of before.agents) {
    const was = a.grade === null ? undefined : rank.get(a.grade);
    const next = then.get(a.agent_id);
    const is = next === null || next === undefined ? undefined : rank.get(next);
    if (was === undefined || is === undefined) continue;
    agents++;
    if (is < was) down++;
    else if (is > was) up++;
  }
  return { agents, down, up, harsher: agents > 0 && down - up >= HARSHER_SHARE * agents };
}

/** A value as a policy would write it: whole seconds, ratios to 0.001, other units to 0.1. */
function written(value: number, unit: Unit): number {
  if (unit === 'seconds') return roundHalfAway(value, 0);
  return roundHalfAway(value, unit === 'ratio' ? 3 : 1);
}

/**
 * Writes the latest version into `<scratch>/<name>/<id>/` with the suggested targets and floors
 * (none: as it is) and in force from the first learned period, so that every learned period is
 * evaluated with it. Returns the policy folder.
 */
function writeVersion(
  scratch: string,
  name: string,
  policy: Policy,
  suggestions: readonly TargetSuggestion[],
  first: string | undefined,
): string {
  const doc = parseDocument(policy.text);
  for (const s of suggestions) {
    if (s.suggested === null) continue;
    const item = policy.scorecards
      .find((c) => c.id === s.scorecard)
      ?.scored.find((i) => i.metric === s.metric);
    if (item === undefined) continue;
    const path = pathOf(item.source.path);
    doc.setIn([...path, 'target'], s.suggested.target);
    doc.setIn([...path, 'floor'], s.suggested.floor);
  }
  const from =
    first === undefined ? policy.effective_from : (parsePeriod(first)?.firstDay ?? policy.effective_from);
  doc.set('effective_from', from);
  const dir = join(scratch, name, policy.id);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${from}.yaml`), doc.toString());
  return dir;
}
