import { accessSync, constants, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Evaluation } from '@scorebook/engine';
import { messageOf, ScorebookError } from '@scorebook/problems';
import { CLI_ERRORS } from '../cli-error.ts';

/** What {@link writeSqlFile} writes. */
export interface SqlFile {
  /** The path `--sql-out` names. */
  file: string;
  /** Every statement DuckDB ran, in the order it ran them. */
  statements: readonly string[];
  evaluation: Evaluation;
  /** The data folder, as given. */
  data: string;
}

/**
 * Stops before the evaluation when the `--sql-out` file's folder cannot take it (missing, not
 * writable): a run of minutes is not spent to fail at its last step (SQL_OUT_UNWRITABLE).
 */
export function checkSqlFileFolder(file: string): void {
  try {
    accessSync(dirname(resolve(file)), constants.W_OK);
  } catch (error) {
    throw unwritable(file, error);
  }
}

/**
 * `--sql-out` (docs/scale.md §6): a header of comment lines in Chinese and English (the policy, its
 * version, the period, the data folder), a blank line, then each statement followed by `;` and a
 * line break, a blank line between two. Written whole: a temporary file beside it, renamed; the
 * temporary file is removed whatever happens.
 */
export function writeSqlFile({ file, statements, evaluation, data }: SqlFile): void {
  const { policy, period } = evaluation.results;
  const header = [
    `-- scorebook evaluate --engine duckdb 为策略 ${policy.id}(${policy.version})、期间 ${period.id}、数据 ${data}`,
    '-- 运行的 SQL,按运行顺序;表在语句之间由 appender 填入(docs/scale.md §6)。',
    `-- The SQL scorebook evaluate --engine duckdb ran for the policy ${policy.id} (${policy.version}),`,
    `-- period ${period.id}, data ${data}, in the order it ran; tables are filled by appenders between`,
    '-- the statements (docs/scale.md §6).',
  ].join('\n');
  const temp = join(dirname(resolve(file)), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, `${header}\n\n${statements.map((s) => `${s};\n`).join('\n')}`);
    renameSync(temp, file);
  } catch (error) {
    throw unwritable(file, error);
  } finally {
    rmSync(temp, { force: true });
  }
}

function unwritable(file: string, error: unknown): ScorebookError {
  const reason = (error as NodeJS.ErrnoException).code ?? String(error);
  return new ScorebookError('refused', [
    {
      code: 'SQL_OUT_UNWRITABLE',
      severity: 'error',
      message: messageOf(CLI_ERRORS, 'SQL_OUT_UNWRITABLE', { file, reason }),
      file,
      line: null,
      column: null,
    },
  ]);
}
