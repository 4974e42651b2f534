import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { type FileItem, WallClock } from './file-items.ts';
import { readXlsx } from './xlsx.ts';

// Workbooks written by another program (exceljs, both its writers), read back.
const dir = mkdtempSync(join(tmpdir(), 'scorebook-xlsx-exceljs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readBack(path: string, sheet: string | null, headerRow = 1): Promise<unknown[]> {
  const out: unknown[] = [];
  for await (const item of readXlsx({
    path,
    name: 'book.xlsx',
    format: 'xlsx',
    encoding: 'utf-8',
    headerRow,
    sheet,
  })) {
    out.push(summary(item));
  }
  return out;
}

function summary(item: FileItem): unknown {
  if (item.kind === 'header') return [item.line, item.columns];
  if (item.kind === 'record') return [item.line, item.cells];
  return [item.line, item.kind];
}

function fill(ws: ExcelJS.Worksheet): void {
  ws.addRow(['2026年10月 消息记录']);
  ws.addRow(['会话ID', '发送时间', '发送方', '字数', '已读', '双倍']);
  ws.addRow([
    'C-1',
    new Date(Date.UTC(2026, 9, 5, 9, 30, 15, 250)),
    '客服',
    12,
    true,
    { formula: 'D3*2', result: 24 },
  ]);
  ws.addRow([]);
  ws.addRow([
    'C-2',
    new Date(Date.UTC(2026, 9, 5, 9, 31)),
    '客户',
    3.5,
    false,
    { formula: 'D5*2', result: 7 },
  ]);
  ws.getColumn(2).numFmt = 'yyyy/m/d h:mm:ss.000';
}

const expected = [
  [2, ['会话ID', '发送时间', '发送方', '字数', '已读', '双倍']],
  [3, ['C-1', new WallClock(Date.UTC(2026, 9, 5, 9, 30, 15, 250)), '客服', 12, true, 24]],
  [5, ['C-2', new WallClock(Date.UTC(2026, 9, 5, 9, 31)), '客户', 3.5, false, 7]],
];

describe('readXlsx on workbooks exceljs wrote', () => {
  it('reads the in-memory writer (shared strings), a hidden first sheet and a CJK name', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('配置', { state: 'hidden' }).addRow(['x']);
    const ws = book.addWorksheet('消息');
    fill(ws);
    ws.mergeCells('A1:F1');
    const path = join(dir, 'memory.xlsx');
    writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
    expect(await readBack(path, '消息', 2)).toEqual(expected);
    expect(await readBack(path, null)).toEqual([[1, ['x']]]);
  });

  it('reads a workbook of the 1904 date system', async () => {
    const book = new ExcelJS.Workbook();
    book.properties.date1904 = true;
    fill(book.addWorksheet('消息'));
    const path = join(dir, '1904.xlsx');
    writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
    expect(await readBack(path, '消息', 2)).toEqual(expected);
  });

  it('reads the streaming writer (inline strings)', async () => {
    const path = join(dir, 'stream.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: path,
      useSharedStrings: false,
      useStyles: true,
    });
    const ws = book.addWorksheet('消息');
    fill(ws);
    for (let r = 1; r <= 5; r++) ws.getRow(r).commit();
    ws.commit();
    await book.commit();
    expect(await readBack(path, '消息', 2)).toEqual(expected);
  });
});
