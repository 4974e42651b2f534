import { defineCatalogue } from '@scorebook/problems';

/** What a file that is not a zip archive looks like, from its first bytes. */
export type NotZipLooks = 'empty' | 'html' | 'text' | 'binary';

const LOOKS_ZH: Record<NotZipLooks, string> = {
  empty: '文件是空的(0 字节)',
  html: '文件内容是 HTML/XML 文本(常见于“导出为 Excel”实际生成的网页表格)',
  text: '文件内容是纯文本(可能是改了扩展名的 CSV)',
  binary: '文件不是 zip 压缩包',
};
const LOOKS_EN: Record<NotZipLooks, string> = {
  empty: 'the file is empty (0 bytes)',
  html: 'the file is HTML/XML text (an "export to Excel" that wrote a web page table)',
  text: 'the file is plain text (perhaps a CSV renamed to .xlsx)',
  binary: 'the file is not a zip archive',
};

/**
 * Problems that stop reading an `.xlsx` workbook, and the message of a row that is rejected.
 * Codes are permanent; each message says what happened and what to do. The file, and the row
 * and column where there is one, are the problem's place, not part of the text.
 */
export const XLSX_ERRORS = defineCatalogue({
  XLSX_UNREADABLE: {
    zh: (p: { reason: string }) => `无法读取该 .xlsx 文件:${p.reason}。请检查路径和权限。`,
    en: (p: { reason: string }) =>
      `The .xlsx file cannot be read: ${p.reason}. Check the path and permissions.`,
  },
  XLSX_NOT_ZIP: {
    zh: (p: { looks: NotZipLooks }) =>
      `这不是 .xlsx 工作簿:${LOOKS_ZH[p.looks]}。请在 Excel 中打开并“另存为 Excel 工作簿 (*.xlsx)”;如果它其实是 CSV,请把扩展名改为 .csv。`,
    en: (p: { looks: NotZipLooks }) =>
      `This is not an .xlsx workbook: ${LOOKS_EN[p.looks]}. Open it in Excel and "Save As" Excel Workbook (*.xlsx); if it is really a CSV, rename it to .csv.`,
  },
  XLSX_ENCRYPTED: {
    zh: () =>
      '工作簿设置了打开密码(已加密),无法读取。请在 Excel 中打开,在“文件 → 信息 → 保护工作簿”中删除密码后另存。',
    en: () =>
      'The workbook is password-protected (encrypted) and cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook) and save it again.',
  },
  XLSX_LEGACY_XLS: {
    zh: () => '这是旧版 Excel 97–2003 格式(.xls),不是 .xlsx。请在 Excel 中“另存为 Excel 工作簿 (*.xlsx)”。',
    en: () =>
      'This is an old Excel 97–2003 file (.xls), not .xlsx. Open it in Excel and "Save As" Excel Workbook (*.xlsx).',
  },
  XLSX_CORRUPT: {
    zh: (p: { reason: string }) =>
      `工作簿已损坏或不完整:${p.reason}。请重新导出或下载该文件,或在 Excel 中打开(Excel 会尝试修复)后另存。`,
    en: (p: { reason: string }) =>
      `The workbook is damaged or incomplete: ${p.reason}. Export or download it again, or open it in Excel (which tries to repair it) and save it again.`,
  },
  XLSX_PART_TOO_LARGE: {
    zh: (p: { part: string; limit: string }) =>
      `工作表部件 ${p.part} 解压后超过 ${p.limit},远超这个文件的大小所能容纳的正常表格(疑似“zip 炸弹”),已停止读取,临时文件已删除。如果这确实是一张正常的表,请把它拆成几个文件,或另存为 CSV。`,
    en: (p: { part: string; limit: string }) =>
      `The sheet part ${p.part} unpacks to more than ${p.limit}, far beyond what a real table of this file's size holds (a "zip bomb"?): reading stopped and its temporary file was removed. If it is a real table, split it into several files or save it as CSV.`,
  },
  XLSX_NOT_WORKBOOK: {
    zh: () =>
      '这是一个 zip 压缩包,但其中没有 Excel 工作簿(缺少 xl/workbook.xml)。请确认文件是 .xlsx,而不是 .docx、.zip 等。',
    en: () =>
      'This is a zip archive but holds no Excel workbook (no xl/workbook.xml). Check that the file is an .xlsx, not a .docx, .zip or other archive.',
  },
  XLSX_SHEET_MISSING: {
    zh: (p: { sheet: string; sheets: SheetLabel[] }) =>
      `工作簿中没有名为 "${p.sheet}" 的工作表。现有的工作表:${listZh(p.sheets)}。请把 source.yaml 中的 sheet 改为其中之一(名称须完全一致)。`,
    en: (p: { sheet: string; sheets: SheetLabel[] }) =>
      `The workbook has no sheet named "${p.sheet}". Its sheets: ${listEn(p.sheets)}. Set sheet in source.yaml to one of them (the name must match exactly).`,
  },
  XLSX_NO_WORKSHEET: {
    zh: (p: { sheets: SheetLabel[] }) =>
      `工作簿中没有可读取数据的工作表(现有:${listZh(p.sheets)})。请把数据放进普通工作表后另存。`,
    en: (p: { sheets: SheetLabel[] }) =>
      `The workbook has no worksheet to read data from (it has: ${listEn(p.sheets)}). Put the data on an ordinary worksheet and save it again.`,
  },
  XLSX_NOT_WORKSHEET: {
    zh: (p: { sheet: string }) =>
      `"${p.sheet}" 是图表或对话框工作表,没有单元格数据。请在 source.yaml 中指定放数据的工作表。`,
    en: (p: { sheet: string }) =>
      `"${p.sheet}" is a chart or dialog sheet with no cells. Set sheet in source.yaml to the sheet that holds the data.`,
  },
  XLSX_HEADER_MISSING: {
    zh: (p: { sheet: string; row: number; next: number | null }) =>
      `工作表 "${p.sheet}" 的第 ${p.row} 行(header_row)是空的,找不到表头。${p.next === null ? '该工作表在此行及之后没有任何数据。' : `下一行有内容的是第 ${p.next} 行;如果表头在那里,请在 source.yaml 中写 header_row: ${p.next}。`}`,
    en: (p: { sheet: string; row: number; next: number | null }) =>
      `Row ${p.row} (header_row) of sheet "${p.sheet}" is empty: there is no header. ${p.next === null ? 'The sheet has no data from this row on.' : `The next row with content is row ${p.next}; if the header is there, write header_row: ${p.next} in source.yaml.`}`,
  },
  XLSX_ROW_TOO_LARGE: {
    zh: (p: { limit: number }) =>
      `这一行的文本超过 ${p.limit} 字节,不像是导出的记录。请检查该行是否误粘贴了大量内容。`,
    en: (p: { limit: number }) =>
      `This row holds more than ${p.limit} bytes of text, which is not a record of an export. Check the row for pasted content.`,
  },
  // The message of a rejected row (`bad` item, code FIELD_COUNT), not a stop.
  XLSX_BEYOND_HEADER: {
    zh: (p: { cell: string; columns: number }) =>
      `单元格 ${p.cell} 有值,但表头只有 ${p.columns} 列,这一列没有列名。请给该列加上列名,或删除这个值。`,
    en: (p: { cell: string; columns: number }) =>
      `Cell ${p.cell} has a value but the header has only ${p.columns} columns, so its column has no name. Name the column in the header or remove the value.`,
  },
});

/** A sheet as listed in a message: its name, and whether Excel hides it. */
export interface SheetLabel {
  name: string;
  hidden: boolean;
}

function listZh(sheets: readonly SheetLabel[]): string {
  if (sheets.length === 0) return '(无)';
  return sheets.map((s) => `"${s.name}"${s.hidden ? '(隐藏)' : ''}`).join('、');
}

function listEn(sheets: readonly SheetLabel[]): string {
  if (sheets.length === 0) return '(none)';
  return sheets.map((s) => `"${s.name}"${s.hidden ? ' (hidden)' : ''}`).join(', ');
}
