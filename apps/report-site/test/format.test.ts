import type { FieldTitle, MetricResult, RecordRef, SnapshotMetric } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import {
  formatAdjustmentPoints,
  formatBands,
  formatCountDelta,
  formatDelta,
  formatDuration,
  formatLocalTime,
  formatMissing,
  formatMoney,
  formatTotal,
  formatValue,
  formatWrittenInstant,
  periodDays,
} from '../src/lib/format.ts';
import { t } from '../src/lib/messages.ts';
import {
  appealActionLabel,
  evidenceCap,
  evidenceSummary,
  fieldLabel,
  recordCell,
  recordColumns,
} from '../src/lib/records.ts';
import { losesPoints, lowestScored, pointsLost, standingOf, weakestMetrics } from '../src/lib/scorecard.ts';
import { slugOf } from '../src/lib/slug.ts';
import type { ScoredRow } from '../src/lib/views.ts';
import { heatBand } from '../src/lib/views.ts';

describe('units as people read them', () => {
  it('shows durations in 秒, 分钟 or 小时 by size, one decimal at most', () => {
    expect(formatDuration(28.64, 'zh')).toBe('28.6 秒');
    expect(formatDuration(59.9, 'zh')).toBe('59.9 秒');
    expect(formatDuration(60, 'zh')).toBe('1 分钟');
    expect(formatDuration(90, 'zh')).toBe('1.5 分钟');
    expect(formatDuration(900, 'zh')).toBe('15 分钟');
    expect(formatDuration(14400, 'zh')).toBe('4 小时');
    expect(formatDuration(12345, 'en')).toBe('3.4 h');
    expect(formatDuration(20, 'en')).toBe('20 s');
    expect(formatDuration(280.6, 'en')).toBe('4.7 min');
  });

  it('shows ratios as percentages, counts grouped, money in the declared currency or as a number', () => {
    expect(formatValue(0.944, 'ratio', 'zh')).toBe('94.4%');
    expect(formatValue(0.98, 'ratio', 'en')).toBe('98%');
    expect(formatValue(12345, 'count', 'zh')).toBe('12,345');
    expect(formatMoney(1234.5, 'zh', 'CNY')).toBe('¥1,234.50');
    expect(formatMoney(1234.5, 'en', 'CNY')).toBe('CN¥1,234.50');
    expect(formatMoney(1234.5, 'en', 'USD')).toBe('$1,234.50');
    expect(formatMoney(1234.5, 'zh', null)).toBe('1,234.50');
    expect(formatValue(null, 'ratio', 'zh')).toBe('—');
    expect(formatValue(86.25, 'score', 'zh')).toBe('86.3');
  });

  it('writes bands, changes, local times and period days', () => {
    expect(
      formatBands(
        [
          { bound: 'at_least', value: 0.95, score: 100 },
          { bound: 'at_least', value: 0.9, score: 80 },
        ],
        'ratio',
        'zh',
        null,
      ),
    ).toBe('≥ 95%: 100 分 · ≥ 90%: 80 分');
    expect(formatDelta(3.25)).toBe('+3.3');
    expect(formatDelta(-0.04)).toBe('±0.0');
    expect(formatDelta(-3.3)).toBe('-3.3');
    expect(formatCountDelta(2)).toBe('+2');
    expect(formatCountDelta(-1)).toBe('-1');
    expect(formatCountDelta(0)).toBe('±0');
    expect(formatLocalTime('2026-11-24T06:58:02+08:00')).toBe('2026-11-24 06:58:02');
    expect(formatLocalTime('2026-11-24T06:58:02.615+08:00')).toBe('2026-11-24 06:58:02');
    expect(formatLocalTime('2026-11-24')).toBe('2026-11-24');
    expect(periodDays({ start: '2026-11-01T00:00:00+08:00', end: '2026-12-01T00:00:00+08:00' })).toEqual({
      first: '2026-11-01',
      last: '2026-11-30',
    });
    expect(periodDays({ start: '2026-10-01T00:00:00+08:00', end: '2027-01-01T00:00:00+08:00' }).last).toBe(
      '2026-12-31',
    );
  });
});

const metric = (m: Partial<MetricResult>): MetricResult => ({
  value: 1,
  sample: 10,
  score: 100,
  weight: 10,
  status: 'scored',
  ...m,
});
const row = (id: string, m: Partial<MetricResult>): ScoredRow => ({
  metric: id,
  result: metric(m),
  item: null,
  contribution: null,
  // The weights that scored in the test below add up to 90.
  effectiveWeight: m.status === 'no_data' ? 0 : ((m.weight ?? 10) * 100) / 90,
});

describe('the scorecard’s weakest metrics', () => {
  it('gives an agent without a base score its metrics under target by score, lowest first (trial 11)', () => {
    const rows = [
      row('a', { score: 50, weight: 10 }),
      row('b', { score: 80, weight: 40 }),
      row('c', { score: 100, weight: 20 }),
      row('d', { score: null, weight: 30, status: 'no_data' }),
      row('e', { score: 50, weight: 20 }),
      row('f', { score: 90, weight: 5 }),
    ];
    // Ties by larger weight (e before a); a score of 100 and no score are left out; three at most.
    expect(lowestScored(rows).map((r) => r.metric)).toEqual(['e', 'a', 'b']);
    expect(losesPoints({ base_score: null })).toBe(false);
    expect(losesPoints({ base_score: 0 })).toBe(true);
  });

  it('ranks by points lost of the base score, then weight, then scorecard order; leaves out metrics without a score', () => {
    const rows = [
      row('a', { score: 50, weight: 10 }),
      row('b', { score: 80, weight: 40 }),
      row('c', { score: 100, weight: 20 }),
      row('d', { score: null, weight: 30, status: 'no_data' }),
      row('e', { score: 75, weight: 20 }),
    ];
    expect(pointsLost(rows[0] as ScoredRow)).toBe(5.555555555555555);
    expect(pointsLost(rows[3] as ScoredRow)).toBeNull();
    expect(weakestMetrics(rows).map((w) => [w.row.metric, Math.round(w.lost * 1000) / 1000])).toEqual([
      ['b', 8.889],
      ['e', 5.556],
      ['a', 5.556],
    ]);
    expect(standingOf(rows[0] as ScoredRow)).toBe('below');
    expect(standingOf(rows[2] as ScoredRow)).toBe('met');
    expect(standingOf(row('x', { score: 0 }))).toBe('floor');
    expect(standingOf(rows[3] as ScoredRow)).toBe('unscored');
    expect(heatBand(100)).toBe('met');
    expect(heatBand(85)).toBe('near');
    expect(heatBand(84.9)).toBe('below');
    expect(heatBand(59.9)).toBe('far');
    expect(heatBand(null)).toBe('none');
  });
});

const frt: SnapshotMetric = {
  id: 'first_response_time',
  title: '首次响应时间',
  title_en: 'First response time',
  description: null,
  description_en: null,
  kind: 'mean',
  better: 'lower',
  unit: 'seconds',
  table: 'responses',
  field: 'seconds',
  where: { all: [{ fact: 'is_first', operator: 'equal', value: true }] },
  numerator: null,
  denominator: null,
  builtin: true,
};
const response = (seconds: number): RecordRef => ({
  table: 'responses',
  file: 'messages.csv',
  line: 12,
  fields: {
    conversation_id: 'c1',
    agent_id: 'a1',
    channel: 'chat',
    at: '2026-11-24T06:58:02+08:00',
    seconds,
    is_first: true,
  },
});
const item = {
  metric: 'first_response_time',
  weight: 30,
  method: 'linear' as const,
  target: 20,
  floor: 90,
  bands: [],
  min_sample: 1,
  group: null,
  line: 99,
};

describe('records behind a number', () => {
  it('label reply_rate’s `replied` by what it means: every customer block answered', () => {
    expect(fieldLabel('replied', 'conversations', 'zh')).toBe('每段都已回复');
    expect(fieldLabel('replied', 'conversations', 'en')).toBe('Every block answered');
    expect(fieldLabel('inquiry', 'conversations', 'zh')).toBe('有咨询');
  });

  it('show a complaint’s category and an appeal’s action in words, another category as it is', () => {
    const complaint = (category: string) => ({
      table: 'complaints',
      file: 'complaints.csv',
      line: 7,
      fields: { complaint_id: 'p000006', category },
    });
    expect(recordCell(complaint('misinformation'), 'category', 'zh', null)).toBe('信息错误');
    expect(recordCell(complaint('product_defect'), 'category', 'en', null)).toBe('Product defect');
    expect(recordCell(complaint('售后纠纷'), 'category', 'zh', null)).toBe('售后纠纷');
    expect(appealActionLabel('remove', 'zh')).toBe('删除记录');
    expect(appealActionLabel('correct', 'en')).toBe('Field corrected');
  });

  it('puts the deciding columns first, with Chinese labels, local times and durations', () => {
    const columns = recordColumns([response(280.6)], ['seconds', 'is_first'], 'zh');
    expect(columns.map((c) => c.label)).toEqual(['响应用时', '首次响应', '客户消息时间', '会话', '渠道']);
    expect(columns.map((c) => recordCell(response(280.6), c.field, 'zh', null))).toEqual([
      '4.7 分钟',
      '是',
      '2026-11-24 06:58:02',
      'c1',
      'chat',
    ]);
    const withReply = {
      ...response(3),
      fields: { ...response(3).fields, reply_at: '2026-11-24T07:00:00+08:00' },
    };
    expect(recordColumns([withReply], ['seconds'], 'en').map((c) => c.label)).toContain('Agent replied');
    expect(recordCell(withReply, 'reply', 'en', null)).toBe('2026-11-24 07:00:00');
  });

  it('heads the evidence with the records it lists: counted records, and the cap when a list is cut short', () => {
    const list = (total: number, shown: number) => ({
      role: 'counted' as const,
      total,
      records: Array.from({ length: shown }, () => response(3)),
    });
    expect(evidenceCap([list(59, 20), list(12, 12), list(30, 20)])).toBe(20);
    expect(evidenceCap([list(12, 12), list(0, 0)])).toBe(null);
    expect(t('zh', 'evidence')).toBe('计入的记录');
    expect(t('en', 'evidenceIntro', { cap: 20 })).toBe(
      'One block per metric: how many records it counted, and at most 20 of them, those that weigh most on it (as many as the results keep per metric; the count is complete).',
    );
    expect(t('zh', 'evidenceIntro', { cap: null })).toBe(
      '每个指标一栏:它计入了多少条记录,以及这些记录(全部列出)。',
    );
  });

  it('heads a custom table’s columns by the titles its source gives them, else by the field name', () => {
    const member = {
      table: 'x_group_members',
      file: '社群成员_2026-10.csv',
      line: 2,
      fields: { member_id: 'm1', agent_id: 'c1', group_name: '售后1群', active: true },
    };
    const titles: Record<string, FieldTitle> = {
      active: { title: '是否活跃', title_en: 'Active' },
      group_name: { title: '群名称', title_en: '群名称' },
    };
    const labels = (lang: 'zh' | 'en', given = titles) =>
      recordColumns([member], ['active'], lang, given).map((c) => c.label);
    expect(labels('zh')).toEqual(['是否活跃', 'member_id', '群名称']);
    expect(labels('en')).toEqual(['Active', 'member_id', '群名称']);
    expect(labels('zh', {})).toEqual(['active', 'member_id', 'group_name']);
  });

  it('gives the columns of plans and ratings Chinese titles, and a plan status in words', () => {
    const plan = {
      table: 'improvement_plans',
      file: 'improvement_plans.csv',
      line: 4,
      fields: {
        plan_id: 'ip0003',
        agent_id: 'a0041',
        period: '2026-11',
        metric: 'first_response_time',
        action: '开启快捷回复',
        due_date: '2026-11-20',
        status: 'done',
        completed_at: '2026-11-24',
        counted: true,
        completed: false,
        late: true,
      },
    };
    const columns = recordColumns([plan], ['completed', 'counted'], 'zh');
    expect(columns.map((c) => c.label)).toEqual([
      '按期完成',
      '计入完成率',
      '改进计划',
      '改进指标',
      '计划完成日期',
      '完成日期',
      '状态',
    ]);
    expect(columns.map((c) => recordCell(plan, c.field, 'zh', null))).toEqual([
      '否',
      '是',
      'ip0003',
      'first_response_time',
      '2026-11-20',
      '2026-11-24',
      '已完成',
    ]);
    expect(recordColumns([plan], ['completed', 'counted'], 'en').map((c) => c.label)).toEqual([
      'Done on time',
      'Counted',
      'Plan',
      'Metric',
      'Due',
      'Completed on',
      'Status',
    ]);
    const rating = {
      table: 'ratings',
      file: 'ratings.csv',
      line: 2,
      fields: {
        rating_id: 'r1',
        agent_id: 'a1',
        rater_id: 'm1',
        rater_role: '主管',
        dimension: '协作',
        score: 4,
        rated_at: '2026-11-05T10:00:00+08:00',
      },
    };
    expect(recordColumns([rating], ['score', 'rater_role'], 'zh').map((c) => c.label)).toEqual([
      '分数',
      '评分人角色',
      '评分时间',
      '评分维度',
      '评分人',
    ]);
  });

  it('says what the count counts: below target exactly when the list reaches past it, else at least', () => {
    const result = metric({ sample: 69 });
    const some = {
      role: 'against' as const,
      total: 69,
      records: [response(300), response(25), response(10)],
    };
    expect(evidenceSummary({ evidence: some, metric: frt, result, item, lang: 'zh' })).toBe(
      '2 条未达目标的记录(共 69 条计入)',
    );
    const all = { role: 'against' as const, total: 69, records: [response(300), response(25)] };
    expect(evidenceSummary({ evidence: all, metric: frt, result, item, lang: 'zh' })).toBe(
      '至少 2 条未达目标的记录(共 69 条计入)',
    );
    const ratio: SnapshotMetric = {
      ...frt,
      id: 'reply_rate',
      kind: 'ratio',
      better: 'higher',
      unit: 'ratio',
      table: null,
      field: null,
      where: null,
      numerator: { table: 'conversations', where: { fact: 'replied', operator: 'equal', value: true } },
      denominator: { table: 'conversations', where: { fact: 'inquiry', operator: 'equal', value: true } },
    } as SnapshotMetric;
    const missed = (lang: 'zh' | 'en') =>
      evidenceSummary({
        evidence: { role: 'against', total: 4, records: [] },
        metric: ratio,
        result: metric({ sample: 71 }),
        item: null,
        lang,
      });
    expect(missed('zh')).toBe('71 条记录中 4 条未达成');
    expect(missed('en')).toBe('4 of 71 records missed');
  });

  it('says a distinct count shows the first record of each value (customers served)', () => {
    const served = {
      ...frt,
      id: 'customers_served',
      kind: 'distinct_count',
      better: 'higher',
      unit: 'count',
      table: 'conversations',
      field: 'customer_id',
    } as SnapshotMetric;
    const summary = (lang: 'zh' | 'en') =>
      evidenceSummary({
        evidence: { role: 'counted', total: 44, records: [] },
        metric: served,
        result: metric({ sample: 52 }),
        item: null,
        lang,
      });
    expect(summary('zh')).toBe('44 个不同的值,每个值列出它的第一条记录');
    expect(summary('en')).toBe('44 distinct values, each with its first record');
  });
});

describe('readable slugs', () => {
  it('keeps names of any script, hashes everything else', () => {
    expect(slugOf('售后一组')).toBe('售后一组');
    expect(slugOf('a0001')).toBe('a0001');
    expect(slugOf('=HYPERLINK("x")')).toMatch(/^h-[0-9a-f]{16}$/);
  });
});

describe('formatAdjustmentPoints', () => {
  const metric = (value: number | null) => ({ value }) as MetricResult;
  it('says no data for an adjustment whose metric has no value (its table absent), trial 8', () => {
    expect(formatAdjustmentPoints(0, metric(null), 'zh')).toBe('0(无数据)');
    expect(formatAdjustmentPoints(0, metric(null), 'en')).toBe('0 (no data)');
    expect(formatAdjustmentPoints(0, undefined, 'en')).toBe('0 (no data)');
    expect(formatAdjustmentPoints(0, metric(0), 'zh')).toBe('0');
    expect(formatAdjustmentPoints(3, metric(3), 'zh')).toBe('+3');
    expect(formatAdjustmentPoints(-2.5, metric(1), 'en')).toBe('-2.5');
  });
});

describe('a total beside grade boundaries', () => {
  const boundaries = [90, 80, 60, 0];

  it('has one decimal unless that would show it at a boundary it is below', () => {
    expect(formatTotal(79.984, boundaries)).toBe('79.98');
    expect(formatTotal(79.95, boundaries)).toBe('79.95');
    expect(formatTotal(79.9999, boundaries)).toBe('79.9999');
    expect(formatTotal(89.96, boundaries)).toBe('89.96');
    // Not below a boundary that one decimal reaches: one decimal.
    expect(formatTotal(80, boundaries)).toBe('80.0');
    expect(formatTotal(80.04, boundaries)).toBe('80.0');
    expect(formatTotal(79.94, boundaries)).toBe('79.9');
    expect(formatTotal(85.25, boundaries)).toBe('85.3');
    // Without boundaries (no policy.json), and without a total.
    expect(formatTotal(79.984, [])).toBe('80.0');
    expect(formatTotal(null, boundaries)).toBe('—');
    // Closer than 12 decimals: as JavaScript writes it.
    expect(formatTotal(80 - 1e-13, boundaries)).toBe(String(80 - 1e-13));
  });

  it('shows points missing as more than 0', () => {
    expect(formatMissing(0.016)).toBe('0.02');
    expect(formatMissing(0.004)).toBe('0.004');
    expect(formatMissing(5.2)).toBe('5.2');
    expect(formatMissing(6.46)).toBe('6.5');
    expect(formatMissing(1e-13)).toBe('1e-13');
  });
});

describe("an instant as a file wrote it (an appeal's filed_at)", () => {
  it('reads as date, time and its own offset, seconds only when not 0; anything else as it is', () => {
    expect(formatWrittenInstant('2026-11-03T10:12:00+08:00')).toBe('2026-11-03 10:12 +08:00');
    expect(formatWrittenInstant('2026-11-03T10:12:07.500Z')).toBe('2026-11-03 10:12:07 +00:00');
    expect(formatWrittenInstant('2026-11-03 23:59+0530')).toBe('2026-11-03 23:59 +05:30');
    expect(formatWrittenInstant('2026-11-03')).toBe('2026-11-03');
    expect(formatWrittenInstant('soon')).toBe('soon');
  });
});
