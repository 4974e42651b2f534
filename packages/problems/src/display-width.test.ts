import { describe, expect, it } from 'vitest';
import { displayWidth } from './display-width.ts';

describe('displayWidth', () => {
  it('counts CJK and full-width characters as two columns, others as one', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('a0012 aftersale')).toBe(15);
    expect(displayWidth('徐静 (a001)')).toBe(11);
    expect(displayWidth('（，')).toBe(4);
    expect(displayWidth('é→')).toBe(2);
  });
});
