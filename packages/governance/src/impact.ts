import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { AppealBytes } from '@scorebook/appeals';
import type { AgentResult, Manifest } from '@scorebook/contract';
import type { MeasureEngine } from '@scorebook/engine';
import {
  diffPolicies,
  loadPolicyBytes,
  type Policy,
  type PolicyChange,
  type SharedSource,
} from '@scorebook/policy';
import { type Problem, ScorebookError } from '@scorebook/problems';
import { parseEvaluationPeriod } from '@scorebook/time';
import { governanceStop } from './errors.ts';
import { EvaluatePool, engineOf, oneThreadEach, type PooledEvaluation } from './evaluate-pool.ts';
import { gitPath, gitRoot, resolveRef } from './git.ts';
import { recordedAppealWindows, recordedRejectedLimit } from './manifest.ts';
import { publishedPeriods } from './publish.ts';
import { periodsGovernedBy } from './published-policies.ts';
import type { VetoVoid } from './veto-voids.ts';

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
  /** The source to read it through; the published period's when omitted, else the data's own. */
  sourceFile?: string | null;
  /** Tables that may be absent; the published period's when omitted. */
  allowMissing?: readonly string[];
  /** The appeals folder (`configs/appeals`); without it, no appeals are read on either side. */
  appealsDir?: string;
  cwd?: string;
  /** Evaluations run at once, each on a thread of its own; by default the machine's cores. */
  threads?: number;
  /** The engine that measures every evaluation (`evaluate --engine`); the TypeScript one when omitted. */
  engine?: MeasureEngine;
}

/** An agent whose grade, rank or total score moves. */
export interface AgentMove {
  agent_id: string;
  name: string;
  scorecard: string | null;
  from: string | number | null;
  to: string | number | null;
  total_before: number | null;
  total_after: number | null;
}

/** An agent whose points from one adjustment move. */
export interface AdjustmentMove {
  agent_id: string;
  name: string;
  adjustment: string;
  from: number | null;
  to: number | null;
}

/**
 * An agent whose vetoes change: those that hold on the changed side only (added) and those that
 * no longer hold (removed) — said even when the grade does not move (a total already below the cap).
 */
export interface VetoMove {
  agent_id: string;
  name: string;
  added: string[];
  /** No longer listed because the veto's condition no longer holds. */
  removed: string[];
  /**
   * No longer listed although the condition still holds: an applied appeal of the changed side
   * voids it (`void_veto`), with the appeal's id.
   */
  voided: Array<{ veto: string; appeal: string }>;
  /**
   * Listed on the changed side only because it no longer voids them: the condition held on both
   * sides and an applied appeal of the base side voided the veto (`void_veto`), with that appeal's
   * id — the branch removed or changed the appeal, it did not make the veto newly hold.
   */
  unvoided: Array<{ veto: string; appeal: string }>;
}

/** An agent whose flags change (policy format 2): the flags raised and no longer raised. */
export interface FlagMove {
  agent_id: string;
  name: string;
  added: string[];
  removed: string[];
}

/** An agent whose reward total moves (policy format 2), with its grade on each side. */
export interface RewardMove {
  agent_id: string;
  name: string;
  grade_before: string | null;
  grade_after: string | null;
  from: number | null;
  to: number | null;
}

/** One side of a comparison: a version file, from the base ref or the working tree. */
export interface VersionSide {
  version: string;
  file: string;
  effective_from: string;
  from: 'base' | 'working tree';
}

/** What one changed version file would do to the period, against the version it replaces. */
export interface VersionImpact {
  /**
   * `added`: a new version file; `edited`: its bytes changed, or a shared definition it uses did
   * (docs/shared.md); `removed`: it was deleted.
   */
  change: 'added' | 'edited' | 'removed';
  file: string;
  /** The version it is compared against; null when none would govern (a first version). */
  before: VersionSide | null;
  /** The version that would govern instead; null when none would (the only version removed). */
  after: VersionSide | null;
  /** Meaning-level changes from `before` to `after`. */
  changes: PolicyChange[];
  /**
   * The sides whose version is not, by its own dates, the one its side puts in force for the
   * period (it takes effect later, or a later version takes over), with the version that is in
   * force there (null: none): measured as if it had governed the period.
   */
  not_in_force: Array<{ side: 'before' | 'after'; version: string; in_force: string | null }>;
  /**
   * The published periods this file governed (in force or superseded), oldest first: merging the
   * change leaves them as published until one is superseded. Empty for a new file.
   */
  published: string[];
  /** Changes of a scored metric's or a group's weight (or one added or removed). */
  weights: PolicyChange[];
  grades: AgentMove[];
  ranks: AgentMove[];
  /** Agents whose total score moves. */
  scores: AgentMove[];
  adjustments: AdjustmentMove[];
  /** Agents whose vetoes change: a veto that starts or stops holding. */
  vetoes: VetoMove[];
  /** Agents whose flags change (format 2 on either side). */
  flags: FlagMove[];
  /** Agents whose reward total changes (format 2 on either side), and the sum of the changes. */
  rewards: RewardMove[];
  reward_change: number;
  /** Score shifts per scorecard over agents rated under both. */
  shifts: Array<{ scorecard: string; agents: number; mean: number; min: number; max: number }>;
}

/** What moved for the agents between two sides: the part of a version's impact every other impact reports too. */
export type AgentChanges = Pick<
  VersionImpact,
  'grades' | 'ranks' | 'scores' | 'adjustments' | 'vetoes' | 'flags' | 'rewards' | 'reward_change' | 'shifts'
>;

/**
 * A quarter or year that holds the report's month and is scored from its months
 * (`docs/periods.md`) on either side, when a changed version governs one of its months: it
 * moves with them. Both sides evaluate it as `evaluate --period` would, every version of the
 * side in force by its own dates (nothing forced).
 */
export interface FromMonthsImpact extends AgentChanges {
  /** The quarter (`2026-Q4`) or year (`2026`). */
  period: string;
  /** Whether the version in force on its first day scores it from its months, at the base and in the working tree. */
  from_months: { before: boolean; after: boolean };
  /** The changed version files in force for one of its months on either side, by file name. */
  months_governed_by: Array<{ file: string; months: string[] }>;
  /** The data folder it was evaluated on: its published one, else the report's. */
  data_dir: string;
  /** Whether it is published (its data, source and allowed missing tables are then the manifest's). */
  published: boolean;
}

/** How the policy change of a working tree would have moved the results of a period. */
export interface ImpactReport {
  period: string;
  base: { ref: string; commit: string };
  data_dir: string;
  /** The policy version the period was published under (its manifest); null when it is not published. */
  governed_by: { id: string; version: string; file: string } | null;
  /**
   * True when the period was published under another policy (another id) than this folder's:
   * every figure is then hypothetical, this policy never governed the period.
   */
  other_policy: boolean;
  /** One entry per version file added, edited or removed against the base, by file name. */
  versions: VersionImpact[];
  /**
   * One entry per period whose appeal files the working tree adds, edits or removes against the
   * base, in period order: `--period`'s only when it is given, else every period folder of the
   * appeals folder on either side. Empty when none changed.
   */
  appeals: AppealsImpact[];
  /**
   * The periods whose appeal files changed but that could not be evaluated: not published (no
   * recorded data) and not the report's period. Each says what changed; `--period <p> --data <dir>`
   * shows it.
   */
  appeals_not_evaluated: AppealFileChanges[];
  /**
   * The quarter and the year of the report's month (a month only) that are scored from their
   * months on either side and have a month governed by a changed version, quarter first.
   */
  from_months: FromMonthsImpact[];
}

/** The appeal files of one period the working tree adds, edits or removes against the base, by appeal id. */
export interface AppealFileChanges {
  period: string;
  added: string[];
  edited: string[];
  removed: string[];
}

/**
 * The appeal files of the period the working tree adds, edits or removes against the base (by
 * appeal id), and what they move: the working tree's policy, evaluated with the base's appeal
 * files and with the working tree's.
 */
export interface AppealsImpact extends AppealFileChanges, AgentChanges {
  /** The data folder the period was evaluated on: the report's for its period, else the period's published one. */
  data_dir: string;
  /**
   * Appeals of the working tree's files that its evaluation refused (late, not appealable, after
   * a final decision) or left pending, by id in file-name order, with the appellant: they move
   * nothing, which the reviewer of the decisions must be told.
   */
  refused: Array<{ id: string; agent_id: string }>;
  pending: Array<{ id: string; agent_id: string }>;
}

/**
 * Answers "if this version had governed the period, whose grade, score, rank or adjustment would
 * move?" for every version file the working tree adds, edits or removes against `baseRef`. The
 * period is the last closed (published) month unless given — or, when the version files edited
 * or removed governed published months but not that one, the last month they governed — with its
 * recorded data folder. Each
 * change is compared with the version it replaces: an added file with the base version in force
 * on its `effective_from`; an edited file with its base bytes; a removed file with the working
 * tree's version in force on its `effective_from` (the one that takes over its dates). Both
 * sides evaluate the same period and data with the version forced: in a scratch copy its
 * `effective_from` is set to the period's first day, nothing else changes. The evaluations run
 * side by side, `threads` at a time (`docs/scale.md`); the versions come in file name order.
 */
export async function policyImpact(options: ImpactOptions): Promise<ImpactReport> {
  const cwd = options.cwd ?? process.cwd();
  const policiesDir = resolve(cwd, options.policiesDir);
  const commit = resolveRef(policiesDir, options.baseRef);
  if (commit === null) throw governanceStop('input', 'BASE_REF_UNKNOWN', null, { ref: options.baseRef });
  const resultsRoot = resolve(cwd, options.resultsRoot);
  const id = basename(policiesDir);
  const months = publishedPeriods(resultsRoot).filter((p) => MONTH.test(p));
  const root = gitRoot(policiesDir) ?? cwd;
  const baseFiles = versionFilesAt(root, policiesDir, commit);
  const workFiles = versionFilesIn(policiesDir);
  // By default the last month this policy governed. When it governed none of the folder's months,
  // they are another team's or company's (another --results folder is likely meant): scoring
  // this policy on them is only asked for by name (--period), and then labelled hypothetical.
  const last = months.filter((p) => manifestOf(resultsRoot, p)?.policy.id === id).pop();
  if (options.period === undefined && last === undefined && months.length > 0) {
    const others = [...new Set(months.map((p) => manifestOf(resultsRoot, p)?.policy.id ?? '?'))].sort();
    throw governanceStop('input', 'POLICY_GOVERNED_NO_PERIOD_HERE', null, {
      policy: id,
      results: options.resultsRoot,
      others: others.join(', '),
      last: months.at(-1) ?? '',
    });
  }
  // But when the versions edited or removed governed published months and none of them that one,
  // the last month they governed: the one their change would move (a supersede of it).
  const governed = [...baseFiles]
    .filter(([file, bytes]) => {
      const now = workFiles.get(file);
      return now === undefined || Buffer.compare(bytes, now) !== 0;
    })
    .flatMap(([file]) => periodsGovernedBy(join(policiesDir, file), resultsRoot, cwd))
    .filter((p) => MONTH.test(p))
    .sort();
  const period =
    options.period ??
    (last !== undefined && governed.length > 0 && !governed.includes(last) ? governed.at(-1) : last);
  if (period === undefined) throw governanceStop('input', 'NO_CLOSED_PERIOD', null);
  const parsedPeriod = parseEvaluationPeriod(period);
  if (parsedPeriod === null) throw governanceStop('input', 'PERIOD_NEEDS_DATA', null, { period });
  const manifest = manifestOf(resultsRoot, period);
  const dataDir =
    options.dataDir !== undefined
      ? resolve(cwd, options.dataDir)
      : manifest !== null
        ? resolve(root, manifest.data_dir)
        : null;
  if (dataDir === null) throw governanceStop('input', 'PERIOD_NEEDS_DATA', null, { period });
  const recordedSource = manifest?.source ? resolve(root, manifest.source.file) : null;
  const sourceFile =
    options.sourceFile !== undefined
      ? options.sourceFile && resolve(cwd, options.sourceFile)
      : options.dataDir === undefined
        ? recordedSource
        : null;
  const allowMissing = options.allowMissing ?? manifest?.allow_missing ?? [];
  // The limit the period was published with: the same rows stop both sides as they stopped it.
  const rejectedLimit = manifest === null ? {} : recordedRejectedLimit(manifest);
  // The instants its appeal windows counted from: both sides take the appeals it took.
  const windows = manifest === null ? {} : recordedAppealWindows(manifest);

  if (baseFiles.size === 0 && workFiles.size === 0)
    throw governanceStop('input', 'NO_POLICY_ON_EITHER_SIDE', policiesDir, {
      dir: options.policiesDir,
      ref: options.baseRef,
    });
  // Shared definitions (docs/shared.md) on each side: at the base commit, and in the working tree.
  const sharedDir = join(policiesDir, '..', '..', 'shared');
  const sharedFiles = {
    base: yamlFilesAt(root, sharedDir, commit, SHARED_FILE),
    'working tree': yamlFilesIn(sharedDir, SHARED_FILE),
  };
  const base = loadSide(baseFiles, 'base', policiesDir, sharedFiles.base);
  const work = loadSide(workFiles, 'working tree', policiesDir, sharedFiles['working tree']);
  const appealsRoot = options.appealsDir === undefined ? null : resolve(cwd, options.appealsDir);
  const appealsOf = (p: string) =>
    appealsRoot === null
      ? { base: new Map<string, Buffer>(), work: new Map<string, Buffer>() }
      : {
          base: yamlFilesAt(root, join(appealsRoot, p), commit, APPEAL_FILE),
          work: yamlFilesIn(join(appealsRoot, p), APPEAL_FILE),
        };
  const appealsAt = (p: string, files: Map<string, Buffer>): AppealBytes[] =>
    [...files].map(([name, bytes]) => ({
      file: join(appealsRoot ?? '', p, name),
      name: `${p}/${name}`,
      bytes,
    }));
  const periodAppeals = appealsOf(period);
  const scratch = mkdtempSync(join(tmpdir(), 'scorebook-impact-'));
  const pool = new EvaluatePool(options.threads);
  // The options of every evaluation: its engine, and its threads when --threads caps them.
  const evaluationOptions = { ...engineOf(options), ...oneThreadEach(options) };
  try {
    const run = async (side: Loaded | null, name: string) => {
      if (side === null) return null;
      const dir = join(scratch, name, 'policies', id);
      mkdirSync(dir, { recursive: true });
      // The side's shared files, where its version looks for them (`<scratch>/<name>/shared`).
      const shared = sharedFiles[side.from];
      if (shared.size > 0) mkdirSync(join(scratch, name, 'shared'));
      for (const [file, bytes] of shared) writeFileSync(join(scratch, name, 'shared', file), bytes);
      const text = Buffer.from(side.bytes)
        .toString('utf8')
        .replace(/^effective_from:.*$/m, `effective_from: ${parsedPeriod.firstDay}`);
      writeFileSync(join(dir, side.file), text);
      const options = {
        policiesDir: dir,
        dataDir,
        sourceFile,
        allowMissing,
        ...rejectedLimit,
        ...windows,
        period,
        appealFiles: appealsAt(period, periodAppeals.work),
        ...evaluationOptions,
      };
      return sideResult(await pool.evaluate(options, false));
    };
    const versions: Array<Promise<VersionImpact>> = [];
    const changedFiles = new Set<string>();
    const names = [...new Set([...baseFiles.keys(), ...workFiles.keys()])].sort();
    for (const [i, file] of names.entries()) {
      const b = base.get(file);
      const w = work.get(file);
      let before: Loaded | null;
      let after: Loaded | null;
      let change: VersionImpact['change'];
      if (b && w) {
        // A version is also edited when a shared definition it uses changed (its recorded sha256).
        const sameShared = JSON.stringify(b.policy.shared ?? []) === JSON.stringify(w.policy.shared ?? []);
        if (Buffer.compare(b.bytes, w.bytes) === 0 && sameShared) continue;
        [change, before, after] = ['edited', b, w];
      } else if (w) {
        [change, before, after] = ['added', inForce(base, w.policy.effective_from), w];
      } else if (b) {
        [change, before, after] = ['removed', b, inForce(work, b.policy.effective_from)];
      } else {
        continue;
      }
      changedFiles.add(file);
      const changes = before && after ? diffPolicies(before.policy, after.policy) : [];
      const notInForce = (
        [
          ['before', before],
          ['after', after],
        ] as const
      ).flatMap(([name, version]) => {
        if (version === null) return [];
        const governing = inForce(version.from === 'base' ? base : work, parsedPeriod.firstDay);
        return governing === version
          ? []
          : [{ side: name, version: version.policy.version, in_force: governing?.policy.version ?? null }];
      });
      const agents = Promise.allSettled([run(before, `${i}-before`), run(after, `${i}-after`)]).then(
        (sides) =>
          // The first side that stopped, as when they ran one after the other.
          sides.map((side) => {
            if (side.status === 'rejected') throw side.reason;
            return side.value;
          }),
      );
      versions.push(
        agents.then(([b, a]) => ({
          change,
          file,
          before: before && sideOf(before),
          after: after && sideOf(after),
          changes,
          not_in_force: notInForce,
          published: change === 'added' ? [] : periodsGovernedBy(join(policiesDir, file), resultsRoot, cwd),
          weights: changes.filter(
            (c) =>
              (c.area === 'scored' || c.area === 'group') && (c.field === 'weight' || c.kind !== 'changed'),
          ),
          ...compareAgents(b?.agents ?? [], a?.agents ?? [], { before: b?.voids, after: a?.voids }),
        })),
      );
    }
    const fromMonths: Array<Promise<FromMonthsImpact>> = [];
    for (const p of changedFiles.size > 0 ? periodsOfMonth(period) : []) {
      const parsed = parseEvaluationPeriod(p);
      if (parsed === null) continue;
      const kind = p.includes('-Q') ? 'quarter' : 'year';
      const scored = (side: Map<string, Loaded>) =>
        inForce(side, parsed.firstDay)?.policy.periods?.[kind] === 'from_months';
      const fromMonthsSides = { before: scored(base), after: scored(work) };
      if (!fromMonthsSides.before && !fromMonthsSides.after) continue;
      const governed = new Map<string, string[]>();
      for (const month of monthsIn(p))
        for (const side of [base, work]) {
          const v = inForce(side, `${month}-01`);
          if (v === null || !changedFiles.has(v.file)) continue;
          const months = governed.get(v.file) ?? [];
          if (!months.includes(month)) months.push(month);
          governed.set(v.file, months);
        }
      if (governed.size === 0) continue;
      const published = manifestOf(resultsRoot, p);
      const data =
        published === null
          ? { dataDir, sourceFile, allowMissing, ...rejectedLimit, ...windows }
          : publishedData(root, published);
      // Every version of the side as it is, with its shared files; the working tree's appeals on both.
      const side = async (versions: Map<string, Loaded>, name: string) => {
        const dir = join(scratch, name, 'policies', id);
        mkdirSync(dir, { recursive: true });
        const from = name.endsWith('before') ? 'base' : 'working tree';
        const shared = sharedFiles[from];
        if (shared.size > 0) mkdirSync(join(scratch, name, 'shared'));
        for (const [file, bytes] of shared) writeFileSync(join(scratch, name, 'shared', file), bytes);
        for (const v of versions.values()) writeFileSync(join(dir, v.file), v.bytes);
        const evaluation = {
          policiesDir: dir,
          ...data,
          period: p,
          ...(appealsRoot === null ? {} : { appealsDir: appealsRoot }),
          ...evaluationOptions,
        };
        return sideResult(await pool.evaluate(evaluation, false));
      };
      fromMonths.push(
        Promise.allSettled([side(base, `${p}-before`), side(work, `${p}-after`)]).then((sides) => {
          const [before, after] = sides.map((s) => {
            if (s.status === 'rejected') throw s.reason;
            return s.value;
          });
          return {
            period: p,
            from_months: fromMonthsSides,
            months_governed_by: [...governed]
              .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
              .map(([file, months]) => ({ file, months: months.sort() })),
            data_dir: data.dataDir,
            published: published !== null,
            ...compareAgents(before?.agents ?? [], after?.agents ?? [], {
              before: before?.voids,
              after: after?.voids,
            }),
          };
        }),
      );
    }
    // Every evaluation settles before the scratch folder goes, even when one of them stops.
    // The periods whose appeal files changed: --period's, else every period folder on either side.
    const appealPeriods =
      appealsRoot === null
        ? []
        : options.period !== undefined
          ? [period]
          : periodFoldersOf(root, appealsRoot, commit);
    const appealsNotEvaluated: AppealFileChanges[] = [];
    const appeals: Array<Promise<AppealsImpact>> = [];
    for (const p of appealPeriods) {
      const files = p === period ? periodAppeals : appealsOf(p);
      const changes = appealChanges(p, files.base, files.work);
      if (changes === null) continue;
      // The report's period is read as its versions are; another, as it was published.
      const published = p === period ? null : manifestOf(resultsRoot, p);
      if (p !== period && published === null) {
        appealsNotEvaluated.push(changes);
        continue;
      }
      const data =
        published === null
          ? { dataDir, sourceFile, allowMissing, ...rejectedLimit, ...windows }
          : publishedData(root, published);
      const side = async (sideFiles: Map<string, Buffer>) => {
        const evaluation = {
          policiesDir,
          ...data,
          period: p,
          appealFiles: appealsAt(p, sideFiles),
          ...evaluationOptions,
        };
        return sideResult(await pool.evaluate(evaluation, false));
      };
      appeals.push(
        // Both sides side by side; the first that stopped is thrown, as when they ran in turn.
        Promise.allSettled([side(files.base), side(files.work)]).then((sides) => {
          const [before, after] = sides.map((s) => {
            if (s.status === 'rejected') throw s.reason;
            return s.value;
          });
          const standing = (status: 'refused' | 'pending') =>
            (after?.agents ?? [])
              .flatMap((a) =>
                (a.appeals ?? [])
                  .filter((x) => x.status === status && x.role === 'appellant')
                  .map((x) => ({ id: x.id, agent_id: a.agent_id })),
              )
              .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
          return {
            ...changes,
            data_dir: data.dataDir,
            refused: standing('refused'),
            pending: standing('pending'),
            ...compareAgents(before?.agents ?? [], after?.agents ?? [], {
              before: before?.voids,
              after: after?.voids,
            }),
          };
        }),
      );
    }
    // Every evaluation settles before the scratch folder goes, even when one of them stops.
    const settled = await Promise.allSettled(versions);
    const settledAppeals = await Promise.allSettled(appeals);
    const settledMonths = await Promise.allSettled(fromMonths);
    const stopped = [...settled, ...settledMonths, ...settledAppeals].find((s) => s.status === 'rejected');
    if (stopped !== undefined) throw stopped.reason;
    const report: ImpactReport = {
      period,
      base: { ref: options.baseRef, commit },
      data_dir: dataDir,
      governed_by:
        manifest === null
          ? null
          : { id: manifest.policy.id, version: manifest.policy.version, file: manifest.policy.file },
      other_policy: manifest !== null && manifest.policy.id !== id,
      versions: settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
      appeals: settledAppeals.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
      appeals_not_evaluated: appealsNotEvaluated,
      from_months: settledMonths.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])),
    };
    return report;
  } finally {
    await pool.close();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The quarter and the year of a month (`2026-10` → `2026-Q4`, `2026`); none for another period. */
function periodsOfMonth(period: string): string[] {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m === null) return [];
  return [`${m[1]}-Q${Math.ceil(Number(m[2]) / 3)}`, `${m[1]}`];
}

/** The months of a quarter or a year, in calendar order (`2026-Q4` → `2026-10`, `2026-11`, `2026-12`). */
function monthsIn(period: string): string[] {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  const year = q === null ? period : (q[1] ?? '');
  const first = q === null ? 1 : (Number(q[2]) - 1) * 3 + 1;
  const count = q === null ? 12 : 3;
  return Array.from({ length: count }, (_, i) => `${year}-${String(first + i).padStart(2, '0')}`);
}

/** The manifest of a published period, or null when the period is not published. */
function manifestOf(resultsRoot: string, period: string): Manifest | null {
  const file = join(resultsRoot, period, 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Manifest) : null;
}

interface Loaded {
  file: string;
  bytes: Buffer;
  policy: Policy;
  from: VersionSide['from'];
}

/** The appeal files a period's folder adds, edits or removes against the base (by file name, bytes compared); null when none. */
function appealChanges(
  period: string,
  base: Map<string, Buffer>,
  work: Map<string, Buffer>,
): AppealFileChanges | null {
  const ids = (names: string[]) => names.map((n) => n.replace(APPEAL_FILE, ''));
  const added = [...work.keys()].filter((n) => !base.has(n));
  const removed = [...base.keys()].filter((n) => !work.has(n));
  const edited = [...work].filter(([n, b]) => {
    const before = base.get(n);
    return before !== undefined && Buffer.compare(before, b) !== 0;
  });
  if (added.length + removed.length + edited.length === 0) return null;
  return { period, added: ids(added), edited: ids(edited.map(([n]) => n)), removed: ids(removed) };
}

/** The folders of the appeals folder named after a period, at the base commit or in the working tree, in name order. */
function periodFoldersOf(root: string, appealsRoot: string, commit: string): string[] {
  const names = new Set<string>();
  try {
    const list = execFileSync(
      'git',
      ['ls-tree', '-d', '--name-only', `${commit}:${gitPath(root, appealsRoot)}`],
      {
        cwd: root,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      },
    );
    for (const name of list.split('\n')) if (name !== '') names.add(name);
  } catch {
    // No appeals folder at the base.
  }
  if (existsSync(appealsRoot))
    for (const entry of readdirSync(appealsRoot, { withFileTypes: true }))
      if (entry.isDirectory()) names.add(entry.name);
  return [...names].filter((n) => parseEvaluationPeriod(n) !== null).sort();
}

const VERSION_FILE = /\.ya?ml$/;
const APPEAL_FILE = /\.yaml$/;
const SHARED_FILE = /\.yaml$/;

/** The version files (top level of the folder) at a commit, by name. */
const MONTH = /^\d{4}-\d{2}$/;

function versionFilesAt(root: string, dir: string, commit: string): Map<string, Buffer> {
  return yamlFilesAt(root, dir, commit, VERSION_FILE);
}

/** The files of a folder (top level) at a commit whose names match, by name. */
function yamlFilesAt(root: string, dir: string, commit: string, pattern: RegExp): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const path = gitPath(root, dir);
  let list: string;
  try {
    list = execFileSync('git', ['ls-tree', '--name-only', `${commit}:${path}`], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch {
    return files;
  }
  for (const name of list.split('\n').filter((n) => pattern.test(n)))
    files.set(
      name,
      execFileSync('git', ['show', `${commit}:${path}/${name}`], { cwd: root, maxBuffer: 64 * 1024 * 1024 }),
    );
  return files;
}

function versionFilesIn(dir: string): Map<string, Buffer> {
  return yamlFilesIn(dir, VERSION_FILE);
}

function yamlFilesIn(dir: string, pattern: RegExp): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  if (!existsSync(dir)) return files;
  for (const name of readdirSync(dir)
    .filter((n) => pattern.test(n))
    .sort())
    files.set(name, readFileSync(join(dir, name)));
  return files;
}

/**
 * The versions of one side. An invalid version of the working tree stops the impact with its
 * problems (kind `input`); an invalid one at the base is left out, as it could govern nothing.
 */
function loadSide(
  files: Map<string, Buffer>,
  from: VersionSide['from'],
  dir: string,
  sharedFiles: Map<string, Buffer>,
): Map<string, Loaded> {
  const loaded = new Map<string, Loaded>();
  const problems: Problem[] = [];
  const shared: SharedSource = {
    dir: join(dir, '..', '..', 'shared'),
    names: () => [...sharedFiles.keys()].map((n) => n.slice(0, -'.yaml'.length)).sort(),
    read: (name) => sharedFiles.get(`${name}.yaml`) ?? null,
  };
  for (const [file, bytes] of files) {
    const result = loadPolicyBytes(join(dir, file), bytes, { shared });
    if (result.policy !== null) loaded.set(file, { file, bytes, policy: result.policy, from });
    else if (from === 'working tree') problems.push(...result.problems.filter((p) => p.severity === 'error'));
  }
  if (problems.length > 0) throw new ScorebookError('input', problems);
  return loaded;
}

/** The version of a side in force on a date: the latest `effective_from` on or before it. */
function inForce(side: Map<string, Loaded>, date: string): Loaded | null {
  let chosen: Loaded | null = null;
  for (const v of side.values())
    if (
      v.policy.effective_from <= date &&
      (chosen === null || v.policy.effective_from > chosen.policy.effective_from)
    )
      chosen = v;
  return chosen;
}

function sideOf(l: Loaded): VersionSide {
  return { version: l.policy.version, file: l.file, effective_from: l.policy.effective_from, from: l.from };
}

/**
 * What moves between two results of one period, agent by agent (matched by id, agents on one
 * side only left out): grades, ranks, totals, adjustments, vetoes, flags, reward totals (the sum of the
 * changes counts a null total as 0) and the score shift per scorecard. `voids`: the vetoes each
 * side's applied appeals voided, so that a veto voided on one side only is said as voided or as
 * no longer voided (`VetoMove.voided`, `unvoided`) rather than as one that stops or starts holding.
 */
export function compareAgents(
  before: readonly AgentResult[],
  after: readonly AgentResult[],
  voids: { before?: readonly VetoVoid[] | undefined; after?: readonly VetoVoid[] | undefined } = {},
): AgentChanges {
  const voidsBefore = voids.before ?? [];
  const voidsAfter = voids.after ?? [];
  const old = new Map(before.map((a) => [a.agent_id, a]));
  const grades: AgentMove[] = [];
  const ranks: AgentMove[] = [];
  const scores: AgentMove[] = [];
  const adjustments: AdjustmentMove[] = [];
  const vetoes: VetoMove[] = [];
  const flags: FlagMove[] = [];
  const rewards: RewardMove[] = [];
  let rewardChange = 0;
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
    if (b.total_score !== a.total_score) scores.push(move(b.total_score, a.total_score));
    for (const id of [...new Set([...Object.keys(b.adjustments), ...Object.keys(a.adjustments)])].sort()) {
      const from = b.adjustments[id] ?? null;
      const to = a.adjustments[id] ?? null;
      if (from !== to) adjustments.push({ agent_id: a.agent_id, name: a.name, adjustment: id, from, to });
    }
    const vetoChange = idsChange(b.vetoes, a.vetoes);
    if (vetoChange !== null) {
      // A veto that still holds and that an appeal voids is said apart from one that stops holding;
      // likewise a veto the base side's appeal voided, listed again: its voiding was lifted.
      const [removed, voided] = splitVoided(vetoChange.removed, voidsAfter, a.agent_id);
      const [added, unvoided] = splitVoided(vetoChange.added, voidsBefore, a.agent_id);
      vetoes.push({ agent_id: a.agent_id, name: a.name, added, removed, voided, unvoided });
    }
    const flagChange = idsChange(b.flags ?? [], a.flags ?? []);
    if (flagChange !== null) flags.push({ agent_id: a.agent_id, name: a.name, ...flagChange });
    const paidBefore = b.reward?.total ?? null;
    const paidAfter = a.reward?.total ?? null;
    if (paidBefore !== paidAfter) {
      rewards.push({
        agent_id: a.agent_id,
        name: a.name,
        grade_before: b.grade,
        grade_after: a.grade,
        from: paidBefore,
        to: paidAfter,
      });
      rewardChange += (paidAfter ?? 0) - (paidBefore ?? 0);
    }
    if (
      b.total_score !== null &&
      a.total_score !== null &&
      a.scorecard !== null &&
      a.scorecard === b.scorecard
    )
      deltas.set(a.scorecard, [...(deltas.get(a.scorecard) ?? []), a.total_score - b.total_score]);
  }
  const shifts = [...deltas.entries()].map(([scorecard, d]) => ({
    scorecard,
    agents: d.length,
    mean: d.reduce((x, y) => x + y, 0) / d.length,
    min: Math.min(...d),
    max: Math.max(...d),
  }));
  return {
    grades,
    ranks,
    scores,
    adjustments,
    vetoes,
    flags,
    rewards,
    reward_change: rewardChange,
    shifts,
  };
}

/**
 * The ids (vetoes, flags) that hold after and not before (added) and before and not after
 * (removed), each in its side's order; null when the two hold the same.
 */
function idsChange(
  before: readonly string[],
  after: readonly string[],
): { added: string[]; removed: string[] } | null {
  const was = new Set(before);
  const is = new Set(after);
  const added = [...is].filter((id) => !was.has(id));
  const removed = [...was].filter((id) => !is.has(id));
  return added.length > 0 || removed.length > 0 ? { added, removed } : null;
}

/** The data a publication was evaluated from, as its manifest records it (paths from the repository root). */
function publishedData(root: string, published: Manifest) {
  return {
    dataDir: resolve(root, published.data_dir),
    sourceFile: published.source ? resolve(root, published.source.file) : null,
    allowMissing: published.allow_missing ?? [],
    ...recordedRejectedLimit(published),
    ...recordedAppealWindows(published),
  };
}

/**
 * Vetoes of an agent that moved, split into those that did not come from an appeal's voiding and
 * those a side's applied appeal voided (`voids`), the latter with the appeal's id.
 */
function splitVoided(
  vetoes: readonly string[],
  voids: readonly VetoVoid[],
  agent: string,
): [string[], Array<{ veto: string; appeal: string }>] {
  const moved: string[] = [];
  const voided: Array<{ veto: string; appeal: string }> = [];
  for (const veto of vetoes) {
    const v = voids.find((x) => x.agent_id === agent && x.veto === veto);
    if (v === undefined) moved.push(veto);
    else voided.push({ veto, appeal: v.appeal });
  }
  return [moved, voided];
}

/** What impact compares of one side's evaluation: its agents and the vetoes its appeals voided. */
function sideResult(evaluation: PooledEvaluation): { agents: AgentResult[]; voids: VetoVoid[] } {
  return { agents: evaluation.results.agents, voids: evaluation.voids };
}
