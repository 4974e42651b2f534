import { messageOf, type Problem } from '@scorebook/problems';
import { RUN_ERRORS } from '../errors.ts';
import type { Inputs } from '../read/read-inputs.ts';
import type { RowChecks } from './row-checks.ts';

/** How many rejected rows a table may have before the run fails. */
export type RejectedLimit = { kind: 'percent'; value: number } | { kind: 'rows'; value: number };

/** The default: 1% of a table's rows. */
export const DEFAULT_REJECTED_LIMIT: RejectedLimit = { kind: 'percent', value: 1 };

/**
 * Reads `1%`, `0.5%` (a share of the table's rows) or `10` (a number of rows, at most 15 digits, so
 * that it is written back as it was given); null if neither.
 */
export function parseRejectedLimit(text: string): RejectedLimit | null {
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text.trim());
  if (percent) {
    const value = Number(percent[1]);
    return value <= 100 ? { kind: 'percent', value } : null;
  }
  if (/^\d{1,15}$/.test(text.trim())) return { kind: 'rows', value: Number(text.trim()) };
  return null;
}

/** True when `rejected` rows of a table of `rows` rows exceed the limit. */
export function exceedsLimit(limit: RejectedLimit, rejected: number, rows: number): boolean {
  return limit.kind === 'rows' ? rejected > limit.value : rejected > (rows * limit.value) / 100;
}

/** The limit as written, for messages. */
export function formatLimit(limit: RejectedLimit): string {
  return limit.kind === 'rows' ? `${limit.value}` : `${limit.value}%`;
}

/**
 * The tables whose rejected rows exceed the limit (`docs/contract/data-contract.md`, bad input), each with the
 * earlier rejected rows that caused most of them (an agent row whose rejection took its
 * conversations with it). Custom tables count like the contract's. Each problem is at the file
 * with the most rejected rows, its `path` is the table, and a table whose rejected rows lie in
 * several files names how many and the three with most.
 */
export function tooManyRejected(
  inputs: Inputs,
  checks: RowChecks,
  limit: RejectedLimit,
  skip: ReadonlySet<string> = new Set(),
): Problem[] {
  const problems: Problem[] = [];
  for (const input of [...Object.values(inputs.tables), ...inputs.custom.values()]) {
    const { table } = input;
    if (skip.has(table)) continue;
    const rejected = checks.rejectedBy.get(table) ?? 0;
    if (!exceedsLimit(limit, rejected, input.rows)) continue;
    const causes = new Map<string, number>();
    for (const r of checks.rejected) {
      if (r.table !== table || r.cause === null) continue;
      const key = `${r.cause.file}:${r.cause.line}`;
      causes.set(key, (causes.get(key) ?? 0) + 1);
    }
    const top = [...causes]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([place, rows]) => ({ place, rows }));
    const reasons = new Map<string, number>();
    const files = new Map<string, number>();
    for (const r of checks.rejected) {
      if (r.table !== table) continue;
      const reason = `${r.code}${r.field === null ? '' : ` [${r.field}]`}`;
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      files.set(r.file, (files.get(r.file) ?? 0) + 1);
    }
    const codes = [...reasons]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 3)
      .map(([reason, n]) => `${n} ${reason}`)
      .join(', ');
    const byFile = [...files].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const worst = byFile[0]?.[0];
    const spread = byFile
      .slice(0, 3)
      .map(([file, n]) => `${file} (${n})`)
      .join(', ');
    problems.push({
      code: 'TOO_MANY_REJECTED',
      severity: 'error',
      message: messageOf(RUN_ERRORS, 'TOO_MANY_REJECTED', {
        table,
        rejected,
        rows: input.rows,
        limit: formatLimit(limit),
        causes: top,
        codes,
        fileCount: byFile.length,
        files: `${spread}${byFile.length > 3 ? ', …' : ''}`,
      }),
      file: worst ?? input.files[0]?.name ?? table,
      line: null,
      column: null,
      path: table,
    });
  }
  return problems;
}
