import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join, resolve } from 'node:path';
import {
  type Evaluation,
  evaluate,
  MEASURE_ENGINES,
  type MeasureEngine,
  writeEvaluation,
} from '@scorebook/engine';
import { DEFAULT_APPEALS_DIR, publishedWindowsOf } from '@scorebook/governance';
import type { Bilingual } from '@scorebook/problems';
import {
  DATA_OPTIONS,
  DATA_OPTIONS_HELP,
  dataOptions,
  evaluationThreads,
  maxRejectedOption,
  noPositionals,
  oneOf,
  parseCommandArgs,
  periodOption,
  required,
  threadsOption,
} from '../args.ts';
import { EXIT, usageError } from '../cli-error.ts';
import { type Lang, pickLang } from '../lang.ts';
import { progressReporter } from '../output/progress.ts';
import { formatRejected } from '../output/run-report.ts';
import { formatRunSummary, gradeCounts } from '../output/run-summary.ts';
import { checkSqlFileFolder, writeSqlFile } from '../output/sql-file.ts';
import { say } from '../text.ts';
import type { CommandIo } from './io.ts';

/** The help line of `--engine`, shared by evaluate, verify and impact. */
export const ENGINE_HELP: Bilingual = {
  zh: `  --engine        计算指标的引擎:typescript(默认,单机上更快)或 duckdb(度量阶段作为 SQL 在嵌入式 DuckDB 上运行,
                  用来核对数据仓库将运行的 SQL;结果逐字节相同,但在单机上更慢、内存约为两倍,见 docs/scale.md §6)
  --threads       最多使用的线程数(1 到 256 的整数;默认每个核一个):评估一个期间时是读取消息的线程数和 DuckDB 的线程数,
                  verify --all 与 impact 是同时进行的评估数(每个评估单线程);结果与线程数无关,逐字节相同
`,
  en: `  --engine        the engine that measures: typescript (default; the faster on one machine) or duckdb
                  (the measure stage as SQL on embedded DuckDB, to check the SQL a warehouse would run;
                  the same bytes, but slower and about twice the memory on one machine, docs/scale.md §6)
  --threads       the most threads to use (a whole number from 1 to 256; default one per core): for one
                  period the threads reading messages and DuckDB's threads, for verify --all and
                  impact the evaluations side by side (each in one thread); the bytes never depend on it
`,
};

export const EVALUATE_HELP: Bilingual = {
  zh: `scorebook evaluate --policies <dir> --data <dir> --period <2026-10|2026-Q4|2026> --out <dir>
                   [--source <source.yaml>] [--allow-missing <table,…>] [--max-rejected 1%|<rows>]
                   [--engine typescript|duckdb [--sql-out <file>]] [--threads N] [--break-stale-lock]
                   [--quiet] [--lang zh|en]

用期间开始时生效的策略版本评估数据目录,写出 <out>/results.json、explanations.json、rejected.json、policy.json。
成功时退出码 0;策略或数据有误时 1(不写任何文件);用法错误时 2。
--period 也可以是监控期间:ISO 周 2026-W43、日 2026-10-05、区间 2026-11-01..2026-11-11(只评估,不能发布)。
${DATA_OPTIONS_HELP.zh}
  --max-rejected  每张表允许被拒绝的行数上限,百分比或行数(默认 1%)
  --results       历史数据(history.*)读取的已发布结果目录(默认 data/results)
  --quiet         不显示进度和汇总
  --break-stale-lock  收回输出目录上一个已不在运行的进程留下的锁(默认拒绝:OUTPUT_LOCK_STALE);只在它仍是
                  那个失效的锁时才删除,持有者仍在运行的锁从不收回
${ENGINE_HELP.zh}  --sql-out       与 --engine duckdb 一起:把 DuckDB 运行的每条 SQL 按运行顺序写入这个文件(见 docs/scale.md §6)
`,
  en: `scorebook evaluate --policies <dir> --data <dir> --period <2026-10|2026-Q4|2026> --out <dir>
                   [--source <source.yaml>] [--allow-missing <table,…>] [--max-rejected 1%|<rows>]
                   [--engine typescript|duckdb [--sql-out <file>]] [--threads N] [--break-stale-lock]
                   [--quiet] [--lang zh|en]

Evaluates a data directory with the policy version in force at the period's start and writes
<out>/results.json, explanations.json, rejected.json and policy.json. Exit 0 on success, 1 on bad policy or data
(nothing is written), 2 on bad usage.
--period may also be a monitoring period: an ISO week 2026-W43, a day 2026-10-05, a range
2026-11-01..2026-11-11 (evaluated, never published).
${DATA_OPTIONS_HELP.en}
  --max-rejected  rejected rows a table may have, a percentage or a number of rows (default 1%)
  --results       the published results history facts read (default data/results)
  --quiet         no progress or summary
  --break-stale-lock  take over the output folder's lock when a process that no longer runs left it
                  (refused by default: OUTPUT_LOCK_STALE); it is removed only while it is still
                  that stale lock, a lock whose holder runs never
${ENGINE_HELP.en}  --sql-out       with --engine duckdb: write every SQL statement DuckDB runs, in order, to this file
                  (docs/scale.md §6)
`,
};

/** The `--engine` option: nothing for the default engine, so options stay as they were. */
export function engineOption(value: string | undefined): { engine?: MeasureEngine } {
  const engine = oneOf(value, MEASURE_ENGINES, 'typescript', 'engine');
  return engine === 'typescript' ? {} : { engine };
}

/** `scorebook evaluate`: evaluates one period and writes its results. */
export async function runEvaluate(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('evaluate', argv, {
    policies: { type: 'string' },
    data: { type: 'string' },
    period: { type: 'string' },
    out: { type: 'string' },
    ...DATA_OPTIONS,
    'max-rejected': { type: 'string' },
    results: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    engine: { type: 'string' },
    threads: { type: 'string' },
    'sql-out': { type: 'string' },
    'break-stale-lock': { type: 'boolean' },
  });
  if (values.help) {
    io.out(EVALUATE_HELP[pickLang(values.lang)]);
    return EXIT.ok;
  }
  noPositionals('evaluate', positionals);
  const lang = pickLang(values.lang);
  const maxRejected = maxRejectedOption(values['max-rejected']);
  const threads = threadsOption(values.threads);
  const engine = engineOption(values.engine);
  const sqlOut = values['sql-out'];
  if (sqlOut !== undefined && engine.engine !== 'duckdb') throw usageError('SQL_OUT_NEEDS_DUCKDB');
  if (sqlOut !== undefined) checkSqlFileFolder(sqlOut);
  // The statements DuckDB runs, in order, for --sql-out.
  const statements: string[] = [];
  const options = {
    policiesDir: required(values, 'policies', 'evaluate'),
    dataDir: required(values, 'data', 'evaluate'),
    period: required(values, 'period', 'evaluate'),
    onProgress: progressReporter(io, lang, values.quiet === true),
    ...(maxRejected ? { maxRejected } : {}),
    ...dataOptions(values),
    ...engine,
    ...evaluationThreads(threads),
    ...(sqlOut === undefined ? {} : { onSqlStatement: (statement: string) => statements.push(statement) }),
  };
  const out = required(values, 'out', 'evaluate');
  // A week, a day or a range is evaluated for monitoring (publish refuses them).
  periodOption(options.period, true);
  // History facts read earlier periods from the published results (docs/history.md).
  const results = values.results ?? (existsSync('data/results') ? 'data/results' : null);
  const history = { resultsDir: results === null ? null : resolve(results) };
  // A period published there under this policy: its appeal windows count from its first
  // publication, as publish and verify count them (docs/appeals.md), so that the run takes the
  // appeals the publication took.
  const windows =
    results === null
      ? null
      : publishedWindowsOf(resolve(results), options.period, basename(resolve(options.policiesDir)));
  const evaluation = await evaluate({
    ...options,
    monitoring: true,
    history,
    ...(windows === null ? {} : { publishedAt: windows }),
  });
  const { brokenLock } = writeEvaluation(out, evaluation, {
    breakStaleLock: values['break-stale-lock'] === true,
  });
  if (sqlOut !== undefined) writeSqlFile({ file: sqlOut, statements, evaluation, data: options.dataDir });
  // A lock taken from another process is said even with --quiet.
  if (brokenLock !== null)
    io.err(`${say(lang, 'LOCK_BROKEN', { lock: brokenLock.file, holder: brokenLock.holder })}\n`);
  if (values.quiet !== true) {
    io.err(formatRejected(evaluation.rejected, lang, join(out, 'rejected.json')));
    io.err(formatRunSummary(evaluation, lang, values.appeals ?? DEFAULT_APPEALS_DIR));
    // Which engine measured, and on how many threads: results.json keeps no trace of either.
    const engineLine = say(lang, 'RUN_ENGINE', {
      engine: options.engine ?? 'typescript',
      threads: threads ?? availableParallelism(),
      given: threads !== undefined,
    });
    io.err(summaryText(evaluation, lang, { out, engine: engineLine }));
    const windowLine = appealWindowLine(evaluation, lang, windows, options.period);
    if (windowLine !== null) io.err(`${windowLine}\n`);
  }
  return EXIT.ok;
}

/**
 * Where the period's appeal windows counted from, when it matters: a published period's first
 * publication (whenever the period has appeals; a publication that recorded none counted from the
 * period's end, as this run does), or — an appeal refused as late in a period not published
 * there — that publish counts from the first publication and may take it (trial 16).
 */
function appealWindowLine(
  evaluation: Evaluation,
  lang: Lang,
  windows: Record<string, string> | null,
  period: string,
): string | null {
  const from = windows?.[period];
  if (from !== undefined && (evaluation.results.appeals?.length ?? 0) > 0)
    return say(lang, 'APPEAL_WINDOW_PUBLISHED', { period, published: from.slice(0, 10) });
  if (windows === null && evaluation.warnings.some((w) => w.code === 'APPEAL_LATE'))
    return say(lang, 'APPEAL_WINDOW_UNPUBLISHED', { period });
  return null;
}

/**
 * The closing summary: agents rated, grade counts, rejected rows, where the results are (and the
 * `engine` line when given); ⚠ and a line saying why it matters when a scored period rates no one
 * (a monitoring period says why).
 */
export function summaryText(
  evaluation: Evaluation,
  lang: Lang,
  { out, engine }: { out: string; engine?: string },
): string {
  const { summary, policy, period } = evaluation.results;
  const scored = period.kind === 'month' || period.kind === 'quarter' || period.kind === 'year';
  const noneRated = scored && summary.agents > 0 && summary.rated === 0;
  const done = `${say(lang, 'RUN_DONE', {
    mark: noneRated ? '⚠' : '✓',
    period: period.id,
    policy: policy.id,
    version: policy.version,
    agents: summary.agents,
    rated: summary.rated,
    grades: gradeCounts(summary.grades),
    notRated: summary.not_rated,
    rejected: summary.rejected_rows,
    warnings: evaluation.warnings.length,
    out,
  })}${engine === undefined ? '' : `\n${engine}`}`;
  if (scored)
    return noneRated ? `${done}\n${say(lang, 'RUN_NONE_RATED', { agents: summary.agents })}\n` : `${done}\n`;
  const note = say(lang, 'RUN_MONITORING', {
    period: period.id,
    kind: period.kind,
    notRated: summary.not_rated,
    agents: summary.agents,
  });
  return `${done}\n${note}\n`;
}
