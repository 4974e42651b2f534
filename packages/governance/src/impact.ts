import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { AgentResult, Manifest } from '@scorebook/contract';
import { evaluate } from '@scorebook/engine';
import { diffPolicies, type PolicyChange } from '@scorebook/policy';
import { exportFolderAt, resolveRef } from './git.ts';
import { publishedPeriods } from './publish.ts';

/** Options of {@link policyImpact}. */
export interface ImpactOptions {
  /** A git ref for the policy before the change (`main`, `origin/main`, a commit). */
  baseRef: string;
  /** The policy folder in the working tree (`configs/policies/<id>`). */
  policiesDir: string;
  /** Where published periods are (`data/results`). */
  resultsRoot: string;
  /** The period to evaluate; the last closed (published) month when omitted. */
  period?: string;
  /** The data folder; the published period's when omitted. */
  dataDir?: string;
  cwd?: string;
}

/** An agent whose grade or rank moves. */
export interface AgentMove {
  agent_id: string;
  name: string;
  scorecard: string | null;
  from: string | number | null;
  to: string | number | null;
  total_before: number | null;
  total_after: number | null;
}

/** How a policy change moves the results of a period. */
export interface ImpactReport {
  period: string;
  base: { ref: string; commit: string; version: string };
  head: { version: string };
  data_dir: string;
  /** Meaning-level changes between the versions in force for the period. */
  changes: PolicyChange[];
  /** Changes of a scored metric's weight. */
  weights: PolicyChange[];
  grades: AgentMove[];
  ranks: AgentMove[];
  /** Score shifts per scorecard over agents rated under both. */
  shifts: Array<{ scorecard: string; agents: number; mean: number; min: number; max: number }>;
}

/** Thrown when the impact cannot be computed (no such ref, no period), with both languages. */
export class ImpactError extends Error {
  readonly zh: string;
  constructor(zh: string, en: string) {
    super(en);
    this.zh = zh;
  }
}

/**
 * Evaluates one period twice, with the policy at a base git ref and with the working tree's,
 * and reports the change in meaning and its effect: grades that change, rank changes, score
 * shifts by scorecard and metrics whose weight moved.
 */
export async function policyImpact(options: ImpactOptions): Promise<ImpactReport> {
  const cwd = options.cwd ?? process.cwd();
  const policiesDir = resolve(cwd, options.policiesDir);
  const commit = resolveRef(policiesDir, options.baseRef);
  if (commit === null) {
    throw new ImpactError(
      `git 中找不到 ${options.baseRef}。请给出分支、标签或提交,例如 --base main。`,
      `git does not know ${options.baseRef}. Give a branch, tag or commit, e.g. --base main.`,
    );
  }
  const resultsRoot = resolve(cwd, options.resultsRoot);
  const period =
    options.period ??
    publishedPeriods(resultsRoot)
      .filter((p) => /^\d{4}-\d{2}$/.test(p))
      .pop();
  if (period === undefined) {
    throw new ImpactError(
      '还没有已发布(关闭)的月份;请用 --period 指定期间并用 --data 指定数据。',
      'No closed month has been published yet; name one with --period and the data with --data.',
    );
  }
  const manifestFile = join(resultsRoot, period, 'manifest.json');
  const manifest = existsSync(manifestFile)
    ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest)
    : null;
  const dataDir =
    options.dataDir !== undefined
      ? resolve(cwd, options.dataDir)
      : manifest !== null
        ? resolve(cwd, manifest.data_dir)
        : null;
  if (dataDir === null)
    throw new ImpactError(
      `期间 ${period} 未发布,请用 --data 指定数据目录。`,
      `Period ${period} is not published; name the data folder with --data.`,
    );

  const scratch = mkdtempSync(join(tmpdir(), 'scorebook-impact-'));
  try {
    const baseDir = join(scratch, basename(policiesDir));
    if (exportFolderAt(policiesDir, commit, baseDir) === 0) {
      throw new ImpactError(
        `${options.baseRef} 中没有策略文件夹 ${options.policiesDir}。`,
        `The policy folder ${options.policiesDir} does not exist at ${options.baseRef}.`,
      );
    }
    const before = await evaluate({ policiesDir: baseDir, dataDir, period });
    const after = await evaluate({ policiesDir, dataDir, period });
    const changes = diffPolicies(before.policy, after.policy);
    return {
      period,
      base: { ref: options.baseRef, commit, version: before.policy.version },
      head: { version: after.policy.version },
      data_dir: dataDir,
      changes,
      weights: changes.filter((c) => c.area === 'scored' && (c.field === 'weight' || c.kind !== 'changed')),
      ...compareAgents(before.results.agents, after.results.agents),
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function compareAgents(
  before: readonly AgentResult[],
  after: readonly AgentResult[],
): Pick<ImpactReport, 'grades' | 'ranks' | 'shifts'> {
  const old = new Map(before.map((a) => [a.agent_id, a]));
  const grades: AgentMove[] = [];
  const ranks: AgentMove[] = [];
  const deltas = new Map<string, number[]>();
  for (const a of after) {
    const b = old.get(a.agent_id);
    if (b === undefined) continue;
    const move = (from: string | number | null, to: string | number | null): AgentMove => ({
      agent_id: a.agent_id,
      name: a.name,
      scorecard: a.scorecard,
      from,
      to,
      total_before: b.total_score,
      total_after: a.total_score,
    });
    if (b.grade !== a.grade) grades.push(move(b.grade, a.grade));
    if (b.rank !== a.rank) ranks.push(move(b.rank, a.rank));
    if (
      b.total_score !== null &&
      a.total_score !== null &&
      a.scorecard !== null &&
      a.scorecard === b.scorecard
    ) {
      deltas.set(a.scorecard, [...(deltas.get(a.scorecard) ?? []), a.total_score - b.total_score]);
    }
  }
  const shifts = [...deltas.entries()].map(([scorecard, d]) => ({
    scorecard,
    agents: d.length,
    mean: d.reduce((x, y) => x + y, 0) / d.length,
    min: Math.min(...d),
    max: Math.max(...d),
  }));
  return { grades, ranks, shifts };
}
