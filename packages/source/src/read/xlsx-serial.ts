const MS_PER_DAY = 86_400_000;
/** `Date.UTC(1899, 11, 30)`: serial 0 of the 1900 date system. */
const EPOCH_1900_MS = -2_209_161_600_000;
/** `Date.UTC(1904, 0, 1)`: serial 0 of the 1904 date system. */
const EPOCH_1904_MS = -2_082_844_800_000;

const DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The wall-clock milliseconds (`Date.UTC` of the calendar fields) of an Excel serial date written
 * as decimal text (`46300.375`): days since 1899-12-30, or since 1904-01-01 in the 1904 date
 * system, with the fraction of the day. Computed from the decimal digits exactly and rounded to
 * the nearest millisecond, a tie upwards (towards the later instant). Null when the text is not
 * a decimal number.
 */
export function serialToWallClockMs(text: string, date1904: boolean): number | null {
  const m = DECIMAL.exec(text.trim());
  if (m === null || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const negative = m[1] === '-';
  const digits = `${m[2]}${m[3] ?? ''}`.replace(/^0+(?=\d)/, '');
  const scale = (m[3] ?? '').length - Number(m[4] ?? '0');
  const epoch = date1904 ? EPOCH_1904_MS : EPOCH_1900_MS;
  if (!negative && scale >= 0 && scale <= 15 && digits.length - scale <= 8 && digits.length <= 23) {
    const fast = fastOffset(digits, scale);
    if (fast !== null) return epoch + fast;
  }
  return epoch + exactOffset(negative ? -BigInt(digits) : BigInt(digits), scale);
}

// The serial as a double, split into whole days and a fraction: the double result is exact
// except when the fraction's milliseconds lie within a hair of a half, which BigInt then decides.
function fastOffset(digits: string, scale: number): number | null {
  const whole = scale === 0 ? digits : digits.slice(0, Math.max(0, digits.length - scale));
  const fraction = scale === 0 ? '' : digits.slice(-scale).padStart(scale, '0');
  const days = whole === '' ? 0 : Number(whole);
  if (fraction === '') return days * MS_PER_DAY;
  const fractionMs = (Number(fraction) / 10 ** scale) * MS_PER_DAY;
  const below = Math.floor(fractionMs);
  if (Math.abs(fractionMs - below - 0.5) < 1e-6) return null;
  return days * MS_PER_DAY + Math.round(fractionMs);
}

function exactOffset(units: bigint, scale: number): number {
  if (scale <= 0) return Number(units * 10n ** BigInt(-scale) * BigInt(MS_PER_DAY));
  const den = 10n ** BigInt(scale);
  const num = units * BigInt(MS_PER_DAY);
  // round half up: floor((2·num + den) / (2·den))
  return Number(floorDiv(2n * num + den, 2n * den));
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/**
 * Built-in number formats (ECMA-376 §18.8.30 and the East Asian locales) that show a date or a
 * time: 14–22 (`m/d/yyyy`, `h:mm`, …), 27–36 and 50–58 (年月日, 时分秒 and their zh-TW, ja-JP
 * and ko-KR variants), 45–47 (`mm:ss`, `[h]:mm:ss`, `mmss.0`), 71–81 (th-TH dates and times).
 */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58, 71, 72, 73, 74, 75, 76, 77, 78, 79, 80, 81,
]);

/**
 * Whether a cell of number format `numFmtId` (with `formatCode` when the workbook's styles
 * define one for it) shows a date or a time. A defined code decides by its tokens: after removing
 * quoted text, `\`-escaped characters, `_x` spacers, `*x` fills and bracketed parts other than the
 * elapsed-time `[h]`, `[m]`, `[s]`, a code is a date format when it still has one of `y m d h s`
 * (any case) and is not `General`.
 */
export function isDateFormat(numFmtId: number, formatCode: string | undefined): boolean {
  if (formatCode === undefined) return BUILTIN_DATE_FORMATS.has(numFmtId);
  const stripped = formatCode
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '');
  return !/^general$/i.test(stripped.trim()) && /[ymdhs]/i.test(stripped);
}
