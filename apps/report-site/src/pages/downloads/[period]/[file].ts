import type { APIRoute, GetStaticPaths } from 'astro';
import { appealsCsv } from '../../../lib/appeals.ts';
import { scorecardsCsv, scorecardsXlsx } from '../../../lib/downloads.ts';
import { periodById, periodsToBuild } from '../../../lib/load.ts';

type Download = 'scorecards.csv' | 'scorecards.xlsx' | 'appeals.csv';

interface Props {
  periodId: string;
  file: Download;
}

export const getStaticPaths = (() =>
  periodsToBuild().flatMap((p) =>
    (
      [
        'scorecards.csv',
        'scorecards.xlsx',
        ...(p.results.appeals === undefined ? [] : (['appeals.csv'] as const)),
      ] as const
    ).map((file) => ({
      params: { period: p.id, file },
      props: { periodId: p.id, file },
    })),
  )) satisfies GetStaticPaths;

/**
 * The downloads of a period that the site makes: the scorecards as CSV and XLSX, and the
 * appeals as CSV when the period has appeals (`docs/site.md`). The period
 * folder's own files (`PUBLISHED_FILES`) are copied beside them by `scorebook site build`, byte
 * for byte, so that a download hashes to what manifest.json records.
 */
export const GET: APIRoute<Props> = async ({ props }) => {
  const period = periodById(props.periodId);
  if (props.file === 'appeals.csv')
    return new Response(appealsCsv(period), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  if (props.file === 'scorecards.csv')
    return new Response(scorecardsCsv(period), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  return new Response(await scorecardsXlsx(period), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
};
