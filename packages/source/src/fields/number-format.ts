import { trimText } from '../read/white-space.ts';

/** The thousands separators a number field's `number: { thousands }` may name. */
export const THOUSANDS_SEPARATORS = [',', "'", ' '] as const;
export type ThousandsSeparator = (typeof THOUSANDS_SEPARATORS)[number];

/**
 * How the numbers of a field are written in an export (`number:` of a field in source.yaml,
 * `docs/sources.md`): a thousands separator between groups of three digits, and texts (currency
 * signs, units) written before or after the number.
 */
export interface NumberFormat {
  /** The separator of digit groups; null when the numbers have none. */
  thousands: ThousandsSeparator | null;
  /** Texts removed at the start or the end of a value (at most one at each end), in the order written. */
  strip: readonly string[];
}

// Characters a strip text may not hold: digits, the sign, the decimal point, and signs that
// multiply the number (stripping `万` from `8万元` would read 8 for 80,000).
const NOT_IN_STRIP = /[0-9.\-+%‰‱十百千万亿兆]/u;

/**
 * Why a text cannot be one of `strip` (a reason in both languages), or null: it must keep text
 * once trimmed, hold no digit, sign, decimal point or multiplier (`%`, `万` …), not the
 * thousands separator, and have no white space at its ends.
 */
export function stripProblem(
  text: string,
  thousands: ThousandsSeparator | null,
): { zh: string; en: string } | null {
  if (trimText(text) === '') return { zh: '它是空的(或只有空白)', en: 'it is empty (or white space only)' };
  if (trimText(text) !== text)
    return {
      zh: '它的首尾有空白(数值两端的空白本来就会去掉)',
      en: 'it starts or ends with white space (white space around the number is removed anyway)',
    };
  const bad =
    NOT_IN_STRIP.exec(text)?.[0] ?? (thousands !== null && text.includes(thousands) ? thousands : null);
  if (bad === null) return null;
  return {
    zh: `它含有 "${bad}"(数字、正负号、小数点、千位分隔符或会改变数值的 %、万 等不能去掉)`,
    en: `it holds "${bad}" (digits, signs, the decimal point, the thousands separator and multipliers such as %, 万 cannot be removed)`,
  };
}

/**
 * Reads the text of a number cell (trimmed, not empty) written as `format` says, or null when it
 * does not read: an optional `-`; then at most one of `strip` at the start (the longest that
 * matches) and white space after it; then an optional `-` when none came before; then at most
 * one of `strip` at the end (the longest) and white space before it; what remains must be
 * digits — in groups of three after a first group of 1–3 digits not starting with 0, separated
 * by `thousands`, or without any separator — then, for a `number` (not an `int`), optionally `.`
 * and digits.
 */
export function readFormattedNumber(text: string, format: NumberFormat, int: boolean): number | null {
  let rest = text;
  let negative = false;
  if (rest.startsWith('-')) {
    negative = true;
    rest = rest.slice(1);
  }
  const prefix = longest(format.strip, (s) => rest.startsWith(s));
  if (prefix !== null) rest = trimText(rest.slice(prefix.length));
  if (!negative && rest.startsWith('-')) {
    negative = true;
    rest = rest.slice(1);
  }
  const suffix = longest(format.strip, (s) => rest.endsWith(s));
  if (suffix !== null) rest = trimText(rest.slice(0, rest.length - suffix.length));
  if (!bodyPattern(format.thousands, int).test(rest)) return null;
  const digits = format.thousands === null ? rest : rest.split(format.thousands).join('');
  return Number(negative ? `-${digits}` : digits);
}

/**
 * The `number:` option that would read `text` (trimmed, not empty), when the plain grammar does
 * not: a `,` thousands separator and one text at each end (without digits, signs or multipliers);
 * null when none would.
 */
export function suggestNumberFormat(text: string, int: boolean): NumberFormat | null {
  const m = /^(-?)([^\d\-.]*?)\s*(-?)([\d,.]+)\s*([^\d\-.]*)$/u.exec(text);
  if (m === null) return null;
  const [, sign1 = '', prefix = '', sign2 = '', body = '', suffix = ''] = m;
  if (sign1 !== '' && sign2 !== '') return null;
  const strip = [prefix, suffix].map(trimText).filter((s) => s !== '');
  const thousands = body.includes(',') ? ',' : null;
  if (strip.some((s) => stripProblem(s, thousands) !== null)) return null;
  if (strip.length === 0 && thousands === null) return null;
  const format: NumberFormat = { thousands, strip: [...new Set(strip)] };
  return readFormattedNumber(text, format, int) === null ? null : format;
}

/** `format` as the flow YAML of the `number:` key: `{ thousands: ",", strip: ["¥"] }`. */
export function numberFormatYaml(format: NumberFormat): string {
  const parts: string[] = [];
  if (format.thousands !== null) parts.push(`thousands: ${JSON.stringify(format.thousands)}`);
  if (format.strip.length > 0)
    parts.push(`strip: [${format.strip.map((s) => JSON.stringify(s)).join(', ')}]`);
  return `{ ${parts.join(', ')} }`;
}

const PATTERNS = new Map<string, RegExp>();

// The digits a number must be once its sign and strip texts are off.
function bodyPattern(thousands: ThousandsSeparator | null, int: boolean): RegExp {
  const key = `${thousands ?? ''}${int ? 'i' : 'n'}`;
  let re = PATTERNS.get(key);
  if (re === undefined) {
    const sep = thousands === null ? null : thousands.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const whole = sep === null ? '\\d+' : `(?:\\d+|[1-9]\\d{0,2}(?:${sep}\\d{3})+)`;
    re = new RegExp(`^${whole}${int ? '' : '(?:\\.\\d+)?'}$`);
    PATTERNS.set(key, re);
  }
  return re;
}

function longest(texts: readonly string[], matches: (text: string) => boolean): string | null {
  let best: string | null = null;
  for (const t of texts) if (matches(t) && (best === null || t.length > best.length)) best = t;
  return best;
}
