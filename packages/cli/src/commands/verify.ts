import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { shellWords } from '@scorebook/contract';
import {
  byteLengthOf,
  ENGINE_VERSION,
  evaluate,
  RESULT_FILES,
  sameBytes,
  serializeEvaluation,
  textOf,
  withEngineVersion,
} from '@scorebook/engine';
import {
  DEFAULT_APPEALS_DIR,
  gitRoot,
  isFailure,
  type Manifest,
  recordedRejectedLimit,
  type VerifyOptions,
  type VerifyRow,
  type VerifyStatus,
  verifyPublished,
} from '@scorebook/governance';
import { type Bilingual, formatPlace } from '@scorebook/problems';
import {
  DATA_OPTIONS,
  dataOptions,
  evaluationThreads,
  noPositionals,
  parseCommandArgs,
  required,
  threadsOption,
} from '../args.ts';
import { EXIT } from '../cli-error.ts';
import { type Lang, pickLang } from '../lang.ts';
import { jsonDifferences } from '../output/json-differences.ts';
import { progressReporter } from '../output/progress.ts';
import { type CliTextKey, say } from '../text.ts';
import { ENGINE_HELP, engineOption } from './evaluate.ts';
import type { CommandIo } from './io.ts';

export const VERIFY_HELP: Bilingual = {
  zh: `scorebook verify --policies <dir> --data <dir> --results <dir> [--source <file>]
                [--allow-missing <table,…>] [--engine typescript|duckdb] [--threads N] [--quiet] [--lang zh|en]
scorebook verify --all [--results data/results] [--archive <dir>] [--engine typescript|duckdb] [--threads N] [--lang zh|en]

用记录的期间、策略和数据重新计算,与 <results>/results.json 等逐字节比较;完全一致时退出码 0,否则 1 并列出不同的客服和字段。不给 --appeals 时,读发布记录(manifest 的 command)中的申诉文件夹;被拒绝行的上限用 manifest 记录的 max_rejected(如有)。读取每张表的进度显示在 stderr(--quiet 不显示)。
--all:复核全部已发布期间(包括 superseded/ 中早先的发布):manifest 本身、已发布文件的哈希、记录的 git
提交中的策略、输入文件,再重新计算逐字节比较;区分"输入在发布后改变了(哪个文件,记录的与现在的 sha256)"
和"结果不一致"。数据目录被更正后,--archive <dir>(默认 .scorebook/archive)中的输入存档仍可用于复核。
${ENGINE_HELP.zh}`,
  en: `scorebook verify --policies <dir> --data <dir> --results <dir> [--source <file>]
                [--allow-missing <table,…>] [--engine typescript|duckdb] [--threads N] [--quiet] [--lang zh|en]
scorebook verify --all [--results data/results] [--archive <dir>] [--engine typescript|duckdb] [--threads N] [--lang zh|en]

Recomputes a results directory from its policy and data and compares byte for byte; exit 0 only
when identical, otherwise 1 with the agents and fields that differ.
Without --appeals it reads the appeals folder the publication recorded (its manifest's command); the
rejected-row limit is the manifest's max_rejected, when it records one. The reading of each table is
shown as it goes on stderr (--quiet: not).
--all re-verifies every publication (superseded ones too): the manifest, the published files'
hashes, the policy at its recorded commit, the input files, then a byte-for-byte recomputation;
an input changed since publication is told apart from results that differ. --archive <dir>
(default .scorebook/archive) re-verifies from archived inputs after the data folder changed.
${ENGINE_HELP.en}`,
};

/** `scorebook verify`: recompute and compare byte for byte. */
export async function runVerify(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('verify', argv, {
    policies: { type: 'string' },
    data: { type: 'string' },
    results: { type: 'string' },
    all: { type: 'boolean' },
    archive: { type: 'string' },
    ...DATA_OPTIONS,
    engine: { type: 'string' },
    threads: { type: 'string' },
    quiet: { type: 'boolean' },
  });
  if (values.help) {
    io.out(VERIFY_HELP[pickLang(values.lang)]);
    return EXIT.ok;
  }
  const threads = threadsOption(values.threads);
  if (values.all)
    return verifyAll(
      values.results ?? 'data/results',
      {
        ...(values.archive === undefined ? {} : { archive: values.archive }),
        ...engineOption(values.engine),
        ...(threads === undefined ? {} : { threads }),
      },
      pickLang(values.lang),
      io,
    );
  noPositionals('verify', positionals);
  const lang = pickLang(values.lang);
  const resultsDir = required(values, 'results', 'verify');
  const policiesDir = required(values, 'policies', 'verify');
  const dataDir = required(values, 'data', 'verify');
  const resultsFile = join(resultsDir, 'results.json');
  if (!existsSync(resultsFile)) {
    io.err(`${say(lang, 'VERIFY_NO_RESULTS', { file: resultsFile })}\n`);
    return EXIT.failed;
  }
  const recordedText = readFileSync(resultsFile, 'utf8');
  let period: string;
  let recordedEngine = ENGINE_VERSION;
  let publishedPolicy: { id?: string; file?: string; sha256?: string } | undefined;
  let publishedAppeals: Array<{ file: string; sha256: string }> = [];
  try {
    const recorded = JSON.parse(recordedText) as {
      period: { id: string };
      engine?: { version?: string };
      policy?: { id?: string; file?: string; sha256?: string };
      appeals?: Array<{ file: string; sha256: string }>;
    };
    period = recorded.period.id;
    recordedEngine = recorded.engine?.version ?? ENGINE_VERSION;
    publishedPolicy = recorded.policy;
    publishedAppeals = recorded.appeals ?? [];
  } catch {
    io.err(`${say(lang, 'VERIFY_NOT_RESULTS', { file: resultsFile })}\n`);
    return EXIT.failed;
  }
  // Another policy's results (another team's): said at once, instead of a file "changed after
  // publication" and every difference between the two policies. A policy's id is its folder's name.
  const given = basename(resolve(policiesDir));
  if (publishedPolicy?.id !== undefined && publishedPolicy.id !== given) {
    io.err(
      `${say(lang, 'VERIFY_OTHER_POLICY', { results: resultsDir, recorded: publishedPolicy.id, given, dir: policiesDir })}\n`,
    );
    return EXIT.failed;
  }
  // History facts read the periods published beside this one (docs/history.md).
  const history = { resultsDir: dirname(resolve(resultsDir)) };
  // A publication's appeal windows count from the times its manifest records, as verify --all does.
  const manifest = readManifest(join(resultsDir, 'manifest.json'));
  const windows = manifest?.appeals_window_from ?? null;
  // Without --appeals, the appeals folder the publication recorded (its command's --appeals):
  // verifying a publication reads what it read.
  // Recorded paths are relative to the git work tree (docs/governance.md, the manifest's command).
  const root = gitRoot(resolve(resultsDir)) ?? process.cwd();
  // The appeals folder the publication read: its command's --appeals, the default when it leaves it out.
  const recordedAppeals =
    manifest === null ? null : (recordedOption(manifest.command, '--appeals') ?? DEFAULT_APPEALS_DIR);
  const recordedAppealsDir =
    values.appeals === undefined &&
    recordedAppeals !== null &&
    resolve(root, recordedAppeals) !== resolve(root, DEFAULT_APPEALS_DIR)
      ? resolve(root, recordedAppeals)
      : null;
  if (recordedAppealsDir !== null)
    io.out(`${say(lang, 'VERIFY_APPEALS_AS_RECORDED', { dir: recordedAppeals ?? '' })}\n`);
  const evaluation = await evaluate({
    policiesDir,
    dataDir,
    period,
    history,
    ...(windows === null ? {} : { publishedAt: windows }),
    // The rejected-row limit the publication was made with (its manifest's max_rejected).
    ...(manifest === null ? {} : recordedRejectedLimit(manifest)),
    ...dataOptions(recordedAppealsDir === null ? values : { ...values, appeals: recordedAppealsDir }),
    ...engineOption(values.engine),
    ...evaluationThreads(threads),
    onProgress: progressReporter(io, lang, values.quiet === true),
  });
  const fresh = serializeEvaluation(evaluation);
  // A policy file edited since publication is said first: the recomputation then applies other rules.
  const now = evaluation.results.policy;
  if (publishedPolicy?.sha256 !== undefined && publishedPolicy.sha256 !== now.sha256)
    io.out(
      `${say(lang, 'VERIFY_POLICY_CHANGED', {
        file: publishedPolicy.file ?? now.file,
        recorded: publishedPolicy.sha256,
        current: now.sha256,
      })}\n`,
    );
  // So are appeal files other than the publication's (another --appeals folder, or files
  // changed): every difference of an appeal's agent follows from them.
  const appealsText = (list: ReadonlyArray<{ file: string; sha256: string }>) =>
    list.map((a) => `${a.file} ${a.sha256.slice(0, 12)}`).join(', ');
  const appealsNow = evaluation.results.appeals ?? [];
  if (appealsText(publishedAppeals) !== appealsText(appealsNow)) {
    // The folder the publication read, when it is not the one read now: the likely cause, said
    // with the option to give.
    const other =
      recordedAppeals !== null &&
      resolve(root, recordedAppeals) !== resolve(values.appeals ?? recordedAppealsDir ?? DEFAULT_APPEALS_DIR);
    io.out(
      `${say(lang, other ? 'VERIFY_APPEALS_CHANGED_DIR' : 'VERIFY_APPEALS_CHANGED', {
        recorded: appealsText(publishedAppeals),
        current: appealsText(appealsNow),
        dir: recordedAppeals ?? '',
      })}\n`,
    );
  }
  // An earlier engine's results.json records its version: compared as if this one had written it.
  if (recordedEngine !== ENGINE_VERSION)
    io.out(`${say(lang, 'VERIFY_ENGINE_VERSION', { recorded: recordedEngine, current: ENGINE_VERSION })}\n`);
  let identical = true;
  for (const name of RESULT_FILES) {
    const path = join(resultsDir, name);
    const recorded = existsSync(path) ? readFileSync(path) : null;
    const recomputed =
      name === 'results.json' && recordedEngine !== ENGINE_VERSION
        ? withEngineVersion(fresh.get(name)!, ENGINE_VERSION, recordedEngine)
        : fresh.get(name)!;
    if (recorded !== null && sameBytes(recomputed, recorded)) {
      io.out(`${say(lang, 'VERIFY_FILE_IDENTICAL', { name })}\n`);
      continue;
    }
    identical = false;
    if (recorded === null) {
      io.out(`${say(lang, 'VERIFY_FILE_MISSING', { name })}\n`);
      continue;
    }
    io.out(`${say(lang, 'VERIFY_FILE_DIFFERS', { name })}\n`);
    // The differences are listed from the two texts; a file too long for one string is only named.
    const longest = Math.max(recorded.byteLength, byteLengthOf(recomputed));
    if (longest > LISTED_BYTES) {
      io.out(`  ${say(lang, 'VERIFY_DIFFERENCES_TOO_LARGE', { mib: Math.ceil(longest / 2 ** 20) })}\n`);
      continue;
    }
    for (const line of jsonDifferences(recorded.toString('utf8'), textOf(recomputed), lang, 50))
      io.out(`  ${line}\n`);
  }
  io.out(`${say(lang, identical ? 'VERIFY_PERIOD_OK' : 'VERIFY_PERIOD_FAILED', { period })}\n`);
  return identical ? EXIT.ok : EXIT.failed;
}

/** A publication's manifest; null without one (a folder written by `evaluate --out`) or when it is not JSON. */
function readManifest(file: string): Manifest | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

/** The value of an option in a recorded command line, or null when it is not there. */
function recordedOption(command: unknown, option: string): string | null {
  const words = typeof command === 'string' ? shellWords(command) : null;
  const at = words?.indexOf(option) ?? -1;
  return words?.[at + 1] !== undefined && at >= 0 ? (words[at + 1] as string) : null;
}

/** The longest file whose differences are listed (its text, parsed twice, must fit in memory and in one string). */
const LISTED_BYTES = 2 ** 28;

const STATUS_TEXT = {
  ok: 'STATUS_OK',
  differs: 'STATUS_DIFFERS',
  input_changed: 'STATUS_INPUT_CHANGED',
  input_missing: 'STATUS_INPUT_MISSING',
  policy_unverified: 'STATUS_POLICY_UNVERIFIED',
  files_changed: 'STATUS_FILES_CHANGED',
  manifest_invalid: 'STATUS_MANIFEST_INVALID',
  recompute_failed: 'STATUS_RECOMPUTE_FAILED',
  interrupted: 'STATUS_INTERRUPTED',
  engine_changed: 'STATUS_ENGINE_CHANGED',
  month_superseded: 'STATUS_MONTH_SUPERSEDED',
} as const satisfies Record<VerifyStatus, CliTextKey>;

async function verifyAll(
  resultsRoot: string,
  options: VerifyOptions,
  lang: Lang,
  io: CommandIo,
): Promise<number> {
  const rows = await verifyPublished(resultsRoot, options);
  if (rows.length === 0) {
    io.err(`${say(lang, 'VERIFY_ALL_NONE', { dir: resultsRoot })}\n`);
    return EXIT.failed;
  }
  const labelOf = (r: VerifyRow) => (r.publication === null ? r.period : `${r.period}/${r.publication}`);
  // The period column as wide as its longest label (`2026-10/superseded/1`), at least 10.
  const width = Math.max(10, ...rows.map((r) => labelOf(r).length));
  io.out(`${say(lang, 'VERIFY_ALL_HEADING', { width })}\n`);
  for (const r of rows) {
    const label = labelOf(r);
    const note = r.fromArchive ? say(lang, 'VERIFY_ALL_FROM_ARCHIVE') : '';
    const counted =
      isFailure(r) || r.status === 'ok' || r.status === 'engine_changed'
        ? ''
        : say(lang, 'VERIFY_ALL_EARLIER');
    io.out(`${label.padEnd(width)} ${say(lang, STATUS_TEXT[r.status])}${note}${counted}\n`);
    for (const p of r.problems) {
      const place = formatPlace(p);
      io.out(
        `    ${p.severity === 'warning' ? '·' : '✗'} ${place === '' ? '' : `${place} `}${p.code}: ${p.message[lang]}\n`,
      );
    }
  }
  const { verified, other, failed, earlier } = verifyTotals(rows);
  io.out(`${say(lang, 'VERIFY_ALL_TOTALS', { verified, other, failed })}\n`);
  if (earlier > 0) io.out(`${say(lang, 'VERIFY_ALL_EARLIER_TOTAL', { earlier })}\n`);
  return failed === 0 ? EXIT.ok : EXIT.failed;
}

/**
 * The counts of verify --all's last lines: rows verified byte for byte (`ok`), published by another
 * engine, failed, and earlier (superseded) publications whose inputs changed since — neither
 * failed nor verified.
 */
export function verifyTotals(rows: readonly VerifyRow[]): {
  verified: number;
  other: number;
  failed: number;
  earlier: number;
} {
  const failed = rows.filter(isFailure).length;
  const other = rows.filter((r) => r.status === 'engine_changed').length;
  const verified = rows.filter((r) => r.status === 'ok').length;
  return { verified, other, failed, earlier: rows.length - failed - other - verified };
}
