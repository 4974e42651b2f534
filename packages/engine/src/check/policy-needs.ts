import { type Condition, isFactReference, type LeafCondition } from '@scorebook/conditions';
import {
  type CustomTableName,
  DERIVED_CONVERSATION_FIELDS,
  DERIVED_INPUTS,
  DERIVED_PLAN_INPUTS,
  type InputTableName,
  isCustomTableName,
  type MeasuredTableRef,
  type MetricDefinition,
} from '@scorebook/contract';
import { formulaNames, parseTeamFactName } from '@scorebook/formula';
import { formulaMetricsInOrder, formulaOf, metricsReadBy, type Policy } from '@scorebook/policy';

/** The input tables and fields one metric reads. */
interface MetricInputs {
  tables: ReadonlySet<InputTableName>;
  /**
   * Of `tables`, those it reads only through a derived fact of the conversations (`converted`
   * reads orders, `replied` messages): their rows of any date that name a conversation of the
   * period count, not only their rows of the period.
   */
  throughFacts: ReadonlySet<InputTableName>;
  /** The custom tables it reads (`docs/custom-tables.md`). */
  custom: ReadonlySet<CustomTableName>;
  /** `[table, field]` of input fields read by its `field` and `where`s (derived ones by what they need). */
  fields: ReadonlyArray<readonly [InputTableName, string]>;
  /** The leaves of its `where`s on input fields. */
  leaves: ReadonlyArray<readonly [InputTableName, LeafCondition]>;
}

/** An input field a policy reads: where, and the comparisons its conditions make with it. */
interface FieldNeed {
  table: InputTableName;
  field: string;
  uses: string[];
  /** Leaves of conditions on the field: operator and value, with the use they belong to. */
  comparisons: Array<{ operator: string; value: unknown; use: string }>;
}

/** What a policy reads of the data, and where in the policy (for messages). */
export interface PolicyNeeds {
  /**
   * Metrics a scorecard uses (scored, adjusted, named by an eligibility, a veto or a flag, awarded,
   * or breaking ties of a forced distribution), with their uses.
   */
  metrics: ReadonlyMap<string, string[]>;
  /** Input tables the used metrics need, with the uses. */
  tables: ReadonlyMap<InputTableName, string[]>;
  /** Per table, the uses of `tables` that read it only through a derived fact of the conversations. */
  throughFacts: ReadonlyMap<InputTableName, ReadonlySet<string>>;
  /** Custom tables the used metrics read, with the uses. */
  customTables: ReadonlyMap<CustomTableName, string[]>;
  /** Input tables the scored metrics need, with the uses (`docs/contract/source-format.md`, rule 4). */
  scoredTables: ReadonlyMap<InputTableName, string[]>;
  /**
   * Per table of `tables`, the ids of the scorecards that need it, and of those whose scored items
   * (quotas included) need it: a table only scorecards no agent is on need is not required
   * (`docs/scorecards.md`, scorecards no agent is on).
   */
  scorecardsOf: ReadonlyMap<InputTableName, { all: ReadonlySet<string>; scored: ReadonlySet<string> }>;
  /** Input fields the used metrics and the exclusions read, keyed `table.field`, with the uses. */
  fields: ReadonlyMap<string, FieldNeed>;
  /** Every metric of the catalog in scope, by id: what it reads. */
  inputsOf: ReadonlyMap<string, MetricInputs>;
}

/**
 * What a policy reads (`docs/contract/source-format.md`, rules 3 and 4): for every metric a scorecard uses,
 * the tables it needs and the fields its `field` and `where`s read, derived fields standing for
 * what they are computed from; and the fields every exclusion's condition reads.
 */
export function policyNeeds(policy: Policy, definitions: readonly MetricDefinition[]): PolicyNeeds {
  const inputsOf = new Map(
    definitions.flatMap((d) => (d.kind === 'formula' ? [] : [[d.id, metricInputs(d)]])),
  );
  // A formula reads what the metrics it reads read (formulas come after the formulas they read).
  for (const f of formulaMetricsInOrder(definitions))
    inputsOf.set(
      f.id,
      unionOf(metricsReadBy(formulaNames(formulaOf(f))).flatMap((id) => inputsOf.get(id) ?? [])),
    );
  const used = new Map<
    string,
    { inputs: MetricInputs; uses: string[]; scorecards: Set<string>; scoredBy: Set<string> }
  >();
  const use = (fact: string, scorecard: string, where: string, scores = false) => {
    // A team fact in a condition reads its metric of every agent.
    const metric = parseTeamFactName(fact)?.metric ?? fact;
    const inputs = inputsOf.get(metric);
    if (inputs === undefined) return;
    const entry = used.get(metric) ?? { inputs, uses: [], scorecards: new Set(), scoredBy: new Set() };
    entry.uses.push(`${scorecard}/${where}`);
    entry.scorecards.add(scorecard);
    if (scores) entry.scoredBy.add(scorecard);
    used.set(metric, entry);
  };
  for (const s of policy.scorecards) {
    for (const item of s.scored) use(item.metric, s.id, item.metric, true);
    for (const a of s.adjustments) use(a.metric, s.id, a.id);
    if (s.eligibility !== null)
      for (const fact of factsOf(s.eligibility.when)) use(fact, s.id, 'eligibility');
    for (const v of s.vetoes) for (const fact of factsOf(v.when)) use(fact, s.id, v.id);
    // Flags, awards and tie-breakers decide what an agent is told and paid: read like a veto.
    for (const f of s.flags) for (const fact of factsOf(f.when)) use(fact, s.id, f.id);
    for (const a of s.awards) use(a.metric, s.id, a.id);
    for (const metric of s.distribution?.tie_breakers ?? []) use(metric, s.id, 'distribution');
  }
  const tables = new Map<InputTableName, string[]>();
  const customTables = new Map<CustomTableName, string[]>();
  const scoredTables = new Map<InputTableName, string[]>();
  const fields = new Map<string, FieldNeed>();
  const needField = (table: InputTableName, field: string, where: string) => {
    const key = `${table}.${field}`;
    const entry = fields.get(key) ?? { table, field, uses: [], comparisons: [] };
    if (!entry.uses.includes(where)) entry.uses.push(where);
    fields.set(key, entry);
    return entry;
  };
  const throughFacts = new Map<InputTableName, Set<string>>();
  const scorecardsOf = new Map<InputTableName, { all: Set<string>; scored: Set<string> }>();
  const needBy = (table: InputTableName, scorecards: ReadonlySet<string>, scoredBy: ReadonlySet<string>) => {
    const entry = scorecardsOf.get(table) ?? { all: new Set(), scored: new Set() };
    for (const s of scorecards) entry.all.add(s);
    for (const s of scoredBy) entry.scored.add(s);
    scorecardsOf.set(table, entry);
  };
  for (const [metric, { inputs, uses, scorecards, scoredBy }] of used) {
    const where = `${metric} (${uses.join(', ')})`;
    for (const table of inputs.tables) {
      tables.set(table, [...(tables.get(table) ?? []), where]);
      needBy(table, scorecards, scoredBy);
      if (inputs.throughFacts.has(table))
        throughFacts.set(table, (throughFacts.get(table) ?? new Set()).add(where));
      if (scoredBy.size > 0) scoredTables.set(table, [...(scoredTables.get(table) ?? []), where]);
    }
    for (const table of inputs.custom) customTables.set(table, [...(customTables.get(table) ?? []), where]);
    for (const [table, field] of inputs.fields) needField(table, field, where);
    for (const [table, leaf] of inputs.leaves)
      needField(table, leaf.fact, where).comparisons.push({
        operator: leaf.operator,
        value: leaf.value,
        use: where,
      });
  }
  for (const e of policy.exclusions) {
    const where = `exclusion ${e.id}`;
    for (const leaf of leavesOf(e.when)) {
      needField(e.table, leaf.fact, where).comparisons.push({
        operator: leaf.operator,
        value: leaf.value,
        use: where,
      });
    }
    for (const fact of factsOf(e.when)) needField(e.table, fact, where);
  }
  // Items with per-agent targets read the targets table as a scored metric reads its table.
  for (const s of policy.scorecards)
    for (const item of s.scored)
      if (item.quota) {
        scoredTables.set('targets', [
          ...(scoredTables.get('targets') ?? []),
          `${s.id}/${item.metric} (quota)`,
        ]);
        needBy('targets', new Set([s.id]), new Set([s.id]));
      }
  const metrics = new Map([...used].map(([metric, { uses }]) => [metric, uses]));
  return { metrics, tables, throughFacts, customTables, scoredTables, scorecardsOf, fields, inputsOf };
}

/** What several metrics read together. */
function unionOf(inputs: readonly MetricInputs[]): MetricInputs {
  // A table any of them reads directly is read directly by the whole.
  const direct = new Set(inputs.flatMap((i) => [...i.tables].filter((t) => !i.throughFacts.has(t))));
  return {
    tables: new Set(inputs.flatMap((i) => [...i.tables])),
    throughFacts: new Set(inputs.flatMap((i) => [...i.throughFacts]).filter((t) => !direct.has(t))),
    custom: new Set(inputs.flatMap((i) => [...i.custom])),
    fields: inputs.flatMap((i) => i.fields),
    leaves: inputs.flatMap((i) => i.leaves),
  };
}

/** The input tables and fields a metric of a measured kind reads. */
function metricInputs(d: Exclude<MetricDefinition, { kind: 'formula' }>): MetricInputs {
  const tables = new Set<InputTableName>();
  const viaFacts = new Set<InputTableName>();
  const custom = new Set<CustomTableName>();
  const fields: Array<readonly [InputTableName, string]> = [];
  const leaves: Array<readonly [InputTableName, LeafCondition]> = [];
  const side = (table: MeasuredTableRef, field: string | null, where: Condition | null) => {
    // A custom table's fields are its declaration's, every one in each of its files.
    if (isCustomTableName(table)) {
      custom.add(table);
      return;
    }
    const read = [...(field === null ? [] : [field]), ...(where === null ? [] : factsOf(where))];
    if (table === 'responses') {
      tables.add('messages');
      return;
    }
    tables.add(table);
    if (where !== null) {
      for (const leaf of leavesOf(where))
        if (!(table === 'conversations' && Object.hasOwn(DERIVED_CONVERSATION_FIELDS, leaf.fact)))
          if (!(table === 'improvement_plans' && Object.hasOwn(DERIVED_PLAN_INPUTS, leaf.fact)))
            leaves.push([table, leaf]);
    }
    for (const f of read) {
      const derived =
        table === 'conversations' && Object.hasOwn(DERIVED_CONVERSATION_FIELDS, f)
          ? DERIVED_INPUTS[f]
          : table === 'improvement_plans' && Object.hasOwn(DERIVED_PLAN_INPUTS, f)
            ? { tables: [], fields: DERIVED_PLAN_INPUTS[f] ?? [] }
            : undefined;
      if (derived === undefined) {
        fields.push([table, f]);
        continue;
      }
      for (const t of derived.tables) viaFacts.add(t);
      fields.push(...derived.fields);
    }
  };
  if (d.kind === 'rating') {
    tables.add('ratings');
    if (d.where !== null) {
      for (const leaf of leavesOf(d.where)) leaves.push(['ratings', leaf]);
      for (const f of factsOf(d.where)) fields.push(['ratings', f]);
    }
  } else if (d.kind === 'ratio') {
    side(d.numerator.table, null, d.numerator.where);
    side(d.denominator.table, null, d.denominator.where);
  } else {
    side(d.table, d.field, d.where);
  }
  const throughFacts = new Set([...viaFacts].filter((t) => !tables.has(t)));
  return { tables: new Set([...tables, ...viaFacts]), throughFacts, custom, fields, leaves };
}

/** The leaves of a condition, in order. */
export function leavesOf(condition: Condition): LeafCondition[] {
  if ('all' in condition) return condition.all.flatMap(leavesOf);
  if ('any' in condition) return condition.any.flatMap(leavesOf);
  if ('not' in condition) return leavesOf(condition.not);
  return [condition];
}

/** Every fact a condition names, in order, without repeats (`{fact}` values included). */
export function factsOf(condition: Condition): string[] {
  const out: string[] = [];
  const walk = (node: Condition) => {
    if ('all' in node) node.all.forEach(walk);
    else if ('any' in node) node.any.forEach(walk);
    else if ('not' in node) walk(node.not);
    else {
      out.push(node.fact);
      if (isFactReference(node.value) && typeof node.value.fact === 'string') out.push(node.value.fact);
    }
  };
  walk(condition);
  return [...new Set(out)];
}
