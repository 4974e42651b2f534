import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import type { FieldMapping, TableSource } from '../model.ts';
import type { ReadFileOptions } from '../read/file-items.ts';
import { withMisplacedHeader } from './misplaced-header.ts';
import { TableTyper } from './table-typer.ts';

const at = { file: 'source.yaml', line: 1, column: 1, path: '' };
const mapped = (field: string, column: string): FieldMapping => ({
  field,
  column,
  map: null,
  format: null,
  number: null,
  type: null,
  source: at,
});
const reading = (headerRow: number): TableSource => ({
  table: 'qa_reviews',
  files: null,
  encoding: 'utf-8',
  headerRow,
  sheet: null,
  fields: [
    mapped('review_id', '质检单号'),
    mapped('agent_id', '客服工号'),
    mapped('reviewed_at', '质检时间'),
    mapped('score', '质检得分'),
  ],
  source: at,
});

/** Writes a CSV file and checks its header as the engine does: the typer's problems, then the hint. */
async function check(text: string, headerRow: number) {
  const dir = mkdtempSync(join(tmpdir(), 'scorebook-header-'));
  const path = join(dir, 'qa.csv');
  writeFileSync(path, text);
  const options: ReadFileOptions = {
    path,
    name: 'qa.csv',
    format: 'csv',
    encoding: 'utf-8',
    headerRow,
    sheet: null,
    table: 'qa_reviews',
  };
  const typer = new TableTyper('qa_reviews', reading(headerRow), new Zone('Asia/Shanghai'));
  const lines = text.split('\n');
  const header = (lines.find((l, i) => i >= headerRow - 1 && l.trim() !== '') ?? '').split(',');
  return withMisplacedHeader(options, typer, header, typer.fileHeader('qa.csv', header, headerRow));
}

const TABLE = '质检单号,客服工号,质检时间,质检得分\nq1,a1,2026-10-05T10:00:00,95\n';

describe('a header_row that misses the header', () => {
  it('is said once, with the row the header is on, instead of one problem per column', async () => {
    const problems = await check(`客服质检明细表(2026年10月)\n导出人:质检组\n\n${TABLE}`, 1);
    expect(problems.map((p) => [p.code, p.file, p.line])).toEqual([['HEADER_ROW_MISPLACED', 'qa.csv', 1]]);
    expect(problems[0]!.message.en).toBe(
      'The header of qa.csv looks like row 4 (it has 4 of the 4 columns source.yaml reads), not row 1 (header_row: 1, which reads: 客服质检明细表(2026年10月)). Write header_row: 4 under the table qa_reviews in source.yaml.',
    );
  });

  it('is found below the header_row given too', async () => {
    const problems = await check(`标题\n${TABLE}`, 3);
    expect(problems.map((p) => p.code)).toEqual(['HEADER_ROW_MISPLACED']);
    expect(problems[0]!.message.en).toContain('Write header_row: 2 ');
  });

  it('leaves the column problems alone when no row holds more of the columns', async () => {
    const problems = await check('单号,工号,时间,得分\nq1,a1,2026-10-05T10:00:00,95\n', 1);
    expect(problems.map((p) => p.code)).toEqual([
      'MAPPED_COLUMN_MISSING',
      'MAPPED_COLUMN_MISSING',
      'MAPPED_COLUMN_MISSING',
      'MAPPED_COLUMN_MISSING',
    ]);
  });
});
