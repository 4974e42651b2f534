import { formatValue } from './format.ts';
import { factMetric } from './history.ts';
import type { SitePeriod } from './load.ts';
import { type Lang, t } from './messages.ts';
import { metricTitle, unitOf } from './views.ts';

/**
 * What a name a formula reads stands for, in words: a metric by its title (`一次解决率`), a team
 * fact by its statistic and metric (`团队中位数 · 首次响应时间`), a history fact by its periods and
 * metric (`上期 · 一次解决率`, `近 3 期平均 · 质检得分`, `上期总分`, `连续 A 或以上的期数`); an agent
 * fact (`tenure_days`) by its name. The name itself is shown beside it.
 */
export function formulaReadLabel(period: SitePeriod, name: string, lang: Lang): string {
  const team = /^team\.([a-z0-9]+)\.(.+)$/.exec(name);
  if (team !== null)
    return `${t(lang, 'readTeam', { statistic: team[1] ?? '' })} · ${metricTitle(period, team[2] ?? '', lang)}`;
  const streak = /^history\.streak\.(.+)$/.exec(name);
  if (streak !== null) return t(lang, 'readStreak', { grade: streak[1] ?? '' });
  if (name === 'history.prev.total_score') return t(lang, 'readPrevTotal');
  if (name === 'history.prev.base_score') return t(lang, 'readPrevBase');
  const prev = /^history\.prev\.(.+)$/.exec(name);
  if (prev !== null) return `${t(lang, 'readPrev')} · ${metricTitle(period, prev[1] ?? '', lang)}`;
  const mean = /^history\.mean(\d+)\.(.+)$/.exec(name);
  if (mean !== null)
    return `${t(lang, 'readMean', { n: Number(mean[1]) })} · ${metricTitle(period, mean[2] ?? '', lang)}`;
  return metricTitle(period, name, lang);
}

/**
 * A value a formula read, as the metric it is about is shown everywhere else: in its metric's
 * unit and rounding (a share as `84.1%`, a duration as `6 分钟`); scores of the previous period as
 * scores, a streak as a count, an agent fact (`tenure_days`) as a plain number.
 */
export function formulaReadValue(period: SitePeriod, name: string, value: number | null, lang: Lang): string {
  const metric = name.startsWith('history.streak.')
    ? null
    : name === 'history.prev.total_score' || name === 'history.prev.base_score'
      ? 'score'
      : (factMetric(name) ?? name);
  const unit = metric === null ? 'count' : metric === 'score' ? 'score' : unitOf(period, metric);
  return formatValue(value, unit, lang, period.currency);
}
