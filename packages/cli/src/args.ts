import { type ParseArgsConfig, parseArgs } from 'node:util';
import { INPUT_TABLES } from '@scorebook/contract';
import { UsageError } from './cli-error.ts';

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
    throw new UsageError(`${(error as Error).message}\n  scorebook ${command} --help`);
  }
}

/** The value of a required string option, or a usage error. */
export function required(values: Record<string, unknown>, name: string, command: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '')
    throw new UsageError(`scorebook ${command}: --${name} is required (--${name} <…>)`);
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
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
  return value as T;
}

/** The options of every command that reads data: the source to read it through, absent tables allowed. */
export const DATA_OPTIONS = {
  source: { type: 'string' },
  'allow-missing': { type: 'string', multiple: true },
} as const satisfies Options;

/** The help lines of {@link DATA_OPTIONS}. */
export const DATA_OPTIONS_HELP = `  --source        数据来源文件(默认 <data>/source.yaml,如有)/ the source to read the data through
                  (default <data>/source.yaml when there is one)
  --allow-missing 允许缺失的表(逗号分隔,可重复),其指标记为无数据 / tables that may be absent
                  (comma-separated, repeatable); their metrics are recorded as no data`;

/** `--source` and `--allow-missing` as the engine takes them; table names are checked. */
export function dataOptions(values: {
  source?: string | undefined;
  'allow-missing'?: string[] | undefined;
}): {
  sourceFile: string | null;
  allowMissing: string[];
} {
  const tables = (values['allow-missing'] ?? [])
    .flatMap((v) => v.split(','))
    .map((t) => t.trim())
    .filter((t) => t !== '');
  for (const t of tables) {
    if (!(INPUT_TABLES as readonly string[]).includes(t))
      throw new UsageError(`--allow-missing takes table names (${INPUT_TABLES.join(', ')}), got "${t}"`);
  }
  return { sourceFile: values.source ?? null, allowMissing: tables };
}
