import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScorebookError } from '@scorebook/problems';
import { afterAll, describe, expect, it } from 'vitest';
import { buildXlsx, type WorkbookSpec, zip } from '../../test/xlsx-fixture.ts';
import { type FileItem, WallClock } from './file-items.ts';
import { readXlsx } from './xlsx.ts';

const dir = mkdtempSync(join(tmpdir(), 'scorebook-xlsx-test-'));
// The reader's temporary files go to a folder of this test file's own (each test file runs in a
// process of its own), to check that none is left once reading ends, whatever the ending.
const spools = join(dir, 'tmp');
mkdirSync(spools);
process.env.TMPDIR = spools;
let count = 0;
afterAll(() => {
  expect(readdirSync(spools)).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});

async function read(
  bytes: Buffer,
  options: {
    headerRow?: number;
    sheet?: string | null;
    maxRecordBytes?: number;
    maxSpoolBytes?: number;
  } = {},
): Promise<{ items: FileItem[]; seen: Buffer }> {
  const path = join(dir, `book-${count++}.xlsx`);
  writeFileSync(path, bytes);
  const seen: Buffer[] = [];
  const items: FileItem[] = [];
  for await (const item of readXlsx({
    path,
    name: 'exports/会话.xlsx',
    format: 'xlsx',
    encoding: 'utf-8',
    headerRow: options.headerRow ?? 1,
    sheet: options.sheet ?? null,
    onBytes: (b) => seen.push(Buffer.from(b)),
    ...(options.maxRecordBytes ? { maxRecordBytes: options.maxRecordBytes } : {}),
    ...(options.maxSpoolBytes ? { maxSpoolBytes: options.maxSpoolBytes } : {}),
  })) {
    items.push(item);
  }
  return { items, seen: Buffer.concat(seen) };
}

async function problemOf(
  bytes: Buffer,
  options: { headerRow?: number; sheet?: string | null; maxSpoolBytes?: number } = {},
) {
  try {
    await read(bytes, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ScorebookError);
    const e = error as ScorebookError;
    expect(e.kind).toBe('input');
    expect(e.problems).toHaveLength(1);
    return e.problems[0]!;
  }
  throw new Error('read without a problem');
}

const records = (items: FileItem[]) =>
  items.map((i) =>
    i.kind === 'record' ? [i.line, i.cells] : i.kind === 'header' ? [i.line, i.columns] : [i.line, i.kind],
  );

const row = (r: number, cells: string) => `<row r="${r}">${cells}</row>`;
const s = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
const n = (ref: string, value: string | number, style = 0) =>
  `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${value}</v></c>`;
const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
/** Row 1 with the names in columns A, B, … as inline strings. */
const header = (...names: string[]) =>
  row(1, names.map((name, i) => inline(`${String.fromCharCode(65 + i)}1`, name)).join(''));

describe('readXlsx: rows and header', () => {
  it('skips title rows above header_row and gives each record its row number', async () => {
    const book = buildXlsx({
      sheets: [
        {
          name: '会话',
          rows:
            header('2026年10月 会话记录') +
            row(2, inline('A2', '导出时间 2026-11-01')) +
            row(3, inline('A3', '会话ID') + inline('B3', '客服工号') + inline('C3', '满意度')) +
            row(4, inline('A4', 'C-1') + inline('B4', 'A001') + n('C4', 5)) +
            row(6, inline('A6', 'C-2') + inline('B6', 'A002') + n('C6', 4)),
          after: '<mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells>',
        },
      ],
    });
    const { items } = await read(book, { headerRow: 3 });
    expect(records(items)).toEqual([
      [3, ['会话ID', '客服工号', '满意度']],
      [4, ['C-1', 'A001', 5]],
      [6, ['C-2', 'A002', 4]],
    ]);
  });

  it('skips blank rows: absent, only styled empty cells, or empty strings', async () => {
    const book = buildXlsx({
      sheets: [
        {
          name: 'S',
          rows:
            header('a', 'b') +
            row(2, n('A2', 1)) +
            row(3, '<c r="A3" s="1"/><c r="B3" s="2"/>') +
            row(4, `${s('A4', 0)}<c r="B4" t="inlineStr"><is><t></t></is></c>`) +
            row(5, '') +
            row(9, n('B9', 2)),
        },
      ],
      sharedStrings: [''],
    });
    expect(records((await read(book)).items)).toEqual([
      [1, ['a', 'b']],
      [2, [1, null]],
      [9, [null, 2]],
    ]);
  });

  it('aligns sparse cells to the header, padding with null, with or without cell references', async () => {
    const book = buildXlsx({
      sheets: [
        {
          name: 'S',
          rows:
            header('a', 'b', 'c', 'd', 'e') +
            row(2, n('A2', 1) + n('D2', 4)) +
            '<row><c><v>1</v></c><c><v>2</v></c><c r="E3"><v>5</v></c></row>' +
            row(4, n('B4', 2)),
        },
      ],
    });
    expect(records((await read(book)).items)).toEqual([
      [1, ['a', 'b', 'c', 'd', 'e']],
      [2, [1, null, null, 4, null]],
      [3, [1, 2, null, null, 5]],
      [4, [null, 2, null, null, null]],
    ]);
  });

  it('rejects a row with a value in a column the header does not name (FIELD_COUNT)', async () => {
    const book = buildXlsx({
      sheets: [
        {
          name: 'S',
          rows: header('a', 'b') + row(2, n('A2', 1) + n('AB2', 9) + n('AC2', 10)) + row(3, n('B3', 2)),
        },
      ],
    });
    const { items } = await read(book);
    expect(items[1]).toEqual({
      kind: 'bad',
      line: 2,
      code: 'FIELD_COUNT',
      message: {
        zh: '单元格 AB2 有值,但表头只有 2 列,这一列没有列名。请给该列加上列名,或删除这个值。',
        en: 'Cell AB2 has a value but the header has only 2 columns, so its column has no name. Name the column in the header or remove the value.',
      },
    });
    expect(records(items).slice(2)).toEqual([[3, [null, 2]]]);
  });

  it('rejects a row repeating the header, trimmed, as in a CSV file (HEADER_REPEATED)', async () => {
    const book = buildXlsx({
      sheets: [
        {
          name: 'S',
          rows:
            header('会话ID', '客服', '满意度') +
            row(2, inline('A2', 'c1') + inline('B2', 'a1') + n('C2', 5)) +
            // A second export pasted below: its header (with a space), then its rows.
            row(3, inline('A3', '会话ID ') + inline('B3', '客服') + inline('C3', '满意度')) +
            row(4, inline('A4', 'c2') + inline('B4', 'a2') + n('C4', 4)) +
            // Not the header: one name missing, or one name more.
            row(5, inline('A5', '会话ID') + inline('B5', '客服')) +
            row(
              6,
              inline('A6', '会话ID') + inline('B6', '客服') + inline('C6', '满意度') + inline('D6', 'x'),
            ),
        },
      ],
    });
    const { items } = await read(book);
    expect(items[2]).toEqual({
      kind: 'bad',
      line: 3,
      code: 'HEADER_REPEATED',
      message: {
        zh: '这一行与文件的表头完全相同:这个文件很可能是两个导出拼接而成。这一行不是数据,只作为被拒绝的行列出;请删除这一行(或把两个导出分别存为两个文件),并确认两段导出没有重复的记录。',
        en: "this line repeats the file's header: the file is most likely two exports joined. The line is not data and is only listed as a rejected row; remove it (or save the two exports as two files), and check that the two exports do not hold the same records twice.",
      },
    });
    expect(items.map((i) => `${i.kind}:${i.kind === 'bad' ? i.code : ''}`)).toEqual([
      'header:',
      'record:',
      'bad:HEADER_REPEATED',
      'record:',
      'record:',
      'bad:FIELD_COUNT',
    ]);
  });

  it('rejects a totals row (TOTAL_ROW): its first non-empty cell is 合计, a number or date first is data', async () => {
    const book = buildXlsx({
      sheets: [
        {
          name: 'S',
          rows:
            header('会话编号', '客服', '满意度') +
            row(2, inline('A2', 'c1') + inline('B2', 'a1') + n('C2', 5)) +
            // The export's totals row: an empty first cell, then 合计, then a sum.
            row(3, inline('B3', '合计') + n('C3', 5)) +
            row(4, inline('A4', 'Grand Total') + n('C4', 5)) +
            row(5, n('A5', 2026) + inline('B5', '合计') + n('C5', 5)),
        },
      ],
    });
    const { items } = await read(book);
    expect(items.map((i) => `${i.line} ${i.kind}:${i.kind === 'bad' ? i.code : ''}`)).toEqual([
      '1 header:',
      '2 record:',
      '3 bad:TOTAL_ROW',
      '4 bad:TOTAL_ROW',
      '5 record:',
    ]);
    expect(items[2]).toMatchObject({ message: { en: expect.stringContaining('(column 2 reads "合计")') } });
  });

  it('never takes a row for the header when the header names nothing', async () => {
    const book = buildXlsx({
      sheets: [
        {
          name: 'S',
          rows: row(1, '<c r="A1" t="inlineStr"><is><t> </t></is></c>') + row(2, inline('A2', ' ')),
        },
      ],
    });
    const { items } = await read(book);
    expect(items.map((i) => i.kind)).toEqual(['header', 'record']);
  });

  it('reads a merged area as its top-left cell, the rest empty', async () => {
    const book = buildXlsx({
      sheets: [
        {
          name: 'S',
          rows:
            header('组', '客服') +
            row(2, inline('A2', '售后一组') + inline('B2', 'A001')) +
            row(3, `<c r="A3" s="0"/>${inline('B3', 'A002')}`),
          after: '<mergeCells count="1"><mergeCell ref="A2:A3"/></mergeCells>',
        },
      ],
    });
    expect(records((await read(book)).items)).toEqual([
      [1, ['组', '客服']],
      [2, ['售后一组', 'A001']],
      [3, [null, 'A002']],
    ]);
  });

  it('gives header cells as text, empty ones as ""', async () => {
    const book = buildXlsx({
      sheets: [
        { name: 'S', rows: row(1, `${inline('A1', 'id') + n('C1', 2026)}<c r="D1" t="b"><v>1</v></c>`) },
      ],
    });
    expect(records((await read(book)).items)).toEqual([[1, ['id', '', '2026', 'TRUE']]]);
  });

  it('stops when header_row is empty, naming the next row with content', async () => {
    const book = buildXlsx({
      sheets: [{ name: '会话', rows: header('标题') + row(4, inline('A4', 'id')) }],
    });
    const problem = await problemOf(book, { headerRow: 2 });
    expect([problem.code, problem.file, problem.line]).toEqual([
      'XLSX_HEADER_MISSING',
      'exports/会话.xlsx',
      2,
    ]);
    expect(problem.message.en).toBe(
      'Row 2 (header_row) of sheet "会话" is empty: there is no header. The next row with content is row 4; if the header is there, write header_row: 4 in source.yaml.',
    );
    const empty = await problemOf(buildXlsx({ sheets: [{ name: 'S', rows: '' }] }));
    expect([empty.code, empty.line]).toEqual(['XLSX_HEADER_MISSING', 1]);
    expect(empty.message.en).toContain('The sheet has no data from this row on.');
  });

  it('stops on a row holding more text than maxRecordBytes', async () => {
    const book = buildXlsx({
      sheets: [{ name: 'S', rows: header('a') + row(7, inline('A7', 'x'.repeat(200))) }],
    });
    const { items } = await read(book, { maxRecordBytes: 1000 });
    expect(items).toHaveLength(2);
    try {
      await read(book, { maxRecordBytes: 100 });
      expect.unreachable();
    } catch (error) {
      const p = (error as ScorebookError).problems[0]!;
      expect([p.code, p.line]).toEqual(['XLSX_ROW_TOO_LARGE', 7]);
    }
  });
});

describe('readXlsx: cell values', () => {
  it('reads shared and inline strings alike: runs joined, phonetic readings left out, escapes decoded once', async () => {
    const strings = [
      '客服',
      { xml: '<r><rPr><b/></rPr><t>满意</t></r><r><t xml:space="preserve"> 度</t></r>' },
      { xml: '<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1"/>' },
      { xml: '<t>第一行_x000D_\n第二行 a_x005F_x000D_b &amp;lt; &lt;</t>' },
      '  两端空格  ',
    ];
    const book = buildXlsx({
      sheets: [
        {
          name: 'S',
          rows:
            // The shared strings in row 2 and the same inline in row 3, under a header of its own
            // (a row equal to the header would be HEADER_REPEATED).
            header('a', 'b', 'c', 'd', 'e') +
            row(2, s('A2', 0) + s('B2', 1) + s('C2', 2) + s('D2', 3) + s('E2', 4)) +
            row(
              3,
              inline('A3', '客服') +
                '<c r="B3" t="inlineStr"><is><r><t>满意</t></r><r><t xml:space="preserve"> 度</t></r></is></c>' +
                '<c r="C3" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c>' +
                inline('D3', '第一行_x000D_\n第二行 a_x005F_x000D_b &amp;lt; &lt;') +
                inline('E3', '  两端空格  '),
            ),
        },
      ],
      sharedStrings: strings,
    });
    const { items } = await read(book);
    const expected = ['客服', '满意 度', '東京', '第一行\r\n第二行 a_x000D_b &lt; <', '  两端空格  '];
    expect(records(items)).toEqual([
      [1, ['a', 'b', 'c', 'd', 'e']],
      [2, expected],
      [3, expected],
    ]);
  });

  it('keeps numbers as numbers, ids included, and long integers written in full as their digits', async () => {
    const book = buildXlsx({
      sheets: [
        {
          name: 'S',
          rows:
            header('a') +
            row(2, n('A2', 1001)) +
            row(3, n('A3', '1001.0')) +
            row(4, n('A4', '-0.1')) +
            row(5, n('A5', '1.23456789012345E+17')) +
            row(6, n('A6', '12345678901234567890')) +
            row(7, n('A7', '9007199254740991')) +
            row(8, n('A8', 3.5, 7)) +
            row(9, n('A9', 1001, 6)) +
            row(10, n('A10', 12, 8)),
        },
      ],
    });
    expect(records((await read(book)).items).slice(1)).toEqual([
      [2, [1001]],
      [3, [1001]],
      [4, [-0.1]],
      [5, [123456789012345000]],
      [6, ['12345678901234567890']],
      [7, [9007199254740991]],
      [8, [3.5]],
      [9, [1001]],
      [10, [12]],
    ]);
  });

  it('reads booleans, error values as their text, and cached formula results by their type', async () => {
    const book = buildXlsx({
      sheets: [
        {
          name: 'S',
          rows:
            header('a', 'b', 'c', 'd', 'e') +
            row(
              2,
              '<c r="A2" t="b"><v>1</v></c><c r="B2" t="b"><v>0</v></c><c r="C2" t="e"><v>#N/A</v></c>',
            ) +
            row(
              3,
              '<c r="A3"><f>SUM(B1:B9)</f><v>42.5</v></c><c r="B3" t="str"><f>A1&amp;"x"</f><v>ax</v></c>' +
                '<c r="C3" t="b"><f>A3&gt;1</f><v>1</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c>' +
                '<c r="E3" s="2"><f>NOW()</f><v>46300.375</v></c>',
            ) +
            row(4, '<c r="A4"><f>B4*2</f></c><c r="B4"><f t="shared" ref="B4:B5" si="0">C4</f><v>7</v></c>'),
        },
      ],
    });
    expect(records((await read(book)).items).slice(1)).toEqual([
      [2, [true, false, '#N/A', null, null]],
      [3, [42.5, 'ax', true, '#DIV/0!', new WallClock(Date.UTC(2026, 9, 5, 9, 0))]],
      [4, [null, 7, null, null, null]],
    ]);
  });

  it('reads date-formatted cells as wall-clock times from the serial, to the nearest millisecond', async () => {
    const book = buildXlsx({
      sheets: [
        {
          name: 'S',
          rows:
            header('a') +
            row(2, n('A2', 46300, 1)) +
            row(3, n('A3', 46300.375, 2)) +
            row(4, n('A4', '46300.500005798611', 3)) +
            row(5, n('A5', '45000.00000171875', 3)) +
            row(6, n('A6', 46300, 4)) +
            row(7, n('A7', '1.0625', 5)) +
            row(8, n('A8', '0.5', 9)) +
            row(9, '<c r="A9" t="d"><v>2026-10-05T09:30:00.123</v></c>') +
            row(10, n('A10', 46300, 0)) +
            row(11, '<c r="A11" t="d"><v>0050-01-02</v></c>'),
        },
      ],
    });
    expect(records((await read(book)).items).slice(1)).toEqual([
      [2, [new WallClock(Date.UTC(2026, 9, 5))]],
      [3, [new WallClock(Date.UTC(2026, 9, 5, 9, 0))]],
      [4, [new WallClock(Date.UTC(2026, 9, 5, 12, 0, 0, 501))]],
      [5, [new WallClock(Date.UTC(2023, 2, 15, 0, 0, 0, 149))]],
      [6, [new WallClock(Date.UTC(2026, 9, 5))]],
      [7, [new WallClock(Date.UTC(1899, 11, 31, 1, 30))]],
      [8, [new WallClock(Date.UTC(1899, 11, 30, 12))]],
      [9, [new WallClock(Date.UTC(2026, 9, 5, 9, 30, 0, 123))]],
      [10, [46300]],
      // year 50 is itself, not 1950
      [11, [new WallClock(-60_589_209_600_000)]],
    ]);
  });

  it('counts from 1904-01-01 in a workbook of the 1904 date system', async () => {
    const book = buildXlsx({
      sheets: [
        {
          name: 'S',
          rows: header('a') + row(2, n('A2', 44838.375, 2)) + row(3, n('A3', 44838)),
        },
      ],
      date1904: true,
    });
    expect(records((await read(book)).items).slice(1)).toEqual([
      [2, [new WallClock(Date.UTC(2026, 9, 5, 9, 0))]],
      [3, [44838]],
    ]);
  });

  it('reads elements with a namespace prefix', async () => {
    const rows =
      '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c></x:row>';
    expect(records((await read(buildXlsx({ sheets: [{ name: 'S', rows }] }))).items)).toEqual([
      [1, ['a']],
      [2, [1]],
    ]);
  });
});

describe('readXlsx: sheets', () => {
  const sheets: WorkbookSpec['sheets'] = [
    { name: '说明', rows: header('说明') },
    { name: '配置', rows: header('隐藏'), state: 'hidden' },
    { name: '消息', rows: header('发送方') + row(2, inline('A2', '客服')) },
  ];

  it('reads the sheet named, CJK names included, hidden ones too', async () => {
    expect(records((await read(buildXlsx({ sheets }), { sheet: '消息' })).items)).toEqual([
      [1, ['发送方']],
      [2, ['客服']],
    ]);
    expect(records((await read(buildXlsx({ sheets }), { sheet: '配置' })).items)).toEqual([[1, ['隐藏']]]);
  });

  it('reads the first sheet in workbook order by default, not the first in the zip', async () => {
    const book = buildXlsx({ sheets, order: ['xl/worksheets/sheet3.xml', 'xl/worksheets/sheet2.xml'] });
    expect(records((await read(book)).items)).toEqual([[1, ['说明']]]);
  });

  it('skips chart sheets by default and refuses one named', async () => {
    const book = buildXlsx({ sheets: [{ name: '图表', rows: '', chart: true }, ...sheets] });
    expect(records((await read(book)).items)).toEqual([[1, ['说明']]]);
    const problem = await problemOf(book, { sheet: '图表' });
    expect([problem.code, problem.message.en]).toEqual([
      'XLSX_NOT_WORKSHEET',
      '"图表" is a chart or dialog sheet with no cells. Set sheet in source.yaml to the sheet that holds the data.',
    ]);
    const charts = await problemOf(buildXlsx({ sheets: [{ name: '图表', rows: '', chart: true }] }));
    expect(charts.code).toBe('XLSX_NO_WORKSHEET');
  });

  it('stops on a missing sheet, listing the sheets there are', async () => {
    const problem = await problemOf(buildXlsx({ sheets }), { sheet: '消息记录' });
    expect([problem.code, problem.file, problem.line]).toEqual([
      'XLSX_SHEET_MISSING',
      'exports/会话.xlsx',
      null,
    ]);
    expect(problem.message.zh).toBe(
      '工作簿中没有名为 "消息记录" 的工作表。现有的工作表:"说明"、"配置"(隐藏)、"消息"。请把 source.yaml 中的 sheet 改为其中之一(名称须完全一致)。',
    );
    expect(problem.message.en).toContain('Its sheets: "说明", "配置" (hidden), "消息".');
  });
});

describe('readXlsx: the zip archive', () => {
  const spec: WorkbookSpec = {
    sheets: [
      {
        name: '会话',
        rows:
          row(1, s('A1', 0) + s('B1', 1) + s('C1', 2)) +
          row(2, s('A2', 3) + n('B2', 46300.375, 2) + n('C2', 1001)) +
          row(3, `${s('A3', 4) + n('B3', 46300.5, 2)}<c r="C3" t="b"><v>1</v></c>`),
      },
    ],
    sharedStrings: ['会话ID', '开始时间', '值', 'C-1', 'C-2'],
  };
  const expected = [
    [1, ['会话ID', '开始时间', '值']],
    [2, ['C-1', new WallClock(Date.UTC(2026, 9, 5, 9)), 1001]],
    [3, ['C-2', new WallClock(Date.UTC(2026, 9, 5, 12)), true]],
  ];
  const orders: Record<string, Partial<WorkbookSpec>> = {
    "Excel's (sheet before styles and shared strings)": {},
    'shared strings and styles first': { order: ['xl/sharedStrings.xml', 'xl/styles.xml'] },
    'workbook and relationships last': {
      order: ['xl/worksheets/sheet1.xml', 'xl/styles.xml', 'xl/sharedStrings.xml', 'xl/workbook.xml'],
    },
    'stored entries': { method: 'store' },
    'data descriptors': { descriptor: true },
    'stored entries with data descriptors': { method: 'store', descriptor: true },
  };

  for (const [label, variant] of Object.entries(orders)) {
    it(`reads the same cells whatever the entries' layout: ${label}`, async () => {
      const book = buildXlsx({ ...spec, ...variant });
      const { items, seen } = await read(book);
      expect(records(items)).toEqual(expected);
      expect(seen.equals(book)).toBe(true);
    });
  }

  it('stops on a workbook cut off anywhere, never waiting for the rest of an entry', async () => {
    const book = buildXlsx(spec);
    // Cut at every twentieth of the file and in the last bytes (inside the end record).
    const cuts = [
      ...Array.from({ length: 19 }, (_, k) => Math.floor((book.length * (k + 1)) / 20)),
      book.length - 1,
      book.length - 10,
    ];
    for (const cut of cuts) {
      const problem = await problemOf(book.subarray(0, cut));
      expect([cut, problem.code, problem.message.en]).toEqual([
        cut,
        'XLSX_CORRUPT',
        "The workbook is damaged or incomplete: the file does not end with the zip archive's end record (the end of central directory): it was most likely cut off (a download or copy that did not finish). Export or download it again, or open it in Excel (which tries to repair it) and save it again.",
      ]);
    }
    expect((await problemOf(book.subarray(0, book.length - 1))).message.zh).toBe(
      '工作簿已损坏或不完整:文件末尾缺少 zip 压缩包的结束记录(中央目录结束记录),文件多半在下载或复制中途被截断了。请重新导出或下载该文件,或在 Excel 中打开(Excel 会尝试修复)后另存。',
    );
  });

  it('passes every byte to onBytes, bytes after the archive included', async () => {
    const book = Buffer.concat([buildXlsx(spec), Buffer.from('trailing bytes after the end of the archive')]);
    const { items, seen } = await read(book);
    expect(records(items)).toEqual(expected);
    expect(seen.equals(book)).toBe(true);
  });

  it('stops cleanly when the reader is left early, from a spooled sheet or a live one', async () => {
    for (const order of [[], ['xl/sharedStrings.xml', 'xl/styles.xml']]) {
      const path = join(dir, `early-${order.length}.xlsx`);
      writeFileSync(path, buildXlsx({ ...spec, order }));
      const kinds: string[] = [];
      for await (const item of readXlsx({
        path,
        name: 'x.xlsx',
        format: 'xlsx',
        encoding: 'utf-8',
        headerRow: 1,
        sheet: null,
      })) {
        kinds.push(item.kind);
        break;
      }
      expect(kinds).toEqual(['header']);
    }
  });

  it('stops a sheet that unpacks beyond the spool limit while it waits for the shared strings, and removes the spool', async () => {
    const book = buildXlsx(spec);
    expect(records((await read(book, { maxSpoolBytes: 100_000 })).items)).toEqual(expected);
    const problem = await problemOf(book, { maxSpoolBytes: 100 });
    expect([problem.code, problem.file, problem.message.en]).toEqual([
      'XLSX_PART_TOO_LARGE',
      'exports/会话.xlsx',
      'The sheet part xl/worksheets/sheet1.xml unpacks to more than 100 bytes, far beyond what a real table of this file\'s size holds (a "zip bomb"?): reading stopped and its temporary file was removed. If it is a real table, split it into several files or save it as CSV.',
    ]);
  });

  it('refuses a zip that holds no workbook', async () => {
    const problem = await problemOf(zip([{ name: 'word/document.xml', data: '<w:document/>' }]));
    expect([problem.code, problem.file]).toEqual(['XLSX_NOT_WORKBOOK', 'exports/会话.xlsx']);
  });

  it('refuses a truncated or damaged workbook as corrupt', async () => {
    const book = buildXlsx(spec);
    const cut = await problemOf(book.subarray(0, Math.floor(book.length / 2)));
    expect([cut.code, cut.file]).toEqual(['XLSX_CORRUPT', 'exports/会话.xlsx']);
    const stored = buildXlsx({ ...spec, method: 'store' });
    const at = stored.indexOf('C-2');
    const flipped = Buffer.from(stored);
    flipped[at] = 'D'.charCodeAt(0);
    const damaged = await problemOf(flipped);
    expect(damaged.code).toBe('XLSX_CORRUPT');
    expect(damaged.message.en).toContain('the checksum of xl/sharedStrings.xml does not match');
  });

  it('refuses malformed XML in a part, naming the part', async () => {
    const problem = await problemOf(
      buildXlsx({ sheets: [{ name: 'S', rows: '<row r="1"><c r="A1"><v>1</v></row>' }] }),
    );
    expect(problem.code).toBe('XLSX_CORRUPT');
    expect(problem.message.en).toContain('xl/worksheets/sheet1.xml is not valid XML');
  });
});

describe('readXlsx: files that are no workbook', () => {
  it('says what a file that is not a zip looks like', async () => {
    const cases: [string, Buffer][] = [
      ['text', Buffer.from('会话ID,客服工号\nC-1,A001\n')],
      ['html', Buffer.from('\ufeff <html><table><tr><td>1</td></tr></table></html>')],
      ['empty', Buffer.alloc(0)],
      ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])],
    ];
    for (const [looks, bytes] of cases) {
      const problem = await problemOf(bytes);
      expect([problem.code, problem.file]).toEqual(['XLSX_NOT_ZIP', 'exports/会话.xlsx']);
      expect(problem.message.en.startsWith('This is not an .xlsx workbook: ')).toBe(true);
      if (looks === 'text') expect(problem.message.en).toContain('perhaps a CSV renamed to .xlsx');
      if (looks === 'html') expect(problem.message.en).toContain('HTML/XML text');
      if (looks === 'empty') expect(problem.message.en).toContain('empty (0 bytes)');
    }
  });

  it('tells an encrypted workbook from an old .xls', async () => {
    const ole = (name: string) => {
      const file = Buffer.alloc(70_000 * 2);
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file);
      // the directory entry name straddles the reader's 64 KiB chunks
      Buffer.from(name, 'utf16le').copy(file, 65_536 - 7);
      return file;
    };
    expect((await problemOf(ole('EncryptedPackage'))).code).toBe('XLSX_ENCRYPTED');
    expect((await problemOf(ole('Workbook'))).code).toBe('XLSX_LEGACY_XLS');
    const locked = zip([{ name: 'xl/workbook.xml', data: '<workbook/>', method: 'store', encrypted: true }]);
    expect((await problemOf(locked)).code).toBe('XLSX_ENCRYPTED');
  });

  it('names the file when it cannot be opened', async () => {
    try {
      for await (const _ of readXlsx({
        path: join(dir, 'absent.xlsx'),
        name: 'absent.xlsx',
        format: 'xlsx',
        encoding: 'utf-8',
        headerRow: 1,
        sheet: null,
      }));
      expect.unreachable();
    } catch (error) {
      const p = (error as ScorebookError).problems[0]!;
      expect([p.code, p.file]).toEqual(['XLSX_UNREADABLE', 'absent.xlsx']);
      expect(p.message.en).toContain('ENOENT');
    }
  });
});
