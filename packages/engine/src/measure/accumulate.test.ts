import {
  builtinCatalog,
  isCustomTableName,
  type MeasuredTableRef,
  measuredFields,
} from '@scorebook/contract';
import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { Row } from '../row.ts';
import { MetricAccumulators, RowConditions } from './accumulate.ts';
import { ALWAYS, type CompiledMetric, compileMetrics } from './compile-metrics.ts';

const zone = new Zone('Asia/Shanghai');
const fieldsOf = (table: MeasuredTableRef | 'ratings') =>
  isCustomTableName(table) || table === 'ratings' ? {} : measuredFields(table);
// The catalog's metrics over conversations (ratios with both sides on them among them).
const DEFINITIONS = builtinCatalog().filter(
  (d) =>
    d.kind !== 'formula' &&
    d.kind !== 'rating' &&
    (d.kind === 'ratio' ? d.denominator.table === 'conversations' : d.table === 'conversations'),
);

// Rows of conversations of four agents, facts of every combination, some durations missing.
function rows(): Array<{ row: Row; agent: number }> {
  return Array.from({ length: 240 }, (_, i) => ({
    agent: i % 4,
    row: new Row(
      {
        conversation_id: `c${i}`,
        inquiry: i % 3 !== 0,
        replied: i % 5 !== 0,
        resolved: i % 2 === 0,
        reopened: i % 7 === 0,
        transferred: i % 11 === 0,
        on_time: i % 13 !== 0 ? true : null,
        sla_due_at: i % 6 === 0 ? null : 1_790_000_000_000 + i,
        converted: i % 4 === 1,
        handle_seconds: i % 9 === 0 ? null : (i * 37.3) % 600,
      },
      0,
      i + 2,
    ),
  }));
}

function tallied(compiled: readonly CompiledMetric[]) {
  const measure = new MetricAccumulators(compiled, 4, (agent) => agent !== 1, 3);
  for (const { row, agent } of rows()) measure.add('conversations', row, agent);
  return measure.tallies.map((t) =>
    [0, 1, 2, 3].map((agent) => ({
      value: t.value(agent),
      evidence: t.evidence(agent)?.rows.map((r) => r.line) ?? null,
      total: t.evidence(agent)?.total ?? null,
    })),
  );
}

describe('conditions shared by the metrics of a table', () => {
  it('are compiled once for equal conditions on the same table', () => {
    const compiled = compileMetrics(DEFINITIONS, zone, fieldsOf);
    const byId = new Map(compiled.map((m) => [m.definition.id, m]));
    // reply_rate and unreplied_rate have the same denominator (inquiry), not the same numerator.
    expect(byId.get('reply_rate')?.denominator).toBe(byId.get('unreplied_rate')?.denominator);
    expect(byId.get('reply_rate')?.numerator).not.toBe(byId.get('unreplied_rate')?.numerator);
    expect(byId.get('resolution_rate')?.denominator).toBe(ALWAYS);
    // A separate compilation shares nothing with another.
    const [alone] = compileMetrics([byId.get('reply_rate')?.definition ?? DEFINITIONS[0]!], zone, fieldsOf);
    expect(alone?.denominator).not.toBe(byId.get('reply_rate')?.denominator);
  });

  it('give every tally the numbers and evidence that conditions of its own give', () => {
    const shared = compileMetrics(DEFINITIONS, zone, fieldsOf);
    const separate = DEFINITIONS.flatMap((d) => compileMetrics([d], zone, fieldsOf));
    expect(DEFINITIONS.length).toBeGreaterThan(8);
    const numbers = tallied(shared);
    expect(numbers).toEqual(tallied(separate));
    const reply = numbers[DEFINITIONS.findIndex((d) => d.id === 'reply_rate')];
    // Agent 0 has rows 0, 4, …, 236: 40 with an inquiry (i % 3 ≠ 0), 32 of them replied (i % 5 ≠ 0);
    // the first three unreplied (rows 20, 40, 80) are its evidence, at lines i + 2.
    expect(reply?.[0]?.value).toEqual({ value: 32 / 40, sample: 40 });
    expect(reply?.[0]?.evidence).toEqual([22, 42, 82]);
    expect(reply?.[0]?.total).toBe(8);
    expect(reply?.[1]?.evidence).toBeNull();
  });

  it('test each distinct condition once per row, however many metrics test it', () => {
    let tested = 0;
    const inquiry = (row: Row) => {
      tested++;
      return row.values.inquiry === true;
    };
    const count = DEFINITIONS.find((d) => d.id === 'conversations_handled');
    const ratio = DEFINITIONS.find((d) => d.id === 'reply_rate');
    if (count === undefined || ratio === undefined) throw new Error('catalog metrics missing');
    const compiled: CompiledMetric[] = [
      { definition: count, where: inquiry, numerator: ALWAYS, denominator: ALWAYS },
      { definition: ratio, where: ALWAYS, numerator: inquiry, denominator: inquiry },
      { definition: count, where: inquiry, numerator: ALWAYS, denominator: ALWAYS },
    ];
    const measure = new MetricAccumulators(compiled, 4, () => false, 3);
    const all = rows();
    for (const { row, agent } of all) measure.add('conversations', row, agent);
    expect(tested).toBe(all.length);
    // 160 of the 240 rows have an inquiry; agent 0 has 40 of them.
    expect(measure.tallies.map((t) => t.value(0))).toEqual([
      { value: 40, sample: 40 },
      { value: 1, sample: 40 },
      { value: 40, sample: 40 },
    ]);
  });

  it('number their predicates, ALWAYS as -1, and forget what they tested when a row starts', () => {
    const conditions = new RowConditions();
    const even = (row: Row) => (row.line & 1) === 0;
    expect([conditions.indexOf(ALWAYS), conditions.indexOf(even), conditions.indexOf(even)]).toEqual([
      -1, 0, 0,
    ]);
    const results = [2, 3, 4].map((line) => {
      const row = new Row({}, 0, line);
      conditions.start();
      return [conditions.holds(0, row), conditions.holds(0, row), conditions.holds(-1, row)];
    });
    expect(results).toEqual([
      [true, true, true],
      [false, false, true],
      [true, true, true],
    ]);
  });
});
