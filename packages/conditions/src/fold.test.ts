import { describe, expect, it } from 'vitest';
import { EMPTY_GROUP_HOLDS, foldCondition, foldUnchecked, groupHolds } from './fold.ts';
import type { Condition } from './types.ts';

const leaf = (fact: string) => ({ fact, operator: 'equal', value: 1 });

describe('foldCondition', () => {
  it('visits every node bottom-up with its path from the root', () => {
    const condition: Condition = { all: [leaf('a'), { not: { any: [leaf('b'), leaf('c')] } }, { any: [] }] };
    const visited: string[] = [];
    const count = foldCondition<number>(condition, {
      group: (kind, children, at) => {
        visited.push(`${kind}@${at.join('.')}`);
        return children.reduce((a, b) => a + b, 0);
      },
      not: (child, at) => {
        visited.push(`not@${at.join('.')}`);
        return child;
      },
      leaf: (l, at) => {
        visited.push(`${l.fact}@${at.join('.')}`);
        return 1;
      },
    });
    expect(count).toBe(3);
    expect(visited).toEqual([
      'a@all.0',
      'b@all.1.not.any.0',
      'c@all.1.not.any.1',
      'any@all.1.not',
      'not@all.1',
      'any@all.2',
      'all@',
    ]);
  });

  it('throws on a value that was not checked', () => {
    expect(() =>
      foldCondition(42 as unknown as Condition, { group: () => 0, not: () => 0, leaf: () => 0 }),
    ).toThrow(/not a checked condition/);
  });
});

describe('foldUnchecked', () => {
  it('reports what is not a condition and the keys beside all, any or not', () => {
    const seen: string[] = [];
    foldUnchecked<void>(
      { any: { fact: 'x' }, all: [], extra: 1, list: [null] },
      {
        group: (kind, children, at, extra) => {
          seen.push(`${kind}@${at.join('.')} children=${children.length} extra=${extra.join(',')}`);
        },
        not: () => {},
        leaf: () => {},
        malformed: (found, at) => {
          seen.push(`malformed ${found}@${at.join('.')}`);
        },
      },
    );
    expect(seen).toEqual(['malformed object@any', 'any@ children=1 extra=all,extra,list']);
    const shapes: string[] = [];
    foldUnchecked<void>([1], {
      group: () => {},
      not: () => {},
      leaf: () => {},
      malformed: (found) => {
        shapes.push(found);
      },
    });
    expect(shapes).toEqual(['list']);
  });
});

describe('groupHolds', () => {
  it('states json-rules-engine’s rule once: an empty all and an empty any both hold', () => {
    expect(EMPTY_GROUP_HOLDS).toBe(true);
    expect(groupHolds('all', [], () => false)).toBe(true);
    expect(groupHolds('any', [], () => false)).toBe(true);
    expect(groupHolds('all', [true, false], (x) => x)).toBe(false);
    expect(groupHolds('any', [false, true], (x) => x)).toBe(true);
    expect(groupHolds('any', [false, false], (x) => x)).toBe(false);
  });

  it('asks the children in order and no further than needed', () => {
    const asked: number[] = [];
    const ask = (i: number) => {
      asked.push(i);
      return i === 1;
    };
    expect(groupHolds('any', [0, 1, 2], ask)).toBe(true);
    expect(groupHolds('all', [0, 1, 2], ask)).toBe(false);
    expect(asked).toEqual([0, 1, 0]);
  });
});
