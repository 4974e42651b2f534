import type { Condition } from '@scorebook/conditions';
import { type MeasuredTableRef, type MetricDefinition, measuredFields } from '@scorebook/contract';
import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { random } from '../../test/random.ts';
import { Row } from '../row.ts';
import { MetricAccumulators, MetricTally, type TallySnapshot } from './accumulate.ts';
import { compileMetrics } from './compile-metrics.ts';

// A tally that follows the tallies of later rows (MetricTally.follow, the conversations' second
// read in parts: docs/scale.md §1) must end as the tally that counted every row itself: the same
// values, samples and evidence, sums of doubles added in the same order.

const zone = new Zone('Asia/Shanghai');
const fieldsOf = (table: MeasuredTableRef | 'ratings') =>
  table === 'ratings' ? {} : measuredFields(table as 'conversations' | 'surveys');
const AGENTS = 4;
const CAP = 3;
// Agent 1's evidence is not kept (its scorecard would not score the metrics).
const wants = (agent: number) => agent !== 1;

const common = {
  title: 't',
  title_en: null,
  description: null,
  description_en: null,
  builtin: false,
} as const;
const replied: Condition = { all: [{ fact: 'replied', operator: 'equal', value: true }] };
function field(
  id: string,
  kind: 'mean' | 'median' | 'p90' | 'sum' | 'nps' | 'distinct_count',
  better: 'higher' | 'lower',
  table: MeasuredTableRef,
  name: string,
  where: Condition | null = null,
): MetricDefinition {
  return {
    ...common,
    id,
    kind,
    better,
    unit: 'number',
    table,
    field: name,
    where,
    numerator: null,
    denominator: null,
  };
}
const DEFINITIONS: MetricDefinition[] = [
  field('handle_mean', 'mean', 'lower', 'conversations', 'handle_seconds'),
  field('handle_median', 'median', 'lower', 'conversations', 'handle_seconds', replied),
  field('handle_p90', 'p90', 'higher', 'conversations', 'handle_seconds'),
  field('handle_total', 'sum', 'lower', 'conversations', 'handle_seconds'),
  field('promoters', 'nps', 'higher', 'surveys', 'nps'),
  {
    ...common,
    id: 'answered',
    kind: 'count',
    better: 'higher',
    unit: 'count',
    table: 'conversations',
    field: null,
    where: replied,
    numerator: null,
    denominator: null,
  },
  {
    ...common,
    id: 'reply_share',
    kind: 'ratio',
    better: 'higher',
    unit: 'ratio',
    table: null,
    field: null,
    where: null,
    numerator: { table: 'conversations', where: replied },
    denominator: { table: 'conversations', where: null },
  },
  {
    ...common,
    id: 'transfers_per_survey',
    kind: 'ratio',
    better: 'lower',
    unit: 'ratio',
    table: null,
    field: null,
    where: null,
    numerator: {
      table: 'conversations',
      where: { all: [{ fact: 'transferred', operator: 'equal', value: true }] },
    },
    denominator: { table: 'surveys', where: null },
  },
];

interface Fed {
  table: 'conversations' | 'surveys';
  row: Row;
  agent: number;
}

// Rows of both tables for four agents (and one of no agent), in reading order: durations with
// fractions, ties and nulls, so that the order of additions and of evidence matters.
function rowsOf(seed: number): Fed[] {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  return Array.from({ length: 400 }, (_, i): Fed => {
    const agent = pick([0, 0, 1, 2, 3, 3, -1]);
    if (next() < 0.3)
      return {
        table: 'surveys',
        agent,
        row: new Row({ survey_id: `s${i}`, nps: pick([0, 3, 6, 7, 8, 9, 10]) }, 1, i + 2),
      };
    return {
      table: 'conversations',
      agent,
      row: new Row(
        {
          conversation_id: `c${i}`,
          replied: next() < 0.7,
          transferred: next() < 0.2,
          handle_seconds: pick([null, 0.1, 0.2, 0.3, 1e16, 1, 1, 2.5, 7.7, 1 / 3, 600]),
        },
        0,
        i + 2,
      ),
    };
  });
}

function accumulators(keepsAddends: boolean): MetricAccumulators {
  const compiled = compileMetrics(DEFINITIONS, zone, fieldsOf);
  return new MetricAccumulators(compiled, AGENTS, (agent) => wants(agent), CAP, keepsAddends);
}

function feed(measure: MetricAccumulators, rows: readonly Fed[]): void {
  for (const { table, row, agent } of rows) measure.add(table, row, agent);
}

// What scoring and explaining read of every tally, for every agent.
function seen(measure: MetricAccumulators) {
  return measure.tallies.map((t) =>
    Array.from({ length: AGENTS }, (_, agent) => {
      const evidence = t.evidence(agent);
      return {
        value: t.value(agent),
        evidence:
          evidence === null
            ? null
            : {
                role: evidence.role,
                table: evidence.table,
                total: evidence.total,
                rows: evidence.rows.map((r) => [r.file, r.line]),
              },
      };
    }),
  );
}

describe('a tally following the tallies of later rows', () => {
  it('ends as the tally of every row, cut anywhere, the parts crossing threads as plain data', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const rows = rowsOf(seed);
      const next = random(seed * 101);
      // The conversations' rows cut in three parts; the surveys are read before them (as the
      // other tables are read before the second read).
      const surveys = rows.filter((r) => r.table === 'surveys');
      const conversations = rows.filter((r) => r.table === 'conversations');
      const cuts = [
        Math.floor(next() * conversations.length),
        Math.floor(next() * conversations.length),
      ].sort((a, b) => a - b);
      const inOrder = [...surveys, ...conversations];
      const sequential = accumulators(false);
      feed(sequential, inOrder);
      const followed = accumulators(false);
      feed(followed, [...surveys, ...conversations.slice(0, cuts[0])]);
      for (const part of [conversations.slice(cuts[0], cuts[1]), conversations.slice(cuts[1])]) {
        const other = accumulators(true);
        feed(other, part);
        const snapshots: TallySnapshot[] = structuredClone(
          other.tallies.map((t) => (t as MetricTally).snapshot()),
        );
        followed.tallies.forEach((t, i) => {
          (t as MetricTally).follow(snapshots[i] as TallySnapshot);
        });
      }
      expect(seen(followed)).toEqual(seen(sequential));
      // The data are such that evidence is kept and cut by the cap, for the test to mean something.
      expect(
        seen(sequential)
          .flat()
          .some((s) => (s.evidence?.total ?? 0) > CAP),
      ).toBe(true);
    }
  });

  it('adds a mean’s values one by one: adding the parts’ sums would round differently', () => {
    const row = (v: number, line: number) =>
      new Row({ conversation_id: `c${line}`, handle_seconds: v, replied: true }, 0, line);
    const sequential = accumulators(false);
    const followed = accumulators(false);
    const later = accumulators(true);
    sequential.add('conversations', row(0.1, 2), 0);
    for (const [v, line] of [
      [0.2, 3],
      [0.3, 4],
    ] as const)
      sequential.add('conversations', row(v, line), 0);
    followed.add('conversations', row(0.1, 2), 0);
    for (const [v, line] of [
      [0.2, 3],
      [0.3, 4],
    ] as const)
      later.add('conversations', row(v, line), 0);
    const mean = 0;
    (followed.tallies[mean] as MetricTally).follow((later.tallies[mean] as MetricTally).snapshot());
    expect(followed.tallies[mean]?.value(0)).toEqual({ value: (0.1 + 0.2 + 0.3) / 3, sample: 3 });
    expect(sequential.tallies[mean]?.value(0)).toEqual({ value: (0.1 + 0.2 + 0.3) / 3, sample: 3 });
    // What adding the later part's sum would have given:
    expect((0.1 + (0.2 + 0.3)) / 3).not.toBe((0.1 + 0.2 + 0.3) / 3);
  });

  it('is refused to a distinct count', () => {
    const compiled = compileMetrics(
      [field('customers', 'distinct_count', 'higher', 'conversations', 'conversation_id')],
      zone,
      fieldsOf,
    );
    const tally = new MetricTally(compiled[0] as (typeof compiled)[number], AGENTS, wants, CAP);
    expect(() => tally.follow(tally.snapshot())).toThrow('a distinct count cannot follow another tally');
  });
});
