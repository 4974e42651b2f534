import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from '@scorebook/contract';
import { sha256 } from './git.ts';

/** A month a published quarter or year averaged, whose publication in force is no longer the one it averaged. */
export interface StaleMonth {
  /** The quarter or year (`2026-Q4`, `2026`). */
  period: string;
  month: string;
  /** The month's `results_sha256` the quarter or year records. */
  recorded: string;
  /** The sha256 of the month's `results.json` in force. */
  current: string;
}

/**
 * The months of a published period scored from its months (`results.months`) whose published
 * `results.json` (under `root`) no longer has the recorded sha256 — the month was superseded
 * after the quarter or year was published. A month not published is not compared.
 */
export function staleMonthsOf(root: string, period: string, results: Pick<Results, 'months'>): StaleMonth[] {
  const stale: StaleMonth[] = [];
  for (const m of results.months ?? []) {
    if (m.results_sha256 === null) continue;
    const file = join(root, m.period, 'results.json');
    if (!existsSync(join(root, m.period, 'manifest.json')) || !existsSync(file)) continue;
    const current = sha256(readFileSync(file));
    if (current !== m.results_sha256)
      stale.push({ period, month: m.period, recorded: m.results_sha256, current });
  }
  return stale;
}

/**
 * The published quarter and year under `root` that average the month `month` (`2026-12`) and
 * record another `results.json` for it than the one in force: after the month was superseded,
 * they are to be published again. Nothing for a quarter or a year.
 */
export function aggregatesOfMonth(root: string, month: string): StaleMonth[] {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (match === null) return [];
  const [, year = '', number = ''] = match;
  const quarter = `${year}-Q${Math.ceil(Number(number) / 3)}`;
  return [quarter, year].flatMap((period) => {
    const file = join(root, period, 'results.json');
    if (!existsSync(join(root, period, 'manifest.json')) || !existsSync(file)) return [];
    let results: Pick<Results, 'months'>;
    try {
      results = JSON.parse(readFileSync(file, 'utf8')) as Results;
    } catch {
      return [];
    }
    return staleMonthsOf(root, period, results).filter((s) => s.month === month);
  });
}
