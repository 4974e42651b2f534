import { INPUT_TABLES, type InputTableName, TABLES } from '@scorebook/contract';
import { messageOf, type Problem } from '@scorebook/problems';
import {
  addDays,
  type BusinessClock,
  formatInstantLocal,
  localDateOf,
  type Zone,
  type ZonedPeriod,
} from '@scorebook/time';
import { RUN_ERRORS } from '../errors.ts';
import type { TableRecord } from '../read/read-inputs.ts';
import type { Row } from '../row.ts';
import { type AfterPeriod, LONG_BEFORE_DAYS } from './coverage.ts';
import { exceedsLimit, formatLimit, type RejectedLimit } from './rejected-limit.ts';

/** Tables whose rows come every working day: a gap at an end of the period means missing files. */
const DENSE: ReadonlySet<InputTableName> = new Set(['conversations', 'messages']);
/**
 * How far from an end of the period a dense table's rows may stop before it is said: time of the
 * local days business hours open (every day without business hours; {@link openMs}).
 */
const GAP_MS = 2 * 86_400_000;
const DAY_MS = 86_400_000;
/** Rows after the period that all lie within this many days of its end are an export running over (ROWS_AFTER_PERIOD). */
const AFTER_DAYS = 7;
const TOP = 10;
/** Dense tables' rows are counted by quarter hour of the period (any zone's days are whole quarters). */
const QUARTER_MS = 900_000;
/** A period of more quarter hours than this (longer than a year and a bit) is not counted so. */
const MAX_QUARTERS = 40_000;
/** A day with at least this many conversations and no message at all is said (MESSAGES_MISSING_DAYS). */
const DAY_CONVERSATIONS = 10;

/**
 * What a {@link PeriodWarnings} counted, as plain data (for a worker thread's piece of a table):
 * rows, filled fields (`table.field`), empty yes/no cells and rows rejected for an unmapped value
 * by agent, time spans of dense tables and rejected rows by agent.
 */
export interface PeriodWarningsPart {
  rows: Map<InputTableName, number>;
  filled: Map<string, number>;
  empty: Map<string, Map<string, number>>;
  unmapped: Map<string, Map<string, number>>;
  span: Map<InputTableName, [number, number]>;
  rejected: Map<InputTableName, Map<string, number>>;
  /** Dense tables' rows of the period by quarter hour from its start. */
  quarters: Map<InputTableName, Uint32Array>;
}

/** A dense table whose rows cover only part of the period (PERIOD_PARTLY_COVERED), as data. */
export interface PartlyCovered {
  table: InputTableName;
  /** The instant of its first and of its last row in the period, ISO 8601 in the policy's zone. */
  first: string;
  last: string;
}

/**
 * What a run can read but a reader should be told (`docs/sources.md`, warnings): a field the
 * policy reads that is empty in every row of the period, or a yes/no field of the contract empty
 * in some of them; a table the policy uses that has files but no row in the period; a dense table
 * whose rows cover only part of the period; rows of the period rejected because a value is not in
 * source.yaml's map (any number of them); rows of the period rejected beyond the limit's share of
 * the period's rows (the limit itself counts a table's rows of every period), with the agents
 * they belong to. Fed row by row as tables are read; nothing here changes a result.
 */
export class PeriodWarnings {
  readonly #period: ZonedPeriod;
  // Per table, the fields read with their counters' key and whether they are yes/no (made once:
  // `accepted` runs for every row).
  readonly #fields: ReadonlyMap<InputTableName, readonly WatchedField[]>;
  /** Per table counted, its rows and its watched fields' filled cells, in the order tables came. */
  readonly #counts = new Map<InputTableName, TableCounts>();
  /** The counters of the table of the last row counted: rows of a table come together. */
  #last: TableCounts | null = null;
  /** Filled cells added by {@link absorb} of fields not watched here (`table.field`). */
  readonly #filledElsewhere = new Map<string, number>();
  readonly #span = new Map<InputTableName, [number, number]>();
  readonly #rejected = new Map<InputTableName, Map<string, number>>();
  /** `table.field` of a yes/no field → the agents of its empty cells in the period, with counts. */
  readonly #empty = new Map<string, Map<string, number>>();
  /** `table\u0000field` → the agents of rows rejected for a value not in the field's map. */
  readonly #unmapped = new Map<string, Map<string, number>>();
  readonly #tables: ReadonlyMap<InputTableName, readonly string[]>;
  readonly #throughFacts: ReadonlyMap<InputTableName, ReadonlySet<string>>;
  readonly #present: ReadonlySet<InputTableName>;

  /**
   * `fields`: per input table, the fields the policy reads and where; `tables`: the tables the
   * policy uses, with the uses (policy needs); `present`: the tables that have files;
   * `throughFacts`: per table, the uses that read it only through a derived fact of the
   * conversations (rows of any date count for them).
   */
  constructor(
    period: ZonedPeriod,
    fields: Iterable<{ table: InputTableName; field: string; uses: readonly string[] }>,
    tables: ReadonlyMap<InputTableName, readonly string[]>,
    present: ReadonlySet<InputTableName>,
    throughFacts: ReadonlyMap<InputTableName, ReadonlySet<string>> = new Map(),
  ) {
    this.#period = period;
    this.#tables = tables;
    this.#throughFacts = throughFacts;
    this.#present = present;
    const byTable = new Map<InputTableName, WatchedField[]>();
    for (const f of fields) {
      const watched = { ...f, key: `${f.table}.${f.field}`, yesNo: isYesNo(f.table, f.field) };
      byTable.set(f.table, [...(byTable.get(f.table) ?? []), watched]);
    }
    this.#fields = byTable;
  }

  /** Counts an accepted row of the period. */
  accepted(table: InputTableName, row: Row): void {
    let c = this.#last;
    if (c === null || c.table !== table) {
      c = this.#countsOf(table);
      this.#last = c;
    }
    c.rows++;
    const values = row.values;
    const fields = c.fields;
    for (let i = 0; i < fields.length; i++) {
      const watched = fields[i] as WatchedField;
      const v = values[watched.field];
      if (v !== null && v !== undefined) c.filled[i] = (c.filled[i] as number) + 1;
      else if (watched.yesNo) count(this.#empty, watched.key, agentOfRow(row));
    }
    if (c.timeField === null) return;
    const t = values[c.timeField];
    if (typeof t !== 'number') return;
    const span = c.span;
    if (span === null) {
      c.span = [t, t];
      this.#span.set(table, c.span);
    } else if (t < span[0]) span[0] = t;
    else if (t > span[1]) span[1] = t;
    const quarters = c.quarters;
    if (quarters === null) return;
    const k = Math.floor((t - this.#period.startMs) / QUARTER_MS);
    if (k >= 0 && k < quarters.length) quarters[k] = (quarters[k] ?? 0) + 1;
  }

  /** Counts a rejected record when its time field was read and falls in the period, for its agent. */
  rejected(table: InputTableName, record: TableRecord, about: string | null): void {
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
    const agent = about ?? '?';
    agents.set(agent, (agents.get(agent) ?? 0) + 1);
    this.#rejected.set(table, agents);
    if (record.rejection?.code === 'UNMAPPED_VALUE' && record.rejection.field !== null)
      count(this.#unmapped, `${table}\u0000${record.rejection.field}`, agent);
  }

  /** What was counted, to be added to another's with {@link absorb}. */
  part(): PeriodWarningsPart {
    const rows = new Map<InputTableName, number>();
    const filled = new Map(this.#filledElsewhere);
    for (const [table, c] of this.#counts) {
      if (c.rows > 0) rows.set(table, c.rows);
      c.fields.forEach((f, i) => {
        const n = c.filled[i] ?? 0;
        if (n > 0) filled.set(f.key, n);
      });
    }
    const quarters = new Map<InputTableName, Uint32Array>();
    for (const [table, c] of this.#counts) if (c.quarters !== null) quarters.set(table, c.quarters);
    return {
      rows,
      filled,
      empty: this.#empty,
      unmapped: this.#unmapped,
      span: this.#span,
      rejected: this.#rejected,
      quarters,
    };
  }

  /**
   * Adds what another counted (a piece of a table read elsewhere): counts are summed and spans
   * widened, so the warnings do not depend on the order parts are added in.
   */
  absorb(part: PeriodWarningsPart): void {
    for (const [table, n] of part.rows) this.#countsOf(table).rows += n;
    for (const [key, n] of part.filled) {
      const dot = key.indexOf('.');
      const c = this.#fields.has(key.slice(0, dot) as InputTableName)
        ? this.#countsOf(key.slice(0, dot) as InputTableName)
        : null;
      const i = c === null ? -1 : c.fields.findIndex((f) => f.key === key);
      if (c !== null && i >= 0) c.filled[i] = (c.filled[i] ?? 0) + n;
      else this.#filledElsewhere.set(key, (this.#filledElsewhere.get(key) ?? 0) + n);
    }
    for (const [table, [first, last]] of part.span) {
      const c = this.#countsOf(table);
      if (c.span === null) {
        c.span = [first, last];
        this.#span.set(table, c.span);
      } else {
        c.span[0] = Math.min(c.span[0], first);
        c.span[1] = Math.max(c.span[1], last);
      }
    }
    for (const [table, counts] of part.quarters) {
      const mine = this.#countsOf(table).quarters;
      if (mine !== null) for (let k = 0; k < mine.length; k++) mine[k] = (mine[k] ?? 0) + (counts[k] ?? 0);
    }
    for (const [table, agents] of part.rejected) addCounts(this.#rejected, table, agents);
    for (const [key, agents] of part.empty) addCounts(this.#empty, key, agents);
    for (const [key, agents] of part.unmapped) addCounts(this.#unmapped, key, agents);
  }

  /**
   * Errors that stop the run whatever the rejected-rows limit: rows of the period rejected for a
   * value not in a field's `map` (`UNMAPPED_IN_PERIOD`, one per table and field). A map is the
   * source's configuration, so a missing value drops a whole class of rows — not random noise.
   */
  unmapped(): Problem[] {
    const out: Problem[] = [];
    for (const [key, agents] of [...this.#unmapped].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const [table = '', field = ''] = key.split('\u0000');
      out.push({
        code: 'UNMAPPED_IN_PERIOD',
        severity: 'error',
        message: messageOf(RUN_ERRORS, 'UNMAPPED_IN_PERIOD', {
          table,
          field,
          rejected: total(agents),
          agents: topAgents(agents),
        }),
        file: null,
        line: null,
        column: null,
      });
    }
    return out;
  }

  /**
   * The warnings, table by table in contract order. `clock`: the policy's business hours (null
   * without them): a gap at an end of the period counts only the days they open.
   */
  warnings(limit: RejectedLimit, zone: Zone, clock: BusinessClock | null = null): Problem[] {
    const out: Problem[] = [];
    const warn = (code: keyof typeof RUN_ERRORS, message: Problem['message']): Problem => ({
      code,
      severity: 'warning',
      message,
      file: null,
      line: null,
      column: null,
    });
    for (const [table, uses] of this.#tables) {
      // The agents table has no period: its rows are never counted here.
      if (table !== 'agents' && this.#present.has(table) && this.#rowsOf(table) === 0) {
        // Uses through a conversation's derived fact still count this table's rows of other dates.
        const through = this.#throughFacts.get(table) ?? new Set<string>();
        const period = this.#period.id;
        const inPeriod = uses.filter((u) => !through.has(u)).join('; ');
        const anyDate = uses.filter((u) => through.has(u)).join('; ');
        out.push(
          warn(
            'TABLE_EMPTY_IN_PERIOD',
            anyDate === ''
              ? messageOf(RUN_ERRORS, 'TABLE_EMPTY_IN_PERIOD', { table, period, uses: inPeriod })
              : messageOf(RUN_ERRORS, 'TABLE_EMPTY_IN_PERIOD_ANY_DATE', { table, period, inPeriod, anyDate }),
          ),
        );
      }
    }
    for (const [table, fields] of this.#fields) {
      const rows = this.#rowsOf(table);
      if (rows === 0) continue;
      const filled = this.#countsOf(table).filled;
      for (const [i, { field, uses, key }] of fields.entries()) {
        const empty = this.#empty.get(key);
        if ((filled[i] ?? 0) === 0)
          out.push(
            warn(
              'FIELD_EMPTY_IN_PERIOD',
              messageOf(RUN_ERRORS, 'FIELD_EMPTY_IN_PERIOD', { table, field, rows, uses: uses.join('; ') }),
            ),
          );
        else if (empty !== undefined)
          out.push(
            warn(
              'FIELD_PARTLY_EMPTY_IN_PERIOD',
              messageOf(RUN_ERRORS, 'FIELD_PARTLY_EMPTY_IN_PERIOD', {
                table,
                field,
                empty: total(empty),
                rows,
                uses: uses.join('; '),
                agents: topAgents(empty),
              }),
            ),
          );
      }
    }
    const p = this.#period;
    for (const { table, first, last } of this.partlyCovered(zone, clock)) {
      const covered = `${first} – ${last}`;
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
    const missing = this.#daysWithoutMessages(zone);
    if (missing !== null)
      out.push(warn('MESSAGES_MISSING_DAYS', messageOf(RUN_ERRORS, 'MESSAGES_MISSING_DAYS', missing)));
    for (const [table, agents] of this.#rejected) {
      const rejected = total(agents);
      const rows = this.#rowsOf(table) + rejected;
      if (!exceedsLimit(limit, rejected, rows)) continue;
      const top = topAgents(agents);
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

  /**
   * ROWS_AFTER_PERIOD (docs/sources.md): per contract table the policy uses other than through a
   * derived fact of the conversations, in contract order, when it has accepted rows dated at or
   * after the period's end, fewer than its rows of the period, and its latest row is less than
   * {@link AFTER_DAYS} days after the end — an export of this period that runs into the next
   * one, whose rows after the end no run of this folder counts. `last`: each table's latest time.
   */
  afterPeriod(
    after: ReadonlyMap<InputTableName | string, AfterPeriod>,
    last: ReadonlyMap<InputTableName | string, number | string>,
    zone: Zone,
    fileNames: readonly string[],
  ): Problem[] {
    const p = this.#period;
    const out: Problem[] = [];
    for (const table of INPUT_TABLES) {
      const rows = after.get(table);
      // Conversations and messages after the end are the next period's own (a reply after
      // midnight still answers a block of the period, and counts for it).
      if (rows === undefined || DENSE.has(table)) continue;
      const uses = this.#tables.get(table);
      if (uses === undefined || (this.#throughFacts.get(table)?.size ?? 0) >= uses.length) continue;
      const latest = last.get(table);
      if (latest === undefined || rows.rows >= this.#rowsOf(table)) continue;
      const near =
        typeof latest === 'string'
          ? latest < addDays(p.endDay, AFTER_DAYS)
          : latest < p.endMs + AFTER_DAYS * DAY_MS;
      if (!near) continue;
      const text = (t: number | string) => timeText(t, zone);
      out.push({
        code: 'ROWS_AFTER_PERIOD',
        severity: 'warning',
        message: messageOf(RUN_ERRORS, 'ROWS_AFTER_PERIOD', {
          table,
          rows: rows.rows,
          period: p.id,
          end: p.end,
          span: rows.rows === 1 ? text(latest) : `${text(rows.first)} – ${text(latest)}`,
        }),
        // At the earliest of those rows: where to look first.
        ...placeOf(rows, fileNames),
      });
    }
    return out;
  }

  /**
   * ROWS_LONG_BEFORE_PERIOD (docs/sources.md): per contract table the policy uses, in contract
   * order, when it has accepted rows dated more than {@link LONG_BEFORE_DAYS} days before the
   * period's start and they are at most 1% of its rows of the period (which it has): a few rows
   * far from the others, most likely a time written wrong (a year typed wrong). They count in no
   * metric of the period by their own time, while rows that refer to them (a conversation's
   * messages) count by theirs. Rows of other periods in a folder of several months are more than
   * 1% and are not said.
   */
  longBeforePeriod(
    before: ReadonlyMap<InputTableName | string, AfterPeriod>,
    zone: Zone,
    fileNames: readonly string[],
  ): Problem[] {
    const p = this.#period;
    const out: Problem[] = [];
    for (const table of INPUT_TABLES) {
      const rows = before.get(table);
      if (rows === undefined || !this.#tables.has(table)) continue;
      const inPeriod = this.#rowsOf(table);
      if (inPeriod === 0 || rows.rows * 100 > inPeriod) continue;
      const place = placeOf(rows, fileNames);
      out.push({
        code: 'ROWS_LONG_BEFORE_PERIOD',
        severity: 'warning',
        message: messageOf(RUN_ERRORS, 'ROWS_LONG_BEFORE_PERIOD', {
          table,
          rows: rows.rows,
          inPeriod,
          period: p.id,
          start: p.start,
          days: LONG_BEFORE_DAYS,
          earliest: timeText(rows.first, zone),
          place: place.file === null ? '' : `${place.file}:${place.line}`,
        }),
        ...place,
      });
    }
    return out;
  }

  /**
   * The dense tables whose rows of the period start more than two days after its start or end
   * more than two days before its end, with the first and last instant of their rows (ISO 8601
   * in the zone); one PERIOD_PARTLY_COVERED warning each, in the same order.
   */
  partlyCovered(zone: Zone, clock: BusinessClock | null = null): PartlyCovered[] {
    const p = this.#period;
    const out: PartlyCovered[] = [];
    for (const [table, [first, last]] of this.#span) {
      if (openMs(p.startMs, first, clock, zone) <= GAP_MS && openMs(last, p.endMs, clock, zone) <= GAP_MS)
        continue;
      out.push({ table, first: formatInstantLocal(first, zone), last: formatInstantLocal(last, zone) });
    }
    return out;
  }

  // The local days of the period on which at least DAY_CONVERSATIONS conversations start and not
  // one message is sent, when the policy uses the messages and they have rows in the period:
  // runs of consecutive days (`2026-10-10 – 2026-10-12`, a lone day as itself), and the
  // conversations started on them; null when there is none.
  #daysWithoutMessages(zone: Zone): { days: string; conversations: number } | null {
    const conversations = this.#counts.get('conversations')?.quarters ?? null;
    const messages = this.#counts.get('messages')?.quarters ?? null;
    if (conversations === null || messages === null || !this.#tables.has('messages')) return null;
    if (this.#rowsOf('messages') === 0) return null;
    const byDay = new Map<string, { conversations: number; messages: number }>();
    for (let k = 0; k < conversations.length; k++) {
      const day = localDateOf(this.#period.startMs + k * QUARTER_MS, zone);
      const counts = byDay.get(day) ?? { conversations: 0, messages: 0 };
      counts.conversations += conversations[k] ?? 0;
      counts.messages += messages[k] ?? 0;
      byDay.set(day, counts);
    }
    const runs: string[][] = [];
    let started = 0;
    let previous = false;
    for (const [day, counts] of byDay) {
      const flagged = counts.conversations >= DAY_CONVERSATIONS && counts.messages === 0;
      if (flagged) {
        started += counts.conversations;
        if (previous) runs.at(-1)?.push(day);
        else runs.push([day]);
      }
      previous = flagged;
    }
    if (runs.length === 0) return null;
    const days = runs.map((run) => (run.length === 1 ? run[0] : `${run[0]} – ${run.at(-1)}`)).join(', ');
    return { days, conversations: started };
  }

  #rowsOf(table: InputTableName): number {
    return this.#counts.get(table)?.rows ?? 0;
  }

  // Resolved once per table: its watched fields, in the order given, and its time field if dense.
  #countsOf(table: InputTableName): TableCounts {
    let c = this.#counts.get(table);
    if (c === undefined) {
      const fields = this.#fields.get(table) ?? [];
      c = {
        table,
        fields,
        rows: 0,
        filled: new Float64Array(fields.length),
        timeField: DENSE.has(table) ? TABLES[table].timeField : null,
        span: this.#span.get(table) ?? null,
        quarters: DENSE.has(table) ? quartersOf(this.#period) : null,
      };
      this.#counts.set(table, c);
    }
    return c;
  }
}

/** One table's counters: rows of the period, and filled cells of each watched field by index. */
interface TableCounts {
  readonly table: InputTableName;
  readonly fields: readonly WatchedField[];
  rows: number;
  readonly filled: Float64Array;
  /** The time field of a dense table, whose span is kept; null for the other tables. */
  readonly timeField: string | null;
  span: [number, number] | null;
  /** A dense table's rows by quarter hour of the period; null for the others and for a period too long. */
  readonly quarters: Uint32Array | null;
}

function quartersOf(period: ZonedPeriod): Uint32Array | null {
  const n = Math.ceil((period.endMs - period.startMs) / QUARTER_MS);
  return n > MAX_QUARTERS ? null : new Uint32Array(n);
}

interface WatchedField {
  field: string;
  uses: readonly string[];
  key: string;
  yesNo: boolean;
}

function isYesNo(table: InputTableName, field: string): boolean {
  return (
    (TABLES[table].fields as Readonly<Record<string, { type: string } | undefined>>)[field]?.type === 'bool'
  );
}

function agentOfRow(row: Row): string {
  const agent = row.values.agent_id;
  return typeof agent === 'string' ? agent : '?';
}

function count(counts: Map<string, Map<string, number>>, key: string, agent: string): void {
  const agents = counts.get(key) ?? new Map<string, number>();
  agents.set(agent, (agents.get(agent) ?? 0) + 1);
  counts.set(key, agents);
}

function addCounts<K>(into: Map<K, Map<string, number>>, key: K, agents: ReadonlyMap<string, number>): void {
  const mine = into.get(key) ?? new Map<string, number>();
  for (const [agent, n] of agents) mine.set(agent, (mine.get(agent) ?? 0) + n);
  into.set(key, mine);
}

function total(agents: ReadonlyMap<string, number>): number {
  return [...agents.values()].reduce((a, b) => a + b, 0);
}

/** The agents with the most, then by id: `a0007 3, a0012 1`, at most ten. */
function topAgents(agents: ReadonlyMap<string, number>): string {
  return [...agents]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, TOP)
    .map(([agent, n]) => `${agent} ${n}`)
    .join(', ');
}

/**
 * The milliseconds of `[from, to)` that fall on local days business hours open: a day with at
 * least one opening (not a holiday, its weekday not closed) counts whole, from its local midnight
 * to the next; a closed day not at all. Without business hours every day counts: `to - from`.
 * A team closed at weekends or on holidays has no rows then, which is no gap in its exports.
 */
function openMs(from: number, to: number, clock: BusinessClock | null, zone: Zone): number {
  if (to <= from) return 0;
  if (clock === null) return to - from;
  let total = 0;
  for (let day = clock.dayOf(from); ; day++) {
    const start = zone.instantOfWallClock(day * DAY_MS);
    if (start >= to) break;
    if (clock.openings(day).length === 0) continue;
    const end = zone.instantOfWallClock((day + 1) * DAY_MS);
    total += Math.min(end, to) - Math.max(start, from);
  }
  return total;
}

// A time field's value as a warning writes it: a date as it is, an instant in the zone.
function timeText(t: number | string, zone: Zone): string {
  return typeof t === 'string' ? t : formatInstantLocal(t, zone);
}

// Where a warning about rows outside the period points: the earliest of them (no line when its
// file is not among the run's).
function placeOf(
  rows: AfterPeriod,
  fileNames: readonly string[],
): { file: string | null; line: number | null; column: null } {
  const file = fileNames[rows.file];
  return { file: file ?? null, line: file === undefined ? null : rows.line, column: null };
}
