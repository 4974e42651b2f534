import { wallClockMs } from '@scorebook/time';
import { type Cell, WallClock } from './file-items.ts';
import type { DateStyles } from './xlsx-parts.ts';
import { serialToWallClockMs } from './xlsx-serial.ts';
import { corrupt, decodeXstring, stop, type XmlHandlers } from './xlsx-xml.ts';

/** What reading a sheet's cells needs from the rest of the workbook. */
export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: DateStyles;
  date1904: boolean;
  /** The most text one row may hold, in characters. */
  maxChars: number;
}

/** A row of the sheet as read: its 1-based row number and its cells from column A, holes null. */
export interface SheetRow {
  line: number;
  cells: Cell[];
}

/** The last column of a worksheet (XFD). */
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?)?Z?$/;

/**
 * Handlers of a worksheet part that call `onRow` at the end of each `<row>` with its cells typed
 * as described in `docs/sources.md` ("Reading xlsx"): text, numbers, booleans, date cells as
 * {@link WallClock}, error values as their text (`#N/A`), empty as null. Rows and cells without an
 * `r` attribute follow the previous one. A cell reference past column XFD or row 1048576, or a
 * shared string index out of the table, is an `XLSX_CORRUPT` stop.
 */
export function sheetHandlers(ctx: SheetContext, onRow: (row: SheetRow) => void): XmlHandlers {
  let inData = false;
  let line = 0;
  let cells: Cell[] = [];
  let chars = 0;
  let column = 0;
  let type = '';
  let style = 0;
  let value: string | null = null;
  let inline: string | null = null;
  let collect: 'v' | 't' | null = null;
  let phonetic = 0;
  return {
    open(name, a) {
      if (name === 'sheetData') inData = true;
      if (!inData) return;
      switch (name) {
        case 'row':
          line = a.r === undefined ? line + 1 : Number(a.r);
          if (!Number.isInteger(line) || line < 1 || line > MAX_ROW) throw badRef(`row ${a.r}`);
          cells = [];
          chars = 0;
          column = 0;
          break;
        case 'c':
          column = a.r === undefined ? column + 1 : columnOf(a.r);
          type = a.t ?? 'n';
          style = a.s === undefined ? 0 : Number(a.s);
          value = null;
          inline = null;
          break;
        case 'v':
          value = '';
          collect = 'v';
          break;
        case 'is':
          inline = '';
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (inline !== null && phonetic === 0) collect = 't';
          break;
      }
    },
    close(name) {
      if (!inData) return;
      switch (name) {
        case 'v':
        case 't':
          collect = null;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c': {
          const cell = cellValue(ctx, type, style, value, inline);
          if (cell !== null) {
            for (let i = cells.length; i < column - 1; i++) cells.push(null);
            cells[column - 1] = cell;
          }
          break;
        }
        case 'row':
          onRow({ line, cells });
          break;
        case 'sheetData':
          inData = false;
          break;
      }
    },
    text(t) {
      if (collect === null) return;
      chars += t.length;
      if (chars > ctx.maxChars)
        throw stop('XLSX_ROW_TOO_LARGE', { line, column: null }, { limit: ctx.maxChars });
      if (collect === 'v') value += t;
      else inline += t;
    },
  };
}

function cellValue(
  ctx: SheetContext,
  type: string,
  style: number,
  v: string | null,
  inline: string | null,
): Cell {
  switch (type) {
    case 's': {
      if (v === null || v === '') return null;
      const text = ctx.sharedStrings[Number(v)];
      if (text === undefined) {
        throw corrupt(`共享字符串序号 ${v} 超出范围`, `shared string index ${v} is out of range`);
      }
      return text === '' ? null : text;
    }
    case 'inlineStr': {
      const text = decodeXstring(inline ?? v ?? '');
      return text === '' ? null : text;
    }
    case 'str':
    case 'e':
      return v === null || v === '' ? null : decodeXstring(v);
    case 'b':
      if (v === '1' || v === 'true') return true;
      if (v === '0' || v === 'false') return false;
      return v === null || v === '' ? null : v;
    case 'd':
      return v === null || v === '' ? null : isoWallClock(v);
    default:
      return v === null || v === '' ? null : numberValue(ctx, style, v);
  }
}

function numberValue(ctx: SheetContext, style: number, v: string): Cell {
  const n = Number(v);
  if (!Number.isFinite(n) || v.trim() === '') return v;
  if (ctx.dateStyles[style] === true) {
    const ms = serialToWallClockMs(v, ctx.date1904);
    if (ms !== null && Number.isSafeInteger(ms) && Math.abs(ms) <= 8.64e15) return new WallClock(ms);
  }
  // An integer past 2^53 written in full (a long id from a non-Excel writer) keeps its digits.
  if (!Number.isSafeInteger(n) && /^-?\d+$/.test(v.trim())) return v.trim();
  return n;
}

function isoWallClock(v: string): Cell {
  const m = ISO_DATE.exec(v.trim());
  if (m === null) return v;
  const [, y, mo, d, h, mi, s, ms] = m;
  return new WallClock(
    wallClockMs(
      Number(y),
      Number(mo),
      Number(d),
      Number(h ?? 0),
      Number(mi ?? 0),
      Number(s ?? 0),
      Number((ms ?? '').padEnd(3, '0')),
    ),
  );
}

function columnOf(ref: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20;
    if (code < 0x61 || code > 0x7a) break;
    col = col * 26 + (code - 0x60);
  }
  if (i === 0 || col > MAX_COLUMN) throw badRef(`cell ${ref}`);
  return col;
}

function badRef(what: string) {
  return corrupt(`工作表中的引用 ${what} 无效`, `the sheet has an invalid reference: ${what}`);
}
