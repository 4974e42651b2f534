import type { ExportTable } from './export-layout.ts';

/**
 * The `README.txt` of the example folder, as a person who exported the files would leave it:
 * what the folder is, then each file (folders of daily files once, with their file count) with
 * its rows, format and encoding, in layout order; Chinese first, then English. `source.yaml`
 * lists it under `ignore`.
 */
export function exampleReadme(
  month: string,
  layout: readonly ExportTable[],
  rowCounts: ReadonlyMap<string, number>,
): string {
  const lines = [
    `客服中心 ${month} 导出数据`,
    '',
    '本文件夹是一家电商客服中心一个月的导出文件,由帮助台、质检、考勤、人事和店铺后台各自导出,',
    '保持导出时的样子:中文表头、GBK 编码的 CSV、带 BOM 的 UTF-8、Excel 工作簿(表头上方有标题行)、',
    'JSON Lines。source.yaml 说明怎样把它们读成 Scorebook 的数据表;本说明文件不属于任何表。',
    '数据是合成的:由 data/sample 的十月数据转换而来(npm run example -w @scorebook/sample),',
    '考核结果与 data/sample 的 2026-10 完全相同。',
    '',
    'The exports of one month of an e-commerce customer-service centre, as each system wrote them.',
    'source.yaml reads them into the tables of the data contract; this file belongs to no table.',
    'Synthetic: converted from October of data/sample, and evaluated it gives the same results.',
    '',
  ];
  for (const table of layout) {
    const files = [...rowCounts].filter(([path]) => belongs(table, path));
    const rows = files.reduce((sum, [, n]) => sum + n, 0);
    const name =
      table.files.kind === 'single'
        ? table.files.name
        : `${table.files.folder}/ (${files.length} 个文件 files)`;
    lines.push(`${name}`, `    ${table.comment}`, `    ${table.table}: ${rows} 行 rows, ${formatOf(table)}`);
  }
  return `${lines.join('\n')}\n`;
}

function belongs(table: ExportTable, path: string): boolean {
  return table.files.kind === 'single'
    ? path === table.files.name
    : path.startsWith(`${table.files.folder}/`);
}

function formatOf(table: ExportTable): string {
  if (table.format === 'xlsx')
    return `xlsx, 工作表 sheet「${table.sheet}」, 表头在第 ${table.titleRows.length + 1} 行`;
  const encoding = table.encoding === 'gb18030' ? 'GBK (GB18030)' : table.bom ? 'UTF-8 BOM' : 'UTF-8';
  const newline = table.newline === '\r\n' ? 'CRLF' : 'LF';
  return `${table.format === 'csv' ? 'CSV' : 'JSON Lines'}, ${encoding}, ${newline}`;
}
