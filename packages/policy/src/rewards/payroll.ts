import type { Results } from '@scorebook/contract';
import type { SheetRows } from './spreadsheet.ts';

/** The columns of the payroll export, in order. */
export const PAYROLL_COLUMNS = [
  'period',
  'agent_id',
  'name',
  'team',
  'role',
  'employment_status',
  'scorecard',
  'status',
  'grade',
  'coefficient',
  'base',
  'bonus',
  'awards',
  'award_amount',
  'total',
] as const;

/** The columns of amounts (rounded to cents), by index. */
export const PAYROLL_AMOUNT_COLUMNS: readonly number[] = ['base', 'bonus', 'award_amount', 'total'].map((c) =>
  PAYROLL_COLUMNS.indexOf(c as (typeof PAYROLL_COLUMNS)[number]),
);

/**
 * An amount rounded to cents for payroll (`docs/scorecards.md`, payroll): x × 100 reduced to 15
 * significant digits, rounded half up, ÷ 100 — so 1.005 gives 1.01 although 1.005 × 100 is
 * 100.49999999999999 in doubles. Amounts are never negative.
 */
export function cents(x: number): number {
  return Math.round(Number((x * 100).toPrecision(15))) / 100;
}

/**
 * The payroll export of a period of policy format 2 (`docs/scorecards.md`, payroll): one row per
 * agent of results.json (agent_id order), every agent listed, those without a reward with empty
 * amounts; coefficients at full precision, amounts in cents. `employment_status` is the agents
 * table's status as results carry it (`left` for an agent who has left: HR sees who is paid after
 * leaving), empty for results written before they carried it. Null when the results are not of
 * format 2 (no agent has a `reward` field).
 */
export function payrollRows(results: Results): SheetRows | null {
  if (!results.agents.some((a) => a.reward !== undefined)) return null;
  const rows: Array<Array<string | number | null>> = [[...PAYROLL_COLUMNS]];
  for (const a of results.agents) {
    const reward = a.reward ?? null;
    const awards = a.awards ?? [];
    const paid = awards.flatMap((w) => (w.amount === null ? [] : [w.amount]));
    const money = (x: number | null | undefined) => (x === null || x === undefined ? null : cents(x));
    rows.push([
      results.period.id,
      a.agent_id,
      a.name,
      a.team,
      a.role,
      // Older results.json files have no employment_status: an empty cell, never a guessed `active`.
      a.employment_status ?? null,
      a.scorecard,
      a.status,
      a.grade,
      reward?.coefficient ?? null,
      money(reward?.base),
      money(reward?.bonus),
      awards.map((w) => w.id).join(' '),
      paid.length === 0 ? null : money(paid.reduce((s, x) => s + x, 0)),
      money(reward?.total),
    ]);
  }
  return rows;
}
