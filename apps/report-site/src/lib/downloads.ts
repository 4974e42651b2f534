import ExcelJS from 'exceljs';
import type { SitePeriod } from './load.ts';
import { own } from './views.ts';

/**
 * A text cell made safe for spreadsheets: a value starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return would be read as a formula, so it gets a leading apostrophe (OWASP's advice).
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

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
  const cell = (v: string | number | null) => {
    if (v === null) return '';
    if (typeof v === 'number') return String(v);
    const text = neutralise(v);
    return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return `\ufeff${scorecardRows(period)
    .map((r) => r.map(cell).join(','))
    .join('\r\n')}\r\n`;
}

/** The scorecards as an XLSX workbook; text cells neutralised and written as text, never formulas. */
export async function scorecardsXlsx(period: SitePeriod): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Scorebook';
  workbook.created = new Date(Date.UTC(2000, 0, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(period.id);
  for (const row of scorecardRows(period))
    sheet.addRow(row.map((v) => (typeof v === 'string' ? neutralise(v) : v)));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
