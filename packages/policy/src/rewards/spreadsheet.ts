/** A table for a spreadsheet: header row first; null is an empty cell. */
export type SheetRows = ReadonlyArray<ReadonlyArray<string | number | null>>;

/**
 * A text cell made safe for spreadsheets: a value starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return would be read as a formula, so it gets a leading apostrophe (OWASP's advice).
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Rows as CSV: UTF-8 with a BOM (so Excel reads Chinese), CRLF, RFC 4180 quoting, text neutralised. */
export function sheetCsv(rows: SheetRows): string {
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v);
    const text = neutralise(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\ufeff${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

/**
 * Rows as an XLSX workbook of one sheet: text cells neutralised and written as text, never
 * formulas; the header row bold and frozen; a fixed creation date, so the same rows give the same
 * bytes. `formats` gives a number format by column index (`'0.00'` for money).
 */
export async function sheetXlsx(
  rows: SheetRows,
  sheetName: string,
  formats: Readonly<Record<number, string>> = {},
): Promise<Uint8Array<ArrayBuffer>> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Scorebook';
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? neutralise(v) : v)));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const [column, format] of Object.entries(formats)) sheet.getColumn(Number(column) + 1).numFmt = format;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
