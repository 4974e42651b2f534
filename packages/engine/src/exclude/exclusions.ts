import { type Condition, compileCondition, foldCondition, type Predicate } from '@scorebook/conditions';
import type { FieldSpec, InputTableName } from '@scorebook/contract';
import type { Exclusion } from '@scorebook/policy';
import { messageOf, type Problem } from '@scorebook/problems';
import type { Zone } from '@scorebook/time';
import { RUN_ERRORS } from '../errors.ts';
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

/** Distinct values kept per watched field, for the warning's list of values seen. */
const SEEN_CAP = 30;

const NOTHING: Readonly<AgentExclusions> = { counts: new Map(), evidence: [] };

/**
 * The policy's exclusions (`docs/contract/semantics.md`, order of work): a row of a table that matches an
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
  /** Per table, the fields an exclusion compares with text (`equal`, `in`), and the texts seen. */
  readonly #watched = new Map<InputTableName, Map<string, Set<string>>>();
  readonly #periodRows = new Map<InputTableName, number>();

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
      const fields = this.#watched.get(e.table) ?? new Map<string, Set<string>>();
      for (const leaf of textLeaves(e.when)) if (!fields.has(leaf.fact)) fields.set(leaf.fact, new Set());
      this.#watched.set(e.table, fields);
    }
  }

  /**
   * Notes a row of the period of a table some exclusion is on (before appeals and exclusions):
   * the texts of the fields exclusions compare, for {@link removedNothing}.
   */
  observe(table: InputTableName, row: Row): void {
    const fields = this.#watched.get(table);
    if (fields === undefined) return;
    this.#periodRows.set(table, (this.#periodRows.get(table) ?? 0) + 1);
    for (const [field, seen] of fields) {
      const v = row.values[field];
      if (typeof v === 'string' && seen.size < SEEN_CAP) seen.add(v);
    }
  }

  /**
   * A warning at its policy line for each exclusion that removed no row of the period of a table
   * that has rows in it (`docs/policy-checks.md`): a value written differently from the data's
   * (`product_defekt`) removes nothing and says nothing otherwise. The message names the values
   * of its `equal`/`in` leaves that no row had, with the values that were seen. Tables read on
   * worker threads (messages) are not observed and get none.
   */
  removedNothing(): Problem[] {
    const out: Problem[] = [];
    for (const [table, list] of this.#byTable) {
      const rows = this.#periodRows.get(table) ?? 0;
      if (rows === 0) continue;
      const counts = this.counts.get(table);
      for (const { exclusion } of list) {
        if ((counts?.get(exclusion.id) ?? 0) > 0) continue;
        const missing: string[] = [];
        for (const leaf of textLeaves(exclusion.when)) {
          const seen = this.#watched.get(table)?.get(leaf.fact) ?? new Set<string>();
          const absent = leaf.values.filter((v) => !seen.has(v));
          if (absent.length === 0 || seen.size >= SEEN_CAP) continue;
          const values = [...seen].sort().join(', ');
          missing.push(`${table}.${leaf.fact}: ${absent.map((v) => `"${v}"`).join(', ')} ∉ {${values}}`);
        }
        out.push({
          code: 'EXCLUSION_REMOVED_NOTHING',
          severity: 'warning',
          message: messageOf(RUN_ERRORS, 'EXCLUSION_REMOVED_NOTHING', {
            id: exclusion.id,
            table,
            rows,
            missing: missing.join('; '),
          }),
          file: exclusion.source.file,
          line: exclusion.source.line,
          column: exclusion.source.column,
        });
      }
    }
    return out;
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

// The leaves of a condition that compare a field with text by `equal` or `in` (values as text).
function textLeaves(condition: Condition): Array<{ fact: string; values: string[] }> {
  return foldCondition<Array<{ fact: string; values: string[] }>>(condition, {
    group: (_, children) => children.flat(),
    not: () => [],
    leaf: (leaf) => {
      if (leaf.path !== undefined) return [];
      const value = leaf.value as unknown;
      if (leaf.operator === 'equal' && typeof value === 'string')
        return [{ fact: leaf.fact, values: [value] }];
      if (leaf.operator !== 'in' || !Array.isArray(value)) return [];
      const values = value.filter((v): v is string => typeof v === 'string');
      return values.length === 0 ? [] : [{ fact: leaf.fact, values }];
    },
  });
}
