import { policyImpact, renderImpact } from '@scorebook/governance';
import type { Bilingual } from '@scorebook/problems';
import {
  DATA_OPTIONS,
  dataOptions,
  oneOf,
  parseCommandArgs,
  periodOption,
  required,
  threadsOption,
} from '../args.ts';
import { EXIT } from '../cli-error.ts';
import { pickLang } from '../lang.ts';
import { ENGINE_HELP, engineOption } from './evaluate.ts';
import type { CommandIo } from './io.ts';

export const IMPACT_HELP: Bilingual = {
  zh: `scorebook impact --base <git ref> --policies <dir> [--period P] [--data <dir>] [--results data/results]
                 [--source <file>] [--allow-missing <table,…>] [--appeals <dir>] [--engine typescript|duckdb] [--threads N] [--format human|markdown|json]
                 [--lang zh|en]

合并前看清策略变更的影响:对工作区相对 base 新增、修改或删除的每个版本文件,回答"假如这个版本考核了
最后一个已关闭的月份(或 --period),谁的等级、总分、排名、加减分会变?"——与它所替换的版本比较
(新增:base 上在其生效日生效的版本;修改:base 上的同一文件;删除:接替其日期的版本)。
期间的数据按数据来源读取,允许缺失的表取自其 manifest 的记录,除非在此给出。
按各月计分:期间是月份、且它所在的季度或年度在任一侧按各月总分计算(periods: from_months)时,若变更的版本考核其中某个月,
另列"按各月计分的 <季度/年度>"一节:两边按 evaluate --period 评估该季度或年度(各版本按自己的日期生效),谁的等级、总分、排名会变。
申诉:两边都用工作区的申诉文件;工作区相对 base 新增、修改或删除了哪个期间的申诉文件(--appeals,默认
configs/appeals;不给 --period 时自动找出所有这样的期间,给了则只看该期间),就为它另列"申诉裁决 <期间>"一节:
用工作区的策略,分别按 base 与工作区的申诉文件评估,谁的等级、总分、排名会变。没有版本文件变更时,标题不说"假如由变更后的版本考核"。
${ENGINE_HELP.zh}`,
  en: `scorebook impact --base <git ref> --policies <dir> [--period P] [--data <dir>] [--results data/results]
                 [--source <file>] [--allow-missing <table,…>] [--appeals <dir>] [--engine typescript|duckdb] [--threads N] [--format human|markdown|json]
                 [--lang zh|en]

For every version file the working tree adds, edits or removes against the base ref, answers "if
this version had governed the last closed month (or --period), whose grade, score, rank or
adjustment would move?", against the version it replaces (added: the version in force at its date
on the base; edited: the same file on the base; removed: the version that takes over its dates).
The period's data is read through the source and with the tables allowed missing recorded in its
manifest, unless given here.
Scored from months: when the period is a month whose quarter or year either side scores from its months
(periods: from_months) and a changed version governs one of its months, a "<quarter/year>, scored from
its months" section shows whose grade, score or rank moves there, both sides evaluated as evaluate --period would.
Appeals: both sides read the working tree's appeal files; for each period whose appeal files the
working tree adds, edits or removes (--appeals, default configs/appeals; without --period every such
period is found, with it that period only), an "Appeal decisions of <period>" section shows whose
grade, score or rank they move, with the working tree's policy. When no version file changed, the
title does not say "if governed by the changed version".
${ENGINE_HELP.en}`,
};

/** `scorebook impact`. */
export async function runImpact(argv: string[], io: CommandIo): Promise<number> {
  const { values } = parseCommandArgs('impact', argv, {
    base: { type: 'string' },
    policies: { type: 'string' },
    period: { type: 'string' },
    data: { type: 'string' },
    results: { type: 'string' },
    format: { type: 'string' },
    ...DATA_OPTIONS,
    engine: { type: 'string' },
    threads: { type: 'string' },
  });
  if (values.help) {
    io.out(IMPACT_HELP[pickLang(values.lang)]);
    return EXIT.ok;
  }
  const lang = pickLang(values.lang);
  const format = oneOf(values.format, ['human', 'markdown', 'json'] as const, 'human', 'format');
  const threads = threadsOption(values.threads);
  const report = await policyImpact({
    baseRef: required(values, 'base', 'impact'),
    policiesDir: required(values, 'policies', 'impact'),
    resultsRoot: values.results ?? 'data/results',
    ...(values.period ? { period: periodOption(values.period) } : {}),
    ...(values.data ? { dataDir: values.data } : {}),
    ...(values.source !== undefined ? { sourceFile: values.source } : {}),
    ...(values['allow-missing'] !== undefined ? { allowMissing: dataOptions(values).allowMissing } : {}),
    appealsDir: dataOptions(values).appealsDir,
    ...engineOption(values.engine),
    ...(threads === undefined ? {} : { threads }),
  });
  if (format === 'json') io.out(`${JSON.stringify(report, null, 2)}\n`);
  else io.out(renderImpact(report, lang, format === 'markdown' ? 'markdown' : 'text'));
  return EXIT.ok;
}
