import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { InputTableName } from '@scorebook/contract';
import type { ExclusionsPart } from '../exclude/exclusions.ts';
import { Row } from '../row.ts';
import { type AppendTarget, appendRow, cellOf } from './append-row.ts';
import {
  type ExclusionRefusal,
  type ExclusionsSqlInput,
  type ExclusionTableSql,
  exclusionsSql,
} from './compile-exclusions.ts';
import { DUCKDB } from './dialect.ts';

/**
 * The policy's exclusions decided on embedded DuckDB (`docs/scale.md` §5.3): rows are appended
 * as the TypeScript stages accept them (excluded or not, appeals applied), `excluded_by` is
 * computed in SQL, and {@link parts} gives, per table, what `Exclusions.count` would have
 * counted of the same rows — the counts and the evidence, in the shape `Exclusions.absorb` adds.
 */
export class SqlExclusions {
  /** The exclusions whose conditions the SQL does not compute (their tables are not loaded). */
  readonly refusals: readonly ExclusionRefusal[];
  readonly #tables: Map<InputTableName, ExclusionTableSql>;
  readonly #fields: ExclusionsSqlInput['fieldsOf'];
  readonly #instance: DuckDBInstance;
  readonly #connection: DuckDBConnection;
  readonly #temp: string;
  readonly #targets = new Map<InputTableName, AppendTarget>();
  #decided = false;
  #closed = false;

  private constructor(
    tables: readonly ExclusionTableSql[],
    refusals: readonly ExclusionRefusal[],
    fields: ExclusionsSqlInput['fieldsOf'],
    instance: DuckDBInstance,
    connection: DuckDBConnection,
    temp: string,
  ) {
    this.#tables = new Map(tables.map((t) => [t.table, t]));
    this.refusals = refusals;
    this.#fields = fields;
    this.#instance = instance;
    this.#connection = connection;
    this.#temp = temp;
  }

  /** Compiles the exclusions and opens an in-memory DuckDB with a table per table they are on. */
  static async open(input: Omit<ExclusionsSqlInput, 'dialect'>): Promise<SqlExclusions> {
    const sql = exclusionsSql({ ...input, dialect: DUCKDB });
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const temp = mkdtempSync(join(tmpdir(), 'scorebook-duckdb-'));
    const instance = await DuckDBInstance.create(':memory:', {
      temp_directory: temp,
      preserve_insertion_order: 'false',
    });
    const connection = await instance.connect();
    const out = new SqlExclusions(sql.tables, sql.refusals, input.fieldsOf, instance, connection, temp);
    for (const { table, load } of sql.tables) {
      const columns = load.columns.map((c) => `${DUCKDB.ident(c.name)} ${DUCKDB.type(c.type)}`);
      await connection.run(`CREATE TABLE ${load.name} (${columns.join(', ')})`);
      out.#targets.set(table, { appender: await connection.createAppender(load.name), table: load, rows: 0 });
    }
    return out;
  }

  /** True when the table's exclusions are decided here (it has some, none refused). */
  decides(table: InputTableName): boolean {
    return this.#tables.has(table);
  }

  /** Appends an accepted row that no appeal removed, credited to an agent (−1: none). */
  add(table: InputTableName, row: Row, agent: number, inPeriod: boolean): void {
    const target = this.#targets.get(table);
    if (target === undefined) throw new Error(`no exclusions are decided in SQL on ${table}`);
    appendRow(target, (name) => {
      if (name === 'agent') return agent;
      if (name === 'file') return row.file;
      if (name === 'line') return row.line;
      if (name === 'in_period') return inPeriod;
      return cellOf(row, name);
    });
  }

  /** Each loaded row's `excluded_by`, in the order the rows were added. */
  async decisions(table: InputTableName): Promise<Array<string | null>> {
    await this.#decide();
    const read = await this.#connection.runAndReadAll(`SELECT excluded_by FROM x_${table} ORDER BY seq`);
    return read.getRowObjectsJS().map((r) => (typeof r.excluded_by === 'string' ? r.excluded_by : null));
  }

  /**
   * Per table decided here, what the exclusions removed of its rows of the period: the counts
   * by exclusion in the order first met, and per agent in the order first met its counts and
   * the first `cap` rows of each exclusion, in reading order.
   */
  async parts(): Promise<Map<InputTableName, ExclusionsPart>> {
    await this.#decide();
    const out = new Map<InputTableName, ExclusionsPart>();
    for (const [table, sql] of this.#tables)
      out.set(table, await exclusionPart(this.#connection, sql, Object.keys(this.#fields(table))));
    return out;
  }

  /** Closes the database and removes its temporary folder. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const { appender } of this.#targets.values()) {
      try {
        appender.closeSync();
      } catch {
        // Already closed when the exclusions were decided.
      }
    }
    this.#connection.closeSync();
    this.#instance.closeSync();
    rmSync(this.#temp, { recursive: true, force: true });
  }

  async #decide(): Promise<void> {
    if (this.#decided) return;
    this.#decided = true;
    for (const { appender } of this.#targets.values()) appender.closeSync();
    for (const { decide } of this.#tables.values()) await this.#connection.run(decide);
  }
}

/**
 * What a table's exclusions removed of its rows of the period, read from `x_<table>` (made by
 * its `decide` statement), in the shape `Exclusions.absorb` adds: the counts by exclusion in the
 * order first met, and per agent, in the order first met, its counts and the first `cap` rows
 * of each exclusion in reading order, with the table's `fields`.
 */
export async function exclusionPart(
  connection: DuckDBConnection,
  sql: ExclusionTableSql,
  fields: readonly string[],
): Promise<ExclusionsPart> {
  const counts = (await connection.runAndReadAll(sql.counts))
    .getRowObjectsJS()
    .map((r): [string, number] => [String(r.excluded_by), Number(r.n)]);
  const agents = new Map<number, ExclusionsPart['agents'][number]>();
  for (const r of (await connection.runAndReadAll(sql.evidence)).getRowObjectsJS()) {
    const agent = Number(r.agent);
    const exclusion = String(r.excluded_by);
    const mine = agents.get(agent) ?? { agent, counts: [], evidence: [] };
    agents.set(agent, mine);
    // Rows come in reading order, so an agent's first row of an exclusion (k = 1) comes first.
    if (Number(r.k) === 1) mine.counts.push([exclusion, Number(r.total)]);
    const values: Record<string, unknown> = {};
    for (const f of fields) values[f] = r[f] ?? null;
    mine.evidence.push({ exclusion, n: Number(r.k), row: new Row(values, Number(r.file), Number(r.line)) });
  }
  return { counts, agents: [...agents.values()] };
}
