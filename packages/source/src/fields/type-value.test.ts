import { describe, expect, it } from 'vitest';
import { trimText } from './type-value.ts';

describe('trimText', () => {
  it('removes exactly the Unicode white space (White_Space) at either end, for every UTF-16 code unit', () => {
    const edges = /^\p{White_Space}+|\p{White_Space}+$/gu;
    const differ: number[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const c = String.fromCharCode(code);
      for (const text of [c, `${c}x`, `x${c}`, `${c}中${c}`, `${c}${c}`]) {
        if (trimText(text) !== text.replace(edges, '')) differ.push(code);
      }
    }
    expect(differ).toEqual([]);
    expect(trimText('\u3000 a b\u00a0\t')).toBe('a b');
    expect(trimText('中文')).toBe('中文');
    expect(trimText('😀 ')).toBe('😀');
  });
});
