import { basename, dirname, join, relative } from 'node:path';
import { DEFAULT_APPEALS_DIR, type Publication, publishPeriod, shellWord } from '@scorebook/governance';
import type { Bilingual } from '@scorebook/problems';
import {
  DATA_OPTIONS,
  DATA_OPTIONS_HELP,
  dataOptions,
  maxRejectedOption,
  noPositionals,
  parseCommandArgs,
  periodOption,
  required,
} from '../args.ts';
import { EXIT, usageError } from '../cli-error.ts';
import { type Lang, pickLang } from '../lang.ts';
import { progressReporter } from '../output/progress.ts';
import { formatRejected } from '../output/run-report.ts';
import { formatRunSummary } from '../output/run-summary.ts';
import { say } from '../text.ts';
import { summaryText } from './evaluate.ts';
import type { CommandIo } from './io.ts';
import { ensureResultsIgnore } from './results-ignore.ts';

export const PUBLISH_HELP: Bilingual = {
  zh: `scorebook publish --period <P> --policies <dir> --data <dir> [--results data/results]
                  [--source <source.yaml>] [--allow-missing <table,…>] [--max-rejected 1%|<rows>]
                  [--appeals <dir>] [--supersede [--reason "…"]] [--archive <dir>] [--allow-none-rated] [--allow-open-period]
                  [--allow-partial-data] [--break-stale-lock]
                  [--quiet] [--lang zh|en]

评估并发布一个期间到 <results>/<P>/(结果、解释、被拒绝的行和 manifest.json:策略文件与哈希、
策略的 git 提交、输入哈希、引擎版本、完整命令),作为一个整体写入:中断时要么是原发布,要么是新发布。
已发布的期间即关闭:再次发布会被拒绝,除非 --supersede --reason "原因",原发布保留在 <P>/superseded/<n>/。
所用的策略文件必须已提交到 git 且没有未提交的修改。同一期间同时只能有一个 publish。
  --archive <dir>  把输入文件按 sha256 存入该目录(不进 git),数据目录日后被更正时 verify --all 仍可复核
  --max-rejected  每张表允许被拒绝的行数上限,百分比或行数(默认 1%);记入 manifest(max_rejected)与 command,
                   verify 与 impact 按同一上限重新评估
  --allow-none-rated  发布一个无人参评的期间(默认拒绝:NOBODY_RATED)
  --allow-open-period  发布一个尚未结束的期间(默认拒绝:PERIOD_NOT_ENDED)
  --allow-partial-data  发布一个会话或消息记录只覆盖了部分期间的期间(默认拒绝:PERIOD_PARTLY_COVERED_REFUSED),
                   或有文件在最后一行中间被截断的期间(默认拒绝:FILE_CUT_OFF_REFUSED)
  --break-stale-lock  收回一个已不在运行的进程留下的期间锁(默认拒绝:OUTPUT_LOCK_STALE);只在它仍是那个失效的锁时
                   才删除,持有者仍在运行的锁从不收回;收回时会打印出来并记入 manifest 的 command
${DATA_OPTIONS_HELP.zh}
所用的 source.yaml 和本期的申诉文件与策略文件一样必须已提交。--supersede 时,自上次发布以来新增或修改的申诉编号会写入原因;
只因申诉而重新发布时可省略 --reason。
`,
  en: `scorebook publish --period <P> --policies <dir> --data <dir> [--results data/results]
                  [--source <source.yaml>] [--allow-missing <table,…>] [--max-rejected 1%|<rows>]
                  [--appeals <dir>] [--supersede [--reason "…"]] [--archive <dir>] [--allow-none-rated] [--allow-open-period]
                  [--allow-partial-data] [--break-stale-lock]
                  [--quiet] [--lang zh|en]

Evaluates and publishes a period into <results>/<P>/ (results, explanations, rejected rows and
manifest.json: policy file and hash, the policy's git commit, input hashes, engine version, the
whole command), as one transaction: if interrupted, either the earlier publication or the new one.
A published period is closed: publishing it again is refused unless --supersede --reason "why",
which keeps the earlier publication in <P>/superseded/<n>/. The policy file must be committed, with
no uncommitted changes. One publish of a period at a time.
  --archive <dir>  keep the input files by sha256 there (outside git), so that verify --all can
                   re-verify after the data folder is corrected
  --max-rejected  rejected rows a table may have, a percentage or a number of rows (default 1%);
                   recorded in the manifest (max_rejected) and its command, so that verify and
                   impact re-evaluate with the same limit
  --allow-none-rated  publish a period in which no agent is rated (refused by default: NOBODY_RATED)
  --allow-open-period  publish a period that has not ended yet (refused by default: PERIOD_NOT_ENDED)
  --allow-partial-data  publish a period whose conversations or messages rows cover only part of it
                   (refused by default: PERIOD_PARTLY_COVERED_REFUSED), or with a file cut off
                   inside its last line (refused by default: FILE_CUT_OFF_REFUSED)
  --break-stale-lock  take over the period's lock when a process that no longer runs left it
                   (refused by default: OUTPUT_LOCK_STALE); it is removed only while it is still
                   that stale lock, a lock whose holder runs never; a lock broken is printed and
                   recorded in the manifest's command
${DATA_OPTIONS_HELP.en}
The source.yaml and the period's appeal files used must be committed, like the policy file. With
--supersede, the appeals new or changed since the earlier publication are added to the reason;
--reason may be left out when appeals are the reason.
`,
};

/** `scorebook publish`. */
export async function runPublish(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('publish', argv, {
    period: { type: 'string' },
    policies: { type: 'string' },
    data: { type: 'string' },
    results: { type: 'string' },
    supersede: { type: 'boolean' },
    reason: { type: 'string' },
    archive: { type: 'string' },
    'allow-none-rated': { type: 'boolean' },
    'allow-open-period': { type: 'boolean' },
    'allow-partial-data': { type: 'boolean' },
    'break-stale-lock': { type: 'boolean' },
    'max-rejected': { type: 'string' },
    ...DATA_OPTIONS,
    quiet: { type: 'boolean', short: 'q' },
  });
  if (values.help) {
    io.out(PUBLISH_HELP[pickLang(values.lang)]);
    return EXIT.ok;
  }
  noPositionals('publish', positionals);
  const lang = pickLang(values.lang);
  const period = periodOption(required(values, 'period', 'publish'));
  if (values.reason !== undefined && !values.supersede) throw usageError('REASON_WITHOUT_SUPERSEDE');
  const maxRejected = maxRejectedOption(values['max-rejected']);
  // Without --reason, the appeals decided since the earlier publication are the reason (docs/appeals.md).
  if (values.supersede && values.reason !== undefined && values.reason.trim() === '')
    throw usageError('SUPERSEDE_NEEDS_REASON');
  const policiesDir = required(values, 'policies', 'publish');
  const dataDir = required(values, 'data', 'publish');
  const resultsRoot = values.results ?? 'data/results';
  // Before the lock is taken: a publish killed midway then leaves nothing git would take.
  const ignore = ensureResultsIgnore(resultsRoot);
  if (ignore !== null && !values.quiet) io.err(`${say(lang, 'PUBLISH_RESULTS_IGNORE', { file: ignore })}\n`);
  const publication = await publishPeriod({
    period,
    policiesDir,
    dataDir,
    resultsRoot,
    ...(values.supersede ? { supersede: { reason: values.reason ?? '' } } : {}),
    ...(values.archive !== undefined ? { archive: values.archive } : {}),
    ...(values['allow-none-rated'] ? { allowNoneRated: true } : {}),
    ...(values['allow-open-period'] ? { allowOpenPeriod: true } : {}),
    ...(values['allow-partial-data'] ? { allowPartialData: true } : {}),
    ...(values['break-stale-lock'] ? { breakStaleLock: true } : {}),
    ...(maxRejected ? { maxRejected } : {}),
    ...dataOptions(values),
    onProgress: progressReporter(io, lang, values.quiet === true),
    // Said as soon as it is done, so that a publish refused afterwards still says it.
    onTidied: ({ brokenLock, recovered }) => {
      // A lock taken from another process is said even with --quiet.
      if (brokenLock !== null)
        io.err(`${say(lang, 'LOCK_BROKEN', { lock: brokenLock.file, holder: brokenLock.holder })}\n`);
      const { restored, removed } = recovered;
      if (!values.quiet && (restored !== null || removed.length > 0))
        io.err(`${say(lang, 'PUBLISH_RECOVERED', { restored, removed: removed.length })}\n`);
    },
  });
  if (!values.quiet) {
    // The rows it closes the period without, each with its place and reason, as evaluate lists them.
    io.err(formatRejected(publication.evaluation.rejected, lang, join(publication.dir, 'rejected.json')));
    io.err(formatRunSummary(publication.evaluation, lang, values.appeals ?? DEFAULT_APPEALS_DIR));
    io.err(summaryText(publication.evaluation, lang, { out: publication.dir }));
    if (publication.superseded)
      io.err(`${say(lang, 'PUBLISH_SUPERSEDED', { dir: publication.superseded })}\n`);
    io.err(`${closedText(publication, lang)}\n`);
    const data = dataNote(publication, lang);
    if (data !== null) io.err(`${data}\n`);
  }
  // What the publication leaves as it was (appeals no longer read, quarters to publish again): even with --quiet.
  for (const p of publication.notices) io.err(`· ${p.code}: ${p.message[lang]}\n`);
  return EXIT.ok;
}

// What to commit: a folder git ignores or holds nowhere is not taken by `git add`.
function closedText({ dir, advice }: Publication, lang: Lang): string {
  const { results } = advice;
  if (results.kind === 'ignored') return say(lang, 'PUBLISH_CLOSED_IGNORED', { dir, rule: results.rule });
  if (results.kind === 'outside') return say(lang, 'PUBLISH_CLOSED_OUTSIDE', { dir });
  // The results folder, as a path from where the command runs: the period, its .gitignore and any
  // superseded publication are committed together.
  const add = shellWord(relative(process.cwd(), dirname(dir)) || '.');
  return say(lang, 'PUBLISH_CLOSED', { dir, add, period: basename(dir) });
}

// A data folder git does not keep, published without --archive: verify depends on it staying as it is.
function dataNote({ manifest, advice }: Publication, lang: Lang): string | null {
  const { data } = advice;
  if (data === null) return null;
  const why =
    data.kind === 'outside'
      ? say(lang, 'DATA_OUTSIDE_GIT')
      : data.kind === 'ignored'
        ? say(lang, 'DATA_IGNORED', { rule: data.rule })
        : say(lang, 'DATA_UNCOMMITTED', { files: data.files });
  return say(lang, 'PUBLISH_DATA_NOT_KEPT', { dir: manifest.data_dir, why });
}
