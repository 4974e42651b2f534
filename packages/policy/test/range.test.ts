import { describe, expect, it } from 'vitest';
import { diffPolicies, renderDiffText } from '../src/index.ts';
import { loadText, v2Text, where } from './v2-policy.ts';

const card = (item: string) => `  s:
    title: t
    roles: [r]
    scored:
      - ${item}
`;
const ITEM = '{ metric: avg_handle_time, weight: 100, method: range, target: [3m, 8m], floor: [1m, 15m] }';

describe('two-sided targets (method: range)', () => {
  it('are read as a range in the metric’s unit', () => {
    const loaded = loadText(v2Text(card(ITEM)));
    expect(loaded.problems).toEqual([]);
    expect(loaded.policy!.scorecards[0]!.scored[0]).toMatchObject({
      method: 'range',
      target: null,
      floor: null,
      bands: [],
      range: { low: 180, high: 480, floor_low: 60, floor_high: 900 },
    });
  });

  it('need format 2', () => {
    expect(where(loadText(v2Text(card(ITEM), { format: 1 })))).toEqual([
      ['NEEDS_FORMAT_2', 'error', 19, 49, 'scorecards.s.scored[0].method'],
    ]);
  });

  it('take pairs in the order floor low < target low ≤ target high < floor high', () => {
    const single = loadText(v2Text(card(ITEM.replace('target: [3m, 8m]', 'target: 3m'))));
    expect(where(single)).toEqual([['RANGE_NOT_PAIR', 'error', 19, 72, 'scorecards.s.scored[0].target']]);
    const order = loadText(v2Text(card(ITEM.replace('floor: [1m, 15m]', 'floor: [4m, 15m]'))));
    expect(where(order)).toEqual([['RANGE_ORDER', 'error', 19, 72, 'scorecards.s.scored[0].target']]);
    expect(order.problems[0]!.message.en).toBe(
      'The two-sided target of "avg_handle_time" needs floor low < target low ≤ target high < floor high; here they are 4m / 3m / 8m / 15m.',
    );
    const unit = loadText(v2Text(card(ITEM.replace('[3m, 8m]', '[3m, 80%]'))));
    expect(where(unit)).toEqual([
      ['QUANTITY_UNIT_MISMATCH', 'error', 19, 77, 'scorecards.s.scored[0].target[1]'],
    ]);
  });

  it('are written with method: range; a list without it is refused', () => {
    const loaded = loadText(v2Text(card(ITEM.replace('method: range, ', ''))));
    expect(where(loaded)).toEqual([['RANGE_NEEDS_METHOD', 'error', 19, 57, 'scorecards.s.scored[0].target']]);
  });

  it('are compared by diff in the metric’s unit', () => {
    const a = loadText(v2Text(card(ITEM))).policy!;
    const b = loadText(v2Text(card(ITEM.replace('[3m, 8m]', '[2m, 8m]')))).policy!;
    const changes = diffPolicies(a, b);
    expect(changes.map((c) => [c.subject, c.field, c.unit])).toEqual([
      ['avg_handle_time', 'range', 'seconds'],
    ]);
    expect(renderDiffText(changes, 'zh', 'd')).toContain(
      '两侧目标 180s–480s(≤ 60s 或 ≥ 900s 为 0) → 120s–480s(≤ 60s 或 ≥ 900s 为 0)',
    );
  });
});
