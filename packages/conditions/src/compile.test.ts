import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { compileCondition, objectFactAccess } from './compile.ts';
import { evaluateWithJsonRulesEngine } from './reference.ts';
import type { Condition, LeafCondition } from './types.ts';

const zone = new Zone('Asia/Shanghai');
const access = objectFactAccess();
const holds = (c: Condition, row: Record<string, unknown>) => compileCondition(c, zone, access)(row);

describe('compiled conditions', () => {
  it('follow json-rules-engine for strict equality and numeric validation', () => {
    expect(holds({ all: [{ fact: 'n', operator: 'equal', value: 12 }] }, { n: '12' })).toBe(false);
    expect(holds({ all: [{ fact: 'n', operator: 'lessThan', value: 15 }] }, { n: '12' })).toBe(true);
    expect(holds({ all: [{ fact: 'n', operator: 'lessThan', value: 15 }] }, { n: null })).toBe(false);
    expect(holds({ all: [{ fact: 'n', operator: 'lessThan', value: 15 }] }, {})).toBe(false);
    expect(holds({ not: { all: [{ fact: 'b', operator: 'equal', value: true }] } }, { b: null })).toBe(true);
  });

  it('holds for empty all and any, as json-rules-engine does', () => {
    expect(holds({ all: [] }, {})).toBe(true);
    expect(holds({ any: [] }, {})).toBe(true);
  });

  it('compares instants with before and after', () => {
    const c: Condition = { all: [{ fact: 'filed_at', operator: 'after', value: '2026-10-15T10:00:00' }] };
    expect(holds(c, { filed_at: '2026-10-15T02:00:00.001Z' })).toBe(true);
    expect(holds(c, { filed_at: '2026-10-15T02:00:00.000Z' })).toBe(false);
    const d: Condition = { all: [{ fact: 'date', operator: 'before', value: '2026-10-15' }] };
    expect(holds(d, { date: '2026-10-14' })).toBe(true);
    expect(holds(d, { date: '2026-10-15' })).toBe(false);
  });

  it('uses the fast instant reader when the access offers one', () => {
    const c: Condition = { all: [{ fact: 'at', operator: 'before', value: '2026-10-15T00:00:00+08:00' }] };
    const fast = compileCondition<{ at: number }>(c, zone, {
      value: () => () => null,
      instant: () => (row) => row.at,
    });
    expect(fast({ at: Date.UTC(2026, 9, 14, 15, 59) })).toBe(true);
    expect(fast({ at: Date.UTC(2026, 9, 14, 16, 0) })).toBe(false);
  });

  it('resolves dot paths without JSONPath', () => {
    const c: Condition = { all: [{ fact: 'meta', path: '$.vip.level', operator: 'greaterThan', value: 2 }] };
    expect(holds(c, { meta: { vip: { level: 3 } } })).toBe(true);
    expect(holds(c, { meta: { vip: {} } })).toBe(false);
  });
});

// A small deterministic generator of conditions and rows for the differential test.
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const FACTS = ['n', 's', 'b', 't', 'd', 'missing'];
const VALUES: Record<string, unknown[]> = {
  n: [0, 1, 12, 12.5, -3, '12', null, '7abc'],
  s: ['谢谢', '谢谢!', 'OK', 'hello', '', null, '12'],
  b: [true, false, null, 'true'],
  t: ['2026-10-15T02:00:00.000Z', '2026-10-31T16:00:00.000Z', null, 'garbage'],
  d: ['2026-10-01', '2026-10-31', null],
  missing: [null],
};

function randomLeaf(r: () => number): LeafCondition {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const fact = pick(FACTS);
  const op = pick([
    'equal',
    'notEqual',
    'in',
    'notIn',
    'lessThan',
    'lessThanInclusive',
    'greaterThan',
    'greaterThanInclusive',
    'textIn',
    'before',
    'after',
    'contains',
    'doesNotContain',
  ]);
  let value: unknown;
  switch (op) {
    case 'in':
    case 'notIn':
      value = [pick(VALUES[fact]!), pick(VALUES.n!), pick(VALUES.s!)];
      break;
    case 'textIn':
      value = ['谢谢', 'ok', pick(['hello', '12', '好'])];
      break;
    case 'before':
    case 'after':
      value = pick([
        '2026-10-15T10:00:00',
        '2026-10-15',
        '2026-11-01T00:00:00+08:00',
        '2026-10-31T16:00:00Z',
      ]);
      break;
    case 'lessThan':
    case 'lessThanInclusive':
    case 'greaterThan':
    case 'greaterThanInclusive':
      value = pick([0, 1, 12, 12.5, 100]);
      break;
    default:
      value = pick(VALUES[fact]!);
  }
  return { fact, operator: op, value };
}

function randomCondition(r: () => number, depth: number): Condition {
  const roll = r();
  if (depth >= 3 || roll < 0.4) return randomLeaf(r);
  const n = Math.floor(r() * 4);
  const children = Array.from({ length: n }, () => randomCondition(r, depth + 1));
  if (roll < 0.65) return { all: children };
  if (roll < 0.9) return { any: children };
  return { not: randomCondition(r, depth + 1) };
}

describe('compiled conditions against json-rules-engine', () => {
  it('agree on 600 generated conditions × rows', async () => {
    const r = rng(20261022);
    let compared = 0;
    for (let i = 0; i < 600; i++) {
      const condition = randomCondition(r, 0);
      const predicate = compileCondition(condition, zone, access);
      for (let j = 0; j < 3; j++) {
        const row: Record<string, unknown> = {};
        for (const f of FACTS) {
          const value = VALUES[f]![Math.floor(r() * VALUES[f]!.length)];
          if (f !== 'missing') row[f] = value;
        }
        const expected = await evaluateWithJsonRulesEngine(condition, row, zone);
        expect(predicate(row), JSON.stringify({ condition, row })).toBe(expected);
        compared++;
      }
    }
    expect(compared).toBe(1800);
  });
});
