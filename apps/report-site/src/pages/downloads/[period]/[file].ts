import type { APIRoute } from 'astro';
import { scorecardsCsv, scorecardsXlsx } from '../../../lib/downloads.ts';
import { periodsToBuild, siteData } from '../../../lib/load.ts';

const FILES = ['scorecards.csv', 'scorecards.xlsx', 'results.json', 'explanations.json'] as const;

export function getStaticPaths() {
  return periodsToBuild().flatMap((p) =>
    FILES.map((file) => ({ params: { period: p.id, file }, props: { periodId: p.id, file } })),
  );
}

/** The downloads of a period: scorecards as CSV and XLSX, and the result files as published. */
export const GET: APIRoute = async ({ props }) => {
  const period = siteData().periods.find((p) => p.id === props.periodId)!;
  switch (props.file as (typeof FILES)[number]) {
    case 'scorecards.csv':
      return new Response(scorecardsCsv(period), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
    case 'scorecards.xlsx':
      return new Response(await scorecardsXlsx(period), {
        headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      });
    case 'results.json':
      return new Response(JSON.stringify(period.results, null, 2), {
        headers: { 'Content-Type': 'application/json' },
      });
    case 'explanations.json':
      return new Response(JSON.stringify({ agents: [...period.explanations.values()] }, null, 2), {
        headers: { 'Content-Type': 'application/json' },
      });
  }
};
