import {
  builtinCatalog,
  isCustomTableName,
  type MetricDefinition,
  measuredFields,
  TABLES,
} from '@scorebook/contract';
import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { measureSql } from './compile-measure.ts';
import { DUCKDB } from './dialect.ts';

const compile = (metrics: readonly MetricDefinition[]) =>
  measureSql({
    metrics,
    fieldsOf: (table) =>
      table === 'ratings' ? TABLES.ratings.fields : isCustomTableName(table) ? {} : measuredFields(table),
    zone: new Zone('Asia/Shanghai'),
    period: { startMs: 0, endMs: 1 },
    businessHours: true,
    cap: 20,
    dialect: DUCKDB,
  });

describe('measureSql', () => {
  it('compiles every built-in metric, with a values query and an evidence query each', () => {
    const sql = compile(builtinCatalog());
    expect(sql.refusals).toEqual([]);
    expect(sql.evidence.every((e) => e !== null)).toBe(true);
    expect(sql.values.split('UNION ALL').length).toBe(
      builtinCatalog().reduce((n, m) => n + (m.kind === 'ratio' ? 2 : 1), 0),
    );
  });

  it('refuses a kind it does not know by the metric id, and compiles the others', () => {
    const [frt] = builtinCatalog();
    if (frt === undefined || frt.kind === 'ratio' || frt.kind === 'count') throw new Error('catalog order');
    const mode = { ...frt, id: 'mode_frt', kind: 'mode' } as unknown as MetricDefinition;
    const sql = compile([frt, mode]);
    expect(sql.refusals).toEqual([{ metric: 'mode_frt', code: 'SQL_METRIC_KIND_UNSUPPORTED', kind: 'mode' }]);
    expect(sql.evidence[0]).not.toBeNull();
    expect(sql.evidence[1]).toBeNull();
  });

  it('refuses a condition it cannot compute exactly, with the leaf and the reason', () => {
    const [frt] = builtinCatalog();
    if (frt === undefined || frt.kind === 'ratio' || frt.kind === 'count') throw new Error('catalog order');
    const by = (where: MetricDefinition['where']) =>
      compile([{ ...frt, where } as MetricDefinition]).refusals;
    expect(by({ fact: 'channel', operator: 'lessThan', value: 3 })).toEqual([
      {
        metric: 'first_response_time',
        code: 'SQL_CONDITION_UNSUPPORTED',
        condition: '{"fact":"channel","operator":"lessThan","value":3}',
        why: 'comparison_type',
      },
    ]);
    expect(by({ fact: 'nowhere', operator: 'equal', value: 1 })[0]).toMatchObject({ why: 'unknown_fact' });
    expect(by({ fact: 'seconds', operator: 'equal', value: { fact: 'at' } })[0]).toMatchObject({
      why: 'fact_reference',
    });
    expect(by({ fact: 'at', operator: 'after', value: '2026-10-01' })).toEqual([]);
  });

  it('adds resolution time to the conversations only when a metric reads it', () => {
    const [frt] = builtinCatalog();
    if (frt === undefined || frt.kind === 'ratio' || frt.kind === 'count') throw new Error('catalog order');
    const resolution = {
      ...frt,
      id: 'resolution',
      table: 'conversations',
      field: 'resolution_seconds',
      where: null,
    } as MetricDefinition;
    const within = {
      ...frt,
      id: 'quick',
      table: 'conversations',
      field: 'handle_seconds',
      where: { fact: 'resolution_seconds', operator: 'lessThan', value: 60 },
    } as MetricDefinition;
    for (const metric of [resolution, within]) {
      const sql = compile([metric]);
      expect(sql.refusals).toEqual([]);
      expect(sql.resolution).toBe(true);
      expect(sql.derive.join('\n')).toContain('LEFT JOIN conv_resolution r ON r.idx = c.idx');
    }
    const none = compile([frt]);
    expect(none.resolution).toBe(false);
    expect(none.derive.join('\n')).not.toContain('resolution');
  });

  it('writes the business seconds of a block as its overlaps with the calendar', () => {
    expect(compile([]).derive[1]).toContain(
      'LEFT JOIN calendar c ON c."open" < p.r_at AND c."close" > p.block_start',
    );
  });

  it('creates the tables of messages, ratings and custom tables only for a metric that reads them', () => {
    const names = (metrics: readonly MetricDefinition[]) => compile(metrics).tables.map((t) => t.name);
    const [frt] = builtinCatalog();
    if (frt === undefined || frt.kind === 'ratio' || frt.kind === 'count') throw new Error('catalog order');
    expect(
      names([frt]).filter((n) => ['in_messages', 'in_ratings'].includes(n) || n.startsWith('in_x_')),
    ).toEqual([]);
    const count = (table: string) =>
      ({ ...frt, id: table, kind: 'count', table, field: null, where: null }) as unknown as MetricDefinition;
    const rating = {
      ...frt,
      id: 'teamwork',
      kind: 'rating',
      where: null,
      table: null,
      field: null,
      dimension: null,
      roles: { peer: 1 },
      min_raters: 1,
      include_self: false,
    } as unknown as MetricDefinition;
    const sql = compile([count('messages'), count('x_members'), rating]);
    expect(sql.refusals).toEqual([]);
    expect(sql.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['in_messages', 'in_x_members', 'in_ratings']),
    );
    expect(sql.raters.map((r) => r !== null)).toEqual([false, false, true]);
    expect(sql.derive).toContain('CREATE VIEW m_x_members AS SELECT * FROM in_x_members');
  });
});
