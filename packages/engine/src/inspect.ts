import {
  type FieldSpec,
  INPUT_TABLES,
  isCustomTableName,
  type RejectedRow,
  TABLES,
  type TableName,
} from '@scorebook/contract';
import { messageOf, type Problem } from '@scorebook/problems';
import type { LocatedFile, Source } from '@scorebook/source';
import { parsePeriod, Zone, type ZonedPeriod, zonePeriod } from '@scorebook/time';
import { requiredKeysMissing } from './check/check-inputs.ts';
import { Coverage } from './check/coverage.ts';
import { DEFAULT_REJECTED_LIMIT, type RejectedLimit, tooManyRejected } from './check/rejected-limit.ts';
import { RowChecks } from './check/row-checks.ts';
import { ConversationIndex } from './derive/conversation-index.ts';
import { RUN_ERRORS } from './errors.ts';
import { EvaluationError } from './evaluation-error.ts';
import { openInputs, type ReadProgress, sourceOfData, tableBatches, tableInput } from './read/read-inputs.ts';
import type { Row } from './row.ts';

/** Options of {@link inspectData}. */
export interface InspectOptions {
  dataDir: string;
  sourceFile?: string | null;
  /** A period to check for data (`2026-10`); none to look at every row. */
  period?: string | null;
  /** For timestamps without an offset when the source declares no timezone; UTC by default. */
  timezone?: string | null;
  maxRejected?: RejectedLimit;
  onProgress?: (progress: ReadProgress) => void;
}

/** Rejected rows of a table with one code: how many, and the first few. */
interface RejectionGroup {
  code: string;
  count: number;
  examples: RejectedRow[];
}

/** What a run would read of one table, field by field. */
export interface TableInspection {
  /** A contract table, or a custom table of the source (`docs/custom-tables.md`), after them. */
  table: TableName;
  files: ReadonlyArray<Pick<LocatedFile, 'name' | 'format' | 'size'>>;
  rows: number;
  rejected: number;
  byCode: RejectionGroup[];
  /**
   * Rows of the period: by the time field; for `targets`, `appeals_filed` and `improvement_plans`
   * those whose `period` names it; all rows without a period or a time field (`agents`).
   */
  inPeriod: number;
  range: { first: string; last: string } | null;
  /** Each field: the column it is read from, and whether any file has it. */
  fields: Array<{ field: string; column: string; present: boolean; contract: boolean }>;
  /** Columns read as undeclared extra fields (text). */
  extras: string[];
  /** Counts of the values of mapped and enumerated fields, most frequent first. */
  values: Array<{ field: string; counts: Array<[string, number]> }>;
}

/** What `scorebook source check` reports. */
export interface Inspection {
  source: Source;
  timezone: string;
  /** True when the timezone came from the source or the options, false for the UTC default. */
  timezoneGiven: boolean;
  period: ZonedPeriod | null;
  tables: TableInspection[];
  /** What would stop a run of this data (too many rejected rows, no data in the period). */
  problems: Problem[];
  warnings: Problem[];
}

const PERIOD_NAMED: ReadonlySet<TableName> = new Set(['targets', 'appeals_filed', 'improvement_plans']);
const COUNTED = new Set(['channel', 'category', 'type', 'role', 'team', 'status', 'kind', 'sender']);
const EXAMPLES = 3;

/**
 * Reads a data folder through its source without a policy (the read and check stages of
 * {@link evaluate}): per table the files, records, rejected rows by code with examples, the date
 * range, each field's column, the extra columns, and the value counts of mapped and enumerated
 * fields. Throws {@link EvaluationError} on what stops reading at all (a stray file, a header
 * without a required field, bytes not in the declared encoding); reports in `problems` what would
 * stop a run once read.
 */
export async function inspectData(options: InspectOptions): Promise<Inspection> {
  const source = await sourceOfData(options.dataDir, options.sourceFile ?? null);
  const timezone = source.timezone ?? options.timezone ?? 'UTC';
  const zone = new Zone(timezone);
  const parsed = options.period ? parsePeriod(options.period) : null;
  const period = parsed === null ? null : zonePeriod(parsed, zone);
  const inputs = await openInputs({ dataDir: options.dataDir, source, zone });
  // The row checks find the accepted conversations in it.
  const conversations = new ConversationIndex();
  const checks = new RowChecks({
    fileNames: inputs.fileNames,
    hasConversations: inputs.tables.conversations.files.length > 0,
    conversations,
  });
  const custom = new Map([...source.custom].map(([name, t]) => [name, t.spec]));
  const coverage = new Coverage(period, custom);
  const tables: TableInspection[] = [];
  // A row of a table without a time field that names its period (targets, filed appeals, plans)
  // is of the period its `period` names (docs/plans.md), whatever its dates.
  const inPeriodOf = (table: TableName, row: Row): boolean => {
    if (period === null || !PERIOD_NAMED.has(table)) return coverage.inPeriod(table, row);
    const named = row.values.period;
    return typeof named === 'string' && parsePeriod(named)?.id === period.id;
  };
  for (const table of [...INPUT_TABLES, ...custom.keys()]) {
    const input = tableInput(inputs, table);
    // The register of filed appeals, the improvement plans and the ratings are listed only when
    // the data has them, so other data's reports keep their bytes.
    const optional = table === 'appeals_filed' || table === 'improvement_plans' || table === 'ratings';
    if (optional && input.files.length === 0) continue;
    const declared = isCustomTableName(table) ? (custom.get(table) ?? null) : null;
    checks.startTable(table, declared);
    const specs: Readonly<Record<string, FieldSpec>> = isCustomTableName(table)
      ? (declared?.fields ?? {})
      : TABLES[table].fields;
    const counted = input.typer.fields.filter(
      (f) =>
        f.reading.map !== null ||
        specs[f.name]?.values !== undefined ||
        f.type === 'bool' ||
        COUNTED.has(f.name),
    );
    const counts = new Map(counted.map((f) => [f.name, new Map<string, number>()]));
    let inPeriod = 0;
    const before = checks.rejected.length;
    for await (const batch of tableBatches(inputs, table, options.onProgress)) {
      for (const record of batch) {
        const row = checks.accept(record);
        if (row === null) continue;
        if (table === 'conversations') conversations.add(row, -1, false);
        for (const [field, map] of counts) {
          const v = row.values[field];
          const key = v === null || v === undefined ? '(空 / empty)' : String(v);
          map.set(key, (map.get(key) ?? 0) + 1);
        }
        coverage.add(table, row);
        if (inPeriodOf(table, row)) inPeriod++;
      }
    }
    const rejected = checks.rejected.slice(before);
    const groups = new Map<string, RejectionGroup>();
    for (const r of rejected) {
      const g = groups.get(r.code) ?? { code: r.code, count: 0, examples: [] };
      g.count++;
      if (g.examples.length < EXAMPLES) g.examples.push(r);
      groups.set(r.code, g);
    }
    tables.push({
      table,
      files: input.files.map((f) => ({ name: f.name, format: f.format, size: f.size })),
      rows: input.rows,
      rejected: rejected.length,
      byCode: [...groups.values()].sort((a, b) => b.count - a.count),
      inPeriod,
      range: coverage.range(table, zone),
      fields: input.typer.fields.map((f) => ({
        field: f.name,
        column: f.column,
        present: input.typer.present.has(f.name),
        contract: f.contract,
      })),
      extras: [...input.typer.present].filter((name) => !input.typer.fields.some((f) => f.name === name)),
      values: [...counts].map(([field, map]) => ({ field, counts: [...map].sort((a, b) => b[1] - a[1]) })),
    });
  }
  const jsonLines = new Set(
    INPUT_TABLES.filter((t) => inputs.tables[t].files.some((f) => f.format === 'jsonl')),
  );
  const keyless = requiredKeysMissing(inputs, jsonLines);
  const problems = [
    ...keyless.problems,
    ...unmappedValues(checks.rejected),
    ...tooManyRejected(inputs, checks, options.maxRejected ?? DEFAULT_REJECTED_LIMIT, keyless.tables),
    ...coverage.noData(zone),
  ];
  return {
    source,
    timezone,
    timezoneGiven: source.timezone !== null || Boolean(options.timezone),
    period,
    tables,
    problems,
    warnings: inputs.warnings,
  };
}

// Rows rejected for a value not in a map, per table and field: `evaluate` stops on those of its
// period whatever the limit (UNMAPPED_IN_PERIOD), so the check says so of the whole data.
function unmappedValues(rejected: readonly RejectedRow[]): Problem[] {
  const counts = new Map<string, { table: string; field: string; rows: number; file: string }>();
  for (const r of rejected) {
    if (r.code !== 'UNMAPPED_VALUE' || r.field === null) continue;
    const key = `${r.table}\u0000${r.field}`;
    const c = counts.get(key) ?? { table: r.table, field: r.field, rows: 0, file: r.file };
    c.rows++;
    counts.set(key, c);
  }
  return [...counts.values()].map((c) => ({
    code: 'UNMAPPED_IN_DATA',
    severity: 'error',
    message: messageOf(RUN_ERRORS, 'UNMAPPED_IN_DATA', { table: c.table, field: c.field, rejected: c.rows }),
    file: c.file,
    line: null,
    column: null,
  }));
}
