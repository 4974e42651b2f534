import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, posix, resolve } from 'node:path';
import type { AppealBytes } from '@scorebook/appeals';
import { type Manifest, type Results, shellWords } from '@scorebook/contract';
import {
  ENGINE_VERSION,
  leftoversOf,
  lockStateOf,
  type MeasureEngine,
  RESULT_FILES,
  type ResultBytes,
  sameBytes,
  withEngineVersion,
} from '@scorebook/engine';
import { loadPolicyBytes, type SharedSource, sharedFolderOf } from '@scorebook/policy';
import { type Problem, ScorebookError } from '@scorebook/problems';
import { archiveHolds, type InputFile, inputFilesOf, restoreInputs } from './archive.ts';
import { governanceMessage, governanceProblem, problemOf } from './errors.ts';
import { EvaluatePool, engineOf, oneThreadEach, type PooledOptions } from './evaluate-pool.ts';
import { fileAt, gitRoot, hasCommit, sha256, uncommittedUnder } from './git.ts';
import { checkManifest, recordedAppealWindows, recordedRejectedLimit } from './manifest.ts';
import {
  baseDir,
  DEFAULT_APPEALS_DIR,
  interruptedPeriods,
  lockedPeriods,
  periodFolders,
  recorded,
  supersededSlots,
} from './paths.ts';
import { staleMonthsOf } from './stale-months.ts';

/**
 * How a publication stands, checked in this order (the first that fails is its status):
 * `manifest_invalid` (unreadable, wrong shape, inconsistent with the results, the command or the
 * supersede history), `files_changed` (a published file's sha256 is not the manifest's),
 * `policy_unverified` (the recorded commit does not hold the recorded policy bytes, or is not in
 * this clone), `input_missing` (the data folder is gone and no archive holds the inputs),
 * `input_changed` (an input file changed, vanished or appeared since publication),
 * `recompute_failed`, `differs` (same inputs, different results), `month_superseded` (a quarter
 * or year scored from its months verifies, but a month it averaged was superseded since: its
 * recorded `results_sha256` is not the month's `results.json` in force), `ok` (byte for byte);
 * `interrupted` when a publish stopped between its renames and the period waits in its aside folder.
 */
export type VerifyStatus =
  | 'ok'
  | 'differs'
  | 'input_changed'
  | 'input_missing'
  | 'policy_unverified'
  | 'files_changed'
  | 'manifest_invalid'
  | 'recompute_failed'
  | 'interrupted'
  | 'engine_changed'
  | 'month_superseded';

/** One publication checked by `verify --all`. */
export interface VerifyRow {
  period: string;
  /** `superseded/<n>` for an earlier publication, null for the one in force. */
  publication: string | null;
  status: VerifyStatus;
  /** What was found, with codes and messages (warnings say what a change does, not what is wrong). */
  problems: Problem[];
  /** True when the inputs were read from the archive because the data folder changed. */
  fromArchive: boolean;
}

/** Options of {@link verifyPublished}. */
export interface VerifyOptions {
  /** The content-addressed input archive; `<base>/.scorebook/archive` when it exists. */
  archive?: string;
  cwd?: string;
  /** Recomputations run at once, each on a thread of its own; by default the machine's cores. */
  threads?: number;
  /** The engine that measures each recomputation (`verify --all --engine`); the TypeScript one when omitted. */
  engine?: MeasureEngine;
}

/**
 * Re-verifies every publication under a results root — each period's and every earlier one in
 * its `superseded/` — against what its manifest records: the manifest's shape and its agreement
 * with the published files (their sha256), the results (period, policy, inputs, engine), the
 * command and the supersede history; the policy bytes at the recorded git commit; the input files
 * (per file, from results.json); then recomputes with the policy from git and compares byte for
 * byte. When the data folder changed and the archive holds every recorded input, the
 * recomputation uses the archived bytes. Never stops at a broken period: each gets its row.
 * Publications are verified side by side, `threads` recomputations at a time (`docs/scale.md`);
 * the rows come in period order, as each would alone.
 */
export async function verifyPublished(
  resultsRoot: string,
  options: VerifyOptions = {},
): Promise<VerifyRow[]> {
  const cwd = options.cwd ?? process.cwd();
  const base = baseDir(cwd);
  const root = resolve(cwd, resultsRoot);
  const archive = options.archive
    ? resolve(cwd, options.archive)
    : existsSync(join(base, '.scorebook/archive'))
      ? join(base, '.scorebook/archive')
      : null;
  const pool = new EvaluatePool(options.threads);
  const context: Context = {
    base,
    root,
    archive,
    pool,
    evaluationOptions: { ...engineOf(options), ...oneThreadEach(options) },
  };
  const rows: Array<VerifyRow | Promise<VerifyRow>> = [];
  const interrupted = interruptedPeriods(root);
  const folders = periodFolders(root);
  for (const period of [...new Set([...folders, ...interrupted.keys(), ...lockedPeriods(root)])].sort()) {
    const dir = join(root, period);
    const aside = interrupted.get(period);
    // Published: the period's folder, or the publication an interrupted swap set aside.
    const published = folders.includes(period) || aside !== undefined;
    const lock = lockProblem(dir, published);
    // A first publish still running has nothing to verify yet; one that was killed left its lock.
    if (aside === undefined && !folders.includes(period) && lock?.code !== 'PUBLISH_LOCK_STALE') continue;
    if (aside !== undefined || !folders.includes(period)) {
      // A first publish killed before its swap: nothing is published, and its staging folder is said.
      const problems =
        aside === undefined
          ? leftoverProblems(dir, false)
          : [governanceProblem('PUBLISH_INTERRUPTED', aside, { period, aside, target: dir })];
      rows.push({
        period,
        publication: null,
        status: 'interrupted',
        problems: lock === null ? problems : [...problems, lock],
        fromArchive: false,
      });
      continue;
    }
    const chain = chainProblems(dir);
    for (const slot of supersededSlots(dir))
      rows.push(safely(period, `superseded/${slot}`, join(dir, 'superseded', String(slot)), context, chain));
    const current = safely(period, null, dir, context, chain);
    // Leftovers and uncommitted files are said of a publication that verifies byte for byte (any
    // other row already says what is wrong with it or what was not recomputed).
    rows.push(
      current.then((row) => {
        const verified = row.status === 'ok';
        const notes = [
          ...(lock === null ? [] : [lock]),
          ...(verified ? [...leftoverProblems(dir, true), ...uncommittedProblems(dir)] : []),
        ];
        const stale = verified ? monthProblems(root, period, dir) : [];
        if (stale.length > 0) return { ...row, status: 'month_superseded', problems: [...stale, ...notes] };
        return notes.length === 0 ? row : { ...row, problems: [...row.problems, ...notes] };
      }),
    );
  }
  try {
    return await Promise.all(rows);
  } finally {
    await pool.close();
  }
}

/**
 * A warning for the lock beside a period's folder: a publish in progress, or one that was killed
 * and left its lock (the next publish of the period stops on it until it is removed).
 */
function lockProblem(dir: string, published: boolean): Problem | null {
  const lock = lockStateOf(dir);
  // A lock gone once read (its holder unread, so called empty) was a publish that has just ended.
  if (lock === null || !existsSync(lock.file)) return null;
  const period = basename(dir);
  return problemOf(
    lock.stale ? 'PUBLISH_LOCK_STALE' : 'PUBLISH_IN_PROGRESS',
    'warning',
    lock.file,
    governanceMessage(lock.stale ? 'PUBLISH_LOCK_STALE' : 'PUBLISH_IN_PROGRESS', {
      period,
      holder: lock.holder,
      lock: lock.file,
      published,
    }),
  );
}

/** An error for each month a published quarter or year averaged that was superseded since. */
function monthProblems(root: string, period: string, dir: string): Problem[] {
  const file = join(dir, 'results.json');
  const results = JSON.parse(readFileSync(file, 'utf8')) as Results;
  return staleMonthsOf(root, period, results).map((s) => governanceProblem('MONTH_SUPERSEDED', file, s));
}

/** A warning for each staging folder an interrupted publish left beside a period's folder. */
function leftoverProblems(dir: string, published: boolean): Problem[] {
  return leftoversOf(dir)
    .filter((l) => l.kind === 'staging')
    .map((l) =>
      problemOf(
        'PUBLISH_LEFTOVER',
        'warning',
        l.path,
        governanceMessage('PUBLISH_LEFTOVER', { period: basename(dir), path: l.path, published }),
      ),
    );
}

/**
 * A warning when the publication folder has changes git has not committed: it verifies here, but
 * a fresh clone has the committed one (or none).
 */
function uncommittedProblems(dir: string): Problem[] {
  const found = uncommittedUnder(dir);
  if (found === null || found.files.length === 0) return [];
  const { files } = found;
  const shown = files.slice(0, 3).join(', ') + (files.length > 3 ? ', …' : '');
  return [
    problemOf(
      'PUBLICATION_NOT_COMMITTED',
      'warning',
      dir,
      governanceMessage('PUBLICATION_NOT_COMMITTED', {
        period: basename(dir),
        count: files.length,
        files: shown,
        dir: found.path,
      }),
    ),
  ];
}

/** Whether a row fails `verify --all`: any status but ok, except inputs that changed under an earlier (superseded) publication. */
export function isFailure(row: VerifyRow): boolean {
  if (row.status === 'ok' || row.status === 'engine_changed') return false;
  return !(row.publication !== null && (row.status === 'input_changed' || row.status === 'input_missing'));
}

interface Context {
  base: string;
  root: string;
  archive: string | null;
  pool: EvaluatePool;
  /** The options of every recomputation: its engine (none: the TypeScript one), its threads when capped. */
  evaluationOptions: Pick<PooledOptions, 'engine' | 'parallel' | 'sqlThreads'>;
}

async function safely(
  period: string,
  publication: string | null,
  dir: string,
  context: Context,
  chain: Map<string | null, Problem[]>,
): Promise<VerifyRow> {
  const row = (status: VerifyStatus, problems: Problem[], fromArchive = false): VerifyRow => ({
    period,
    publication,
    status,
    problems,
    fromArchive,
  });
  try {
    return await verifyOne(period, dir, context, chain.get(publication) ?? [], row, publication !== null);
  } catch (error) {
    const problems =
      error instanceof ScorebookError
        ? error.problems
        : [
            governanceProblem('RECOMPUTE_FAILED', dir, {
              codes: (error as Error).message.split('\n')[0] ?? String(error),
            }),
          ];
    return row('recompute_failed', problems);
  }
}

async function verifyOne(
  period: string,
  dir: string,
  { base, root, archive, pool, evaluationOptions }: Context,
  chain: Problem[],
  row: (status: VerifyStatus, problems: Problem[], fromArchive?: boolean) => VerifyRow,
  /** An earlier publication of the period (under `superseded/`), not the one in force. */
  superseded: boolean,
): Promise<VerifyRow> {
  const manifestFile = join(dir, 'manifest.json');
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    return row('manifest_invalid', [governanceProblem('MANIFEST_UNREADABLE', manifestFile, { reason })]);
  }
  const { manifest, problems: shape } = checkManifest(parsed, manifestFile);
  if (manifest === null) return row('manifest_invalid', shape);

  const changed = publishedFileProblems(dir, manifest);
  if (changed.length > 0) return row('files_changed', changed);

  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;
  // A results folder copied or moved elsewhere is verified where it is, and said so.
  const elsewhere = resultsElsewhere(manifestFile, manifest, base, root);
  // Published before the period ended: an error when the command lacks the flag, else a warning on every row.
  const early = publishedBeforeEnd(manifestFile, manifest, results);
  const noted = (status: VerifyStatus, problems: Problem[], fromArchive?: boolean) =>
    row(status, [...problems, ...elsewhere, ...early.filter((p) => p.severity === 'warning')], fromArchive);
  const inconsistent = [
    ...consistencyProblems(manifestFile, manifest, results, period),
    ...commandProblems(manifestFile, manifest),
    ...early.filter((p) => p.severity === 'error'),
    ...chain,
  ];
  if (inconsistent.length > 0) return noted('manifest_invalid', inconsistent);

  const policy = policyAtCommit(base, manifest);
  if ('problem' in policy) return noted('policy_unverified', [policy.problem]);

  const recordedInputs = inputFilesOf(results);
  const dataDir = resolve(base, manifest.data_dir);
  const inputProblems = inputFileProblems(dataDir, recordedInputs);
  const scratch = mkdtempSync(join(tmpdir(), 'scorebook-verify-'));
  try {
    const policiesDir = join(scratch, 'policy', manifest.policy.id);
    mkdirSync(policiesDir, { recursive: true });
    writeFileSync(join(policiesDir, posix.basename(manifest.policy.file)), policy.bytes);
    const months = monthVersionsAt(base, manifest, results);
    if ('problem' in months) return noted('policy_unverified', [months.problem]);
    for (const [name, bytes] of months.files) writeFileSync(join(policiesDir, name), bytes);
    const shared = sharedFilesAt(base, manifest, dir, months.files);
    if ('problem' in shared) return noted('policy_unverified', [shared.problem]);
    const sharedDir = sharedFolderOf(join(policiesDir, posix.basename(manifest.policy.file)));
    if (shared.files.size > 0) mkdirSync(sharedDir, { recursive: true });
    for (const [name, bytes] of shared.files) writeFileSync(join(sharedDir, name), bytes);
    let inputs = dataDir;
    let fromArchive = false;
    if (inputProblems.length > 0 || !existsSync(dataDir)) {
      if (archive !== null && archiveHolds(archive, recordedInputs)) {
        inputs = join(scratch, 'data');
        restoreInputs(archive, recordedInputs, inputs);
        fromArchive = true;
      } else if (!existsSync(dataDir)) {
        return noted('input_missing', [
          governanceProblem('DATA_DIR_MISSING', dataDir, { dir: manifest.data_dir }),
        ]);
      }
    }
    // Another engine's publication is recomputed too: the same bytes verify it. Otherwise (or
    // when this engine cannot recompute it) everything recorded was checked, and the byte for
    // byte recomputation needs that engine (the repository at the publication's commit).
    const otherEngine = manifest.engine.version !== ENGINE_VERSION;
    const engineChanged = () =>
      noted('engine_changed', [
        ...(fromArchive ? [] : inputProblems),
        problemOf(
          'ENGINE_VERSION_CHANGED',
          'warning',
          null,
          governanceMessage('ENGINE_VERSION_CHANGED', {
            recorded: manifest.engine.version,
            current: ENGINE_VERSION,
            commit: manifest.published_at_commit ?? '<commit>',
          }),
        ),
      ]);
    const source = recordedSource(base, manifest, results, inputs, !fromArchive, scratch);
    if ('problem' in source) return noted('policy_unverified', [source.problem]);
    const appealFiles = recordedAppeals(base, manifest);
    if ('problem' in appealFiles) return noted('policy_unverified', [appealFiles.problem]);
    let fresh: Map<string, ResultBytes>;
    let freshResults: Results;
    try {
      const evaluation = await pool.evaluate(
        {
          policiesDir,
          dataDir: inputs,
          period,
          ...source,
          appealFiles: appealFiles.files,
          ...recordedAppealWindows(manifest),
          allowMissing: manifest.allow_missing ?? [],
          ...recordedRejectedLimit(manifest),
          // History facts re-read the published periods: a changed one changes the recorded sha256.
          history: { resultsDir: root },
          ...evaluationOptions,
        },
        true,
      );
      fresh = evaluation.files ?? new Map();
      freshResults = evaluation.results;
    } catch (error) {
      if (!(error instanceof ScorebookError) || error.kind !== 'input') throw error;
      if (otherEngine && inputProblems.length === 0) return engineChanged();
      const codes = [...new Set(error.problems.map((p) => p.code))].join(', ');
      return noted(inputProblems.length > 0 && !fromArchive ? 'input_changed' : 'recompute_failed', [
        ...(fromArchive ? [] : inputProblems),
        governanceProblem('RECOMPUTE_FAILED', null, { codes }),
      ]);
    }
    const added = fromArchive ? [] : addedInputProblems(dataDir, recordedInputs, inputFilesOf(freshResults));
    if (!fromArchive && inputProblems.length + added.length > 0) {
      const moved = agentsThatMove(results, freshResults);
      const graded = agentsThatMove(results, freshResults, standingOf);
      const list = (ids: string[]) =>
        `${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ` (+${ids.length - 10})` : ''}`;
      return noted('input_changed', [
        ...inputProblems,
        ...added,
        problemOf(
          'INPUT_CHANGE_EFFECT',
          'warning',
          null,
          governanceMessage('INPUT_CHANGE_EFFECT', {
            agents: moved.length,
            ids: list(moved),
            graded: graded.length,
            gradedIds: list(graded),
            superseded,
          }),
        ),
      ]);
    }
    // The files this engine writes, against those published (an earlier engine's may lack one).
    const differing = RESULT_FILES.filter((name) => {
      const file = join(dir, name);
      const bytes = fresh.get(name) ?? [];
      const recomputed =
        otherEngine && name === 'results.json'
          ? withEngineVersion(bytes, ENGINE_VERSION, manifest.engine.version)
          : bytes;
      return !existsSync(file) || !sameBytes(recomputed, readFileSync(file));
    });
    const [first] = differing;
    if (first === undefined) {
      const same = otherEngine
        ? [
            problemOf(
              'ENGINE_VERSION_SAME_BYTES',
              'warning',
              null,
              governanceMessage('ENGINE_VERSION_SAME_BYTES', {
                recorded: manifest.engine.version,
                current: ENGINE_VERSION,
              }),
            ),
          ]
        : [];
      return noted('ok', same, fromArchive);
    }
    if (otherEngine) return engineChanged();
    const problems = [
      governanceProblem('RESULTS_DIFFER', join(dir, first), {
        files: differing.join(', '),
        detail: differingAgents(results, freshResults),
      }),
    ];
    return noted('differs', problems, fromArchive);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The published files against their recorded sha256 (exactly the result files must be recorded). */
function publishedFileProblems(dir: string, manifest: Manifest): Problem[] {
  const problems: Problem[] = [];
  // This engine writes RESULT_FILES; an earlier engine's publication holds the files it recorded.
  const names =
    manifest.engine.version === ENGINE_VERSION
      ? RESULT_FILES
      : [...new Set(['results.json', ...Object.keys(manifest.files)])].sort();
  for (const name of names) {
    const file = join(dir, name);
    const recordedHash = manifest.files[name] ?? '';
    const current = existsSync(file) ? sha256(readFileSync(file)) : null;
    if (current !== recordedHash)
      problems.push(
        governanceProblem('PUBLISHED_FILE_CHANGED', file, { file: name, recorded: recordedHash, current }),
      );
  }
  return problems;
}

/** The manifest against the results it describes and the folder it is in. */
function consistencyProblems(file: string, manifest: Manifest, results: Results, period: string): Problem[] {
  const pairs: Array<[string, string, string]> = [
    ['period', manifest.period, period],
    ['period', manifest.period, results.period.id],
    ['policy.id', manifest.policy.id, results.policy.id],
    ['policy.version', manifest.policy.version, results.policy.version],
    ['policy.sha256', manifest.policy.sha256, results.policy.sha256],
    ['policy.file', posix.basename(manifest.policy.file), results.policy.file],
    ['engine.version', manifest.engine.version, results.engine.version],
  ];
  for (const [table, input] of Object.entries(results.inputs))
    pairs.push([`inputs.${table}`, String(manifest.inputs[table] ?? null), String(input.sha256)]);
  for (const table of Object.keys(manifest.inputs))
    if (!(table in results.inputs))
      pairs.push([`inputs.${table}`, String(manifest.inputs[table]), '(absent)']);
  const appealsOf = (
    list: ReadonlyArray<{ file: string; sha256: string }> | undefined,
    named: (f: string) => string,
  ) => (list ?? []).map((a) => `${named(a.file)} ${a.sha256}`).join(', ') || '(none)';
  pairs.push(['appeals', appealsOf(manifest.appeals, appealName), appealsOf(results.appeals, (f) => f)]);
  return pairs
    .filter(([, a, b]) => a !== b)
    .map(([what, recordedValue, expected]) =>
      governanceProblem('MANIFEST_INCONSISTENT', file, { what, recorded: recordedValue, expected }),
    );
}

/** The appeals folder a manifest's appeal files are in (`configs/appeals`), or null without appeals. */
function appealsDirOf(manifest: Manifest): string | null {
  const first = manifest.appeals?.[0];
  return first === undefined ? null : posix.dirname(posix.dirname(first.file));
}

const KNOWN_OPTIONS = new Set([
  '--appeals',
  '--period',
  '--policies',
  '--data',
  '--results',
  '--supersede',
  '--reason',
  '--archive',
  '--source',
  '--allow-missing',
  '--max-rejected',
  '--allow-none-rated',
  '--allow-open-period',
  '--allow-partial-data',
  '--break-stale-lock',
]);
/** The options of a recorded command that take no value. */
const FLAGS = new Set([
  '--supersede',
  '--allow-none-rated',
  '--allow-open-period',
  '--allow-partial-data',
  '--break-stale-lock',
]);

/**
 * The recorded command against the manifest: the same period, folders and reason (the results
 * root is said apart: {@link resultsElsewhere}).
 */
function commandProblems(file: string, manifest: Manifest): Problem[] {
  const words = shellWords(manifest.command);
  const expected: Record<string, string | null> = {
    '--period': manifest.period,
    '--policies': posix.dirname(manifest.policy.file),
    '--data': manifest.data_dir,
    '--reason': manifest.supersedes?.reason ?? null,
    '--allow-missing':
      (manifest.allow_missing ?? []).length > 0 ? (manifest.allow_missing ?? []).join(',') : null,
    '--max-rejected': manifest.max_rejected ?? null,
    '--appeals': appealsDirOf(manifest),
  };
  const bad = (what: string, recordedValue: string, want: string) => [
    governanceProblem('MANIFEST_INCONSISTENT', file, { what, recorded: recordedValue, expected: want }),
  ];
  if (words === null || words.slice(0, 3).join(' ') !== 'npx scorebook publish')
    return bad('command', manifest.command, 'npx scorebook publish …');
  const given = new Map<string, string>();
  // Each option but the flags takes the next word as its value.
  const options = words.slice(3)[Symbol.iterator]();
  for (const word of options) {
    if (!KNOWN_OPTIONS.has(word) || given.has(word))
      return bad('command', word, [...KNOWN_OPTIONS].join(' '));
    given.set(word, FLAGS.has(word) ? '' : (options.next().value ?? ''));
  }
  if (given.has('--supersede') !== (manifest.supersedes !== null))
    return bad('command --supersede', String(given.has('--supersede')), String(manifest.supersedes !== null));
  for (const [option, want] of Object.entries(expected)) {
    const got = given.get(option) ?? null;
    // A folder without appeal files for the period is recorded when it is not the default one.
    if (option === '--appeals' && want === null && got !== DEFAULT_APPEALS_DIR) continue;
    if (got !== want) return bad(`command ${option}`, String(got), String(want));
  }
  // A source found beside the data is not on the command line; one given must be the one recorded.
  const source = given.get('--source') ?? null;
  if (source !== null && source !== (manifest.source?.file ?? null))
    return bad('command --source', source, String(manifest.source?.file ?? null));
  return [];
}

/**
 * A publication made before its period ended (`published_at` before `results.period.end`): its
 * command must record `--allow-open-period` (publish refuses it otherwise), else the manifest is
 * inconsistent; with it, a warning that the period's data was not complete. A manifest without
 * `published_at` (written before publish recorded the time) says nothing either way.
 */
function publishedBeforeEnd(file: string, manifest: Manifest, results: Results): Problem[] {
  const at = manifest.published_at;
  const { end } = results.period;
  if (at === undefined || !(Date.parse(at) < Date.parse(end))) return [];
  if (!(shellWords(manifest.command) ?? []).includes('--allow-open-period'))
    return [
      governanceProblem('MANIFEST_INCONSISTENT', file, {
        what: 'command --allow-open-period',
        recorded: 'false',
        expected: `true (published_at ${at} < period end ${end})`,
      }),
    ];
  return [
    problemOf(
      'PUBLISHED_BEFORE_END',
      'warning',
      file,
      governanceMessage('PUBLISHED_BEFORE_END', { period: manifest.period, at, end }),
    ),
  ];
}

/**
 * A warning when the publication's recorded command wrote into another results folder than the
 * one it is verified in (a results folder copied or moved): the recorded `--results` against the
 * folder's path as publish records it (relative to the repository). None when they are the same.
 */
function resultsElsewhere(file: string, manifest: Manifest, base: string, root: string): Problem[] {
  const words = shellWords(manifest.command) ?? [];
  const at = words.indexOf('--results');
  const published = at >= 0 ? (words[at + 1] ?? null) : null;
  const here = recorded(base, root);
  if (published === null || published === here) return [];
  return [
    problemOf(
      'RESULTS_ELSEWHERE',
      'warning',
      file,
      governanceMessage('RESULTS_ELSEWHERE', { published, here }),
    ),
  ];
}

/**
 * The supersede history of a period: each publication's `supersedes` must name the next lower
 * existing slot (none for the lowest), the one in force the highest; problems by publication.
 */
function chainProblems(dir: string): Map<string | null, Problem[]> {
  const slots = supersededSlots(dir);
  const found = new Map<string | null, Problem[]>();
  const order: Array<string | null> = [...slots.map((s) => `superseded/${s}`), null];
  order.forEach((publication, i) => {
    const file = join(publication === null ? dir : join(dir, publication), 'manifest.json');
    let supersedes: unknown;
    try {
      supersedes = (JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>).supersedes;
    } catch {
      return;
    }
    // The publication before this one in the order, none for the first.
    const want = order[i - 1] ?? null;
    const got =
      typeof supersedes === 'object' && supersedes !== null
        ? String((supersedes as { publication?: unknown }).publication)
        : null;
    if (got === want) return;
    found.set(publication, [
      governanceProblem('SUPERSEDE_CHAIN_BROKEN', file, {
        publication: publication ?? basename(dir),
        named: got ?? '—',
        expected: want ?? '—',
      }),
    ]);
  });
  return found;
}

/** The policy bytes at the recorded commit, when they have the recorded sha256. */
function policyAtCommit(base: string, manifest: Manifest): { bytes: Buffer } | { problem: Problem } {
  return recordedFileAt(base, manifest.policy);
}

/**
 * The bytes of a recorded file (the policy, the source) at its recorded commit, when they have
 * the recorded sha256.
 */
function recordedFileAt(
  base: string,
  entry: { file: string; sha256: string; git_commit: string | null },
): { bytes: Buffer } | { problem: Problem } {
  const { file, git_commit: commit } = entry;
  if (commit === null) return { problem: governanceProblem('POLICY_NO_COMMIT', file, { file }) };
  const root = gitRoot(base);
  if (root === null || !hasCommit(root, commit))
    return { problem: governanceProblem('POLICY_COMMIT_MISSING', file, { file, commit }) };
  const bytes = fileAt(root, recorded(root, resolve(base, file)), commit);
  const found = bytes === null ? null : sha256(bytes);
  if (bytes === null || found !== entry.sha256)
    return {
      problem: governanceProblem('POLICY_NOT_AT_COMMIT', file, {
        file,
        commit,
        recorded: entry.sha256,
        found,
      }),
    };
  return { bytes };
}

/**
 * The other versions a quarter or year scored from its months used for its months
 * (`results.months`), read at the commit the publication was made from (`published_at_commit`,
 * which held every committed file) with the recorded sha256; none for any other period.
 */
function monthVersionsAt(
  base: string,
  manifest: Manifest,
  results: Results,
): { files: Map<string, Buffer> } | { problem: Problem } {
  const files = new Map<string, Buffer>();
  const own = posix.basename(manifest.policy.file);
  for (const month of results.months ?? []) {
    const policy = month.policy;
    if (policy === null || policy.file === own || files.has(policy.file)) continue;
    const at = recordedFileAt(base, {
      file: posix.join(posix.dirname(manifest.policy.file), policy.file),
      sha256: policy.sha256,
      git_commit: manifest.published_at_commit,
    });
    if ('problem' in at) return at;
    files.set(policy.file, at.bytes);
  }
  return { files };
}

/**
 * The shared definitions files the publication used, read at the commit it was made from
 * (`published_at_commit`) from the shared folder beside the recorded policy's folder of policy
 * folders (docs/shared.md): those of its policy (`policy.json`'s `shared`, with the recorded
 * sha256; none without a policy.json) and those of the versions its months used. A later edit of
 * a shared file never changes an old verification.
 */
function sharedFilesAt(
  base: string,
  manifest: Manifest,
  publication: string,
  monthVersions: ReadonlyMap<string, Buffer>,
): { files: Map<string, Buffer> } | { problem: Problem } {
  const files = new Map<string, Buffer>();
  const root = gitRoot(base);
  const commit = manifest.published_at_commit;
  const folder = posix.join(posix.dirname(manifest.policy.file), '..', '..', 'shared');
  // The versions a quarter or year took its months from name their shared files in their own
  // text: read at the same commit, and recomputing the months compares their bytes.
  if (root !== null && commit !== null && monthVersions.size > 0) {
    const readAt = (name: string) =>
      fileAt(root, recorded(root, resolve(base, folder, `${name}.yaml`)), commit);
    const atCommit: SharedSource = { dir: folder, names: () => [], read: readAt };
    for (const [name, bytes] of monthVersions)
      for (const used of loadPolicyBytes(name, bytes, { shared: atCommit }).policy?.shared ?? []) {
        const found = readAt(used.file.slice(0, -'.yaml'.length));
        if (found !== null) files.set(used.file, found);
      }
  }
  // An earlier engine's publication has no policy.json (and no shared definitions).
  const snapshotFile = join(publication, 'policy.json');
  if (!existsSync(snapshotFile)) return { files };
  const snapshot = JSON.parse(readFileSync(snapshotFile, 'utf8')) as {
    shared?: Array<{ file: string; sha256: string }>;
  };
  for (const used of snapshot.shared ?? []) {
    const at = recordedFileAt(base, {
      file: posix.normalize(posix.join(folder, used.file)),
      sha256: used.sha256,
      git_commit: manifest.published_at_commit,
    });
    if ('problem' in at) return at;
    files.set(used.file, at.bytes);
  }
  return { files };
}

/**
 * How results name a recorded appeal file: `<period folder>/<id>.yaml`, the folder being the
 * period's own or, for a quarter or year scored from its months, a month's.
 */
function appealName(file: string): string {
  return `${posix.basename(posix.dirname(file))}/${posix.basename(file)}`;
}

/** The appeal files a manifest records, read at their commits with the recorded sha256 (none when it records none). */
function recordedAppeals(base: string, manifest: Manifest): { files: AppealBytes[] } | { problem: Problem } {
  const files: AppealBytes[] = [];
  for (const entry of manifest.appeals ?? []) {
    const at = recordedFileAt(base, entry);
    if ('problem' in at) return at;
    files.push({ file: entry.file, name: appealName(entry.file), bytes: at.bytes });
  }
  return { files };
}

/**
 * The source to read the inputs through as recorded: none; the file itself when it is as
 * recorded and the inputs are read in place; else its recorded bytes written into the scratch
 * folder (into the restored data folder when it lay inside the data folder), named in the
 * results as it was.
 */
function recordedSource(
  base: string,
  manifest: Manifest,
  results: Results,
  inputs: string,
  inPlace: boolean,
  scratch: string,
): { sourceFile: string | null; sourceName?: string } | { problem: Problem } {
  const entry = manifest.source ?? null;
  if (entry === null) return { sourceFile: null };
  const current = resolve(base, entry.file);
  if (inPlace && existsSync(current) && sha256(readFileSync(current)) === entry.sha256)
    return { sourceFile: current };
  const at = recordedFileAt(base, entry);
  if ('problem' in at) return at;
  const name = results.source?.path ?? posix.basename(entry.file);
  const inside = !inPlace && !name.startsWith('..') && !name.startsWith('/');
  const file = inside
    ? join(inputs, ...name.split('/'))
    : join(scratch, 'source', posix.basename(entry.file));
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, at.bytes);
  return inside ? { sourceFile: file } : { sourceFile: file, sourceName: name };
}

/** Recorded input files that changed or vanished in the data folder. */
function inputFileProblems(dataDir: string, files: readonly InputFile[]): Problem[] {
  const problems: Problem[] = [];
  for (const f of files) {
    const path = join(dataDir, ...f.path.split('/'));
    if (!existsSync(path)) {
      problems.push(governanceProblem('INPUT_GONE', path, { file: f.path, recorded: f.sha256 }));
      continue;
    }
    const current = sha256(readFileSync(path));
    if (current !== f.sha256)
      problems.push(governanceProblem('INPUT_CHANGED', path, { file: f.path, recorded: f.sha256, current }));
  }
  return problems;
}

/** Input files the recomputation read that the publication did not. */
function addedInputProblems(
  dataDir: string,
  before: readonly InputFile[],
  now: readonly InputFile[],
): Problem[] {
  const known = new Set(before.map((f) => f.path));
  return now
    .filter((f) => !known.has(f.path))
    .map((f) => governanceProblem('INPUT_ADDED', join(dataDir, f.path), { file: f.path, current: f.sha256 }));
}

/**
 * The agents whose results differ between a publication and a recomputation (either side's
 * agents, in the order first seen: the publication's, then those only the recomputation has).
 */
function agentsThatMove(
  before: Results,
  after: Results,
  seen: (agent: Results['agents'][number]) => unknown = (a) => a,
): string[] {
  const old = new Map(before.agents.map((a) => [a.agent_id, JSON.stringify(seen(a))]));
  const ids = new Set([...old.keys(), ...after.agents.map((a) => a.agent_id)]);
  const fresh = new Map(after.agents.map((a) => [a.agent_id, JSON.stringify(seen(a))]));
  return [...ids].filter((id) => old.get(id) !== fresh.get(id));
}

// What an agent's standing is: whether rated, the total, the grade and the rank.
function standingOf(a: Results['agents'][number]): unknown {
  return [a.status, a.total_score, a.grade, a.rank];
}

/** The first agents whose results differ, for the message. */
function differingAgents(before: Results, after: Results): string {
  const fresh = new Map(after.agents.map((a) => [a.agent_id, JSON.stringify(a)]));
  const ids = before.agents.filter((a) => fresh.get(a.agent_id) !== JSON.stringify(a)).map((a) => a.agent_id);
  if (ids.length === 0) return '';
  return `agents ${ids.slice(0, 5).join(', ')}${ids.length > 5 ? ` (+${ids.length - 5})` : ''}`;
}
