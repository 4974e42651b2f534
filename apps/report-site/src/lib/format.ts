import { type Lang, t } from './messages.ts';

/** A metric value in its unit, for display only (results keep full precision). */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined) return '—';
  switch (unit) {
    case 'ratio':
      return `${round(value * 100, 1)}%`;
    case 'seconds':
      return value >= 120 ? `${round(value / 60, 1)} min` : `${round(value, 1)} s`;
    case 'amount':
      return `¥${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
    case 'count':
      return String(round(value, 0));
    default:
      return String(round(value, 2));
  }
}

/** A score or total with one decimal. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : round(value, 1).toFixed(1);
}

/** Points of an adjustment with a sign. */
export function formatPoints(value: number): string {
  return value > 0 ? `+${round(value, 2)}` : String(round(value, 2));
}

/** A period id as words: `2026-10` → `2026年10月` / `Oct 2026`; an id of no known form as it is. */
export function periodLabel(id: string, lang: Lang): string {
  const month = /^(\d{4})-(\d{2})$/.exec(id);
  if (month) return t(lang, 'periodMonth', { year: Number(month[1]), month: Number(month[2]) });
  const quarter = /^(\d{4})-Q(\d)$/.exec(id);
  if (quarter) return t(lang, 'periodQuarter', { year: Number(quarter[1]), quarter: Number(quarter[2]) });
  return /^\d{4}$/.test(id) ? t(lang, 'periodYear', { year: Number(id) }) : id;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
