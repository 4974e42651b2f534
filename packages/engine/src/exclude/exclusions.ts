import { compileCondition, type Predicate } from '@scorebook/conditions';
import type { FieldSpec, InputTableName } from '@scorebook/contract';
import type { Policy } from '@scorebook/policy';
import type { Zone } from '@scorebook/time';
import { rowFactAccess } from '../fact-access.ts';
import type { Row } from '../row.ts';

/** A row removed by an exclusion, kept as evidence for the agent it is credited to. */
export interface ExcludedRecord {
  exclusion: string;
  table: InputTableName;
  row: Row;
}

interface CompiledExclusion {
  id: string;
  holds: Predicate<Row>;
}

/**
 * The policy's exclusions (`semantics.md`, order of work): a row of a table that matches an
 * exclusion's `when` is left out of everything after. A row is counted once, under the first
 * exclusion that matches it in policy order, for the agent it is credited to, when its time
 * field falls in the period; the first `evidenceCap` rows per agent and exclusion are kept.
 */
export class Exclusions {
  /** Rows of the period removed, by table and exclusion id (policy order). */
  readonly counts = new Map<InputTableName, Map<string, number>>();
  /** Per agent: rows of the period removed by each exclusion. */
  readonly byAgent: Array<Map<string, number>> = [];
  /** Per agent: the rows kept as evidence. */
  readonly evidence: ExcludedRecord[][] = [];
  readonly #byTable = new Map<InputTableName, CompiledExclusion[]>();
  readonly #cap: number;

  constructor(
    policy: Policy,
    fieldsOf: (table: InputTableName) => Readonly<Record<string, FieldSpec>>,
    zone: Zone,
    evidenceCap: number,
  ) {
    this.#cap = evidenceCap;
    for (const e of policy.exclusions) {
      const list = this.#byTable.get(e.table) ?? [];
      list.push({ id: e.id, holds: compileCondition(e.when, zone, rowFactAccess(fieldsOf(e.table), zone)) });
      this.#byTable.set(e.table, list);
    }
  }

  /** The id of the first exclusion that holds for a row of the table, or null. */
  match(table: InputTableName, row: Row): string | null {
    const list = this.#byTable.get(table);
    if (list === undefined) return null;
    for (const e of list) if (e.holds(row)) return e.id;
    return null;
  }

  /** Counts an excluded row of the period for the agent it is credited to (-1: none). */
  count(table: InputTableName, exclusion: string, row: Row, agent: number): void {
    const counts = this.counts.get(table) ?? new Map<string, number>();
    counts.set(exclusion, (counts.get(exclusion) ?? 0) + 1);
    this.counts.set(table, counts);
    if (agent < 0) return;
    while (this.byAgent.length <= agent) {
      this.byAgent.push(new Map());
      this.evidence.push([]);
    }
    const mine = this.byAgent[agent]!;
    const n = (mine.get(exclusion) ?? 0) + 1;
    mine.set(exclusion, n);
    if (n <= this.#cap) this.evidence[agent]!.push({ exclusion, table, row });
  }
}
