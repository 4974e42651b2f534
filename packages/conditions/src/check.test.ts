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

  it('suggests the operator an unknown one is a spelling of (case, _, - and spaces aside)', () => {
    const message = (operator: string) =>
      checkCondition({ fact: 'score', operator, value: 1 }, rows, zone).find(
        (p) => p.code === 'CONDITION_UNKNOWN_OPERATOR',
      )?.message;
    expect(message('lessthan')?.en).toMatch(
      /^Unknown operator "lessthan"\. Did you mean "lessThan"\? \(Operators are case-sensitive\.\) Operators: /,
    );
    expect(message('Greater_Than-Inclusive')?.zh).toContain(
      '未知的运算符 "Greater_Than-Inclusive"。是否想写 "greaterThanInclusive"?(运算符区分大小写)可用:',
    );
    expect(message('bigger')?.en).toMatch(/^Unknown operator "bigger"\. Operators: /);
  });

  it('warns of unknown facts where extra columns may exist, and refuses them elsewhere', () => {
    expect(codes({ all: [{ fact: 'vip', operator: 'equal', value: true }] })).toEqual([
      ['CONDITION_UNKNOWN_FACT', 'warning', 'all.0.fact'],
    ]);
    expect(codes({ all: [{ fact: 'vip', operator: 'equal', value: true }] }, agents)).toEqual([
      ['CONDITION_UNKNOWN_FACT', 'error', 'all.0.fact'],
    ]);
  });

  it('checks a {fact} value: a known fact, its keys and path, operators that take one', () => {
    expect(codes({ fact: 'score', operator: 'lessThan', value: { fact: 'score' } })).toEqual([]);
    expect(codes({ fact: 'filed_at', operator: 'after', value: { fact: 'filed_at', path: '$.x' } })).toEqual(
      [],
    );
    expect(codes({ fact: 'score', operator: 'equal', value: { fact: 'vip' } })).toEqual([
      ['CONDITION_UNKNOWN_FACT', 'warning', 'value.fact'],
    ]);
    expect(codes({ fact: 'score', operator: 'equal', value: { fact: 'vip' } }, agents)).toEqual([
      ['CONDITION_UNKNOWN_FACT', 'error', 'value.fact'],
    ]);
    expect(codes({ fact: 'score', operator: 'equal', value: { fact: 'score', params: {} } })).toEqual([
      ['CONDITION_UNKNOWN_KEY', 'error', 'value.params'],
    ]);
    expect(codes({ fact: 'score', operator: 'equal', value: { fact: 3 } })).toEqual([
      ['CONDITION_SHAPE', 'error', 'value.fact'],
    ]);
    expect(codes({ fact: 'text', operator: 'in', value: { fact: 'text' } })).toEqual([
      ['CONDITION_VALUE_FACT_OPERATOR', 'error', 'value'],
    ]);
    expect(codes({ fact: 'text', operator: 'textIn', value: { fact: 'text' } })).toEqual([
      ['CONDITION_VALUE_FACT_OPERATOR', 'error', 'value'],
    ]);
    expect(codes({ fact: 'filed_at', operator: 'before', value: { fact: 'score' } })).toEqual([
      ['CONDITION_OPERATOR_FACT_TYPE', 'error', 'value.fact'],
    ]);
    expect(codes({ fact: 'score', operator: 'greaterThan', value: { fact: 'text' } })).toEqual([
      ['CONDITION_OPERATOR_FACT_TYPE', 'warning', 'value.fact'],
    ]);
  });

  it('refuses path forms Scorebook cannot resolve, at the path', () => {
    for (const path of ['$', '$.vip.level', 'vip.level', 'items.0', '$.名字', '$.a-b_c'])
      expect(codes({ fact: 'score', path, operator: 'equal', value: 1 }), path).toEqual([]);
    for (const path of [
      '$..level',
      '$.*',
      '$.items[0]',
      "$['vip']",
      '$.items[?(@.x>1)]',
      'a..b',
      '.a',
      'a.',
      '$a',
      '$.a b',
      '@.a',
      '$.a^',
      '',
    ]) {
      expect(codes({ all: [{ fact: 'score', path, operator: 'equal', value: 1 }] }), path).toEqual([
        ['CONDITION_PATH', 'error', 'all.0.path'],
      ]);
    }
    expect(codes({ fact: 'score', operator: 'equal', value: { fact: 'score', path: '$..x' } })).toEqual([
      ['CONDITION_PATH', 'error', 'value.path'],
    ]);
    expect(codes({ fact: 'score', path: 3, operator: 'equal', value: 1 })).toEqual([
      ['CONDITION_SHAPE', 'error', 'path'],
    ]);
  });

  it('gives each problem its message in both languages, with a suggestion when one is offered', () => {
    const [problem] = checkCondition({ fact: 'scor', operator: 'equal', value: 1 }, agents, zone, {
      suggest: (fact, known) => known.find((k) => k.startsWith(fact)) ?? null,
    });
    expect(problem!.message.en).toBe('"scor" is not among the fields. Did you mean "score"?');
    expect(problem!.message.zh).toBe('字段中没有 "scor"。是否想写 "score"?');
    const [path] = checkCondition({ fact: 'score', path: '$..x', operator: 'equal', value: 1 }, rows, zone);
    expect(path!.message.en).toContain('The path "$..x" cannot be resolved');
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

  it('refuses containsAny without keywords, with an empty keyword, or on a non-text fact', () => {
    expect(codes({ all: [{ fact: 'text', operator: 'containsAny', value: ['您好', '请'] }] })).toEqual([]);
    expect(codes({ all: [{ fact: 'text', operator: 'containsAny', value: [] }] })).toEqual([
      ['CONDITION_KEYWORDS_EMPTY', 'error', 'all.0.value'],
    ]);
    expect(codes({ all: [{ fact: 'text', operator: 'containsAny', value: ['谢谢', ' ！', ''] }] })).toEqual([
      ['CONDITION_KEYWORD_EMPTY', 'error', 'all.0.value.1'],
      ['CONDITION_KEYWORD_EMPTY', 'error', 'all.0.value.2'],
    ]);
    expect(codes({ all: [{ fact: 'text', operator: 'containsAny', value: '谢谢' }] })).toEqual([
      ['CONDITION_VALUE_TYPE', 'error', 'all.0.value'],
    ]);
    expect(codes({ all: [{ fact: 'score', operator: 'containsAny', value: ['1'] }] })).toEqual([
      ['CONDITION_OPERATOR_FACT_TYPE', 'error', 'all.0.operator'],
    ]);
    expect(codes({ fact: 'text', operator: 'containsAny', value: { fact: 'text' } })).toEqual([
      ['CONDITION_VALUE_FACT_OPERATOR', 'error', 'value'],
    ]);
  });
});
