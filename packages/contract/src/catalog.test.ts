import { readFileSync } from 'node:fs';
import { checkCondition, type FactType } from '@scorebook/conditions';
import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { CATALOG_YAML, GENERATED_FILES, SCRIPT } from '../scripts/generated-files.ts';
import { builtinCatalog } from './catalog.ts';
import { KINDS_WITH_FIELD } from './metrics.ts';
import { readCatalog } from './read-catalog.ts';
import {
  isMeasuredTable,
  type MeasuredTableName,
  type MeasuredTableRef,
  measuredFields,
  TABLES,
} from './tables.ts';

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
  it('holds every built-in metric of the spec, in order', () => {
    expect(builtinCatalog().map((m) => m.id)).toEqual([
      'first_response_time',
      'avg_response_time',
      'reply_rate',
      'unreplied_rate',
      'avg_handle_time',
      'resolution_rate',
      'fcr',
      'transfer_rate',
      'sla_on_time_rate',
      'conversations_handled',
      'csat_score',
      'csat_rate',
      'negative_review_rate',
      'nps',
      'complaint_rate',
      'qa_score',
      'red_line_count',
      'conversion_rate',
      'sales_amount',
      'avg_order_value',
      'attendance_rate',
      'violation_count',
      'praise_count',
      'knowledge_share_count',
      'exam_score',
      'training_rate',
    ]);
  });

  it('defines 26 metrics with titles in both languages', () => {
    const metrics = builtinCatalog();
    expect(metrics).toHaveLength(26);
    for (const m of metrics) {
      expect(m.title_en, m.id).not.toBeNull();
      expect(m.description, m.id).not.toBeNull();
      expect(m.builtin).toBe(true);
    }
  });

  it('writes every condition over known fields with known operators', () => {
    for (const m of builtinCatalog()) {
      const sides: Array<[MeasuredTableRef | null, unknown]> = [
        [m.table, m.where],
        [m.numerator?.table ?? null, m.numerator?.where ?? null],
        [m.denominator?.table ?? null, m.denominator?.where ?? null],
      ];
      for (const [table, where] of sides) {
        if (table === null) continue;
        // The built-in catalog reads contract tables only, never a custom one.
        expect(isMeasuredTable(table), m.id).toBe(true);
        if (where === null || !isMeasuredTable(table)) continue;
        expect(checkCondition(where, vocabulary(table), zone), m.id).toEqual([]);
      }
      if (
        m.kind !== 'formula' &&
        m.kind !== 'rating' &&
        KINDS_WITH_FIELD.has(m.kind) &&
        m.table !== null &&
        isMeasuredTable(m.table)
      )
        expect(measuredFields(m.table)[m.field!], m.id).toBeDefined();
    }
  });

  it('infers units: ratios, seconds, amounts', () => {
    const unit = (id: string) => builtinCatalog().find((m) => m.id === id)!.unit;
    expect([
      unit('reply_rate'),
      unit('first_response_time'),
      unit('sales_amount'),
      unit('praise_count'),
    ]).toEqual(['ratio', 'seconds', 'amount', 'count']);
  });
});

describe('generated files', () => {
  it(`are what \`${SCRIPT}\` writes: the catalog module, its validator, the published schema`, () => {
    expect(GENERATED_FILES.map((f) => f.path.split('/').slice(-2).join('/'))).toEqual([
      'generated/catalog-validator.js',
      'generated/builtin-catalog.ts',
      'schema/catalog.schema.json',
    ]);
    for (const { path, text } of GENERATED_FILES) expect(readFileSync(path, 'utf8'), path).toBe(text());
  });

  it('keep the built-in catalog equal to configs/catalog/metrics.yaml, which editors check with the schema', () => {
    const yaml = readFileSync(CATALOG_YAML, 'utf8');
    expect(builtinCatalog()).toEqual(readCatalog(yaml));
    expect(yaml).toContain('$schema=../schema/catalog.schema.json');
  });

  it('refuse a catalog that does not match its schema, naming the problem', () => {
    expect(() =>
      readCatalog(
        'scorebook_catalog: 1\nmetrics:\n  - { id: x, title: t, kind: median, better: sideways }\n',
      ),
    ).toThrow(/better/);
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
      targets: ['agent_id', 'metric', 'period', 'target'],
      appeals_filed: ['appeal_id', 'agent_id', 'period', 'disputes', 'filed_at'],
      improvement_plans: ['plan_id', 'agent_id', 'period', 'metric', 'action', 'due_date', 'status'],
      ratings: ['rating_id', 'agent_id', 'rater_id', 'rater_role', 'dimension', 'score', 'rated_at'],
    });
  });
});
