import { type ArgsOf, defineCatalogue, fixed, type Lang, textOf } from '@scorebook/problems';

/**
 * What the command line prints, in both languages, by permanent key (the catalogue style of
 * every package). Entries take typed parameters.
 */
export const CLI_TEXT = defineCatalogue({
  NOTHING_WRITTEN: fixed('✗ 没有写出任何结果。', '✗ No results were written.'),
  REJECTED_HEADING: {
    zh: (p: { n: number }) => `被拒绝的行(${p.n}):`,
    en: (p: { n: number }) => `Rejected rows (${p.n}):`,
  },
  REJECTED_MORE: {
    zh: (p: { n: number; where: string }) => `  …还有 ${p.n} 行,完整列表见 ${p.where}`,
    en: (p: { n: number; where: string }) => `  … ${p.n} more; the full list is in ${p.where}`,
  },
  REJECTED_REPORT: {
    zh: (p: { path: string }) => `  完整的被拒绝行报告:${p.path}`,
    en: (p: { path: string }) => `  The full report of rejected rows: ${p.path}`,
  },
  REJECTED_REPORT_FAILED: {
    zh: (p: { reason: string }) => `  (无法写出完整的被拒绝行报告:${p.reason})`,
    en: (p: { reason: string }) => `  (The full report of rejected rows could not be written: ${p.reason})`,
  },
  CAUSED_BY: {
    zh: (p: { place: string }) => `    ← 原因:${p.place}`,
    en: (p: { place: string }) => `    ← caused by ${p.place}`,
  },
  SUMMARY_TABLES: fixed('读取的表:', 'Tables read:'),
  SUMMARY_TABLE: {
    zh: (p: {
      table: string;
      files: number;
      rows: number;
      rejected: number;
      excluded: number;
      range: string;
    }) =>
      `  ${p.table.padEnd(13)} ${p.files} 个文件,${p.rows} 行,拒绝 ${p.rejected},剔除 ${p.excluded}${p.range ? `,${p.range}` : ''}`,
    en: (p: {
      table: string;
      files: number;
      rows: number;
      rejected: number;
      excluded: number;
      range: string;
    }) =>
      `  ${p.table.padEnd(13)} ${p.files} files, ${p.rows} rows, ${p.rejected} rejected, ${p.excluded} excluded${p.range ? `, ${p.range}` : ''}`,
  },
  SUMMARY_TABLE_ABSENT: {
    zh: (p: { table: string }) => `  ${p.table.padEnd(13)} 缺失(没有文件)`,
    en: (p: { table: string }) => `  ${p.table.padEnd(13)} absent (no file)`,
  },
  SUMMARY_SCORECARD: {
    zh: (p: { scorecard: string; agents: number }) =>
      `考核表 ${p.scorecard}(${p.agents} 名客服)各计分指标有数据的人数:`,
    en: (p: { scorecard: string; agents: number }) =>
      `Scorecard ${p.scorecard} (${p.agents} agents), agents with data per scored metric:`,
  },
  SUMMARY_METRIC: {
    zh: (p: { metric: string; withData: number; agents: number }) =>
      `  ${p.metric.padEnd(24)} ${p.withData}/${p.agents}`,
    en: (p: { metric: string; withData: number; agents: number }) =>
      `  ${p.metric.padEnd(24)} ${p.withData}/${p.agents}`,
  },
  WARNING: {
    zh: (p: { text: string }) => `⚠ ${p.text}`,
    en: (p: { text: string }) => `⚠ ${p.text}`,
  },
  SOURCE_USED: {
    zh: (p: { path: string; id: string }) => `数据来源:${p.path}${p.id ? `(${p.id})` : ''}`,
    en: (p: { path: string; id: string }) => `Source: ${p.path}${p.id ? ` (${p.id})` : ''}`,
  },
  CHECK_SOURCE: {
    zh: (p: { path: string; id: string }) => `数据来源:${p.path}${p.id ? `(${p.id})` : ''}`,
    en: (p: { path: string; id: string }) => `Source: ${p.path}${p.id ? ` (${p.id})` : ''}`,
  },
  CHECK_NO_SOURCE: fixed(
    '数据来源:没有 source.yaml,按数据合同的文件名和列名读取',
    'Source: no source.yaml; files and columns are read by the names of the data contract',
  ),
  CHECK_TIMEZONE: {
    zh: (p: { timezone: string; given: boolean }) =>
      `不带时差的时间按 ${p.timezone} 读取${p.given ? '' : '(source.yaml 没有 timezone;评估时用策略的时区,可用 --timezone 指定)'}`,
    en: (p: { timezone: string; given: boolean }) =>
      `Timestamps without an offset are read in ${p.timezone}${p.given ? '' : " (source.yaml sets no timezone; a run uses the policy's — pass --timezone)"}`,
  },
  CHECK_TABLE: {
    zh: (p: { table: string }) => `== ${p.table}`,
    en: (p: { table: string }) => `== ${p.table}`,
  },
  CHECK_ABSENT: fixed('  缺失:没有文件', '  absent: no file'),
  CHECK_FILES: {
    zh: (p: { list: string }) => `  文件:${p.list}`,
    en: (p: { list: string }) => `  files: ${p.list}`,
  },
  CHECK_ROWS: {
    zh: (p: { rows: number; rejected: number; inPeriod: string; range: string }) =>
      `  ${p.rows} 行,拒绝 ${p.rejected}${p.inPeriod}${p.range ? `,时间 ${p.range}` : ''}`,
    en: (p: { rows: number; rejected: number; inPeriod: string; range: string }) =>
      `  ${p.rows} rows, ${p.rejected} rejected${p.inPeriod}${p.range ? `, from ${p.range}` : ''}`,
  },
  CHECK_IN_PERIOD: {
    zh: (p: { n: number; period: string }) => `,期间 ${p.period} 内 ${p.n} 行`,
    en: (p: { n: number; period: string }) => `, ${p.n} in ${p.period}`,
  },
  CHECK_FIELDS: fixed('  字段 ← 列:', '  field ← column:'),
  CHECK_FIELD: {
    zh: (p: { field: string; column: string; present: boolean }) =>
      `    ${p.field.padEnd(24)} ← ${p.present ? p.column : `(没有列 ${p.column})`}`,
    en: (p: { field: string; column: string; present: boolean }) =>
      `    ${p.field.padEnd(24)} ← ${p.present ? p.column : `(no column ${p.column})`}`,
  },
  CHECK_EXTRAS: {
    zh: (p: { list: string }) => `  其他列(按文本读取,可在条件中使用):${p.list}`,
    en: (p: { list: string }) => `  other columns (read as text, usable in conditions): ${p.list}`,
  },
  CHECK_VALUES: {
    zh: (p: { field: string; list: string }) => `  取值 ${p.field}:${p.list}`,
    en: (p: { field: string; list: string }) => `  values of ${p.field}: ${p.list}`,
  },
  CHECK_REJECTED: {
    zh: (p: { code: string; n: number }) => `  被拒绝 ${p.code} × ${p.n},例如:`,
    en: (p: { code: string; n: number }) => `  rejected ${p.code} × ${p.n}, e.g.:`,
  },
  INIT_WROTE: {
    zh: (p: { file: string; todos: number; dir: string }) =>
      `✓ 已写出草稿 ${p.file}${p.todos > 0 ? `,其中 ${p.todos} 处 TODO 待补全` : ''}。\n  检查并修改后运行:npx scorebook source check ${p.dir}`,
    en: (p: { file: string; todos: number; dir: string }) =>
      `✓ Wrote the draft ${p.file}${p.todos > 0 ? ` with ${p.todos} TODOs to complete` : ''}.\n  Review it, then run: npx scorebook source check ${p.dir}`,
  },
  CHECK_OK: fixed('✓ 评估可以读取这些数据。', '✓ A run can read this data.'),
  CHECK_FAILED: fixed('✗ 评估会因上述问题停止。', '✗ A run would stop on the problems above.'),
});

/** Problems the command line itself reports (not of a policy, source or data). */
export const CLI_ERRORS = defineCatalogue({
  SOURCE_EXISTS: {
    zh: (p: { file: string; reason: string }) =>
      `${p.file} 已存在(${p.reason}),source init 不会覆盖它。请先改名或删除,或用 --out 写到别处。`,
    en: (p: { file: string; reason: string }) =>
      `${p.file} exists (${p.reason}); source init never overwrites it. Rename or remove it first, or write elsewhere with --out.`,
  },
});

/** A line of the command line's text in the chosen language. */
export function say<K extends keyof typeof CLI_TEXT & string>(
  lang: Lang,
  key: K,
  ...args: ArgsOf<(typeof CLI_TEXT)[K]>
): string {
  return textOf(CLI_TEXT, lang, key, ...args);
}
