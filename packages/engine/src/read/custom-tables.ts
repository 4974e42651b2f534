import {
  type CustomTableName,
  type CustomTableSpec,
  isCustomTableName,
  type MeasuredTableRef,
  type MetricDefinition,
  metricTables,
} from '@scorebook/contract';
import { defineCatalogue, messageOf, type Problem } from '@scorebook/problems';
import type { Coverage } from '../check/coverage.ts';
import type { PolicyNeeds } from '../check/policy-needs.ts';
import type { RowChecks } from '../check/row-checks.ts';
import { RUN_ERRORS } from '../errors.ts';
import type { Row } from '../row.ts';
import { type Inputs, type ReadProgress, tableBatches } from './read-inputs.ts';

/** Problems of the custom tables of a run (`docs/custom-tables.md`). Codes are permanent. */
export const CUSTOM_RUN_ERRORS = defineCatalogue({
  CUSTOM_TABLE_NO_FILES: {
    zh: (p: { table: string; globs: string; uses: string }) =>
      `策略用到的指标读取自定义表 ${p.table}(${p.uses}),但 source.yaml 中它的 files(${p.globs})没有匹配到任何文件。请检查通配符;如果这个期间确实没有这张表,用 --allow-missing ${p.table} 运行,这些指标记为无数据。`,
    en: (p: { table: string; globs: string; uses: string }) =>
      `Metrics the policy uses read the custom table ${p.table} (${p.uses}), and its files in source.yaml (${p.globs}) match no file. Check the globs; if the period truly has none, run with --allow-missing ${p.table}: those metrics are then recorded as no data.`,
  },
});

/** The declarations of the source's custom tables, by name. */
export function customSpecs(inputs: Inputs): Map<CustomTableName, CustomTableSpec> {
  const specs = new Map<CustomTableName, CustomTableSpec>();
  for (const [table, custom] of inputs.source.custom) specs.set(table, custom.spec);
  return specs;
}

/**
 * The custom tables metric definitions read (a ratio's sides, any other kind's table but a
 * formula's and a rating's), in order, once each.
 */
export function customTablesOf(definitions: readonly MetricDefinition[]): CustomTableName[] {
  return [...new Set(definitions.flatMap(metricTables).filter(isCustomTableName))];
}

/**
 * Custom tables that metrics the policy uses read and whose globs match no file: an error for
 * each, at its declaration in `source.yaml`, unless `--allow-missing` names it.
 */
export function customTablesAbsent(
  inputs: Inputs,
  needs: PolicyNeeds,
  allowMissing: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  for (const [table, uses] of needs.customTables) {
    const input = inputs.custom.get(table);
    const declared = inputs.source.custom.get(table);
    if (allowMissing.has(table) || input === undefined || declared === undefined || input.files.length > 0)
      continue;
    problems.push({
      code: 'CUSTOM_TABLE_NO_FILES',
      severity: 'error',
      message: messageOf(CUSTOM_RUN_ERRORS, 'CUSTOM_TABLE_NO_FILES', {
        table,
        globs: declared.files.join(', '),
        uses: uses.join('; '),
      }),
      file: declared.source.file,
      line: declared.source.line,
      column: declared.source.column,
    });
  }
  return problems;
}

/** Where the rows of custom tables go: the measure stage, which takes rows of the period. */
interface CustomSink {
  add(table: MeasuredTableRef, row: Row, agent: number): void;
}

/**
 * Reads the custom tables of the source in `tables` (those the policy's metrics read), in the
 * order declared, after the contract's tables:
 * each record typed by its declaration, then checked (a value that cannot be read, a repeated
 * id, an agent not among the accepted agents are rejected rows); each accepted row counts in
 * the coverage by its time field and, when it falls in the period, goes to the measure stage
 * credited to the agent its agent field names. Returns the warning `TABLE_EMPTY_IN_PERIOD` for
 * a table with files none of whose accepted rows falls in the period (as for the contract's
 * tables: another month's export reads as a period without records).
 */
export async function readCustomTables(options: {
  inputs: Inputs;
  tables: ReadonlySet<CustomTableName>;
  checks: RowChecks;
  coverage: Coverage;
  sink: CustomSink;
  onProgress?: (progress: ReadProgress) => void;
  /** The policy's uses of each custom table, for the warning. */
  uses: ReadonlyMap<CustomTableName, readonly string[]>;
  period: string;
}): Promise<Problem[]> {
  const { inputs, checks, coverage, sink } = options;
  const warnings: Problem[] = [];
  for (const [table, custom] of inputs.source.custom) {
    if (!options.tables.has(table)) continue;
    const { spec } = custom;
    checks.startTable(table, spec);
    let inPeriod = 0;
    for await (const batch of tableBatches(inputs, table, options.onProgress)) {
      for (const record of batch) {
        const row = checks.accept(record);
        if (row === null) continue;
        coverage.add(table, row);
        if (!coverage.inPeriod(table, row)) continue;
        inPeriod++;
        const agent = row.values[spec.agentField];
        sink.add(table, row, typeof agent === 'string' ? (checks.agentIndex.get(agent) ?? -1) : -1);
      }
    }
    if (inPeriod === 0 && (inputs.custom.get(table)?.files.length ?? 0) > 0)
      warnings.push({
        code: 'TABLE_EMPTY_IN_PERIOD',
        severity: 'warning',
        message: messageOf(RUN_ERRORS, 'TABLE_EMPTY_IN_PERIOD', {
          table,
          period: options.period,
          uses: (options.uses.get(table) ?? []).join('; '),
        }),
        file: null,
        line: null,
        column: null,
      });
  }
  return warnings;
}
