/** How many rejected rows a table may have before the run fails. */
export type RejectedLimit = { kind: 'percent'; value: number } | { kind: 'rows'; value: number };

/** The default: 1% of a table's rows. */
export const DEFAULT_REJECTED_LIMIT: RejectedLimit = { kind: 'percent', value: 1 };

/** Reads `1%`, `0.5%` (a share of the table's rows) or `10` (a number of rows); null if neither. */
export function parseRejectedLimit(text: string): RejectedLimit | null {
  const percent = /^(\d+(?:\.\d+)?)%$/.exec(text.trim());
  if (percent) {
    const value = Number(percent[1]);
    return value <= 100 ? { kind: 'percent', value } : null;
  }
  if (/^\d+$/.test(text.trim())) return { kind: 'rows', value: Number(text.trim()) };
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
