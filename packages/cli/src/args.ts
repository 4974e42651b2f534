import { existsSync, statSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { INPUT_TABLES } from '@scorebook/contract';
import { parseRejectedLimit, type RejectedLimit } from '@scorebook/engine';
// The appeals folder when `--appeals` is not given (relative to the working directory): the one a recorded command leaves out.
import { DEFAULT_APPEALS_DIR } from '@scorebook/governance';
import type { Bilingual } from '@scorebook/problems';
import { isMonitoringKind, parsePeriod } from '@scorebook/time';
import { usageError } from './cli-error.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Options every command takes. */
export const COMMON_OPTIONS = {
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** Parses a command's arguments strictly; unknown options are usage errors that name the command's help. */
export function parseCommandArgs<T extends Options>(command: string, argv: string[], options: T) {
  try {
    return parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, ...options },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    const option = /'(--?[^' ]+)/.exec(message)?.[1];
    if (option !== undefined && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
      throw usageError('OPTION_UNKNOWN', { option, command });
    if (option !== undefined && code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw usageError('OPTION_VALUE_MISSING', { option, command });
    throw usageError('BAD_ARGUMENTS', { reason: message, command });
  }
}

/** The value of a required string option, or a usage error. */
export function required(values: Record<string, unknown>, name: string, command: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '')
    throw usageError('OPTION_REQUIRED', { command, option: name });
  return value;
}

/** Checks that an option is one of the allowed words. */
export function oneOf<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
  name: string,
): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw usageError('OPTION_NOT_ONE_OF', { option: name, allowed: allowed.join(', '), got: value });
  return value as T;
}

/** Stops a command that takes no positional arguments when some were given. */
export function noPositionals(command: string, positionals: readonly string[]): void {
  if (positionals.length > 0) throw usageError('NO_POSITIONALS', { command, got: positionals.join(' ') });
}

/**
 * `--period` when it names a month (2026-10), a quarter (2026-Q4) or a year (2026), else a usage
 * error; a monitoring period (a week, a day, a range) is refused unless `monitoring` (evaluate).
 */
export function periodOption(value: string, monitoring = false): string {
  const period = parsePeriod(value);
  if (period === null) throw usageError('PERIOD_INVALID', { got: value });
  if (isMonitoringKind(period.kind) && !monitoring)
    throw usageError('PERIOD_NOT_EVALUATED', { got: value, kind: period.kind });
  return value;
}

/** `--max-rejected` as the engine takes it (`1%` or a number of rows); undefined when not given. */
export function maxRejectedOption(value: string | undefined): RejectedLimit | undefined {
  if (value === undefined) return undefined;
  const limit = parseRejectedLimit(value);
  if (limit === null) throw usageError('MAX_REJECTED_INVALID', { got: value });
  return limit;
}

/** The most `--threads` takes (docs/scale.md §0). */
export const MAX_THREADS = 256;

/** The `--threads` option (evaluate, verify, impact): a whole number from 1 to {@link MAX_THREADS}; undefined when not given. */
export function threadsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[1-9][0-9]{0,2}$/.test(value) || Number(value) > MAX_THREADS)
    throw usageError('THREADS_INVALID', { max: MAX_THREADS, got: value });
  return Number(value);
}

/** One evaluation's threads from `--threads`: its reading threads and DuckDB's; nothing without it. */
export function evaluationThreads(threads: number | undefined): {
  parallel?: { threads: number };
  sqlThreads?: number;
} {
  return threads === undefined ? {} : { parallel: { threads }, sqlThreads: threads };
}

/** The options of every command that reads data: the source to read it through, absent tables allowed. */
export const DATA_OPTIONS = {
  source: { type: 'string' },
  'allow-missing': { type: 'string', multiple: true },
  appeals: { type: 'string' },
} as const satisfies Options;

/** The help lines of {@link DATA_OPTIONS}. */
export const DATA_OPTIONS_HELP: Bilingual = {
  zh: `  --source        数据来源文件(默认 <data>/source.yaml,如有)
  --allow-missing 允许缺失的表(逗号分隔,可重复),其指标记为无数据
  --appeals       申诉文件夹(默认 configs/appeals),读取 <appeals>/<期间>/*.yaml`,
  en: `  --source        the source to read the data through (default <data>/source.yaml when there is one)
  --allow-missing tables that may be absent (comma-separated, repeatable); their metrics are
                  recorded as no data
  --appeals       the appeals folder (default configs/appeals); the period's appeals are
                  <appeals>/<period>/*.yaml`,
};

/**
 * `--source`, `--allow-missing` and `--appeals` as the engine takes them; table names are checked,
 * and an `--appeals` given must be an existing folder (a mistyped one would drop every decision).
 */
export function dataOptions(values: {
  source?: string | undefined;
  'allow-missing'?: string[] | undefined;
  appeals?: string | undefined;
}): {
  sourceFile: string | null;
  allowMissing: string[];
  appealsDir: string;
} {
  const tables = (values['allow-missing'] ?? [])
    .flatMap((v) => v.split(','))
    .map((t) => t.trim())
    .filter((t) => t !== '');
  for (const t of tables) {
    if (!(INPUT_TABLES as readonly string[]).includes(t))
      throw usageError('ALLOW_MISSING_NOT_A_TABLE', { tables: INPUT_TABLES.join(', '), got: t });
  }
  const appeals = values.appeals;
  if (appeals !== undefined && !(existsSync(appeals) && statSync(appeals).isDirectory()))
    throw usageError('APPEALS_NOT_A_FOLDER', { dir: appeals, exists: existsSync(appeals) });
  return {
    sourceFile: values.source ?? null,
    allowMissing: tables,
    appealsDir: values.appeals ?? DEFAULT_APPEALS_DIR,
  };
}
