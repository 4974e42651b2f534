import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, posix, resolve } from 'node:path';
import type { Manifest, RejectedRow } from '@scorebook/contract';
import {
  type BrokenLock,
  type DirectoryLock,
  ENGINE_VERSION,
  type EvaluateOptions,
  type Evaluation,
  evaluate,
  formatLimit,
  lockDirectory,
  lockFileOf,
  type Recovery,
  type RejectedLimit,
  type ResultBytes,
  recoverDirectory,
  replaceDirectory,
  type StagedDirectory,
  sameBytes,
  serializeEvaluation,
  sha256Of,
} from '@scorebook/engine';
import { loadPolicyFile, sharedFolderOf } from '@scorebook/policy';
import { type Problem, ScorebookError } from '@scorebook/problems';
import { archiveInputs, inputFilesOf } from './archive.ts';
import { shellWord } from './command-line.ts';
import { governanceMessage, governanceProblem, governanceStop, problemOf } from './errors.ts';
import { commitState, gitRoot, headCommit, ignoreRule, lastCommitOf } from './git.ts';
import { baseDir, DEFAULT_APPEALS_DIR, periodFolders, recorded, supersededSlots } from './paths.ts';
import { appealWindowsFrom } from './publication-time.ts';
import { type PublishAdvice, publishAdvice } from './publish-advice.ts';
import { aggregatesOfMonth } from './stale-months.ts';

/** Options of {@link publishPeriod}. */
export interface PublishOptions {
  period: string;
  policiesDir: string;
  dataDir: string;
  /** The folder of published periods, `data/results` by convention. */
  resultsRoot: string;
  /**
   * Replace a published period, keeping the earlier publication and the reason. The appeals
   * whose files are new or changed since the earlier publication are added to the reason; the
   * reason may then be empty (`docs/appeals.md`, governance).
   */
  supersede?: { reason: string };
  /** The folder of appeals (`configs/appeals`); the period's are `<appealsDir>/<period>/*.yaml`. */
  appealsDir?: string;
  /**
   * Files that must be committed as they are, besides the policy version file the evaluation
   * used (which always must be): the data source file, when there is one.
   */
  committedFiles?: string[];
  /** A folder where the input files are kept by sha256 (outside git), for verify to use later. */
  archive?: string;
  /** The source to read the data through; by default `<dataDir>/source.yaml` when there is one. */
  sourceFile?: string | null;
  /** Tables the policy's metrics need that may be absent (`--allow-missing`). */
  allowMissing?: readonly string[];
  /**
   * The rejected rows a table may have (`--max-rejected`); the engine's default (1%) when not
   * given. Recorded in the manifest (`max_rejected`) and its command, so that verify and impact
   * re-evaluate with the same limit.
   */
  maxRejected?: RejectedLimit;
  /**
   * Publishes a period in which no agent is rated (`--allow-none-rated`); without it such a
   * period is refused (NOBODY_RATED), since closing it would close a month without grades.
   */
  allowNoneRated?: boolean;
  /**
   * Publishes a period that has not ended yet (`--allow-open-period`); without it a period whose
   * end is after `now` is refused (PERIOD_NOT_ENDED): its data is not complete.
   */
  allowOpenPeriod?: boolean;
  /**
   * Publishes a period whose conversations or messages rows cover only part of it
   * (`--allow-partial-data`; the evaluation's `partlyCovered`, said by its PERIOD_PARTLY_COVERED warnings),
   * or whose files are cut off inside their last line (the evaluation's `cutOff`, said by its
   * FILE_CUT_OFF warnings); without it such a period is refused (PERIOD_PARTLY_COVERED_REFUSED,
   * FILE_CUT_OFF_REFUSED, both when both apply): exports that stop early, or files missing.
   */
  allowPartialData?: boolean;
  /**
   * Breaks the period's lock when a process that no longer runs left it (`--break-stale-lock`;
   * `lockDirectory`'s `breakStale`); without it such a lock stops the publish (OUTPUT_LOCK_STALE).
   * A lock broken is in {@link Publication.brokenLock} and the manifest's command.
   */
  breakStaleLock?: boolean;
  /** The instant the publication is made (`published_at`); the clock's by default. */
  now?: Date;
  /** Where relative paths are taken from; the process's working directory by default. */
  cwd?: string;
  onProgress?: EvaluateOptions['onProgress'];
  /**
   * Told, once the lock is taken and before anything can refuse the publish, the stale lock it
   * broke (or null) and what it tidied up of an interrupted publish: what was done is said even
   * when the publish is then refused (trial 16 finding 5). The same as the publication's
   * `brokenLock` and `recovered`.
   */
  onTidied?: (tidied: { brokenLock: BrokenLock | null; recovered: Recovery }) => void;
}

/** What a publication wrote. */
export interface Publication {
  dir: string;
  manifest: Manifest;
  evaluation: Evaluation;
  /** Where the earlier publication went, when this one superseded it. */
  superseded: string | null;
  /** What an earlier, interrupted publish of this period had left, and what was done with it. */
  recovered: Recovery;
  /** The stale lock broken to publish (`breakStaleLock`), or null. */
  brokenLock: BrokenLock | null;
  /** Whether git keeps the new folder and the data folder (what to commit, or to archive). */
  advice: PublishAdvice;
  /**
   * Warnings about what the publication leaves as it was: APPEALS_NO_LONGER_APPLIED (a supersede
   * applies fewer appeals than the publication it replaced), AGGREGATE_AVERAGES_OLD_MONTH (a
   * published quarter or year averages another results.json of this month).
   */
  notices: Problem[];
}

/**
 * Evaluates a period and publishes it into `<resultsRoot>/<period>/`: results, explanations,
 * rejected rows and a manifest of where they came from, as one transaction. Under the period's
 * lock (`<resultsRoot>/.<period>.lock`; a second publish stops with kind `busy`) it tidies up
 * after an interrupted publish, refuses (kind `refused`) a closed period without a supersede
 * reason, a period folder that is not a publication, and a policy file (or any of
 * `committedFiles`) that is not committed as it is; then writes the new period folder — with the
 * earlier publication copied into `superseded/<n>/`, n = the highest slot + 1 — beside the old one
 * and swaps it in (`replaceDirectory`): a crash leaves the old publication or the new, whole.
 */
export async function publishPeriod(options: PublishOptions): Promise<Publication> {
  const cwd = options.cwd ?? process.cwd();
  const base = baseDir(cwd);
  const resultsRoot = resolve(cwd, options.resultsRoot);
  const dir = join(resultsRoot, options.period);
  const given = options.supersede?.reason.trim();
  const lock = takeLock(dir, options.period, options.breakStaleLock === true);
  try {
    const recovered = recoverDirectory(dir);
    options.onTidied?.({ brokenLock: lock.broken, recovered });
    const closed = existsSync(dir);
    if (closed && !existsSync(join(dir, 'manifest.json')))
      throw governanceStop('refused', 'NOT_A_PUBLICATION', dir, { dir });
    // A period of this results folder belongs to one policy: another team's publish of the same
    // month goes to its own results folder, never over this one. A policy's id is its folder's
    // name (POLICY_ID_NOT_FOLDER), so a policy folder moved elsewhere is still the same policy.
    const published = closed ? publishedPolicy(dir) : null;
    const policyFolder = recorded(base, resolve(cwd, options.policiesDir));
    const policyId = posix.basename(policyFolder);
    if (published !== null && published.id !== policyId)
      throw governanceStop('refused', 'PERIOD_OF_ANOTHER_POLICY', dir, {
        period: options.period,
        dir,
        publishedId: published.id,
        published: published.folder,
        givenId: policyId,
        given: policyFolder,
        // Beside a results folder named after the policy that published it (one folder per
        // team), else inside the one given.
        suggestion: recorded(
          base,
          basename(resultsRoot) === published.id
            ? join(dirname(resultsRoot), policyId)
            : join(resultsRoot, policyId),
        ),
      });
    if (closed && given === undefined)
      throw governanceStop('refused', 'PERIOD_CLOSED', dir, { period: options.period, dir });
    if (!closed && given !== undefined)
      throw governanceStop('refused', 'NOTHING_TO_SUPERSEDE', null, { period: options.period });

    const dataDir = resolve(cwd, options.dataDir);
    const allowMissing = [...new Set(options.allowMissing ?? [])].sort();
    const now = options.now ?? new Date();
    const publishedAt = now.toISOString();
    // Appeal windows count from the period's first publication: this one, unless it supersedes.
    const windows = appealWindowsFrom(resultsRoot, options.period, closed ? null : publishedAt);
    const evaluation = await evaluate({
      publishedAt: windows,
      policiesDir: resolve(cwd, options.policiesDir),
      dataDir,
      sourceFile: options.sourceFile ? resolve(cwd, options.sourceFile) : null,
      allowMissing,
      ...(options.maxRejected === undefined ? {} : { maxRejected: options.maxRejected }),
      period: options.period,
      appealsDir: options.appealsDir === undefined ? null : resolve(cwd, options.appealsDir),
      // History facts read the earlier periods published beside this one (docs/history.md).
      history: { resultsDir: resultsRoot },
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    const appealFiles = (evaluation.results.appeals ?? []).map((a) =>
      join(resolve(cwd, options.appealsDir ?? '.'), ...a.file.split('/')),
    );
    // A period not ended holds part of its data: closing it would need a supersede to complete.
    const { end } = evaluation.results.period;
    if (Date.parse(end) > now.getTime() && options.allowOpenPeriod !== true)
      throw governanceStop('refused', 'PERIOD_NOT_ENDED', null, {
        period: options.period,
        end,
        now: publishedAt,
      });
    // Rows that stop days before the period's end (or start days after it) are an export run too
    // early or files left out, and a file cut off inside its last line lost the rows after it:
    // closing the period on them would need a supersede to complete it. One flag allows both,
    // so both are said at once (the cut files first: they may be why the rows stop early).
    const partial = evaluation.partlyCovered;
    const cut = evaluation.cutOff;
    if ((partial.length > 0 || cut.length > 0) && options.allowPartialData !== true)
      throw new ScorebookError('refused', [
        ...(cut.length === 0
          ? []
          : [
              governanceProblem('FILE_CUT_OFF_REFUSED', null, {
                period: options.period,
                files: cut.map(({ table, file, line }) => ({ table, file, line })),
              }),
            ]),
        ...(partial.length === 0
          ? []
          : [
              governanceProblem('PERIOD_PARTLY_COVERED_REFUSED', null, {
                period: options.period,
                tables: partial.map((c) => c.table).join(', '),
                details: evaluation.warnings
                  .filter((w) => w.code === 'PERIOD_PARTLY_COVERED')
                  .map((w) => w.message),
              }),
            ]),
      ]);
    // A month with agents and no one rated is nearly always a gap in the data (roles no scorecard
    // names, an eligibility no one meets): closing it would need a supersede to undo.
    const { agents, rated } = evaluation.results.summary;
    if (agents > 0 && rated === 0 && options.allowNoneRated !== true)
      throw new ScorebookError('refused', [
        governanceProblem('NOBODY_RATED', null, { period: options.period, agents }),
        ...evaluation.warnings,
      ]);
    const reason = given === undefined ? undefined : supersedeReason(given, evaluation, dir);
    if (reason === '') throw governanceStop('refused', 'REASON_REQUIRED', null);
    const files = serializeEvaluation(evaluation);
    if (closed && unchanged(dir, files))
      throw governanceStop('refused', 'SUPERSEDE_UNCHANGED', dir, {
        period: options.period,
        dir,
        files: [...files.keys()].join(', '),
      });
    const policyFile = evaluation.policy.file;
    const sourceFile = evaluation.source.file;
    // A period scored from its months also used the versions in force for its months.
    const monthVersions = (evaluation.results.months ?? []).flatMap((m) =>
      m.policy === null ? [] : [join(dirname(policyFile), m.policy.file)],
    );
    // The shared files of the version in force and of the versions its months used.
    const sharedFiles = [
      ...new Set(
        [evaluation.policy.shared ?? [], ...monthVersions.map((f) => loadPolicyFile(f).policy?.shared ?? [])]
          .flat()
          .map((u) => join(sharedFolderOf(policyFile), u.file)),
      ),
    ];
    requireCommitted(
      [
        policyFile,
        ...monthVersions,
        ...sharedFiles,
        ...(sourceFile === null ? [] : [sourceFile]),
        ...appealFiles,
        ...(options.committedFiles ?? []).map((f) => resolve(cwd, f)),
      ],
      base,
    );
    refuseUnmapped(evaluation.rejected, sourceFile);
    if (options.archive !== undefined)
      archiveInputs(resolve(cwd, options.archive), dataDir, inputFilesOf(evaluation.results));

    // Only the windows this evaluation could use: the period's own and its months' (scored from
    // them, or whose appeals it applied).
    const counted = new Set([
      options.period,
      ...(evaluation.results.months ?? []).map((m) => m.period),
      ...(evaluation.results.appeals ?? []).map((a) => a.file.slice(0, a.file.indexOf('/'))),
    ]);
    const usedWindows = Object.fromEntries(Object.entries(windows).filter(([p]) => counted.has(p)));
    // A closed period is only published again with a reason (checked above).
    const slot = closed && reason !== undefined ? String(Math.max(0, ...supersededSlots(dir)) + 1) : null;
    const manifest: Manifest = {
      scorebook: 1,
      period: evaluation.results.period.id,
      status: 'closed',
      published_at_commit: headCommit(base),
      policy: {
        id: evaluation.policy.id,
        version: evaluation.policy.version,
        file: recorded(base, policyFile),
        sha256: evaluation.policy.sha256,
        git_commit: lastCommitOf(policyFile),
      },
      data_dir: recorded(base, dataDir),
      inputs: Object.fromEntries(Object.entries(evaluation.results.inputs).map(([t, i]) => [t, i.sha256])),
      engine: { version: ENGINE_VERSION },
      files: Object.fromEntries([...files].map(([name, bytes]) => [name, sha256Of(bytes)])),
      command: publishCommand(base, cwd, {
        ...options,
        allowMissing,
        ...(reason === undefined ? {} : { supersede: { reason } }),
        // Recorded when it broke a lock (the manifest says so), not when it found none to break.
        breakStaleLock: lock.broken !== null,
        // Kept when files were read, or when the folder is not the default one, so the command re-runs as given.
        appealsDir:
          appealFiles.length > 0 ||
          (options.appealsDir !== undefined &&
            recorded(base, resolve(cwd, options.appealsDir)) !== DEFAULT_APPEALS_DIR)
            ? options.appealsDir
            : undefined,
      }),
      supersedes:
        slot === null || reason === undefined ? null : { publication: `superseded/${slot}`, reason },
      source:
        sourceFile === null || evaluation.source.sha256 === null
          ? null
          : {
              file: recorded(base, sourceFile),
              sha256: evaluation.source.sha256,
              git_commit: lastCommitOf(sourceFile),
            },
      allow_missing: allowMissing,
      ...(options.maxRejected === undefined ? {} : { max_rejected: formatLimit(options.maxRejected) }),
      published_at: publishedAt,
      ...(Object.keys(usedWindows).length === 0 ? {} : { appeals_window_from: usedWindows }),
      ...(appealFiles.length === 0
        ? {}
        : {
            appeals: appealFiles.map((file, i) => ({
              file: recorded(base, file),
              sha256: evaluation.results.appeals?.[i]?.sha256 ?? '',
              git_commit: lastCommitOf(file),
            })),
          }),
    };
    const dropped = closed ? droppedAppeals(dir, evaluation) : [];
    replaceDirectory(dir, (staged) => {
      if (slot !== null) keepEarlier(dir, slot, staged);
      for (const [name, bytes] of files) staged.write(name, bytes);
      staged.write('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
    });
    return {
      dir,
      manifest,
      evaluation,
      superseded: slot === null ? null : join(dir, 'superseded', slot),
      recovered,
      brokenLock: lock.broken,
      advice: publishAdvice(dir, dataDir, options.archive !== undefined),
      notices: [
        ...(dropped.length === 0
          ? []
          : [
              problemOf(
                'APPEALS_NO_LONGER_APPLIED',
                'warning',
                dir,
                governanceMessage('APPEALS_NO_LONGER_APPLIED', {
                  period: options.period,
                  appeals: dropped.join(', '),
                  dir: options.appealsDir ?? '—',
                }),
              ),
            ]),
        ...aggregatesOfMonth(resultsRoot, options.period).map((s) =>
          problemOf(
            'AGGREGATE_AVERAGES_OLD_MONTH',
            'warning',
            join(resultsRoot, s.period),
            governanceMessage('AGGREGATE_AVERAGES_OLD_MONTH', s),
          ),
        ),
      ],
    };
  } finally {
    lock.release();
  }
}

/**
 * Refuses (kind `refused`, `PUBLISH_UNMAPPED_VALUES`) a period whose rows were rejected because a
 * value is not in source.yaml's map: a gap in the source, which drops a whole kind of value (every
 * red line, every one-star survey) rather than noise. One problem per table and field, with the
 * count and the first rejected row. Mapping the value (to `null` for one to read as missing)
 * lets the period be published.
 */
function refuseUnmapped(rejected: readonly RejectedRow[], sourceFile: string | null): void {
  const groups = new Map<string, RejectedRow[]>();
  for (const r of rejected) {
    if (r.code !== 'UNMAPPED_VALUE') continue;
    const key = `${r.table}.${r.field ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const problems = [...groups].map(([field, rows]) => {
    const first = rows[0];
    return governanceProblem('PUBLISH_UNMAPPED_VALUES', sourceFile, {
      field,
      rows: rows.length,
      first: first === undefined ? '' : `${first.file}:${first.line} ${first.message.en}`,
      firstZh: first === undefined ? '' : `${first.file}:${first.line} ${first.message.zh}`,
    });
  });
  if (problems.length > 0) throw new ScorebookError('refused', problems);
}

/**
 * Refuses (kind `refused`) when any file is outside git, in another repository than the one
 * publish runs in (`base`'s), never committed, or differs from HEAD,
 * with every such file named and the command that commits it (`git add -f` and the rule, for a
 * file that git ignores). `base` is where the names shown
 * are relative to.
 */
export function requireCommitted(files: readonly string[], base: string): void {
  const problems: Problem[] = [];
  // The repository publish runs in: its commits are the ones a manifest records and verify looks up.
  const home = gitRoot(base);
  for (const file of files) {
    const shown = recorded(base, file);
    const state = commitState(file);
    const root = state === 'outside' ? null : gitRoot(dirname(resolve(file)));
    if (state === 'outside') problems.push(governanceProblem('NOT_IN_GIT', file, { file: shown }));
    else if (root !== null && root !== home)
      problems.push(
        governanceProblem('FILE_IN_OTHER_REPOSITORY', file, {
          file: shown,
          root,
          home: home ?? resolve(base),
        }),
      );
    else if (state === 'uncommitted')
      problems.push(
        governanceProblem('FILE_NOT_COMMITTED', file, { file: shown, ignoredBy: ignoreRule(file) }),
      );
    else if (state === 'changed') problems.push(governanceProblem('FILE_HAS_CHANGES', file, { file: shown }));
  }
  if (problems.length > 0) throw new ScorebookError('refused', problems);
}

/** The published periods under a results root (folders with a manifest), oldest first. */
export function publishedPeriods(resultsRoot: string): string[] {
  return periodFolders(resultsRoot).filter((name) => existsSync(join(resultsRoot, name, 'manifest.json')));
}

/**
 * The command a manifest records: `npx scorebook publish` with the period, the folders relative
 * to the base, and the supersede reason and archive when given; words quoted for a POSIX shell.
 */
export function publishCommand(
  base: string,
  cwd: string,
  options: Pick<
    PublishOptions,
    | 'period'
    | 'policiesDir'
    | 'dataDir'
    | 'resultsRoot'
    | 'supersede'
    | 'archive'
    | 'sourceFile'
    | 'allowMissing'
    | 'maxRejected'
    | 'appealsDir'
    | 'allowNoneRated'
    | 'allowOpenPeriod'
    | 'allowPartialData'
    | 'breakStaleLock'
  >,
): string {
  const words = [
    ['--period', options.period],
    ['--policies', recorded(base, resolve(cwd, options.policiesDir))],
    ['--data', recorded(base, resolve(cwd, options.dataDir))],
    ['--results', recorded(base, resolve(cwd, options.resultsRoot))],
  ];
  if (options.supersede) words.push(['--supersede'], ['--reason', options.supersede.reason.trim()]);
  if (options.archive !== undefined) words.push(['--archive', recorded(base, resolve(cwd, options.archive))]);
  if (options.sourceFile) words.push(['--source', recorded(base, resolve(cwd, options.sourceFile))]);
  if (options.appealsDir !== undefined)
    words.push(['--appeals', recorded(base, resolve(cwd, options.appealsDir))]);
  if (options.allowMissing && options.allowMissing.length > 0)
    words.push(['--allow-missing', [...new Set(options.allowMissing)].sort().join(',')]);
  if (options.maxRejected !== undefined) words.push(['--max-rejected', formatLimit(options.maxRejected)]);
  if (options.allowNoneRated === true) words.push(['--allow-none-rated']);
  if (options.allowOpenPeriod === true) words.push(['--allow-open-period']);
  if (options.allowPartialData === true) words.push(['--allow-partial-data']);
  if (options.breakStaleLock === true) words.push(['--break-stale-lock']);
  return ['npx scorebook publish', ...words.map((w) => w.map(shellWord).join(' '))].join(' ');
}

/**
 * The period's lock (`lockDirectory`; a stale one broken with `breakStale`). When the lock it met
 * is gone by the time its holder is read — the publish holding it had just ended, and the message
 * would call it empty — it tries once more; a lock gone again stops with `PUBLISH_LOCK_VANISHED`
 * (kind `busy`).
 */
function takeLock(dir: string, period: string, breakStale: boolean): DirectoryLock {
  const file = lockFileOf(dir);
  for (let attempt = 1; ; attempt++) {
    try {
      return lockDirectory(dir, { breakStale });
    } catch (error) {
      if (!(error instanceof ScorebookError) || error.kind !== 'busy' || existsSync(file)) throw error;
      if (attempt === 2) throw governanceStop('busy', 'PUBLISH_LOCK_VANISHED', file, { period, lock: file });
    }
  }
}

/**
 * The reason a supersede records: the given reason, followed by the appeals whose files are new
 * or changed since the publication it replaces (`appeals: ap-1, ap-2`), or just those when no
 * reason was given. Empty when neither.
 */
export function supersedeReason(given: string, evaluation: Evaluation, dir: string): string {
  const earlier = new Map<string, string>();
  try {
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    for (const a of manifest.appeals ?? []) earlier.set(posix.basename(a.file), a.sha256);
  } catch {
    // A manifest that cannot be read records no appeals; publish refuses it before here.
  }
  const changed = (evaluation.results.appeals ?? [])
    .filter((a) => earlier.get(posix.basename(a.file)) !== a.sha256)
    .map((a) => posix.basename(a.file, '.yaml'));
  if (changed.length === 0) return given;
  const list = `appeals: ${changed.join(', ')}`;
  return given === '' ? list : `${given} (${list})`;
}

/** The policy the publication in `dir` was made from (its manifest's `policy.id`, and its file's folder), null when unreadable. */
function publishedPolicy(dir: string): { id: string; folder: string } | null {
  try {
    const { policy } = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
    return typeof policy?.id === 'string' && typeof policy.file === 'string'
      ? { id: policy.id, folder: posix.dirname(policy.file) }
      : null;
  } catch {
    return null;
  }
}

/**
 * The appeals (`<period>/<file>` without `.yaml`) the publication in force in `dir` read — its
 * manifest's `appeals` — whose files the new evaluation did not read.
 */
function droppedAppeals(dir: string, evaluation: Evaluation): string[] {
  let earlier: Manifest['appeals'];
  try {
    earlier = (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest).appeals;
  } catch {
    return [];
  }
  const named = (file: string) =>
    file
      .split('/')
      .slice(-2)
      .join('/')
      .replace(/\.yaml$/, '');
  const now = new Set((evaluation.results.appeals ?? []).map((a) => named(a.file)));
  return (earlier ?? []).map((a) => named(a.file)).filter((a) => !now.has(a));
}

/** True when every recomputed result file has the bytes of the publication in force in `dir`. */
function unchanged(dir: string, files: ReadonlyMap<string, ResultBytes>): boolean {
  return [...files].every(([name, bytes]) => {
    const file = join(dir, name);
    return existsSync(file) && sameBytes(bytes, readFileSync(file));
  });
}

/** Copies the publication in `dir` into the staged folder: its history as is, itself into the new slot. */
function keepEarlier(dir: string, slot: string, staged: StagedDirectory): void {
  for (const entry of readdirSync(dir)) {
    const from = join(dir, entry);
    if (entry === 'superseded') copyTree(from, 'superseded', staged);
    else if (statSync(from).isDirectory()) copyTree(from, `superseded/${slot}/${entry}`, staged);
    else staged.copy(from, `superseded/${slot}/${entry}`);
  }
}

function copyTree(from: string, path: string, staged: StagedDirectory): void {
  for (const entry of readdirSync(from).sort()) {
    const source = join(from, entry);
    if (statSync(source).isDirectory()) copyTree(source, `${path}/${entry}`, staged);
    else staged.copy(source, `${path}/${entry}`);
  }
}
