import type { APIRoute, GetStaticPaths } from 'astro';
import { appealsCsv } from '../../../lib/appeals.ts';
import { payroll, payrollFiles, scorecardsCsv, scorecardsXlsx } from '../../../lib/downloads.ts';
import { periodById, periodsToBuild } from '../../../lib/load.ts';

type Download = 'scorecards.csv' | 'scorecards.xlsx' | 'payroll.csv' | 'payroll.xlsx' | 'appeals.csv';

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
        ...payrollFiles(p),
        ...(p.results.appeals === undefined ? [] : (['appeals.csv'] as const)),
      ] as const
    ).map((file) => ({
      params: { period: p.id, file },
      props: { periodId: p.id, file },
    })),
  )) satisfies GetStaticPaths;

/**
 * The downloads of a period that the site makes: the scorecards as CSV and XLSX, the payroll
 * (policy format 2, with rewards) as CSV and XLSX, and the appeals as CSV when the period has
 * appeals (`docs/site.md`). The period folder's own files (`PUBLISHED_FILES`) are copied beside
 * them by `scorebook site build`, byte for byte, so that a download hashes to what manifest.json
 * records.
 */
export const GET: APIRoute<Props> = async ({ props }) => {
  const period = periodById(props.periodId);
  switch (props.file) {
    case 'scorecards.csv':
      return new Response(scorecardsCsv(period), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
    case 'scorecards.xlsx':
      return new Response(await scorecardsXlsx(period), {
        headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      });
    case 'payroll.csv':
      return new Response(await payroll(period, props.file), {
        headers: { 'Content-Type': 'text/csv; charset=utf-8' },
      });
    case 'payroll.xlsx':
      return new Response(await payroll(period, props.file), {
        headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      });
    case 'appeals.csv':
      return new Response(appealsCsv(period), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
  }
};
