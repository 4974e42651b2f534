import { describe, expect, it } from 'vitest';
import { formatLimit, parseRejectedLimit } from './rejected-limit.ts';

describe('the rejected-row limit (--max-rejected)', () => {
  it('reads a share or a number of rows and writes it back as given, which a manifest records', () => {
    for (const text of ['1%', '0.5%', '100%', '0', '10', '999999999999999'])
      expect(formatLimit(parseRejectedLimit(text) ?? { kind: 'rows', value: -1 })).toBe(text);
    // More than 15 digits would be written back as 1e+21, which no longer reads: refused.
    for (const text of ['1000000000000000000000', '101%', '1.5', 'many', '-1'])
      expect(parseRejectedLimit(text)).toBe(null);
  });
});
