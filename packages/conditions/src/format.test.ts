import { describe, expect, it } from 'vitest';
import { formatCondition } from './format.ts';

describe('formatCondition', () => {
  it('writes groups with parentheses only where nested', () => {
    const condition = {
      all: [
        { fact: 'category', operator: 'equal', value: 'product_defect' },
        {
          any: [
            { fact: 'upheld', operator: 'equal', value: true },
            { not: { fact: 'n', operator: 'lessThan', value: 2 } },
          ],
        },
      ],
    };
    expect(formatCondition(condition, 'en')).toBe(
      'category equals "product_defect" AND (upheld equals true OR NOT n is less than 2)',
    );
    expect(formatCondition(condition)).toBe(
      'category 等于 "product_defect" 且 (upheld 等于 true 或 非 n 小于 2)',
    );
  });

  it('reads an empty group as always holding', () => {
    expect(formatCondition({ any: [] }, 'en')).toBe('(always)');
    expect(formatCondition({ all: [] })).toBe('(总是成立)');
  });

  it('names the other fact of a {fact} value, and paths with or without $', () => {
    expect(
      formatCondition({ fact: 'closed_at', operator: 'after', value: { fact: 'sla_due_at' } }, 'en'),
    ).toBe('closed_at is after the value of sla_due_at');
    expect(
      formatCondition({ fact: 'n', operator: 'equal', value: { fact: 'meta', path: '$.vip.level' } }),
    ).toBe('n 等于 meta.vip.level 的值');
    expect(
      formatCondition({ fact: 'meta', path: 'vip.level', operator: 'greaterThan', value: 2 }, 'en'),
    ).toBe('meta.vip.level is greater than 2');
  });
});
