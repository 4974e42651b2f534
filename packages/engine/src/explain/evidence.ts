import type { Evidence, MeasuredTableName } from '@scorebook/contract';
import type { Zone } from '@scorebook/time';
import type { CompiledMetric, RowsByAgent } from '../measure/compute-metrics.ts';
import type { Row } from '../row.ts';
import { describeRow } from './describe-row.ts';

/**
 * Picks the records a review needs for one metric of one agent: for averages and percentiles
 * the worst values; for a ratio where higher is better the denominator rows that missed the
 * numerator (unanswered conversations…), where lower is better the numerator rows (upheld
 * complaints…); for counts and sums the rows counted; for NPS the detractors.
 */
export function evidenceFor(
  metric: CompiledMetric,
  rows: RowsByAgent,
  agent: number,
  files: readonly string[],
  zone: Zone,
  cap: number,
): Evidence {
  const d = metric.definition;
  const of = (table: MeasuredTableName | null) => (table === null ? [] : (rows.get(table)?.[agent] ?? []));
  const describe = (table: MeasuredTableName, list: readonly Row[], role: Evidence['role']): Evidence => ({
    role,
    total: list.length,
    records: list.slice(0, cap).map((row) => describeRow(table, row, files, zone)),
  });
  switch (d.kind) {
    case 'ratio': {
      const num = d.numerator!;
      const den = d.denominator!;
      if (d.better === 'higher' && num.table === den.table) {
        return describe(
          den.table,
          of(den.table).filter((r) => metric.denominator(r) && !metric.numerator(r)),
          'against',
        );
      }
      if (d.better === 'lower') return describe(num.table, of(num.table).filter(metric.numerator), 'against');
      return describe(
        den.table,
        of(den.table).filter((r) => metric.denominator(r) && !metric.numerator(r)),
        'against',
      );
    }
    case 'count':
    case 'sum':
      return describe(
        d.table!,
        of(d.table).filter(metric.where),
        d.better === 'lower' ? 'against' : 'counted',
      );
    case 'nps':
      return describe(
        d.table!,
        of(d.table).filter(
          (r) =>
            metric.where(r) && typeof r.values[d.field!] === 'number' && (r.values[d.field!] as number) <= 6,
        ),
        'against',
      );
    default: {
      const field = d.field!;
      const sample = of(d.table).filter((r) => typeof r.values[field] === 'number' && metric.where(r));
      const sign = d.better === 'lower' ? -1 : 1;
      // Worst first; ties keep file order.
      const sorted = sample
        .map((row, i) => ({ row, i }))
        .sort(
          (a, b) => sign * ((a.row.values[field] as number) - (b.row.values[field] as number)) || a.i - b.i,
        )
        .map(({ row }) => row);
      return describe(d.table!, sorted, 'against');
    }
  }
}
