import type { DuckDBConnection } from '@duckdb/node-api';
import type { ExclusionsPart } from '../exclude/exclusions.ts';
import { Row } from '../row.ts';
import type { ExclusionTableSql } from './compile-exclusions.ts';

/**
 * What a table's exclusions removed of its rows of the period, read from `decided_<table>` (made by
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
    if (r.shown !== true) continue;
    const values: Record<string, unknown> = {};
    for (const f of fields) values[f] = r[f] ?? null;
    mine.evidence.push({ exclusion, n: Number(r.k), row: new Row(values, Number(r.file), Number(r.line)) });
  }
  return { counts, agents: [...agents.values()] };
}
