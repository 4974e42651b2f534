import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { checkCondition } from './check.ts';
import type { FactVocabulary } from './types.ts';

const zone = new Zone('Asia/Shanghai');
const rows: FactVocabulary = {
  facts: new Map([
    ['score', 'number'],
    ['text', 'string'],
    ['filed_at', 'timestamp'],
  ]),
  open: true,
  describe: { zh: '字段', en: 'fields' },
};
const agents: FactVocabulary = { ...rows, open: false };
const codes = (condition: unknown, vocabulary = rows) =>
  checkCondition(condition, vocabulary, zone).map((p) => [p.code, p.severity, p.path.join('.')]);

describe('checkCondition', () => {
  it('accepts valid conditions, with a leaf at the root too', () => {
    expect(codes({ all: [{ fact: 'score', operator: 'greaterThan', value: 80 }] })).toEqual([]);
    expect(codes({ fact: 'filed_at', operator: 'after', value: '2026-10-15T10:00:00' })).toEqual([]);
    expect(codes({ not: { any: [{ fact: 'text', operator: 'textIn', value: ['谢谢'] }] } })).toEqual([]);
  });

  it('reports shapes, keys and operators json-rules-engine would not accept', () => {
    expect(codes({ all: { fact: 'score' } })).toEqual([['CONDITION_SHAPE', 'error', 'all']]);
    expect(codes({ all: [{ fact: 'score', operator: 'equal' }] })).toEqual([
      ['CONDITION_SHAPE', 'error', 'all.0'],
    ]);
    expect(codes({ all: [{ fact: 'score', operator: 'equals', value: 1, params: {} }] })).toEqual([
      ['CONDITION_UNKNOWN_KEY', 'error', 'all.0.params'],
      ['CONDITION_UNKNOWN_OPERATOR', 'error', 'all.0.operator'],
    ]);
    expect(codes({ all: [] })).toEqual([['CONDITION_EMPTY', 'warning', 'all']]);
  });

  it('warns of unknown facts where extra columns may exist, and refuses them elsewhere', () => {
    expect(codes({ all: [{ fact: 'vip', operator: 'equal', value: true }] })).toEqual([
      ['CONDITION_UNKNOWN_FACT', 'warning', 'all.0.fact'],
    ]);
    expect(codes({ all: [{ fact: 'vip', operator: 'equal', value: true }] }, agents)).toEqual([
      ['CONDITION_UNKNOWN_FACT', 'error', 'all.0.fact'],
    ]);
  });

  it('checks values against operators', () => {
    expect(codes({ all: [{ fact: 'score', operator: 'lessThan', value: '80' }] })).toEqual([
      ['CONDITION_VALUE_TYPE', 'warning', 'all.0.value'],
    ]);
    expect(codes({ all: [{ fact: 'text', operator: 'greaterThan', value: 1 }] })).toEqual([
      ['CONDITION_OPERATOR_FACT_TYPE', 'warning', 'all.0.operator'],
    ]);
    expect(codes({ all: [{ fact: 'text', operator: 'in', value: 'a' }] })).toEqual([
      ['CONDITION_VALUE_TYPE', 'error', 'all.0.value'],
    ]);
    expect(codes({ all: [{ fact: 'text', operator: 'textIn', value: [1] }] })).toEqual([
      ['CONDITION_VALUE_TYPE', 'error', 'all.0.value'],
    ]);
    expect(codes({ all: [{ fact: 'filed_at', operator: 'before', value: 'soon' }] })).toEqual([
      ['CONDITION_VALUE_TYPE', 'error', 'all.0.value'],
    ]);
  });
});
