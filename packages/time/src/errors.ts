import { defineCatalogue } from '@scorebook/problems';

const q = (v: string) => `"${v}"`;

const KINDS_ZH =
  '月 2026-10、季度 2026-Q4、年 2026,或监控期间:ISO 周 2026-W43、日 2026-10-05、区间 2026-11-01..2026-11-11';
const KINDS_EN =
  'a month 2026-10, a quarter 2026-Q4, a year 2026, or a monitoring period: an ISO week 2026-W43, a day 2026-10-05, a range 2026-11-01..2026-11-11';

/**
 * Why a text is not a period, by permanent code. Codes never change meaning and are never
 * reused; each message says how to write the period.
 */
export const PERIOD_ERRORS = defineCatalogue({
  PERIOD_MALFORMED: {
    zh: (p: { text: string }) => `无法识别期间 ${q(p.text)}。请写成${KINDS_ZH}。`,
    en: (p: { text: string }) => `Cannot read the period ${q(p.text)}. Write ${KINDS_EN}.`,
  },
  PERIOD_MONTH_INVALID: {
    zh: (p: { text: string }) => `期间 ${q(p.text)} 的月份不存在:月份为 01 到 12。`,
    en: (p: { text: string }) => `The period ${q(p.text)} names no month: months are 01 to 12.`,
  },
  PERIOD_QUARTER_INVALID: {
    zh: (p: { text: string }) => `期间 ${q(p.text)} 的季度不存在:季度为 Q1 到 Q4。`,
    en: (p: { text: string }) => `The period ${q(p.text)} names no quarter: quarters are Q1 to Q4.`,
  },
  PERIOD_WEEK_INVALID: {
    zh: (p: { text: string; year: number; weeks: number }) =>
      `期间 ${q(p.text)} 的周不存在:ISO 周年 ${p.year} 有 W01 到 W${p.weeks} 共 ${p.weeks} 周。`,
    en: (p: { text: string; year: number; weeks: number }) =>
      `The period ${q(p.text)} names no week: the ISO week-numbering year ${p.year} has weeks W01 to W${p.weeks}.`,
  },
  PERIOD_DAY_INVALID: {
    zh: (p: { text: string; month: string; days: number | null }) =>
      `期间 ${q(p.text)} 的日期不存在:${p.days === null ? '月份为 01 到 12' : `${p.month} 有 ${p.days} 天`}。`,
    en: (p: { text: string; month: string; days: number | null }) =>
      `The period ${q(p.text)} names no day: ${p.days === null ? 'months are 01 to 12' : `${p.month} has ${p.days} days`}.`,
  },
  PERIOD_RANGE_INVALID: {
    zh: (p: { text: string; day: string; month: string; days: number | null }) =>
      `区间 ${q(p.text)} 中的 ${q(p.day)} 不是日期。区间写成 首日..末日,两端都是 YYYY-MM-DD,例如 2026-11-01..2026-11-11${p.days === null ? '' : `(${p.month} 有 ${p.days} 天)`}。`,
    en: (p: { text: string; day: string; month: string; days: number | null }) =>
      `In the range ${q(p.text)}, ${q(p.day)} is not a day. Write first..last with both as YYYY-MM-DD, e.g. 2026-11-01..2026-11-11${p.days === null ? '' : ` (${p.month} has ${p.days} days)`}.`,
  },
  PERIOD_RANGE_REVERSED: {
    zh: (p: { text: string; from: string; to: string }) =>
      `区间 ${q(p.text)} 的末日早于首日。请写成 ${p.to}..${p.from}。`,
    en: (p: { text: string; from: string; to: string }) =>
      `The range ${q(p.text)} ends before it starts. Write ${p.to}..${p.from}.`,
  },
});

/** A permanent code of a period problem. */
export type PeriodProblemCode = keyof typeof PERIOD_ERRORS;
