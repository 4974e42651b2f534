import type { MetricResult, SnapshotBand, Unit } from '@scorebook/contract';
import { type Lang, t } from './messages.ts';

/**
 * How amounts of money are shown: the ISO 4217 code the period's policy declares (`currency` in
 * policy.json), or null when it declares none, then amounts are plain numbers.
 */
export type Currency = string | null;

/**
 * A metric value in its unit as people read it, for display only (results keep full precision):
 * durations in 秒 / 分钟 / 小时 (s / min / h) by size, ratios as percentages, money in the
 * declared currency, counts as whole numbers with digit grouping. Null is `—`: a page says why
 * beside it (see {@link formatMissing}).
 */
export function formatValue(
  value: number | null | undefined,
  unit: Unit | 'number',
  lang: Lang,
  currency: Currency = null,
): string {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case 'ratio':
      return `${trim(value * 100, 1)}%`;
    case 'seconds':
      return formatDuration(value, lang);
    case 'amount':
      return formatMoney(value, lang, currency);
    case 'count':
      return group(Math.round(value), lang, 0);
    case 'score':
      return trim(value, 1);
    default:
      return trim(value, 2);
  }
}

/**
 * A duration in seconds: under a minute in seconds (`28.6 秒`, `28.6 s`), under an hour in
 * minutes (`4.7 分钟`, `4.7 min`), else in hours (`2.5 小时`, `2.5 h`); one decimal at most,
 * trailing zeros dropped (`15 分钟`).
 */
export function formatDuration(seconds: number, lang: Lang): string {
  const size = Math.abs(seconds);
  if (size < 60) return t(lang, 'unitSeconds', { n: trim(seconds, 1) });
  if (size < 3600) return t(lang, 'unitMinutes', { n: trim(seconds / 60, 1) });
  return t(lang, 'unitHours', { n: trim(seconds / 3600, 1) });
}

/**
 * Money with two decimals and digit grouping, in the currency's symbol for the language
 * (`¥386.88` in Chinese for CNY, `CN¥386.88` in English); without a currency, the number alone.
 */
export function formatMoney(value: number, lang: Lang, currency: Currency): string {
  if (currency === null) return group(value, lang, 2);
  return numberFormat(t(lang, 'htmlLang'), 2, currency).format(value);
}

/** A scored item's bands in the metric's unit: `≥ 95%: 100 分 · ≥ 90%: 80 分`. */
export function formatBands(
  bands: readonly SnapshotBand[],
  unit: Unit,
  lang: Lang,
  currency: Currency,
): string {
  return bands
    .map(
      (b) =>
        `${b.bound === 'at_least' ? '≥' : '≤'} ${formatValue(b.value, unit, lang, currency)}: ${t(lang, 'points', { n: trim(b.score, 2) })}`,
    )
    .join(' · ');
}

/** A score or total with one decimal. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : round(value, 1).toFixed(1);
}

/**
 * A total beside grade boundaries (the policy's `min_score`s): one decimal as {@link formatScore},
 * unless that shows it at or past a boundary it is below — 79.984 would read 80.0 beside grade B
 * when A starts at 80 — then the fewest decimals, 2 to 12, that show it below every such boundary
 * (`79.98`); a total that needs more is shown as JavaScript writes it (`String`).
 */
export function formatTotal(value: number | null | undefined, boundaries: readonly number[]): string {
  if (value === null || value === undefined) return '—';
  return fewestDecimals(value, (shown) => !boundaries.some((b) => value < b && b <= shown));
}

/**
 * Points still missing (more than 0) to a grade: one decimal, or the fewest decimals, 2 to 12,
 * that do not show 0 (`0.02` for 0.016); more than that as JavaScript writes it.
 */
export function formatMissing(value: number): string {
  return fewestDecimals(value, (shown) => shown > 0);
}

// The value with the fewest decimals, 1 to 12, whose rounding `fits`; else as JavaScript writes it.
function fewestDecimals(value: number, fits: (shown: number) => boolean): string {
  for (let digits = 1; digits <= 12; digits++) {
    const shown = round(value, digits);
    if (fits(shown)) return shown.toFixed(digits);
  }
  return String(value);
}

/** A change of points with its sign, one decimal: `+3.2`, `-0.5`, `±0.0`. */
export function formatDelta(value: number): string {
  const r = round(value, 1);
  return r > 0 ? `+${r.toFixed(1)}` : r < 0 ? `-${Math.abs(r).toFixed(1)}` : '±0.0';
}

/** A change of a count with its sign: `+2`, `-1`, `±0`. */
export function formatCountDelta(value: number): string {
  return value > 0 ? `+${value}` : value < 0 ? String(value) : '±0';
}

/** Points of an adjustment with a sign. */
export function formatPoints(value: number): string {
  return value > 0 ? `+${round(value, 2)}` : String(round(value, 2));
}

/**
 * The points of an adjustment on an agent's page: {@link formatPoints}, and when its metric has
 * no value (its table absent, no records), `0(无数据)` / `0 (no data)`, so that no data is not
 * read as a count of none.
 */
export function formatAdjustmentPoints(points: number, metric: MetricResult | undefined, lang: Lang): string {
  const text = formatPoints(points);
  if (metric !== undefined && metric.value !== null) return text;
  return lang === 'zh' ? `${text}(${t(lang, 'statusNoData')})` : `${text} (${t(lang, 'statusNoData')})`;
}

/**
 * A time of a record as the engine wrote it (ISO 8601 in the policy's timezone, with its
 * offset) as local wall time, `2026-11-24 06:58:02`; a date stays a date; anything else as it is.
 */
export function formatLocalTime(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  return m === null ? text : `${m[1]} ${m[2]}`;
}

/**
 * An instant as a file wrote it with its own offset (an appeal's `filed_at`), read by people:
 * `2026-11-03T10:12:00+08:00` → `2026-11-03 10:12 +08:00` (the seconds when not 0, `Z` as
 * `+00:00`): its offset is kept, since it need not be the policy's timezone; anything else as it is.
 */
export function formatWrittenInstant(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2})?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})$/.exec(text);
  if (m === null) return text;
  const seconds = m[3] === undefined || m[3] === ':00' ? '' : m[3];
  const offset = m[4] === 'Z' ? '+00:00' : (m[4] ?? '').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  return `${m[1]} ${m[2]}${seconds} ${offset}`;
}

/**
 * The first and last calendar day of a period from results.json's `period` (`start` and the
 * exclusive `end`, instants in the policy's timezone): `2026-11-01` and `2026-11-30`.
 */
export function periodDays(period: { start: string; end: string }): { first: string; last: string } {
  const endDay = period.end.slice(0, 10);
  const [y, m, d] = endDay.split('-').map(Number);
  const last = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) - 1)).toISOString().slice(0, 10);
  return { first: period.start.slice(0, 10), last };
}

/** A period id as words: `2026-10` → `2026年10月` / `Oct 2026`; an id of no known form as it is. */
export function periodLabel(id: string, lang: Lang): string {
  const month = /^(\d{4})-(\d{2})$/.exec(id);
  if (month) return t(lang, 'periodMonth', { year: Number(month[1]), month: Number(month[2]) });
  const quarter = /^(\d{4})-Q(\d)$/.exec(id);
  if (quarter) return t(lang, 'periodQuarter', { year: Number(quarter[1]), quarter: Number(quarter[2]) });
  return /^\d{4}$/.test(id) ? t(lang, 'periodYear', { year: Number(id) }) : id;
}

function group(value: number, lang: Lang, digits: number): string {
  return numberFormat(t(lang, 'htmlLang'), digits, null).format(value);
}

// One Intl.NumberFormat per locale, digits and currency: making one is slow, and a large
// period's pages format hundreds of thousands of numbers.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, digits: number, currency: Currency): Intl.NumberFormat {
  const key = `${locale} ${digits} ${currency ?? ''}`;
  let format = numberFormats.get(key);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, {
      ...(currency === null ? {} : { style: 'currency', currency }),
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    numberFormats.set(key, format);
  }
  return format;
}

// Rounded for display, without trailing zeros: 15 → "15", 28.64 → "28.6".
function trim(value: number, digits: number): string {
  return String(round(value, digits));
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
