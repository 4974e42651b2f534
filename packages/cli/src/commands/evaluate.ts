import { join } from 'node:path';
import { type Evaluation, evaluate, parseRejectedLimit, writeEvaluation } from '@scorebook/engine';
import { parsePeriod } from '@scorebook/time';
import { DATA_OPTIONS, DATA_OPTIONS_HELP, dataOptions, parseCommandArgs, required } from '../args.ts';
import { EXIT, UsageError } from '../cli-error.ts';
import { type Lang, pickLang, t } from '../lang.ts';
import { progressReporter } from '../output/progress.ts';
import { formatRejected } from '../output/run-report.ts';
import { formatRunSummary } from '../output/run-summary.ts';
import type { CommandIo } from './io.ts';

export const EVALUATE_HELP = `scorebook evaluate --policies <dir> --data <dir> --period <2026-10|2026-Q4|2026> --out <dir>
                   [--source <source.yaml>] [--allow-missing <table,…>] [--max-rejected 1%|<rows>]
                   [--quiet] [--lang zh|en]

用期间开始时生效的策略版本评估数据目录,写出 <out>/results.json、explanations.json、rejected.json。
Evaluates a data directory with the policy version in force at the period's start and writes
<out>/results.json, explanations.json and rejected.json. Exit 0 on success, 1 on bad policy or data
(nothing is written), 2 on bad usage.
${DATA_OPTIONS_HELP}
  --max-rejected  每张表允许被拒绝的行数上限,百分比或行数(默认 1%) / rejected rows a table may have (default 1%)
  --quiet         不显示进度和汇总 / no progress or summary
`;

/** `scorebook evaluate`: evaluates one period and writes its results. */
export async function runEvaluate(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('evaluate', argv, {
    policies: { type: 'string' },
    data: { type: 'string' },
    period: { type: 'string' },
    out: { type: 'string' },
    ...DATA_OPTIONS,
    'max-rejected': { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (values.help) {
    io.out(EVALUATE_HELP);
    return EXIT.ok;
  }
  if (positionals.length > 0)
    throw new UsageError(
      `scorebook evaluate takes no positional arguments (got ${positionals.join(' ')})\n\n${EVALUATE_HELP}`,
    );
  const lang = pickLang(values.lang);
  const maxRejected =
    values['max-rejected'] === undefined ? undefined : parseRejectedLimit(values['max-rejected']);
  if (maxRejected === null)
    throw new UsageError(
      `--max-rejected takes a percentage (1%) or a number of rows (10), got "${values['max-rejected']}"`,
    );
  const options = {
    policiesDir: required(values, 'policies', 'evaluate'),
    dataDir: required(values, 'data', 'evaluate'),
    period: required(values, 'period', 'evaluate'),
    onProgress: progressReporter(io, lang, values.quiet === true),
    ...(maxRejected ? { maxRejected } : {}),
    ...dataOptions(values),
  };
  const out = required(values, 'out', 'evaluate');
  if (parsePeriod(options.period) === null) {
    throw new UsageError(
      `--period takes a month 2026-10, a quarter 2026-Q4 or a year 2026 (got "${options.period}")`,
    );
  }
  const evaluation = await evaluate(options);
  writeEvaluation(out, evaluation);
  if (values.quiet !== true) {
    io.err(formatRejected(evaluation.rejected, lang, join(out, 'rejected.json')));
    io.err(formatRunSummary(evaluation, lang));
    io.err(summaryText(evaluation, lang, out));
  }
  return EXIT.ok;
}

/** The closing summary: agents rated, grade counts, rejected rows, where the results are. */
export function summaryText(evaluation: Evaluation, lang: Lang, out: string): string {
  const { summary, policy, period } = evaluation.results;
  const grades = Object.entries(summary.grades)
    .map(([g, n]) => `${g} ${n}`)
    .join(' · ');
  return t(
    lang,
    `✓ ${period.id}:策略 ${policy.id} ${policy.version},${summary.agents} 名客服,${summary.rated} 名参评(${grades}),${summary.not_rated} 名未参评,${summary.rejected_rows} 行被拒绝。\n  结果:${out}/results.json\n`,
    `✓ ${period.id}: policy ${policy.id} ${policy.version}, ${summary.agents} agents, ${summary.rated} rated (${grades}), ${summary.not_rated} not rated, ${summary.rejected_rows} rows rejected.\n  Results: ${out}/results.json\n`,
  );
}
