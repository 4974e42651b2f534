// A data folder as help desks export it, built for the draft tests: GBK CSVs with an Excel title
// row and dated names, xlsx workbooks (a title row, date cells, a second sheet), JSON Lines, a
// BOM-marked UTF-8 CSV, files that belong to no table and an Excel lock file.
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { encodeGb18030 } from '../read-support.ts';
import { buildXlsx, escapeXml, STYLES } from '../xlsx-fixture.ts';

/** An xlsx cell: text, a number, or a date-time given as its wall-clock fields. */
export type XlsxCell = string | number | { date: [number, number, number, number, number, number] } | null;

/** `<sheetData>` rows from arrays of cells (row numbers from 1, empty cells left out). */
export function sheetRows(rows: readonly (readonly XlsxCell[])[]): string {
  return rows
    .map((cells, r) => {
      const xml = cells
        .map((cell, c) => {
          const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
          if (cell === null) return '';
          if (typeof cell === 'string')
            return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(cell)}</t></is></c>`;
          if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
          const [y, mo, d, h, mi, s] = cell.date;
          const serial = (Date.UTC(y, mo - 1, d, h, mi, s) - Date.UTC(1899, 11, 30)) / 86_400_000;
          return `<c r="${ref}" s="${STYLES.dateTime}"><v>${serial}</v></c>`;
        })
        .join('');
      return `<row r="${r + 1}">${xml}</row>`;
    })
    .join('');
}

const csv = (rows: readonly string[]) => `${rows.join('\r\n')}\r\n`;
const at = (y: number, mo: number, d: number, h: number, mi: number, s: number): XlsxCell => ({
  date: [y, mo, d, h, mi, s],
});

/** The files of the export folder, by path. */
function exportFiles(): Record<string, Uint8Array | string> {
  const header = '会话ID,客服工号,客服姓名,渠道,开始时间,结束时间,是否解决,是否转接,备注';
  return {
    '会话记录_2026-10.csv': encodeGb18030(
      csv([
        '2026年10月 会话明细',
        header,
        'C001,A01,张三,在线,2026/10/5 9:00:00,2026/10/5 9:12:30,是,否,',
        'C002,A02,李四,电话,2026/10/5 14:20:00,2026/10/5 14:31:00,否,是,回访',
        'C003,A01,张三,在线,2026/10/15 10:00:00,,是,否,',
      ]),
    ),
    '会话记录_2026-11.csv': encodeGb18030(
      csv([
        '2026年11月 会话明细',
        header,
        'C004,A02,李四,工单,2026/11/2 8:05:00,2026/11/3 17:00:00,是,否,',
        'C005,A01,张三,在线,2026/11/12 20:00:00,2026/11/12 20:03:00,否,否,',
      ]),
    ),
    '聊天记录/2026-10-05.xlsx': buildXlsx({
      sheets: [
        {
          name: '消息',
          rows: sheetRows([
            ['聊天记录导出(2026-10-05)'],
            ['会话ID', '发送时间', '发送方', '客服工号', '内容'],
            ['C001', at(2026, 10, 5, 9, 0, 1), '客户', null, '你好,订单还没发货'],
            ['C001', at(2026, 10, 5, 9, 0, 20), '机器人', null, '正在为您转接人工客服'],
            ['C001', at(2026, 10, 5, 9, 1, 5), '客服', 'A01', '您好,这就为您查询'],
            ['C001', at(2026, 10, 5, 9, 12, 30), '系统', null, '会话已结束'],
          ]),
        },
      ],
    }),
    '聊天记录/2026-10-15.xlsx': buildXlsx({
      sheets: [
        {
          name: '消息',
          rows: sheetRows([
            ['聊天记录导出(2026-10-15)'],
            ['会话ID', '发送时间', '发送方', '客服工号', '内容'],
            ['C003', at(2026, 10, 15, 10, 0, 0), '顾客', null, '在吗'],
            ['C003', at(2026, 10, 15, 10, 0, 30), 'Agent', 'A01', '在的'],
            ['C003', at(2026, 10, 15, 10, 1, 0), '转人工', null, ''],
          ]),
        },
      ],
    }),
    '客服名单.xlsx': buildXlsx({
      sheets: [
        { name: '说明', rows: sheetRows([['本表由人事系统导出,每月更新']]) },
        {
          name: '名单',
          rows: sheetRows([
            ['工号', '姓名', '班组', '岗位', '入职日期', '在职状态'],
            ['A01', '张三', '售后一组', '售后', '2024/3/1', '在职'],
            ['A02', '李四', '售前一组', '售前', '2025/7/15', '离职'],
          ]),
        },
      ],
    }),
    '评价_2026-10.jsonl': [
      { 评价ID: 'S1', 会话ID: 'C001', 客服工号: 'A01', 评价时间: '2026-10-05 09:30:00', 满意度: '非常满意' },
      { 评价ID: 'S2', 会话ID: 'C002', 客服工号: 'A02', 评价时间: '2026-10-05 15:00:00', 满意度: '不满意' },
      { 评价ID: 'S3', 会话ID: 'C003', 客服工号: 'A01', 评价时间: '2026-10-15 10:30:00', 满意度: '满意' },
    ]
      .map((o) => JSON.stringify(o))
      .join('\n'),
    '投诉.csv': `\uFEFF${csv([
      '投诉编号,被投诉客服工号,会话ID,投诉时间,投诉类型,是否成立',
      'T1,A02,C002,2026-10-06 10:00,服务态度,是',
      'T2,A01,C003,2026-10-16 11:00,物流,否',
      'T3,A01,,2026-10-17 12:00,响应慢,',
    ])}`,
    '订单.csv': csv([
      '订单号,客服工号,会话ID,下单时间,订单金额(元)',
      'O1,A01,C001,1791162000,1200.50',
      'O2,A02,,1791248400,"1,300.00"',
    ]),
    '考勤_2026-10.csv': encodeGb18030(
      csv([
        '工号,姓名,考勤日期,考勤结果',
        'A01,张三,2026-10-08,正常',
        'A02,李四,2026-10-08,迟到',
        'A01,张三,2026-10-09,缺卡',
      ]),
    ),
    '客户信息.csv': csv(['客户ID,昵称,手机号', 'U1,小王,13800000000']),
    'README.txt': '客服数据导出,2026 年 10–11 月',
    '说明.pdf': '%PDF-1.4',
    '~$客服名单.xlsx': 'lock',
  };
}

/** Writes the export folder into a new temporary folder and returns its path. */
export async function writeExportFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'scorebook-draft-'));
  for (const [path, data] of Object.entries(exportFiles())) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), data);
  }
  return dir;
}
