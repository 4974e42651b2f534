import { PAYROLL_AMOUNT_COLUMNS, payrollRows, sheetCsv, sheetXlsx } from '@scorebook/policy';
import type { SitePeriod } from './load.ts';
import { own } from './views.ts';

/** The rows of a period's scorecards: one per agent, headers first. */
export function scorecardRows(period: SitePeriod): Array<Array<string | number | null>> {
  const metricIds = [
    ...new Set(
      period.results.agents.flatMap((a) =>
        Object.entries(a.metrics)
          .filter(([, m]) => m.status !== 'info')
          .map(([id]) => id),
      ),
    ),
  ];
  const header = [
    'agent_id',
    'name',
    'team',
    'role',
    'scorecard',
    'status',
    'reason',
    'grade',
    'rank',
    'base_score',
    'total_score',
    'vetoes',
    'worst_metrics',
  ];
  for (const id of metricIds) header.push(`${id}.value`, `${id}.score`, `${id}.status`);
  const rows: Array<Array<string | number | null>> = [header];
  for (const a of period.results.agents) {
    const row: Array<string | number | null> = [
      a.agent_id,
      a.name,
      a.team,
      a.role,
      a.scorecard,
      a.status,
      a.reason,
      a.grade,
      a.rank,
      a.base_score,
      a.total_score,
      a.vetoes.join(' '),
      a.worst_metrics.join(' '),
    ];
    for (const id of metricIds) {
      const m = own(a.metrics, id);
      row.push(m?.value ?? null, m?.score ?? null, m?.status ?? null);
    }
    rows.push(row);
  }
  return rows;
}

/** The scorecards as CSV (UTF-8 with BOM, so Excel reads Chinese), every text cell neutralised. */
export function scorecardsCsv(period: SitePeriod): string {
  return sheetCsv(scorecardRows(period));
}

/** The scorecards as an XLSX workbook; text cells neutralised and written as text, never formulas. */
export function scorecardsXlsx(period: SitePeriod): Promise<Uint8Array<ArrayBuffer>> {
  return sheetXlsx(scorecardRows(period), period.id);
}

/** The payroll downloads of a period of policy format 2 (`docs/scorecards.md`, payroll); none for format 1. */
export function payrollFiles(period: SitePeriod): Array<'payroll.csv' | 'payroll.xlsx'> {
  return payrollRows(period.results) === null ? [] : ['payroll.csv', 'payroll.xlsx'];
}

/** The payroll of a period as CSV or XLSX: coefficient, bonus, awards and total per agent, amounts in cents. */
export async function payroll(
  period: SitePeriod,
  file: 'payroll.csv' | 'payroll.xlsx',
): Promise<string | Uint8Array<ArrayBuffer>> {
  const rows = payrollRows(period.results) ?? [];
  if (file === 'payroll.csv') return sheetCsv(rows);
  return sheetXlsx(rows, period.id, Object.fromEntries(PAYROLL_AMOUNT_COLUMNS.map((c) => [c, '0.00'])));
}
