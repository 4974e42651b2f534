import { compileCondition, type Predicate } from '@scorebook/conditions';
import type { FieldSpec, InputTableName } from '@scorebook/contract';
import type { Exclusion } from '@scorebook/policy';
import type { Zone } from '@scorebook/time';
import { rowFactAccess } from '../fact-access.ts';
import type { Row } from '../row.ts';

/** A row removed by an exclusion, kept as evidence for the agent it is credited to. */
export interface ExcludedRecord {
  exclusion: Exclusion;
  table: InputTableName;
  row: Row;
}

/** What the exclusions removed of one agent's rows of the period. */
export interface AgentExclusions {
  /** Rows removed by each exclusion, by id. */
  counts: Map<string, number>;
  /** The rows kept as evidence, at most the cap per exclusion. */
  evidence: ExcludedRecord[];
}

/** What {@link Exclusions.part} gives of one table (exclusions by id, agents by index). */
export interface ExclusionsPart {
  counts: Array<[string, number]>;
  agents: Array<{
    agent: number;
    counts: Array<[string, number]>;
    evidence: Array<{ exclusion: string; n: number; row: Row }>;
  }>;
}

interface CompiledExclusion {
  exclusion: Exclusion;
  holds: Predicate<Row>;
}

const NOTHING: Readonly<AgentExclusions> = { counts: new Map(), evidence: [] };

/**
 * The policy's exclusions (`semantics.md`, order of work): a row of a table that matches an
 * exclusion's `when` is left out of everything after. A row is counted once, under the first
 * exclusion that matches it in policy order, for the agent it is credited to, when its time
 * field falls in the period; the first `evidenceCap` rows per agent and exclusion are kept.
 */
export class Exclusions {
  /** Rows of the period removed, by table and exclusion id (policy order). */
  readonly counts = new Map<InputTableName, Map<string, number>>();
  readonly #byAgent = new Map<number, AgentExclusions>();
  readonly #byTable = new Map<InputTableName, CompiledExclusion[]>();
  readonly #cap: number;

  constructor(
    policy: { readonly exclusions: readonly Exclusion[] },
    fieldsOf: (table: InputTableName) => Readonly<Record<string, FieldSpec>>,
    zone: Zone,
    evidenceCap: number,
  ) {
    this.#cap = evidenceCap;
    for (const e of policy.exclusions) {
      const list = this.#byTable.get(e.table) ?? [];
      list.push({
        exclusion: e,
        holds: compileCondition(e.when, zone, rowFactAccess(fieldsOf(e.table), zone)),
      });
      this.#byTable.set(e.table, list);
    }
  }

  /** The first exclusion that holds for a row of the table, or null. */
  match(table: InputTableName, row: Row): Exclusion | null {
    const list = this.#byTable.get(table);
    if (list === undefined) return null;
    for (const e of list) if (e.holds(row)) return e.exclusion;
    return null;
  }

  /** Counts an excluded row of the period for the agent it is credited to (-1: none). */
  count(table: InputTableName, exclusion: Exclusion, row: Row, agent: number): void {
    const counts = this.counts.get(table) ?? new Map<string, number>();
    counts.set(exclusion.id, (counts.get(exclusion.id) ?? 0) + 1);
    this.counts.set(table, counts);
    if (agent < 0) return;
    const mine: AgentExclusions = this.#byAgent.get(agent) ?? { counts: new Map(), evidence: [] };
    this.#byAgent.set(agent, mine);
    const n = (mine.counts.get(exclusion.id) ?? 0) + 1;
    mine.counts.set(exclusion.id, n);
    if (n <= this.#cap) mine.evidence.push({ exclusion, table, row });
  }

  /**
   * What this object counted of one table, to be added to another's by {@link Exclusions.absorb}:
   * the table's counts, and per agent the counts and the evidence, each numbered within its
   * exclusion and agent (1 for the first).
   */
  part(table: InputTableName): ExclusionsPart {
    const agents: ExclusionsPart['agents'] = [];
    for (const [agent, mine] of this.#byAgent) {
      const seen = new Map<string, number>();
      const evidence = mine.evidence.map((e) => {
        const n = (seen.get(e.exclusion.id) ?? 0) + 1;
        seen.set(e.exclusion.id, n);
        return { exclusion: e.exclusion.id, n, row: e.row };
      });
      agents.push({ agent, counts: [...mine.counts], evidence });
    }
    return { counts: [...(this.counts.get(table) ?? [])], agents };
  }

  /**
   * Adds what another object counted of a table, read after every row counted here: counts
   * add up, and an evidence row is kept while its agent and exclusion have fewer than the cap,
   * as if this object had counted the rows itself.
   */
  absorb(table: InputTableName, part: ExclusionsPart): void {
    const byId = new Map([...this.#byTable.values()].flat().map((e) => [e.exclusion.id, e.exclusion]));
    if (part.counts.length > 0) {
      const counts = this.counts.get(table) ?? new Map<string, number>();
      for (const [id, n] of part.counts) counts.set(id, (counts.get(id) ?? 0) + n);
      this.counts.set(table, counts);
    }
    for (const { agent, counts, evidence } of part.agents) {
      const mine: AgentExclusions = this.#byAgent.get(agent) ?? { counts: new Map(), evidence: [] };
      this.#byAgent.set(agent, mine);
      for (const e of evidence) {
        const exclusion = byId.get(e.exclusion);
        if (exclusion !== undefined && (mine.counts.get(e.exclusion) ?? 0) + e.n <= this.#cap)
          mine.evidence.push({ exclusion, table, row: e.row });
      }
      for (const [id, n] of counts) mine.counts.set(id, (mine.counts.get(id) ?? 0) + n);
    }
  }

  /** What the exclusions removed of an agent's rows (nothing for an agent they did not touch). */
  ofAgent(agent: number): Readonly<AgentExclusions> {
    return this.#byAgent.get(agent) ?? NOTHING;
  }
}
