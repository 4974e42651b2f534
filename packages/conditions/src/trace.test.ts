import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { traceCondition } from './trace.ts';

const zone = new Zone('Asia/Shanghai');

describe('traceCondition', () => {
  it('shows both fact values when the value names another fact', () => {
    const trace = traceCondition(
      { all: [{ fact: 'total_score', operator: 'lessThan', value: { fact: 'base_score' } }] },
      { total_score: 70, base_score: 80 },
      zone,
    );
    expect(trace).toEqual({
      kind: 'all',
      result: true,
      conditions: [
        {
          kind: 'fact',
          result: true,
          fact: 'total_score',
          operator: 'lessThan',
          value: { fact: 'base_score' },
          factValue: 70,
          valueFactValue: 80,
        },
      ],
    });
  });

  it('reads the referenced fact at its path, and a missing one as null', () => {
    const leaf = traceCondition(
      { fact: 'n', operator: 'equal', value: { fact: 'meta', path: '$.vip.level' } },
      { n: 3, meta: { vip: { level: 3 } } },
      zone,
    );
    expect(leaf).toMatchObject({ result: true, factValue: 3, valueFactValue: 3 });
    const missing = traceCondition({ fact: 'n', operator: 'equal', value: { fact: 'gone' } }, { n: 1 }, zone);
    expect(missing).toMatchObject({ result: false, factValue: 1, valueFactValue: null });
  });

  it('keeps literal values as they are, with no second fact value', () => {
    const trace = traceCondition({ fact: 'n', operator: 'greaterThan', value: 2 }, { n: 3 }, zone);
    expect(trace).toEqual({
      kind: 'fact',
      result: true,
      fact: 'n',
      operator: 'greaterThan',
      value: 2,
      factValue: 3,
    });
  });

  it('holds for empty groups and evaluates every child', () => {
    const trace = traceCondition(
      { any: [{ any: [] }, { all: [] }, { fact: 'n', operator: 'equal', value: 1 }] },
      { n: 2 },
      zone,
    );
    expect(trace.result).toBe(true);
    expect(trace.kind === 'any' && trace.conditions.map((c) => c.result)).toEqual([true, true, false]);
  });
});
