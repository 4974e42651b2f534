import { type InputTableName, TABLES } from '@scorebook/contract';
import { messageOf, type Problem } from '@scorebook/problems';
import { formatInstantLocal, type Zone, type ZonedPeriod } from '@scorebook/time';
import { RUN_ERRORS } from '../errors.ts';
import type { TableRecord } from '../read/read-inputs.ts';
import type { Row } from '../row.ts';
import { exceedsLimit, formatLimit, type RejectedLimit } from './rejected-limit.ts';

/** Tables whose rows come every working day: a gap at an end of the period means missing files. */
const DENSE: ReadonlySet<InputTableName> = new Set(['conversations', 'messages']);
/** How far from an end of the period a dense table's rows may stop before it is said. */
const GAP_MS = 2 * 86_400_000;
const TOP = 10;

/**
 * What a {@link PeriodWarnings} counted, as plain data (for a worker thread's piece of a table):
 * rows, filled fields (`table.field`), time spans of dense tables and rejected rows by agent.
 */
export interface PeriodWarningsPart {
  rows: Map<InputTableName, number>;
  filled: Map<string, number>;
  span: Map<InputTableName, [number, number]>;
  rejected: Map<InputTableName, Map<string, number>>;
}

/**
 * What a run can read but a reader should be told (`docs/sources.md`, warnings): a field the
 * policy reads that is empty in every row of the period; a dense table whose rows cover only part
 * of the period; rows of the period rejected beyond the limit's share of the period's rows (the
 * limit itself counts a table's rows of every period), with the agents they belong to. Fed row by
 * row as tables are read; nothing here changes a result.
 */
export class PeriodWarnings {
  readonly #period: ZonedPeriod;
  readonly #fields: ReadonlyMap<InputTableName, readonly { field: string; uses: readonly string[] }[]>;
  readonly #filled = new Map<string, number>();
  readonly #rows = new Map<InputTableName, number>();
  readonly #span = new Map<InputTableName, [number, number]>();
  readonly #rejected = new Map<InputTableName, Map<string, number>>();

  /** `fields`: per input table, the fields the policy reads and where (policy needs). */
  constructor(
    period: ZonedPeriod,
    fields: Iterable<{ table: InputTableName; field: string; uses: readonly string[] }>,
  ) {
    this.#period = period;
    const byTable = new Map<InputTableName, { field: string; uses: readonly string[] }[]>();
    for (const f of fields) byTable.set(f.table, [...(byTable.get(f.table) ?? []), f]);
    this.#fields = byTable;
  }

  /** Counts an accepted row of the period. */
  accepted(table: InputTableName, row: Row): void {
    this.#rows.set(table, (this.#rows.get(table) ?? 0) + 1);
    for (const { field } of this.#fields.get(table) ?? []) {
      const v = row.values[field];
      if (v !== null && v !== undefined)
        this.#filled.set(`${table}.${field}`, (this.#filled.get(`${table}.${field}`) ?? 0) + 1);
    }
    const t = row.values[TABLES[table].timeField ?? ''];
    if (DENSE.has(table) && typeof t === 'number') {
      const span = this.#span.get(table);
      if (span === undefined) this.#span.set(table, [t, t]);
      else if (t < span[0]) span[0] = t;
      else if (t > span[1]) span[1] = t;
    }
  }

  /** Counts a rejected record when its time field was read and falls in the period, for its agent. */
  rejected(
    table: InputTableName,
    record: TableRecord,
    agentOf: (values: Readonly<Record<string, unknown>>) => string | null,
  ): void {
    const values = record.values;
    const field = TABLES[table].timeField;
    if (values === null || field === null) return;
    const t = values[field];
    const p = this.#period;
    const inPeriod =
      typeof t === 'number'
        ? t >= p.startMs && t < p.endMs
        : typeof t === 'string'
          ? t >= p.firstDay && t < p.endDay
          : false;
    if (!inPeriod) return;
    const agents = this.#rejected.get(table) ?? new Map<string, number>();
    const agent = agentOf(values) ?? '?';
    agents.set(agent, (agents.get(agent) ?? 0) + 1);
    this.#rejected.set(table, agents);
  }

  /** What was counted, to be added to another's with {@link absorb}. */
  part(): PeriodWarningsPart {
    return { rows: this.#rows, filled: this.#filled, span: this.#span, rejected: this.#rejected };
  }

  /**
   * Adds what another counted (a piece of a table read elsewhere): counts are summed and spans
   * widened, so the warnings do not depend on the order parts are added in.
   */
  absorb(part: PeriodWarningsPart): void {
    for (const [table, n] of part.rows) this.#rows.set(table, (this.#rows.get(table) ?? 0) + n);
    for (const [key, n] of part.filled) this.#filled.set(key, (this.#filled.get(key) ?? 0) + n);
    for (const [table, [first, last]] of part.span) {
      const span = this.#span.get(table);
      if (span === undefined) this.#span.set(table, [first, last]);
      else this.#span.set(table, [Math.min(span[0], first), Math.max(span[1], last)]);
    }
    for (const [table, agents] of part.rejected) {
      const mine = this.#rejected.get(table) ?? new Map<string, number>();
      for (const [agent, n] of agents) mine.set(agent, (mine.get(agent) ?? 0) + n);
      this.#rejected.set(table, mine);
    }
  }

  /** The warnings, table by table in contract order. */
  warnings(limit: RejectedLimit, zone: Zone): Problem[] {
    const out: Problem[] = [];
    const warn = (code: keyof typeof RUN_ERRORS, message: Problem['message']): Problem => ({
      code,
      severity: 'warning',
      message,
      file: null,
      line: null,
      column: null,
    });
    for (const [table, fields] of this.#fields) {
      const rows = this.#rows.get(table) ?? 0;
      if (rows === 0) continue;
      for (const { field, uses } of fields) {
        if ((this.#filled.get(`${table}.${field}`) ?? 0) > 0) continue;
        out.push(
          warn(
            'FIELD_EMPTY_IN_PERIOD',
            messageOf(RUN_ERRORS, 'FIELD_EMPTY_IN_PERIOD', { table, field, rows, uses: uses.join('; ') }),
          ),
        );
      }
    }
    const p = this.#period;
    for (const [table, [first, last]] of this.#span) {
      if (first - p.startMs <= GAP_MS && p.endMs - last <= GAP_MS) continue;
      const covered = `${formatInstantLocal(first, zone)} – ${formatInstantLocal(last, zone)}`;
      out.push(
        warn(
          'PERIOD_PARTLY_COVERED',
          messageOf(RUN_ERRORS, 'PERIOD_PARTLY_COVERED', {
            table,
            covered,
            period: p.id,
            start: p.start,
            end: p.end,
          }),
        ),
      );
    }
    for (const [table, agents] of this.#rejected) {
      const rejected = [...agents.values()].reduce((a, b) => a + b, 0);
      const rows = (this.#rows.get(table) ?? 0) + rejected;
      if (!exceedsLimit(limit, rejected, rows)) continue;
      const top = [...agents]
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, TOP)
        .map(([agent, n]) => `${agent} ${n}`)
        .join(', ');
      out.push(
        warn(
          'REJECTED_IN_PERIOD',
          messageOf(RUN_ERRORS, 'REJECTED_IN_PERIOD', {
            table,
            rejected,
            rows,
            period: p.id,
            limit: formatLimit(limit),
            agents: top,
          }),
        ),
      );
    }
    return out;
  }
}
