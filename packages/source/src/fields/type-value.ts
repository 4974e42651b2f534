import type { FieldSpec, FieldType } from '@scorebook/contract';
import { parseDateParts, parseTimestamp, type Zone } from '@scorebook/time';
import type { MappedValue } from '../model.ts';
import { type Cell, WallClock } from '../read/file-items.ts';
import { trimText } from '../read/white-space.ts';
import { type NumberFormat, readFormattedNumber } from './number-format.ts';
import type { ValueRejectionCode } from './rejections.ts';
import {
  type CompiledTimeFormat,
  EARLIEST_DATE,
  EARLIEST_INSTANT,
  END_OF_RANGE,
  LATEST_DATE,
  readDate,
  readTimestamp,
} from './time-formats.ts';

/** A value read into its type: timestamps as epoch milliseconds, dates as `YYYY-MM-DD`, missing as null. */
export type TypedValue = string | number | boolean | null;

/** Why a cell could not be read into its field. */
export class ValueFailure {
  readonly code: Exclude<ValueRejectionCode, 'MISSING_FIELD'>;
  /** The cell as text. */
  readonly value: string;
  readonly detail: string;

  constructor(code: ValueFailure['code'], value: string, detail = '') {
    this.code = code;
    this.value = value;
    this.detail = detail;
  }
}

/** How one field is read from its cell: type, map, formats, bounds and vocabulary. */
export interface ValueReading {
  type: FieldType;
  spec: Pick<FieldSpec, 'min' | 'max' | 'values'>;
  map: ReadonlyMap<string, MappedValue> | null;
  /** For timestamps and dates: formats tried in order; empty for the contract's ISO 8601. */
  formats: readonly CompiledTimeFormat[];
  /** For numbers and ints: how their text is written (`number:`); null for the plain grammar only. */
  number: NumberFormat | null;
  zone: Zone;
}

const INT_RE = /^-?\d+$/;
const NUMBER_RE = /^-?\d+(?:\.\d+)?$/;

/**
 * Reads one cell into a typed value (`docs/contract/source-format.md`, matching a cell): text is trimmed of
 * Unicode white space; an empty cell is missing (null), never a map lookup; a map, when given,
 * gives the value; otherwise the type's rules of `docs/contract/data-contract.md` apply, then the bounds and
 * the closed vocabulary. JSON objects and arrays are kept as they are for an undeclared extra
 * field (type `string` with {@link keepStructured}) and are a bad value for any other.
 */
export function readValue(
  cell: Cell | undefined,
  reading: ValueReading,
  keepStructured = false,
): TypedValue | ValueFailure {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'object' && !(cell instanceof WallClock)) {
    return keepStructured
      ? (cell as unknown as TypedValue)
      : new ValueFailure('BAD_VALUE', JSON.stringify(cell));
  }
  if (reading.map !== null) {
    const text = cellText(cell);
    if (text === '') return null;
    const mapped = reading.map.get(text);
    if (mapped === undefined) return new ValueFailure('UNMAPPED_VALUE', text);
    return mapped;
  }
  const value = typed(cell, reading);
  if (value instanceof ValueFailure || value === null) return value;
  return bounded(value, cell, reading);
}

/**
 * A field whose text cells {@link quickValue} reads: `text` for an `id` or `string` field,
 * `timestamp` for a timestamp field of the contract's ISO 8601 (no formats), `bool`; each
 * without a map.
 */
export type QuickReading = 'text' | 'timestamp' | 'bool';

/** How {@link quickValue} may read a field's text cells; null when only {@link readValue} does. */
export function quickReading(reading: Pick<ValueReading, 'type' | 'map' | 'formats'>): QuickReading | null {
  if (reading.map !== null) return null;
  switch (reading.type) {
    case 'id':
    case 'string':
      return 'text';
    case 'timestamp':
      return reading.formats.length === 0 ? 'timestamp' : null;
    case 'bool':
      return 'bool';
    default:
      return null;
  }
}

/**
 * A text cell of a field of {@link quickReading} `quick`, read as {@link readValue} reads it
 * when that is a value (empty: null; an id or text, in the closed vocabulary if there is one;
 * an instant in range; `true` or `false`); undefined for every other cell, which `readValue`
 * then reads (a failure, or a spelling such as `yes`).
 */
export function quickValue(cell: string, quick: QuickReading, reading: ValueReading): TypedValue | undefined {
  const text = trimText(cell);
  if (text === '') return null;
  switch (quick) {
    case 'text': {
      const values = reading.spec.values;
      return values === undefined || values.includes(text) ? text : undefined;
    }
    case 'timestamp': {
      const ms = parseTimestamp(text, reading.zone);
      return ms !== null && ms >= EARLIEST_INSTANT && ms < END_OF_RANGE ? ms : undefined;
    }
    case 'bool':
      return text === 'true' ? true : text === 'false' ? false : undefined;
  }
}

/** A cell as text: trimmed text, a number's shortest spelling, `true`/`false`, a date cell's wall clock. */
export function cellText(cell: Cell): string {
  if (typeof cell === 'string') return trimText(cell);
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof WallClock) return new Date(cell.ms).toISOString().slice(0, 23);
  return cell === null ? '' : JSON.stringify(cell);
}

function typed(cell: Cell, reading: ValueReading): TypedValue | ValueFailure {
  const text = cellText(cell);
  if (text === '') return null;
  switch (reading.type) {
    case 'id':
      return typeof cell === 'boolean' ? new ValueFailure('BAD_VALUE', text) : text;
    case 'string':
      return text;
    case 'int':
    case 'number': {
      const re = reading.type === 'int' ? INT_RE : NUMBER_RE;
      let n: number;
      if (typeof cell === 'number') n = cell;
      else if (typeof cell !== 'string') return new ValueFailure('BAD_VALUE', text);
      else if (re.test(text)) n = Number(text);
      else {
        const read =
          reading.number === null ? null : readFormattedNumber(text, reading.number, reading.type === 'int');
        if (read === null) return new ValueFailure('BAD_VALUE', text);
        n = read;
      }
      if (!Number.isFinite(n) || (reading.type === 'int' && !Number.isInteger(n)))
        return new ValueFailure('BAD_VALUE', text);
      return n;
    }
    case 'bool': {
      if (typeof cell === 'boolean') return cell;
      if (cell === 1 || cell === 0) return cell === 1;
      const t = text.toLowerCase();
      if (t === 'true' || t === '1' || t === 'yes') return true;
      if (t === 'false' || t === '0' || t === 'no') return false;
      return new ValueFailure('BAD_VALUE', text);
    }
    case 'timestamp': {
      const formats = reading.formats;
      const ms =
        formats.length === 0 && !(cell instanceof WallClock)
          ? typeof cell === 'string'
            ? parseTimestamp(text, reading.zone)
            : null
          : readTimestamp(typeof cell === 'string' ? text : cell, formats, reading.zone);
      return ms === null ? new ValueFailure('BAD_VALUE', text) : ms;
    }
    case 'date': {
      const formats = reading.formats;
      const date =
        formats.length === 0 && !(cell instanceof WallClock)
          ? typeof cell === 'string' && parseDateParts(text) !== null
            ? text
            : null
          : readDate(typeof cell === 'string' ? text : cell, formats, reading.zone);
      return date === null ? new ValueFailure('BAD_VALUE', text) : date;
    }
  }
}

function bounded(
  value: string | number | boolean,
  cell: Cell,
  reading: ValueReading,
): TypedValue | ValueFailure {
  const { spec, type } = reading;
  if (type === 'timestamp' && typeof value === 'number') {
    if (value < EARLIEST_INSTANT || value >= END_OF_RANGE)
      return new ValueFailure(
        'OUT_OF_RANGE',
        cellText(cell),
        '1970-01-01T00:00:00Z – 2100-12-31T23:59:59.999Z',
      );
    return value;
  }
  if (type === 'date' && typeof value === 'string') {
    if (value < EARLIEST_DATE || value > LATEST_DATE)
      return new ValueFailure('OUT_OF_RANGE', cellText(cell), `${EARLIEST_DATE} – ${LATEST_DATE}`);
    return value;
  }
  if (
    typeof value === 'number' &&
    ((spec.min !== undefined && value < spec.min) || (spec.max !== undefined && value > spec.max))
  )
    return new ValueFailure('OUT_OF_RANGE', cellText(cell), `${spec.min ?? '-∞'}–${spec.max ?? '∞'}`);
  if (spec.values !== undefined && typeof value === 'string' && !spec.values.includes(value))
    return new ValueFailure('NOT_ALLOWED_VALUE', value, spec.values.join(', '));
  return value;
}
