import { type ArgsOf, type Bilingual, defineCatalogue, fixed, messageOf } from '@scorebook/problems';
import type { MonitoringKind } from '@scorebook/time';

const MONITORING_WORDS: Record<MonitoringKind, [string, string]> = {
  week: ['ISO 周', 'an ISO week'],
  day: ['日', 'a day'],
  range: ['自定义区间', 'a custom range'],
};

/**
 * The errors of the command line itself (not of a policy, source or data), by permanent code:
 * `SOURCE_EXISTS` stops `source init` and `SQL_OUT_UNWRITABLE` `evaluate --sql-out` as a problem
 * (exit 1); every other entry is bad usage
 * (exit 2, {@link UsageError}). Each says what was wrong, with the value given, and what to type.
 */
export const CLI_ERRORS = defineCatalogue({
  SOURCE_EXISTS: {
    zh: (p: { file: string; reason: string }) =>
      `${p.file} 已存在(${p.reason}),source init 不会覆盖它。请先改名或删除,或用 --out 写到别处。`,
    en: (p: { file: string; reason: string }) =>
      `${p.file} exists (${p.reason}); source init never overwrites it. Rename or remove it first, or write elsewhere with --out.`,
  },
  SQL_OUT_UNWRITABLE: {
    zh: (p: { file: string; reason: string }) =>
      `无法写入 --sql-out 的文件 ${p.file}(${p.reason})。请确认它所在的文件夹存在并且可写,或换一个路径。`,
    en: (p: { file: string; reason: string }) =>
      `The --sql-out file ${p.file} cannot be written (${p.reason}). Check that its folder exists and is writable, or give another path.`,
  },
  BAD_ARGUMENTS: {
    zh: (p: { reason: string; command: string }) => `${p.reason}\n  scorebook ${p.command} --help`,
    en: (p: { reason: string; command: string }) => `${p.reason}\n  scorebook ${p.command} --help`,
  },
  // The command line's own words for what node:util's parseArgs refuses (its text is English only).
  OPTION_UNKNOWN: {
    zh: (p: { option: string; command: string }) =>
      `scorebook ${p.command} 没有选项 ${p.option}。可用的选项见:\n  scorebook ${p.command} --help`,
    en: (p: { option: string; command: string }) =>
      `scorebook ${p.command} has no option ${p.option}. Its options:\n  scorebook ${p.command} --help`,
  },
  OPTION_VALUE_MISSING: {
    zh: (p: { option: string; command: string }) =>
      `选项 ${p.option} 缺少值。请写 ${p.option} <值>;值以 - 开头时写成 ${p.option}=<值>(例如 ${p.option}=-5)。\n  scorebook ${p.command} --help`,
    en: (p: { option: string; command: string }) =>
      `The option ${p.option} has no value. Write ${p.option} <value>; for a value starting with -, ${p.option}=<value> (${p.option}=-5, say).\n  scorebook ${p.command} --help`,
  },
  OPTION_REQUIRED: {
    zh: (p: { command: string; option: string }) =>
      `scorebook ${p.command}:缺少必需的 --${p.option}(--${p.option} <…>)`,
    en: (p: { command: string; option: string }) =>
      `scorebook ${p.command}: --${p.option} is required (--${p.option} <…>)`,
  },
  OPTION_NOT_ONE_OF: {
    zh: (p: { option: string; allowed: string; got: string }) =>
      `--${p.option} 应为 ${p.allowed} 之一(收到 "${p.got}")`,
    en: (p: { option: string; allowed: string; got: string }) =>
      `--${p.option} must be one of ${p.allowed} (got "${p.got}")`,
  },
  THREADS_INVALID: {
    zh: (p: { max: number; got: string }) => `--threads 应为 1 到 ${p.max} 之间的整数(收到 "${p.got}")`,
    en: (p: { max: number; got: string }) =>
      `--threads takes a whole number from 1 to ${p.max} (got "${p.got}")`,
  },
  NOT_A_POSITIVE_NUMBER: {
    zh: (p: { option: string; whole: boolean; got: string }) =>
      `--${p.option} 应为正${p.whole ? '整' : ''}数(收到 "${p.got}")`,
    en: (p: { option: string; whole: boolean; got: string }) =>
      `--${p.option} takes a positive ${p.whole ? 'whole ' : ''}number (got "${p.got}")`,
  },
  ALLOW_MISSING_NOT_A_TABLE: {
    zh: (p: { tables: string; got: string }) => `--allow-missing 只接受表名(${p.tables}),收到 "${p.got}"`,
    en: (p: { tables: string; got: string }) =>
      `--allow-missing takes table names (${p.tables}), got "${p.got}"`,
  },
  APPEALS_NOT_A_FOLDER: {
    zh: (p: { dir: string; exists: boolean }) =>
      `--appeals ${p.dir} ${p.exists ? '不是文件夹' : '不存在'}:它应为申诉文件夹(默认 configs/appeals),其中的 <期间>/*.yaml 是各期间的申诉。请检查路径;没有申诉时指向一个空文件夹。`,
    en: (p: { dir: string; exists: boolean }) =>
      `--appeals ${p.dir} ${p.exists ? 'is not a folder' : 'does not exist'}: it takes the appeals folder (default configs/appeals), whose <period>/*.yaml are each period's appeals. Check the path; point it at an empty folder when there are none.`,
  },
  PERIOD_INVALID: {
    zh: (p: { got: string }) => `--period 应为月份 2026-10、季度 2026-Q4 或年份 2026(收到 "${p.got}")`,
    en: (p: { got: string }) =>
      `--period takes a month 2026-10, a quarter 2026-Q4 or a year 2026 (got "${p.got}")`,
  },
  PERIOD_NOT_EVALUATED: {
    zh: (p: { got: string; kind: MonitoringKind }) =>
      `--period ${p.got} 是监控期间(${MONITORING_WORDS[p.kind][0]}),只能用 scorebook evaluate 查看,不能发布、复核或用于 impact;请写月份 2026-10、季度 2026-Q4 或年份 2026`,
    en: (p: { got: string; kind: MonitoringKind }) =>
      `--period ${p.got} is a monitoring period (${MONITORING_WORDS[p.kind][1]}): scorebook evaluate shows it, but it cannot be published, verified or used by impact; write a month 2026-10, a quarter 2026-Q4 or a year 2026`,
  },
  MAX_REJECTED_INVALID: {
    zh: (p: { got: string }) => `--max-rejected 应为百分比(1%)或行数(10),收到 "${p.got}"`,
    en: (p: { got: string }) =>
      `--max-rejected takes a percentage (1%) or a number of rows (10), got "${p.got}"`,
  },
  PORT_INVALID: {
    zh: (p: { got: string }) => `--port 应为端口号(收到 "${p.got}")`,
    en: (p: { got: string }) => `--port takes a port number (got "${p.got}")`,
  },
  SQL_OUT_NEEDS_DUCKDB: fixed(
    '--sql-out 只能与 --engine duckdb 一起使用:默认引擎不运行 SQL',
    '--sql-out goes with --engine duckdb: the default engine runs no SQL',
  ),
  REASON_WITHOUT_SUPERSEDE: fixed('--reason 只能与 --supersede 一起使用', '--reason goes with --supersede'),
  SUPERSEDE_NEEDS_REASON: fixed('--supersede 需要 --reason "原因"', '--supersede needs --reason "why"'),
  NO_POSITIONALS: {
    zh: (p: { command: string; got: string }) => `scorebook ${p.command} 不接受位置参数(收到 ${p.got})`,
    en: (p: { command: string; got: string }) =>
      `scorebook ${p.command} takes no positional arguments (got ${p.got})`,
  },
  DIFF_TWO_FILES: fixed('scorebook diff 需要两个策略文件', 'scorebook diff takes two policy files'),
  DIFF_SHARED_NOT_FOLDER: {
    zh: (p: { option: string; dir: string }) =>
      `--${p.option} 应为共用定义文件夹(例如 configs/shared),但 ${p.dir} 不是文件夹。请检查路径。`,
    en: (p: { option: string; dir: string }) =>
      `--${p.option} takes a folder of shared definitions (e.g. configs/shared), but ${p.dir} is not a folder. Check the path.`,
  },
  VALIDATE_NO_FOLDER: fixed(
    'scorebook validate:请至少指定一个策略文件夹,例如 configs/policies/ecommerce-cs',
    'scorebook validate: name at least one policy folder, e.g. configs/policies/ecommerce-cs',
  ),
  TEST_NO_FOLDER: fixed(
    'scorebook test:请指定策略文件夹,例如 configs/policies/ecommerce-cs',
    'scorebook test: name a policy folder, e.g. configs/policies/ecommerce-cs',
  ),
  SITE_UNKNOWN_ACTION: {
    zh: (p: { action: string }) => `scorebook site:未知操作 "${p.action}"`,
    en: (p: { action: string }) => `scorebook site: unknown action "${p.action}"`,
  },
  SITE_SERVE_NO_DIR: fixed(
    'scorebook site serve <dir>:请指定已生成的网站文件夹',
    'scorebook site serve <dir>: name a built site folder',
  ),
  SOURCE_UNKNOWN_VERB: {
    zh: (p: { verb: string }) => `scorebook source 后应为 init 或 check(收到 "${p.verb}")`,
    en: (p: { verb: string }) => `scorebook source takes init or check (got "${p.verb}")`,
  },
  SOURCE_ONE_FOLDER: {
    zh: (p: { verb: string }) => `scorebook source ${p.verb} 需要一个数据文件夹`,
    en: (p: { verb: string }) => `scorebook source ${p.verb} takes one data folder`,
  },
});

/** The codes of bad usage: every code of {@link CLI_ERRORS} but the problem `SOURCE_EXISTS`. */
export type UsageCode = Exclude<keyof typeof CLI_ERRORS, 'SOURCE_EXISTS'>;

// After these the command's help is printed: the arguments were wrong as a whole.
const WITH_HELP: ReadonlySet<UsageCode> = new Set<UsageCode>([
  'NO_POSITIONALS',
  'DIFF_TWO_FILES',
  'VALIDATE_NO_FOLDER',
  'TEST_NO_FOLDER',
  'SITE_UNKNOWN_ACTION',
  'SITE_SERVE_NO_DIR',
  'SOURCE_UNKNOWN_VERB',
  'SOURCE_ONE_FOLDER',
]);

/**
 * Bad usage of the command line: exit code 2. Carries its code and message in both languages;
 * the command line prints the message in the chosen language, followed by the command's help
 * when `showsHelp`.
 */
export class UsageError extends Error {
  override name = 'UsageError';
  readonly code: UsageCode;
  readonly text: Bilingual;
  readonly showsHelp: boolean;

  constructor(code: UsageCode, text: Bilingual) {
    super(text.en);
    this.code = code;
    this.text = text;
    this.showsHelp = WITH_HELP.has(code);
  }
}

/** The {@link UsageError} of a code, with its parameters. */
export function usageError<K extends UsageCode>(
  code: K,
  ...args: ArgsOf<(typeof CLI_ERRORS)[K]>
): UsageError {
  return new UsageError(code, messageOf(CLI_ERRORS, code, ...args));
}

/** Exit codes of every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;
