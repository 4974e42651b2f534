import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Zone } from '@scorebook/time';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftSourceFor } from '../../src/draft/sample-files.ts';
import { TableTyper } from '../../src/fields/table-typer.ts';
import { loadSourceBytes } from '../../src/load/load-source.ts';
import { locateFiles } from '../../src/locate/locate-files.ts';
import { readFile } from '../../src/read/read-file.ts';

// A conversation list whose 开始时间 column holds xlsx date cells, Excel serials in number cells
// without a date format, and text dates, as a workbook pasted together from two systems.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scorebook-mixed-times-'));
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet('会话');
  ws.addRow(['会话ID', '客服工号', '渠道', '开始时间']);
  ws.addRow(['C1', 'A01', 'chat', new Date(Date.UTC(2026, 9, 1, 8, 30))]);
  ws.getCell('D2').numFmt = 'yyyy/m/d h:mm';
  ws.addRow(['C2', 'A01', 'chat', '2026/10/1 9:05']);
  ws.addRow(['C3', 'A02', 'chat', 46296.5]); // 2026-10-01 12:00
  ws.addRow(['C4', 'A02', 'chat', '2026/10/12 14:40']);
  ws.addRow(['C5', 'A01', 'chat', 46297.25]); // 2026-10-02 06:00
  ws.addRow(['C6', 'A02', 'chat', 46298.75]); // 2026-10-03 18:00
  await writeFile(join(dir, '会话记录.xlsx'), Buffer.from(await book.xlsx.writeBuffer()));
  await writeFile(
    join(dir, 'agents.csv'),
    'agent_id,name,team,role\nA01,张三,一组,售后\nA02,李四,一组,售后\n',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('source init on a time column of xlsx date cells, serials and text', () => {
  it('proposes the formats that read every cell and says how many each read', async () => {
    const draft = await draftSourceFor(dir, { id: 'mixed', schema: 'source.schema.json' });
    const lines = draft.split('\n');
    const at = lines.findIndex((l) => l.includes('started_at'));
    expect(lines.slice(at, at + 2)).toEqual([
      '      started_at: { column: 开始时间, format: ["excel", "yyyy/M/d H:mm"] }',
      '      # started_at: 样本中各格式读取的单元格 / sample cells each format read: excel 3, "yyyy/M/d H:mm" 2, xlsx 日期单元格 / date cells 1',
    ]);
  });

  it('gives a source that reads every cell to the instant it shows', async () => {
    const draft = await draftSourceFor(dir, { id: 'mixed', schema: 'source.schema.json' });
    const { source, problems } = loadSourceBytes(join(dir, 'source.yaml'), new TextEncoder().encode(draft));
    expect(problems).toEqual([]);
    const located = locateFiles(dir, source!);
    const { table, files, reading } = located.tables.conversations!;
    const typer = new TableTyper(table, reading, new Zone('Asia/Shanghai'));
    const read: unknown[] = [];
    for await (const item of readFile({
      path: files[0]!.path,
      name: files[0]!.name,
      format: files[0]!.format,
      encoding: reading!.encoding,
      headerRow: reading!.headerRow,
      sheet: reading!.sheet,
    })) {
      if (item.kind === 'header')
        expect(typer.fileHeader(files[0]!.name, item.columns, item.line)).toEqual([]);
      if (item.kind !== 'record') continue;
      const typed = typer.record(item.cells);
      read.push(
        typed === null || 'rejection' in typed
          ? typed
          : new Date(typed.values.started_at as number).toISOString(),
      );
    }
    // Wall-clock times in Asia/Shanghai (UTC+8).
    expect(read).toEqual([
      '2026-10-01T00:30:00.000Z',
      '2026-10-01T01:05:00.000Z',
      '2026-10-01T04:00:00.000Z',
      '2026-10-12T06:40:00.000Z',
      '2026-10-01T22:00:00.000Z',
      '2026-10-03T10:00:00.000Z',
    ]);
  });
});
