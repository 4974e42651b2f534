import { loadPolicyBytes, policyMetricCatalog } from '@scorebook/policy';
import { describe, expect, it } from 'vitest';
import { policySnapshot } from './policy-snapshot.ts';

// Read from bytes: the name is only where problems would be reported.
const FILE = 'configs/policies/demo/2026-10-01.yaml';
const TEXT = `scorebook: 1
id: demo
version: "2026.10"
effective_from: 2026-10-01
title: 演示
title_en: Demo
timezone: Asia/Shanghai
business_hours:
  mon: ["09:00-18:00"]
  holidays: [2026-10-01]
exclusions:
  - id: defects
    table: complaints
    reason: 产品缺陷
    reason_en: Product defects
    when: { all: [{ value: product_defect, operator: equal, fact: category }] }
metrics:
  - id: big_orders
    title: 大额订单
    kind: count
    better: higher
    table: orders
    where: { all: [{ fact: amount, operator: greaterThan, value: 1000 }] }
grades:
  - { grade: A, min_score: 80, label: 优秀, label_en: Excellent }
  - { grade: D, min_score: 0 }
scorecards:
  aftersale:
    title: 售后
    roles: [aftersale]
    eligibility:
      when: { all: [{ fact: conversations_handled, operator: greaterThanInclusive, value: 30 }] }
      reason: 接待量不足
    scored:
      - { metric: first_response_time, weight: 60, target: 20s, floor: 1m }
      - metric: qa_score
        weight: 40
        method: bands
        min_sample: 3
        bands: [{ at_least: 95, score: 100 }, { at_least: 80, score: 60 }]
    adjustments:
      - { id: praise, metric: praise_count, points_each: 1, max: 5 }
    vetoes:
      - id: red-line
        reason: 红线
        when: { all: [{ fact: red_line_count, operator: greaterThanInclusive, value: 1 }] }
        cap_grade: D
`;

function load() {
  const loaded = loadPolicyBytes(FILE, new TextEncoder().encode(TEXT));
  expect(loaded.problems.filter((p) => p.severity === 'error')).toEqual([]);
  if (loaded.policy === null) throw new Error('the fixture policy is invalid');
  return loaded.policy;
}

describe('policySnapshot (policy.json)', () => {
  it('records the policy as evaluated, quantities in the metric unit, with source lines', () => {
    const policy = load();
    const snapshot = policySnapshot(policy, policyMetricCatalog(policy));
    expect(Object.keys(snapshot)).toEqual([
      'scorebook',
      'id',
      'version',
      'effective_from',
      'title',
      'title_en',
      'description',
      'timezone',
      'file',
      'sha256',
      'grades',
      'business_hours',
      'exclusions',
      'scorecards',
      'metrics',
      'text',
    ]);
    expect(snapshot.file).toBe('2026-10-01.yaml');
    expect(snapshot.sha256).toBe(policy.sha256);
    expect(snapshot.text).toBe(TEXT);
    expect(snapshot.title_en).toBe('Demo');
    expect(snapshot.grades).toEqual([
      { grade: 'A', min_score: 80, label: '优秀', label_en: 'Excellent' },
      { grade: 'D', min_score: 0, label: null, label_en: null },
    ]);
    expect(snapshot.business_hours).toEqual({
      week: { mon: ['09:00-18:00'], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
      holidays: ['2026-10-01'],
    });
    const [card] = snapshot.scorecards;
    expect(card?.id).toBe('aftersale');
    expect(card?.line).toBe(29);
    expect(card?.eligibility?.line).toBe(32);
    expect(card?.scored).toEqual([
      {
        metric: 'first_response_time',
        weight: 60,
        method: 'linear',
        target: 20,
        floor: 60,
        bands: [],
        min_sample: 1,
        group: null,
        line: 35,
      },
      {
        metric: 'qa_score',
        weight: 40,
        method: 'bands',
        target: null,
        floor: null,
        bands: [
          { bound: 'at_least', value: 95, score: 100 },
          { bound: 'at_least', value: 80, score: 60 },
        ],
        min_sample: 3,
        group: null,
        line: 36,
      },
    ]);
    expect(card?.adjustments).toEqual([
      { id: 'praise', metric: 'praise_count', points_each: 1, min: null, max: 5, line: 42 },
    ]);
    expect(card?.vetoes[0]?.cap_grade).toBe('D');
    expect(card?.vetoes[0]?.line).toBe(44);
    expect(snapshot.exclusions[0]?.line).toBe(12);
    expect(snapshot.exclusions[0]?.reason_en).toBe('Product defects');
  });

  it('lists every metric measured, built-in first, the policy’s own marked', () => {
    const policy = load();
    const definitions = policyMetricCatalog(policy);
    const snapshot = policySnapshot(policy, definitions);
    expect(snapshot.metrics.map((m) => m.id)).toEqual(definitions.map((d) => d.id));
    const own = snapshot.metrics.at(-1);
    expect(own?.id).toBe('big_orders');
    expect(own?.builtin).toBe(false);
    expect(own?.unit).toBe('count');
    expect(own?.table).toBe('orders');
    expect(snapshot.metrics.find((m) => m.id === 'first_response_time')?.builtin).toBe(true);
  });

  it('writes condition keys sorted, so the same policy gives the same bytes', () => {
    const policy = load();
    const once = JSON.stringify(policySnapshot(policy, policyMetricCatalog(policy)));
    expect(JSON.stringify(policySnapshot(load(), policyMetricCatalog(load())))).toBe(once);
    expect(JSON.stringify(policySnapshot(policy, policyMetricCatalog(policy)).exclusions[0]?.when)).toBe(
      '{"all":[{"fact":"category","operator":"equal","value":"product_defect"}]}',
    );
  });

  it('records the currency of a format 2 policy after its timezone, and none when it declares none', () => {
    const text = TEXT.replace('scorebook: 1', 'scorebook: 2').replace(
      'timezone: Asia/Shanghai',
      'timezone: Asia/Shanghai\ncurrency: CNY',
    );
    const loaded = loadPolicyBytes(FILE, new TextEncoder().encode(text));
    if (loaded.policy === null) throw new Error(JSON.stringify(loaded.problems));
    const keys = Object.keys(policySnapshot(loaded.policy, policyMetricCatalog(loaded.policy)));
    expect(keys.indexOf('currency')).toBe(keys.indexOf('timezone') + 1);
    expect(policySnapshot(loaded.policy, policyMetricCatalog(loaded.policy)).currency).toBe('CNY');
    expect(Object.hasOwn(policySnapshot(load(), policyMetricCatalog(load())), 'currency')).toBe(false);
  });
});
