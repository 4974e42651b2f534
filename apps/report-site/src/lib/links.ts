import type { Lang } from './messages.ts';
import { slugOf } from './slug.ts';

/**
 * The place of every page and file of the site, as a path from the site's root without a
 * leading slash: a page is a folder ending in `/` (its file is `index.html` in it), a download a
 * file. Ids from data are made into safe segments by {@link slugOf}.
 */
export const route = {
  root: () => '',
  home: (lang: Lang) => `${lang}/`,
  policies: (lang: Lang) => `${lang}/policies/`,
  policy: (lang: Lang, policyId: string, slug: string) => `${lang}/policies/${slugOf(policyId)}/${slug}/`,
  period: (lang: Lang, period: string) => `${lang}/periods/${period}/`,
  agent: (lang: Lang, period: string, agentId: string) =>
    `${lang}/periods/${period}/agents/${slugOf(agentId)}/`,
  team: (lang: Lang, period: string, team: string) => `${lang}/periods/${period}/teams/${slugOf(team)}/`,
  metric: (lang: Lang, period: string, metric: string) =>
    `${lang}/periods/${period}/metrics/${slugOf(metric)}/`,
  audit: (lang: Lang, period: string) => `${lang}/periods/${period}/audit/`,
  /** A page of a scorecard's full ranking (from 1); a period's agents without a scorecard are `''`. */
  ranking: (lang: Lang, period: string, scorecard: string, page: number) =>
    `${lang}/periods/${period}/ranking/${slugOf(scorecard)}/${page}/`,
  /** The calibration page of a scorecard of a period (docs/calibration.md). */
  calibrate: (lang: Lang, period: string, scorecard: string) =>
    `${lang}/periods/${period}/calibrate/${slugOf(scorecard)}/`,
  /** The data of a scorecard's calibration page, shared by its languages. */
  calibrationData: (period: string, scorecard: string) =>
    `downloads/${period}/calibration/${slugOf(scorecard)}.js`,
  download: (period: string, file: string) => `downloads/${period}/${file}`,
  /** A file of `public/` (the stylesheet, the script), copied to the root of the site. */
  asset: (name: string) => name,
};

/**
 * A link from the page at `from` to `to` (both as {@link route} gives them), relative, so that
 * the site works from `file://` and under any base path; a page is linked as its `index.html`
 * because a browser opening files shows a folder as a listing.
 */
export function relativeHref(from: string, to: string): string {
  const here = from.split('/').slice(0, -1);
  const there = to.split('/');
  const file = there.pop() ?? '';
  let common = 0;
  while (common < here.length && common < there.length && here[common] === there[common]) common++;
  const up = here.slice(common).map(() => '..');
  return [...up, ...there.slice(common), file === '' ? 'index.html' : file].join('/');
}

/** The route of the page being rendered: its URL path less the configured base. */
export function pageRoute(url: URL, base: string = import.meta.env.BASE_URL): string {
  const path = decodeURIComponent(url.pathname);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const inner = path.startsWith(prefix) ? path.slice(prefix.length) : path.replace(/^\//, '');
  return inner === '' || inner.endsWith('/') ? inner : `${inner}/`;
}

/** Links from one page: every route of the site as a relative href, and the same page in another language. */
export type Links = { [K in keyof typeof route]: (...args: Parameters<(typeof route)[K]>) => string } & {
  /** The page being rendered in another language. */
  swap: (to: Lang) => string;
};

/** The links of the page at `url`. */
export function linksFrom(url: URL): Links {
  const from = pageRoute(url);
  const rel =
    <A extends unknown[]>(f: (...args: A) => string) =>
    (...args: A) =>
      relativeHref(from, f(...args));
  return {
    root: rel(route.root),
    home: rel(route.home),
    policies: rel(route.policies),
    policy: rel(route.policy),
    period: rel(route.period),
    agent: rel(route.agent),
    team: rel(route.team),
    metric: rel(route.metric),
    audit: rel(route.audit),
    ranking: rel(route.ranking),
    calibrate: rel(route.calibrate),
    calibrationData: rel(route.calibrationData),
    download: rel(route.download),
    asset: rel(route.asset),
    swap: (to) => relativeHref(from, from.replace(/^(zh|en)\//, `${to}/`)),
  };
}
