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

  it('words a literal as the caller says, and leaves {fact} values and other leaves as they are', () => {
    const literal = (leaf: { fact: string; value: unknown }) =>
      leaf.fact === 'complaint_rate' && typeof leaf.value === 'number' ? `${leaf.value * 100}%` : null;
    const condition = {
      any: [
        { fact: 'complaint_rate', operator: 'greaterThan', value: 0.5 },
        { fact: 'complaint_rate', operator: 'greaterThan', value: { fact: 'fcr' } },
        { fact: 'red_line_count', operator: 'greaterThan', value: 0 },
      ],
    };
    expect(formatCondition(condition, 'en', { literal })).toBe(
      'complaint_rate is greater than 50% OR complaint_rate is greater than the value of fcr OR red_line_count is greater than 0',
    );
  });
});
