import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from '@scorebook/contract';
import { PAYROLL_AMOUNT_COLUMNS, payrollRows, sheetCsv, sheetXlsx } from '@scorebook/policy';
import type { Bilingual } from '@scorebook/problems';
import { isMonitoringKind, type PeriodKind } from '@scorebook/time';
import { noPositionals, parseCommandArgs, required } from '../args.ts';
import { EXIT, usageError } from '../cli-error.ts';
import { pickLang } from '../lang.ts';
import { say } from '../text.ts';
import type { CommandIo } from './io.ts';

export const PAYROLL_HELP: Bilingual = {
  zh: `scorebook payroll --results <dir> --out <payroll.csv|payroll.xlsx> [--lang zh|en]

把一个期间的 results.json(evaluate 的输出目录,或 data/results/<期间>)导出为薪资表:每位客服一行,
在职状态(employment_status,left 为已离职)、绩效系数、奖金基数、奖金、奖项与合计,金额保留到分(docs/scorecards.md「薪资导出」)。仅适用于格式 2 的策略;监控期间(周、日、区间)不能导出;
没有 manifest.json(未发布)的结果照常导出,但会提示。文件类型由 --out 的扩展名决定。
`,
  en: `scorebook payroll --results <dir> --out <payroll.csv|payroll.xlsx> [--lang zh|en]

Exports a period's results.json (a folder evaluate wrote, or data/results/<period>) as a payroll:
one row per agent with employment status (left: no longer employed), coefficient, base, bonus,
awards and total, amounts in cents
(docs/scorecards.md, payroll). Policy format 2 only; a monitoring period (week, day, range) is
refused; results without manifest.json (not published) are exported with a warning. The file type follows --out's extension.
`,
};

/** `scorebook payroll`: a period's payroll as CSV or XLSX, from its results.json. */
export async function runPayroll(argv: string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('payroll', argv, {
    results: { type: 'string' },
    out: { type: 'string' },
  });
  if (values.help) {
    io.out(PAYROLL_HELP[pickLang(values.lang)]);
    return EXIT.ok;
  }
  noPositionals('payroll', positionals);
  const lang = pickLang(values.lang);
  const dir = required(values, 'results', 'payroll');
  const file = join(dir, 'results.json');
  const out = required(values, 'out', 'payroll');
  const xlsx = out.toLowerCase().endsWith('.xlsx');
  if (!xlsx && !out.toLowerCase().endsWith('.csv'))
    throw usageError('OPTION_NOT_ONE_OF', { option: 'out', allowed: '*.csv, *.xlsx', got: out });
  if (!existsSync(file)) {
    io.err(`${say(lang, 'VERIFY_NO_RESULTS', { file })}\n`);
    return EXIT.failed;
  }
  let results: Results;
  try {
    results = JSON.parse(readFileSync(file, 'utf8')) as Results;
  } catch {
    io.err(`${say(lang, 'VERIFY_NOT_RESULTS', { file })}\n`);
    return EXIT.failed;
  }
  const kind = results.period.kind as PeriodKind | undefined;
  if (kind !== undefined && isMonitoringKind(kind)) {
    io.err(`${say(lang, 'PAYROLL_MONITORING', { file, period: results.period.id })}\n`);
    return EXIT.failed;
  }
  const rows = payrollRows(results);
  if (rows === null) {
    io.err(`${say(lang, 'PAYROLL_FORMAT_1', { file })}\n`);
    return EXIT.failed;
  }
  const money = Object.fromEntries(PAYROLL_AMOUNT_COLUMNS.map((c) => [c, '0.00']));
  writeFileSync(out, xlsx ? await sheetXlsx(rows, results.period.id, money) : sheetCsv(rows));
  io.err(
    `${say(lang, 'PAYROLL_WRITTEN', { file: out, agents: rows.length - 1, period: results.period.id })}\n`,
  );
  if (!existsSync(join(dir, 'manifest.json'))) io.err(`${say(lang, 'PAYROLL_UNPUBLISHED', { dir })}\n`);
  return EXIT.ok;
}
