import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { compileCondition, objectFactAccess } from './compile.ts';
import { formatCondition } from './format.ts';
import { containsAnyKeyword, keywordsOf, operatorFunctions } from './operators.ts';
import { evaluateWithJsonRulesEngine } from './reference.ts';
import { traceCondition } from './trace.ts';
import type { Condition } from './types.ts';

const zone = new Zone('Asia/Shanghai');
const polite: Condition = {
  fact: 'text',
  operator: 'containsAny',
  value: ['您好', '请', '谢谢', '抱歉', 'Thanks'],
};
const holds = compileCondition(polite, zone, objectFactAccess());

describe('containsAny', () => {
  it('normalises the keywords as textIn does, leaving out empty ones', () => {
    expect(keywordsOf(['您好!', ' ＯＫ ', '', '!!', 3, 'Thanks'])).toEqual(['您好', 'ok', 'thanks']);
  });

  it('finds a keyword anywhere in the text, after NFKC and lower case on both sides', () => {
    expect(holds({ text: '您好,请问有什么可以帮您?' })).toBe(true);
    expect(holds({ text: '已经给您安排补发了' })).toBe(false);
    expect(holds({ text: '非常抱歉给您带来不便' })).toBe(true);
    expect(holds({ text: 'THANKS a lot' })).toBe(true);
    // Full-width Latin letters read as their ASCII forms (NFKC).
    expect(holds({ text: 'ｔｈａｎｋｓ～' })).toBe(true);
    // A keyword split by a space or punctuation is not found: only the ends are trimmed.
    expect(holds({ text: '谢 谢' })).toBe(false);
    expect(holds({ text: '谢,谢' })).toBe(false);
  });

  it('does not hold for null, a missing fact, a non-text value or an empty list', () => {
    expect(holds({ text: null })).toBe(false);
    expect(holds({})).toBe(false);
    expect(holds({ text: 42 })).toBe(false);
    expect(containsAnyKeyword('谢谢', [])).toBe(false);
    expect(operatorFunctions(zone).get('containsAny')?.('谢谢', [])).toBe(false);
    expect(operatorFunctions(zone).get('containsAny')?.('谢谢', 'not a list')).toBe(false);
  });

  it('gives the result of json-rules-engine with the same operator, and traces it', async () => {
    for (const text of ['您好', '好的', null, 'ＴＨＡＮＫＳ', '请稍等']) {
      const row = { text };
      expect(await evaluateWithJsonRulesEngine(polite, row, zone), String(text)).toBe(holds(row));
      expect(traceCondition(polite, row, zone).result, String(text)).toBe(holds(row));
    }
  });

  it('reads as words for people', () => {
    const leaf: Condition = { fact: 'text', operator: 'containsAny', value: ['您好', '请'] };
    expect(formatCondition(leaf, 'zh')).toBe('text 文本归一化后包含其中之一 ["您好","请"]');
    expect(formatCondition(leaf, 'en')).toBe('text as normalised text contains any of ["您好","请"]');
  });
});
