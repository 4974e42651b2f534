import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import type { ExportCell, ExportTable } from './export-layout.ts';

const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * A CSV file as Excel writes it: the header, then one line per row, each line ended by the
 * table's newline; a cell is quoted (quotes doubled) only when it holds a comma, a quote or a
 * line break; empty cells are empty. Encoded in the table's encoding, with a UTF-8 byte-order
 * mark first when the table has one. Throws for a date cell, which CSV cannot hold.
 */
export function encodeCsv(table: ExportTable, rows: readonly ExportCell[][]): Buffer {
  const line = (cells: readonly ExportCell[]) => cells.map(csvCell).join(',') + table.newline;
  let text = line(table.columns.map((c) => c.header));
  for (const row of rows) text += line(row);
  return encodeText(table, text);
}

/**
 * A JSON Lines file: one object per row with the columns as keys in layout order (an empty cell
 * is `null`), each line ended by the table's newline, in the table's encoding.
 */
export function encodeJsonLines(table: ExportTable, rows: readonly ExportCell[][]): Buffer {
  let text = '';
  for (const row of rows) {
    const object: Record<string, ExportCell> = {};
    table.columns.forEach((column, i) => {
      object[column.header] = row[i] ?? null;
    });
    text += JSON.stringify(object) + table.newline;
  }
  return encodeText(table, text);
}

/** When a workbook says it was made: its properties and every zip entry carry this time. */
export interface WorkbookTime {
  year: number;
  month: number;
  day: number;
}

/**
 * An xlsx workbook written by exceljs: the leading sheet (when the table has one), then the
 * table's sheet with its title rows (each merged across the header's width), the header and the
 * rows; date cells carry their column's number format. The workbook's properties and its zip
 * entries are dated `time`, so the same rows give the same bytes.
 */
export async function encodeXlsx(
  table: ExportTable,
  rows: readonly ExportCell[][],
  leading: readonly ExportCell[][] | null,
  time: WorkbookTime,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const made = new Date(Date.UTC(time.year, time.month - 1, time.day));
  workbook.creator = '导出服务';
  workbook.lastModifiedBy = '导出服务';
  workbook.created = made;
  workbook.modified = made;
  if (table.leadingSheet !== null && leading !== null) {
    const sheet = workbook.addWorksheet(table.leadingSheet.name);
    for (const row of leading) sheet.addRow(row);
  }
  const sheet = workbook.addWorksheet(table.sheet ?? 'Sheet1');
  const width = table.columns.length;
  for (const title of table.titleRows) {
    const row = sheet.addRow([title]);
    sheet.mergeCells(row.number, 1, row.number, width);
  }
  sheet.addRow(table.columns.map((c) => c.header)).font = { bold: true };
  table.columns.forEach((column, i) => {
    sheet.getColumn(i + 1).width = Math.max(10, column.header.length * 2 + 4);
  });
  for (const cells of rows) {
    const row = sheet.addRow(cells.map((cell) => cell ?? null));
    table.columns.forEach((column, i) => {
      if (column.time?.kind === 'cell' && cells[i] instanceof Date)
        row.getCell(i + 1).numFmt = column.time.numFmt;
    });
  }
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return setZipTimes(bytes, time);
}

/**
 * Sets the modification time of every entry of a zip archive (its local header and its central
 * directory record) to midnight of `time`, in place, and returns the archive. Throws when the
 * bytes are not a zip archive with a central directory.
 */
function setZipTimes(zip: Buffer, time: WorkbookTime): Buffer {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive: no end of central directory');
  const dosDate = ((time.year - 1980) << 9) | (time.month << 5) | time.day;
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`zip: no central directory record at ${at}`);
    zip.writeUInt16LE(0, at + 12);
    zip.writeUInt16LE(dosDate, at + 14);
    const local = zip.readUInt32LE(at + 42);
    if (zip.readUInt32LE(local) !== 0x04034b50) throw new Error(`zip: no local header at ${local}`);
    zip.writeUInt16LE(0, local + 10);
    zip.writeUInt16LE(dosDate, local + 12);
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return zip;
}

/** A CSV cell as Excel writes it: quoted when it holds a quote, a comma or a line end. */
export function csvCell(cell: ExportCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) throw new Error('a CSV cell cannot be a date cell');
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function encodeText(table: ExportTable, text: string): Buffer {
  if (table.encoding === 'gb18030') return iconv.encode(text, 'gb18030');
  const bytes = Buffer.from(text, 'utf8');
  return table.bom ? Buffer.concat([UTF8_BOM, bytes]) : bytes;
}
