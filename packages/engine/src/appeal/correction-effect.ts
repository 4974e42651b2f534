import { type Condition, compileCondition, isFactReference } from '@scorebook/conditions';
import { type FieldSpec, type InputTableName, type MetricDefinition, TABLES } from '@scorebook/contract';
import type { Policy } from '@scorebook/policy';
import type { Zone } from '@scorebook/time';
import { factsOf, leavesOf } from '../check/policy-needs.ts';
import { rowFactAccess } from '../fact-access.ts';
import { Row } from '../row.ts';

/** A rule of the policy that tests a table's rows: an exclusion, or a metric's condition on that table. */
interface TableRule {
  id: string;
  condition: Condition;
  /** The facts the condition names (its leaves' and the facts their values refer to). */
  facts: ReadonlySet<string>;
}

/** What a correction left as it was: the rules that read the field, and the values they test it against. */
export interface NoEffect {
  /** The rules that test the field (exclusion and metric ids), none when no rule reads it. */
  rules: string[];
  /** The literal values those rules compare the field with, in the order first found. */
  tested: unknown[];
}

/**
 * Whether an appeal's correction of a field can change a result (`docs/appeals.md`, corrections
 * that change nothing): each rule of the policy that tests the field on that table — its
 * exclusions of the table and the conditions of its metrics over the table (`where`, a ratio's
 * side) — is tested on the record before and after the correction. A correction changes nothing
 * when no metric reads the field's value (a mean, sum, median, p90, net promoter score or
 * distinct count of it), the field is not a timestamp or date (the period, the derived durations
 * read those) and every rule that tests it holds or fails alike before and after; it cannot be
 * told (and is not said) when such a rule also names a field the record does not have yet (a
 * derived fact of the conversations).
 */
export class CorrectionEffect {
  readonly #policy: Policy;
  readonly #metrics: readonly MetricDefinition[];
  readonly #zone: Zone;
  readonly #fieldsOf: (table: InputTableName) => Readonly<Record<string, FieldSpec>>;

  constructor(input: {
    policy: Policy;
    metrics: readonly MetricDefinition[];
    zone: Zone;
    fieldsOf: (table: InputTableName) => Readonly<Record<string, FieldSpec>>;
  }) {
    this.#policy = input.policy;
    this.#metrics = input.metrics;
    this.#zone = input.zone;
    this.#fieldsOf = input.fieldsOf;
  }

  /** What the correction of `field` left as it was, or null when it may change a result (or it cannot be told). */
  noEffect(
    table: InputTableName,
    field: string,
    before: Readonly<Record<string, unknown>>,
    after: Readonly<Record<string, unknown>>,
  ): NoEffect | null {
    const spec = this.#fieldsOf(table)[field];
    if (
      spec === undefined ||
      spec.type === 'timestamp' ||
      spec.type === 'date' ||
      field === TABLES[table].timeField
    )
      return null;
    const readsValue = this.#metrics.some(
      (d) =>
        d.kind !== 'ratio' &&
        d.kind !== 'count' &&
        d.kind !== 'formula' &&
        d.kind !== 'rating' &&
        d.table === table &&
        d.field === field,
    );
    if (readsValue) return null;
    const rules = this.#rulesOf(table).filter((r) => r.facts.has(field));
    const tested: unknown[] = [];
    for (const rule of rules) {
      if ([...rule.facts].some((f) => !(f in before) || !(f in after))) return null;
      const holds = compileCondition(
        rule.condition,
        this.#zone,
        rowFactAccess(this.#fieldsOf(table), this.#zone),
      );
      if (holds(new Row({ ...before }, -1, 0)) !== holds(new Row({ ...after }, -1, 0))) return null;
      for (const v of literalsOf(rule.condition, field))
        if (!tested.some((t) => Object.is(t, v))) tested.push(v);
    }
    return { rules: [...new Set(rules.map((r) => r.id))], tested };
  }

  #rulesOf(table: InputTableName): TableRule[] {
    const rules: TableRule[] = [];
    const add = (id: string, condition: Condition | null) => {
      if (condition !== null) rules.push({ id, condition, facts: new Set(factsOf(condition)) });
    };
    for (const e of this.#policy.exclusions) if (e.table === table) add(e.id, e.when);
    for (const d of this.#metrics) {
      if (d.kind === 'ratio') {
        if (d.numerator.table === table) add(d.id, d.numerator.where);
        if (d.denominator.table === table) add(d.id, d.denominator.where);
      } else if (d.kind !== 'formula' && d.kind !== 'rating' && d.table === table) add(d.id, d.where);
    }
    return rules;
  }
}

// The literal values the leaves on `field` compare it with (a list's elements one by one).
function literalsOf(condition: Condition, field: string): unknown[] {
  return leavesOf(condition)
    .filter((leaf) => leaf.fact === field && !isFactReference(leaf.value))
    .flatMap((leaf) => (Array.isArray(leaf.value) ? leaf.value : [leaf.value]));
}
