import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { compileCondition, objectFactAccess } from './compile.ts';
import { operatorFunctions } from './operators.ts';
import { factWithPath } from './path.ts';
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

  it('compares with the value of another fact when the value is {fact}', () => {
    const late: Condition = { fact: 'closed_at', operator: 'after', value: { fact: 'sla_due_at' } };
    expect(holds(late, { closed_at: '2026-10-15T02:00:01.000Z', sla_due_at: '2026-10-15T10:00:00' })).toBe(
      true,
    );
    expect(holds(late, { closed_at: '2026-10-15T02:00:00.000Z', sla_due_at: '2026-10-15T10:00:00' })).toBe(
      false,
    );
    expect(holds(late, { closed_at: '2026-10-15T02:00:01.000Z' })).toBe(false);
    const below: Condition = { all: [{ fact: 'total', operator: 'lessThan', value: { fact: 'base' } }] };
    expect(holds(below, { total: 70, base: 80 })).toBe(true);
    expect(holds(below, { total: 80, base: 80 })).toBe(false);
    const same: Condition = {
      fact: 'level',
      operator: 'equal',
      value: { fact: 'meta', path: '$.vip.level' },
    };
    expect(holds(same, { level: 3, meta: { vip: { level: 3 } } })).toBe(true);
    expect(holds(same, { level: 3, meta: { vip: { level: 2 } } })).toBe(false);
    expect(holds({ fact: 'n', operator: 'equal', value: { fact: 'absent' } }, { n: null })).toBe(true);
    expect(
      holds({ fact: 'tags', operator: 'contains', value: { fact: 'tag' } }, { tags: ['a', 'b'], tag: 'b' }),
    ).toBe(true);
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
    'containsAny',
    'before',
    'after',
    'contains',
    'doesNotContain',
  ]);
  let value: unknown;
  const referable = !['in', 'notIn', 'textIn', 'containsAny'].includes(op);
  if (referable && r() < 0.25) return { fact, operator: op, value: { fact: pick(FACTS) } };
  switch (op) {
    case 'in':
    case 'notIn':
      value = [pick(VALUES[fact]!), pick(VALUES.n!), pick(VALUES.s!)];
      break;
    case 'textIn':
      value = ['谢谢', 'ok', pick(['hello', '12', '好'])];
      break;
    case 'containsAny':
      value = [pick(['谢', 'OK', '１２']), pick(['hel', '好'])];
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

describe('leaves that normalize text', () => {
  it('answer as their operator does, for repeated texts and past the 4,096 answers remembered', () => {
    const texts = ['谢谢', '谢谢!', ' OK ', '好的', 'hello', '', null, 7, ['ok'], { text: 'ok' }];
    // 5,400 values: the first 400 repeat ten values; of the next 5,000, every fifth is 谢谢 and up
    // to six exclamation marks (seven texts, each normalized to 谢谢), the others 4,000 distinct
    // texts, more than the answers remembered.
    const values = Array.from({ length: 5400 }, (_, i) =>
      i < 400 ? texts[i % texts.length] : i % 5 === 0 ? `谢谢${'!'.repeat(i % 7)}` : `t${i}好`,
    );
    const leaves: LeafCondition[] = [
      { fact: 'text', operator: 'textIn', value: ['谢谢', 'ok'] },
      { fact: 'text', operator: 'containsAny', value: ['好', 'OK'] },
    ];
    for (const leaf of leaves) {
      const predicate = compileCondition(leaf, zone, access);
      const operator = operatorFunctions(zone).get(leaf.operator)!;
      let held = 0;
      // Twice over: the second time, the first values' answers are remembered ones.
      for (const text of [...values, ...values]) {
        const expected = operator(text, leaf.value);
        expect(predicate({ text }), JSON.stringify({ leaf, text })).toBe(expected);
        if (expected) held++;
      }
      expect(held).toBe(leaf.operator === 'textIn' ? 2 * (120 + 1000) : 2 * (80 + 4000));
    }
  });
});

describe('compiled conditions against json-rules-engine', () => {
  it('agree on 600 generated conditions × rows, {fact} values included', async () => {
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

describe('paths against json-rules-engine’s own JSONPath resolver', () => {
  const meta = {
    vip: { level: 3, since: '2026-01-01' },
    tags: ['new', 'vip'],
    名字: '张三',
    'a-b': 1,
    a_b: 2,
  };
  const present = [
    '$.vip',
    '$.vip.level',
    'vip.level',
    '$.tags.0',
    'tags.1',
    '$.名字',
    '$.a-b',
    '$.a_b',
    '$.tags.length',
  ];

  it('resolve every accepted form to the value JSONPath finds', async () => {
    for (const path of present) {
      const found = factWithPath(meta, path);
      expect(found, path).not.toBeNull();
      const condition: Condition = { all: [{ fact: 'meta', path, operator: 'equal', value: found }] };
      if (typeof found !== 'object')
        expect(
          await evaluateWithJsonRulesEngine(condition, { meta }, zone, { paths: 'jsonpath' }),
          path,
        ).toBe(true);
      expect(holds(condition, { meta }), path).toBe(true);
    }
    expect(factWithPath(meta, '$')).toBe(meta);
  });

  it('give null for a missing step, where JSONPath finds nothing', async () => {
    for (const path of ['$.missing', '$.vip.missing.deeper', '$.vip.level.x', '$.tags.5']) {
      expect(factWithPath(meta, path), path).toBeNull();
      for (const value of [3, 'vip', true]) {
        const condition: Condition = { all: [{ fact: 'meta', path, operator: 'equal', value }] };
        expect(await evaluateWithJsonRulesEngine(condition, { meta }, zone, { paths: 'jsonpath' })).toBe(
          false,
        );
        expect(holds(condition, { meta })).toBe(false);
      }
    }
  });
});
