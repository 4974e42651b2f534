import {
  type CustomTableName,
  type CustomTableSpec,
  isCustomTableName,
  TABLES,
  type TableName,
} from '@scorebook/contract';
import { messageOf, type Problem } from '@scorebook/problems';
import { addDays, formatInstantLocal, type Zone, type ZonedPeriod } from '@scorebook/time';
import { RUN_ERRORS } from '../errors.ts';
import type { Row } from '../row.ts';

/**
 * What a {@link Coverage} saw of one table: earliest and latest time, rows in the period, rows
 * after it, rows long before it.
 */
export interface CoveragePart {
  first: number | string | null;
  last: number | string | null;
  inPeriod: number;
  after: AfterPeriod | null;
  longBefore: AfterPeriod | null;
}

/**
 * Rows dated more than this many days before the period's start are long before it
 * (ROWS_LONG_BEFORE_PERIOD): before the month ahead of a month's start, whatever its length.
 */
export const LONG_BEFORE_DAYS = 31;

/**
 * The accepted rows of a table dated at or after the period's end (or long before its start):
 * how many, their earliest time, and where the earliest is (its file's index in the run's files
 * and its line; of rows of the same earliest time, the first read).
 */
export interface AfterPeriod {
  rows: number;
  first: number | string;
  file: number;
  line: number;
}

/**
 * The accepted rows of each table in time: the earliest and latest time field (all periods),
 * whether a row falls in the period (`docs/contract/semantics.md`: from local midnight of the first day,
 * inclusive, to local midnight after the last, exclusive), and whether the period has any row
 * at all (`docs/contract/source-format.md`, rule 5).
 */
export class Coverage {
  /** Null: every row counts as in the period (inspecting data without one). */
  readonly #period: ZonedPeriod | null;
  readonly first = new Map<TableName, number | string>();
  readonly last = new Map<TableName, number | string>();
  /** Per table, its accepted rows dated at or after the period's end (none: no entry). */
  readonly after = new Map<TableName, AfterPeriod>();
  /** Per table, its accepted rows dated more than {@link LONG_BEFORE_DAYS} days before the period's start. */
  readonly longBefore = new Map<TableName, AfterPeriod>();
  readonly #custom: ReadonlyMap<CustomTableName, CustomTableSpec>;
  #inPeriod = 0;
  #fieldTable: TableName | null = null;
  #field: string | null = null;

  /** `custom`: the custom tables of the source, whose declarations name their time fields. */
  constructor(period: ZonedPeriod | null, custom: ReadonlyMap<CustomTableName, CustomTableSpec> = new Map()) {
    this.#period = period;
    this.#custom = custom;
  }

  /** Counts an accepted row; returns {@link inPeriod} of it. */
  add(table: TableName, row: Row): boolean {
    const field = this.#timeField(table);
    if (field === null) return true;
    // A time field is a required timestamp (epoch milliseconds) or date (`YYYY-MM-DD`).
    const t = row.values[field];
    if (typeof t !== 'number' && typeof t !== 'string') return this.#period === null;
    const first = this.first.get(table);
    if (first === undefined || t < first) this.first.set(table, t);
    const last = this.last.get(table);
    if (last === undefined || t > last) this.last.set(table, t);
    const inPeriod = this.#timeInPeriod(t);
    if (inPeriod) this.#inPeriod++;
    else if (this.#afterPeriod(t))
      addRows(this.after, table, { rows: 1, first: t, file: row.file, line: row.line });
    else if (this.#longBefore(t))
      addRows(this.longBefore, table, { rows: 1, first: t, file: row.file, line: row.line });
    return inPeriod;
  }

  /** What this object saw of one table, for {@link Coverage.absorb}. */
  part(table: TableName): CoveragePart {
    return {
      first: this.first.get(table) ?? null,
      last: this.last.get(table) ?? null,
      inPeriod: this.#inPeriod,
      after: this.after.get(table) ?? null,
      longBefore: this.longBefore.get(table) ?? null,
    };
  }

  /** Adds what another object saw of a table, as if it had seen those rows itself. */
  absorb(table: TableName, part: CoveragePart): void {
    const { first, last } = part;
    const mine = this.first.get(table);
    if (first !== null && (mine === undefined || first < mine)) this.first.set(table, first);
    const latest = this.last.get(table);
    if (last !== null && (latest === undefined || last > latest)) this.last.set(table, last);
    this.#inPeriod += part.inPeriod;
    if (part.after !== null) addRows(this.after, table, part.after);
    if (part.longBefore !== null) addRows(this.longBefore, table, part.longBefore);
  }

  // A time field's value more than LONG_BEFORE_DAYS days before the period's start (a date more
  // than that many days before its first day).
  #longBefore(t: number | string): boolean {
    const p = this.#period;
    if (p === null) return false;
    return typeof t === 'string'
      ? t < addDays(p.firstDay, -LONG_BEFORE_DAYS)
      : t < p.startMs - LONG_BEFORE_DAYS * 86_400_000;
  }

  // A time field's value at or after the period's end (a date from the end day on).
  #afterPeriod(t: number | string): boolean {
    const p = this.#period;
    if (p === null) return false;
    return typeof t === 'string' ? t >= p.endDay : t >= p.endMs;
  }

  /** True when the row's time field falls in the period. */
  inPeriod(table: TableName, row: Row): boolean {
    return this.valuesInPeriod(table, row.values);
  }

  /** {@link inPeriod} of a row with these values (before its row is made). */
  valuesInPeriod(table: TableName, values: Readonly<Record<string, unknown>>): boolean {
    const field = this.#timeField(table);
    if (field === null) return true;
    return this.#timeInPeriod(values[field]);
  }

  // A time field's value in the period: a date from the first day to the end day (exclusive), an
  // instant from the start to the end (exclusive); every value when there is no period.
  #timeInPeriod(t: unknown): boolean {
    const p = this.#period;
    if (p === null) return true;
    if (typeof t === 'string') return t >= p.firstDay && t < p.endDay;
    return typeof t === 'number' && t >= p.startMs && t < p.endMs;
  }

  /** The problem of a period without data (`docs/contract/source-format.md`, rule 5), or none. */
  noData(zone: Zone): Problem[] {
    if (this.#inPeriod > 0 || this.#period === null) return [];
    const firsts = [...this.first.values()].map((v) => this.#text(v, zone)).sort();
    const lasts = [...this.last.values()].map((v) => this.#text(v, zone)).sort();
    const covered = firsts.length === 0 ? '' : `${firsts[0]} – ${lasts[lasts.length - 1]}`;
    const p = this.#period;
    return [
      {
        code: 'NO_DATA_IN_PERIOD',
        severity: 'error',
        message: messageOf(RUN_ERRORS, 'NO_DATA_IN_PERIOD', {
          period: p.id,
          start: p.start,
          end: p.end,
          covered,
        }),
        file: null,
        line: null,
        column: null,
      },
    ];
  }

  /** A time field's value as people read it: a date, or an instant in the policy's timezone. */
  range(table: TableName, zone: Zone): { first: string; last: string } | null {
    const first = this.first.get(table);
    const last = this.last.get(table);
    return first === undefined || last === undefined
      ? null
      : { first: this.#text(first, zone), last: this.#text(last, zone) };
  }

  #timeField(table: TableName): string | null {
    // Rows come table by table: the last table's field without a lookup.
    if (table !== this.#fieldTable) {
      this.#field = isCustomTableName(table)
        ? (this.#custom.get(table)?.timeField ?? null)
        : TABLES[table].timeField;
      this.#fieldTable = table;
    }
    return this.#field;
  }

  #text(v: number | string, zone: Zone): string {
    return typeof v === 'string' ? v : formatInstantLocal(v, zone);
  }
}

// Adds rows outside the period to a table's count of them: the earliest row (first read among
// equal times) is kept.
function addRows(into: Map<TableName, AfterPeriod>, table: TableName, rows: AfterPeriod): void {
  const seen = into.get(table);
  if (seen === undefined) into.set(table, { ...rows });
  else {
    seen.rows += rows.rows;
    if (rows.first < seen.first) {
      seen.first = rows.first;
      seen.file = rows.file;
      seen.line = rows.line;
    }
  }
}
