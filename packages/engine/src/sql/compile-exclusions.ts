import type { FieldSpec, InputTableName } from '@scorebook/contract';
import type { Exclusion } from '@scorebook/policy';
import type { Zone } from '@scorebook/time';
import { ConditionRefused, conditionSql, normalizedColumn, sqlTypeOf } from './compile-condition.ts';
import type { SqlTable } from './compile-measure.ts';
import type { SqlDialect } from './dialect.ts';
import type { SqlRefusal } from './sql-errors.ts';

/** An exclusion whose `when` the SQL engine does not compute, and why. */
export interface ExclusionRefusal {
  exclusion: string;
  table: InputTableName;
  condition: string;
  why: SqlRefusal;
}

/** The SQL of one table's exclusions (`docs/scale.md` §5.3). */
export interface ExclusionTableSql {
  table: InputTableName;
  /**
   * The table its rows are loaded into (`ex_<table>`): every accepted row an appeal did not
   * remove, excluded or not, in and out of the period — `seq` (reading order), `agent` (the
   * index it is credited to, −1 none), `file`, `line`, `in_period`, the table's fields, and a
   * `normalized:<field>` text column for each field a `textIn` or `containsAny` reads.
   */
  load: SqlTable;
  /** Creates `decided_<table>`: the loaded rows with `excluded_by`, the id of the first exclusion that holds (NULL: none). */
  decide: string;
  /** The rows of the period removed, per exclusion: `(excluded_by, n, first)`, by first `seq`. */
  counts: string;
  /**
   * The evidence: per agent (≥ 0) and exclusion, the first `cap` rows of the period in reading
   * order, each with `k` (its rank, 1-based) and `total` (the agent's rows removed by that
   * exclusion), every column of the loaded table, ordered by `seq`.
   */
  evidence: string;
}

/** What {@link exclusionsSql} compiles. */
export interface ExclusionsSql {
  /** The tables with an exclusion none of whose conditions is refused, in policy order of first mention. */
  tables: ExclusionTableSql[];
  refusals: ExclusionRefusal[];
}

/** What {@link exclusionsSql} compiles from. */
export interface ExclusionsSqlInput {
  exclusions: readonly Exclusion[];
  /** Each table's fields with their types, as the exclusions' conditions read them. */
  fieldsOf: (table: InputTableName) => Readonly<Record<string, FieldSpec>>;
  zone: Zone;
  /** Evidence rows kept per agent and exclusion. */
  cap: number;
  dialect: SqlDialect;
}

/**
 * Compiles the policy's exclusions to SQL, table by table: `excluded_by` is `CASE WHEN c₁ THEN
 * 'id₁' WHEN c₂ THEN 'id₂' … END` in policy order, each `cᵢ` TRUE exactly where the TypeScript
 * predicate holds (`conditionSql`, never NULL), so it names the exclusion `Exclusions.match`
 * gives; then the counts and the ranked evidence `Exclusions.count` keeps. A table with an
 * exclusion whose condition is refused is left out and its refusals listed.
 */
export function exclusionsSql(input: ExclusionsSqlInput): ExclusionsSql {
  const d = input.dialect;
  const byTable = new Map<InputTableName, Exclusion[]>();
  for (const e of input.exclusions) byTable.set(e.table, [...(byTable.get(e.table) ?? []), e]);
  const tables: ExclusionTableSql[] = [];
  const refusals: ExclusionRefusal[] = [];
  for (const [table, list] of byTable) {
    const fields = input.fieldsOf(table);
    const normalized = new Set<string>();
    const normalizedOf = (field: string) => {
      normalized.add(field);
      return d.ident(normalizedColumn(field));
    };
    const whens: string[] = [];
    const refused: ExclusionRefusal[] = [];
    for (const e of list) {
      try {
        whens.push(`WHEN ${conditionSql(e.when, fields, input.zone, d, normalizedOf)} THEN ${d.text(e.id)}`);
      } catch (error) {
        if (!(error instanceof ConditionRefused)) throw error;
        refused.push({ exclusion: e.id, table, condition: error.leaf, why: error.reason });
      }
    }
    if (refused.length > 0) {
      refusals.push(...refused);
      continue;
    }
    const loaded = `ex_${table}`;
    const decided = `decided_${table}`;
    const load: SqlTable = {
      name: loaded,
      columns: [
        { name: 'seq', type: 'double' },
        { name: 'agent', type: 'integer' },
        { name: 'file', type: 'integer' },
        { name: 'line', type: 'integer' },
        { name: 'in_period', type: 'boolean' },
        ...Object.entries(fields).map(([name, spec]) => ({ name, type: sqlTypeOf(spec.type) })),
        ...[...normalized].map((f) => ({ name: normalizedColumn(f), type: 'text' as const })),
      ],
    };
    const removed = `in_period AND excluded_by IS NOT NULL`;
    tables.push({
      table,
      load,
      decide: `CREATE TABLE ${decided} AS SELECT *, CASE ${whens.join(' ')} ELSE NULL END AS excluded_by FROM ${loaded}`,
      counts: `SELECT excluded_by, count(*) AS n, min(seq) AS first FROM ${decided} WHERE ${removed} GROUP BY excluded_by ORDER BY first`,
      // The first row of each agent and exclusion carries its count (k = 1), even with cap 0;
      // `shown`: the row is one of the first `cap`, the evidence.
      evidence: `SELECT *, k <= ${input.cap} AS shown FROM (
  SELECT *, row_number() OVER (PARTITION BY agent, excluded_by ORDER BY seq) AS k,
    count(*) OVER (PARTITION BY agent, excluded_by) AS total
  FROM ${decided} WHERE agent >= 0 AND ${removed}
) WHERE k <= ${Math.max(1, input.cap)} ORDER BY seq`,
    });
  }
  return { tables, refusals };
}
