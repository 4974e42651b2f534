import { parseDateParts, parseTimestamp, wallClockMs, type Zone } from '@scorebook/time';
import { DateTime } from 'luxon';
import type { ContractRow } from './contract-tables.ts';
import type { ExportCell, ExportColumn, ExportContext, TimeStyle } from './export-layout.ts';

const DAY_MS = 86_400_000;
/** Serial number of 1970-01-01 in Excel's 1900 date system. */
const EXCEL_UNIX_EPOCH = 25569;

/**
 * The cell of `column` for a contract row: an empty contract cell is an empty export cell; a
 * mapped value is spelled by the map's key that gives it (a number when the column is numeric);
 * a timestamp or date is written in its time style, in `zone`; a number with `decimals` is
 * written with that many digits; anything else as the contract text. Throws an Error for a
 * value the column's map cannot spell, or a time the contract text does not hold: the layout
 * must cover every value of the data it exports.
 */
export function cellOf(
  column: ExportColumn,
  row: ContractRow,
  context: ExportContext,
  zone: Zone,
): ExportCell {
  if (column.derive !== undefined) return column.derive(row, context);
  const text = row[column.field ?? ''] ?? '';
  if (text === '') return null;
  const map = column.map;
  if (map !== undefined) {
    const key = Object.keys(map).find((k) => String(map[k]) === text);
    if (key === undefined) throw new Error(`${column.header}: no key of the map gives "${text}"`);
    return column.numeric ? Number(key) : key;
  }
  if (column.time !== undefined) return timeCell(column.time, text, zone, column.header);
  if (column.decimals !== undefined) return Number(text).toFixed(column.decimals);
  return column.numeric ? Number(text) : text;
}

function timeCell(style: TimeStyle, text: string, zone: Zone, header: string): ExportCell {
  const date = parseDateParts(text);
  let wall: number;
  let instant: number;
  if (date !== null) {
    wall = wallClockMs(date.year, date.month, date.day, 0, 0, 0, 0);
    instant = zone.instantOfWallClock(wall);
  } else {
    const ms = parseTimestamp(text, zone);
    if (ms === null) throw new Error(`${header}: "${text}" is not a timestamp`);
    instant = ms;
    wall = zone.wallClockOf(ms);
  }
  const clock = DateTime.fromMillis(wall, { zone: 'utc' });
  const millis = wall % 1000 !== 0;
  switch (style.kind) {
    case 'tokens': {
      const tokens = millis ? style.tokens.find((t) => t.includes('S')) : style.tokens[0];
      if (tokens === undefined)
        throw new Error(`${header}: "${text}" has milliseconds and no format shows them`);
      return clock.toFormat(tokens);
    }
    case 'iso':
      return clock.toFormat(millis ? 'yyyy-MM-dd HH:mm:ss.SSS' : 'yyyy-MM-dd HH:mm:ss');
    case 'unix_ms':
      return instant;
    case 'excel':
      return wall / DAY_MS + EXCEL_UNIX_EPOCH;
    case 'cell':
      return new Date(wall);
  }
}
