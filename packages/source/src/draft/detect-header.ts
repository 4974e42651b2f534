import type { Cell } from '../read/file-items.ts';
import { WallClock } from '../read/file-items.ts';
import { normalizeHeader } from './normalize.ts';

/** How many rows from the top may be titles above the header. */
export const MAX_TITLE_ROWS = 20;

/**
 * The 1-based row of the header in rows read from the top of a CSV file or sheet, or null when
 * none of the first {@link MAX_TITLE_ROWS} + 1 rows looks like one. A row looks like a header when
 * it has at least two non-empty cells, at least 60% as many as the median width (non-empty
 * cells) of the non-empty rows among the 50 after it (the upper median of an even count; its
 * own width when none follow), every non-empty cell is text that does not read as a number, a date
 * or a time, and no two cells are the same after normalisation. Title rows of Excel exports (one
 * merged cell, `导出时间: 2026-11-01`) fail the width test; a few rows made wider by unquoted
 * commas in a text (`您好,请问`) do not move the median, so the header is still found and the
 * reading then rejects those rows with FIELD_COUNT.
 */
export function detectHeaderRow(rows: readonly (readonly Cell[])[]): number | null {
  for (const [r, row] of rows.slice(0, MAX_TITLE_ROWS + 1).entries()) {
    const cells = row.filter((c) => !isEmpty(c));
    if (cells.length < 2) continue;
    const after = rows
      .slice(r + 1, r + 51)
      .map((row) => row.filter((c) => !isEmpty(c)).length)
      .filter((n) => n > 0)
      .sort((a, b) => a - b);
    const width = after.length === 0 ? cells.length : (after[Math.floor(after.length / 2)] ?? 0);
    if (cells.length * 10 < width * 6) continue;
    if (!cells.every((c) => typeof c === 'string' && !looksLikeValue(c))) continue;
    const names = cells.map((c) => normalizeHeader(c as string));
    if (new Set(names).size !== names.length) continue;
    return r + 1;
  }
  return null;
}

/** True for a cell that holds nothing: null, or text that is blank. */
export function isEmpty(cell: Cell): boolean {
  return cell === null || (typeof cell === 'string' && cell.trim() === '');
}

/** The text of a header cell: text trimmed; numbers and booleans as written; anything else empty. */
export function headerText(cell: Cell): string {
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof WallClock) return new Date(cell.ms).toISOString();
  return '';
}

// A number (with thousands separators, a sign, a percent or a currency) or anything that starts
// like a date or a time.
const NUMBER_LIKE = /^[+-]?[¥$€£]?\d[\d,]*(\.\d+)?%?$/u;
const DATE_LIKE = /^\d{1,4}[-/.年]\d{1,2}([-/.月]\d{1,4}日?)?|^\d{1,2}:\d{2}/u;

function looksLikeValue(text: string): boolean {
  const t = text.trim().normalize('NFKC');
  return NUMBER_LIKE.test(t) || DATE_LIKE.test(t);
}
