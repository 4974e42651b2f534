import type { APIRoute, GetStaticPaths } from 'astro';
import { relativeHref, route } from '../../../../lib/links.ts';
import { periodById, periodPagePaths } from '../../../../lib/load.ts';
import type { Lang } from '../../../../lib/messages.ts';
import { teamsOf } from '../../../../lib/views.ts';

interface Props {
  lang: Lang;
  periodId: string;
}

export const getStaticPaths = (() => periodPagePaths()) satisfies GetStaticPaths;

/**
 * The search index of a period (components/SiteSearch.astro): a classic script that sets
 * `window.scorebookSearch` to `[kind, name, id, team, href]` for every agent (`agent`, by id)
 * and team (`team`, by name), links relative to the period's overview.
 */
export const GET: APIRoute<Props> = ({ props }) => {
  const period = periodById(props.periodId);
  const from = route.period(props.lang, period.id);
  const entries = [
    ...period.results.agents.map((a) => [
      'agent',
      a.name,
      a.agent_id,
      a.team,
      relativeHref(from, route.agent(props.lang, period.id, a.agent_id)),
    ]),
    ...teamsOf(period).map(({ team }) => [
      'team',
      team,
      '',
      team,
      relativeHref(from, route.team(props.lang, period.id, team)),
    ]),
  ];
  return new Response(`window.scorebookSearch = ${JSON.stringify(entries)};\n`, {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
};
