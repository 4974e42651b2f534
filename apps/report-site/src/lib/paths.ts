import type { Lang } from './i18n.ts';
import { slugOf } from './slug.ts';

const base = import.meta.env.BASE_URL.replace(/\/$/, '');

/** Links of the site, in one place. */
export const href = {
  home: (lang: Lang) => `${base}/${lang}/`,
  period: (lang: Lang, period: string) => `${base}/${lang}/periods/${period}/`,
  agent: (lang: Lang, period: string, agentId: string) =>
    `${base}/${lang}/periods/${period}/agents/${slugOf(agentId)}/`,
  team: (lang: Lang, period: string, team: string) =>
    `${base}/${lang}/periods/${period}/teams/${slugOf(team)}/`,
  metric: (lang: Lang, period: string, metric: string) =>
    `${base}/${lang}/periods/${period}/metrics/${metric}/`,
  audit: (lang: Lang, period: string) => `${base}/${lang}/periods/${period}/audit/`,
  policy: (lang: Lang, policy: string, version: string) =>
    `${base}/${lang}/policies/${policy}/${slugOf(version)}/`,
  download: (period: string, file: string) => `${base}/downloads/${period}/${file}`,
  /** The same page in the other language. */
  swap: (path: string, to: Lang) => path.replace(/^(.*?\/)(zh|en)(\/)/, `$1${to}$3`),
};
