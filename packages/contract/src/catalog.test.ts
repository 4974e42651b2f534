import { checkCondition, type FactType } from '@scorebook/conditions';
import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { builtinMetrics } from './catalog.ts';
import { KINDS_WITH_FIELD } from './metrics.ts';
import { type MeasuredTableName, measuredFields, TABLES } from './tables.ts';

const zone = new Zone('Asia/Shanghai');

function vocabulary(table: MeasuredTableName) {
  const facts = new Map<string, FactType>(
    Object.entries(measuredFields(table)).map(([name, spec]) => [
      name,
      spec.type === 'int' ? 'number' : spec.type,
    ]),
  );
  return { facts, open: false, describe: { zh: table, en: table } };
}

describe('the built-in metric catalog', () => {
  it('defines 26 metrics with titles in both languages', () => {
    const metrics = builtinMetrics();
    expect(metrics).toHaveLength(26);
    for (const m of metrics) {
      expect(m.title_en, m.id).not.toBeNull();
      expect(m.description, m.id).not.toBeNull();
      expect(m.builtin).toBe(true);
    }
  });

  it('writes every condition over known fields with known operators', () => {
    for (const m of builtinMetrics()) {
      const sides: Array<[MeasuredTableName | null, unknown]> = [
        [m.table, m.where],
        [m.numerator?.table ?? null, m.numerator?.where ?? null],
        [m.denominator?.table ?? null, m.denominator?.where ?? null],
      ];
      for (const [table, where] of sides) {
        if (table === null || where === null) continue;
        expect(checkCondition(where, vocabulary(table), zone), m.id).toEqual([]);
      }
      if (KINDS_WITH_FIELD.has(m.kind)) expect(measuredFields(m.table!)[m.field!], m.id).toBeDefined();
    }
  });

  it('infers units: ratios, seconds, amounts', () => {
    const unit = (id: string) => builtinMetrics().find((m) => m.id === id)!.unit;
    expect([
      unit('reply_rate'),
      unit('first_response_time'),
      unit('sales_amount'),
      unit('praise_count'),
    ]).toEqual(['ratio', 'seconds', 'amount', 'count']);
  });
});

describe('the data contract', () => {
  it('marks the required fields of data-contract.md', () => {
    const required = Object.fromEntries(
      Object.values(TABLES).map((t) => [
        t.name,
        Object.entries(t.fields)
          .filter(([, f]) => f.required)
          .map(([n]) => n),
      ]),
    );
    expect(required).toEqual({
      agents: ['agent_id', 'name', 'team', 'role'],
      conversations: ['conversation_id', 'agent_id', 'channel', 'started_at'],
      messages: ['conversation_id', 'sent_at', 'sender'],
      surveys: ['survey_id', 'agent_id', 'submitted_at'],
      complaints: ['complaint_id', 'agent_id', 'filed_at', 'category'],
      qa_reviews: ['review_id', 'agent_id', 'reviewed_at', 'score'],
      orders: ['order_id', 'agent_id', 'placed_at', 'amount'],
      attendance: ['agent_id', 'date', 'status'],
      assessments: ['agent_id', 'date', 'kind'],
      events: ['agent_id', 'at', 'type'],
    });
  });
});
