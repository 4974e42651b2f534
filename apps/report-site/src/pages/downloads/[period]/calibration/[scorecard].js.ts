import type { APIRoute, GetStaticPaths } from 'astro';
import { calibrationData, calibrationScorecards } from '../../../../lib/calibrate-data.ts';
import { relativeHref, route } from '../../../../lib/links.ts';
import { periodById, periodsToBuild } from '../../../../lib/load.ts';
import { slugOf } from '../../../../lib/slug.ts';

interface Props {
  periodId: string;
  scorecard: string;
}

export const getStaticPaths = (() =>
  periodsToBuild().flatMap((p) =>
    calibrationScorecards(p).map((scorecard) => ({
      params: { period: p.id, scorecard: slugOf(scorecard) },
      props: { periodId: p.id, scorecard },
    })),
  )) satisfies GetStaticPaths;

/**
 * The data of a scorecard's calibration page (docs/calibration.md), shared by its pages in
 * every language: a classic script setting `window.scorebookCalibrationData` to the
 * calibration data and each agent's page link relative to the calibration page (the same path
 * under every language), `<` escaped.
 */
export const GET: APIRoute<Props> = ({ props }) => {
  const period = periodById(props.periodId);
  if (period.policy === null) throw new Error(`period ${period.id} has no policy.json`);
  const data = calibrationData(period.id, period.policy, period.results.agents, props.scorecard);
  const from = route.calibrate('zh', period.id, props.scorecard);
  const hrefs = data.agents.map((a) => relativeHref(from, route.agent('zh', period.id, a.agent_id)));
  const json = JSON.stringify({ data, hrefs }).replace(/</g, '\\u003c');
  return new Response(`window.scorebookCalibrationData = ${json};\n`, {
    headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
  });
};
