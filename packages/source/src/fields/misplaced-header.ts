import type { Problem } from '@scorebook/problems';
import { messageOf } from '@scorebook/problems';
import { SOURCE_ERRORS } from '../errors.ts';
import type { ReadFileOptions } from '../read/file-items.ts';
import { readFile } from '../read/read-file.ts';
import type { TableTyper } from './table-typer.ts';

/** How many rows from the top of a file are tried as the header that `header_row` missed. */
export const HEADER_SEARCH_ROWS = 20;

const COLUMN_CODES: ReadonlySet<string> = new Set(['MAPPED_COLUMN_MISSING', 'REQUIRED_COLUMN_MISSING']);

/**
 * The header problems of a CSV or xlsx file, with a misplaced `header_row` said once. When the
 * header at `header_row` lacks columns the source names (`MAPPED_COLUMN_MISSING`,
 * `REQUIRED_COLUMN_MISSING`), each `header_row` from 1 to {@link HEADER_SEARCH_ROWS} is tried (the
 * header is then the first non-blank row at or after it, as the readers take it), and the header
 * row that holds most of the columns the table reads ({@link TableTyper.expectedColumns}, compared
 * as the header's trimmed cells) is found; ties go to the earlier row. If that
 * row is not `header_row` and holds more of them than the header did, the file's column problems
 * are replaced by one `HEADER_ROW_MISPLACED` naming that row; otherwise the problems are returned
 * as they are. A file that cannot be read again keeps its problems.
 */
export async function withMisplacedHeader(
  options: ReadFileOptions,
  typer: TableTyper,
  header: readonly string[],
  problems: Problem[],
): Promise<Problem[]> {
  if (options.format === 'jsonl' || !problems.some((p) => COLUMN_CODES.has(p.code))) return problems;
  const expected = new Set(typer.expectedColumns());
  const count = (cells: readonly string[]) => new Set(cells.filter((c) => expected.has(c))).size;
  const found = count(header);
  let best: { row: number; line: number; found: number } | null = null;
  // Rows wider than a title row are not records of it: each candidate row is read as the header.
  // Candidates above blank rows give the header below them; the last candidate that gives a
  // header is that header's own row (the readers' line is not a row where a quoted cell spans lines).
  for (let row = 1; row <= HEADER_SEARCH_ROWS; row++) {
    const cells = await headerAt(options, row);
    if (cells === null) break;
    if (best !== null && cells.line === best.line) best.row = row;
    else {
      const n = count(cells.columns);
      if (n > (best?.found ?? 0)) best = { row, line: cells.line, found: n };
    }
  }
  if (best === null || best.row === options.headerRow || best.found <= found) return problems;
  const misplaced: Problem = {
    code: 'HEADER_ROW_MISPLACED',
    severity: 'error',
    message: messageOf(SOURCE_ERRORS, 'HEADER_ROW_MISPLACED', {
      file: options.name,
      table: options.table ?? '',
      headerRow: options.headerRow,
      row: best.row,
      found: best.found,
      expected: expected.size,
      header: header.join(', '),
    }),
    file: options.name,
    line: options.headerRow,
    column: null,
  };
  return [misplaced, ...problems.filter((p) => !COLUMN_CODES.has(p.code))];
}

/** The header a file has when read from `headerRow`, or null when it has none there (or cannot be read). */
async function headerAt(
  options: ReadFileOptions,
  headerRow: number,
): Promise<{ line: number; columns: string[] } | null> {
  try {
    for await (const item of readFile({ ...options, headerRow, onBytes: undefined })) {
      if (item.kind === 'header') return { line: item.line, columns: item.columns };
      return null;
    }
  } catch {
    return null;
  }
  return null;
}
