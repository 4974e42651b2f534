import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The site evaluates formulas in the browser, and a formula is never code.
describe('the formula package', () => {
  it('imports nothing of Node and never compiles text to code', () => {
    const here = new URL('./', import.meta.url);
    const files = readdirSync(here)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => new URL(f, here));
    const suggest = new URL('../../config-file/src/suggest.ts', import.meta.url);
    const offending = [...files, suggest].filter((url) => {
      const text = readFileSync(url, 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1] as string);
      const allowed = imports.every(
        (i) => i.startsWith('./') || i === '@scorebook/problems' || i === '@scorebook/config-file/suggest',
      );
      return !allowed || /\beval\s*\(|\bFunction\s*\(/.test(text);
    });
    expect(files.length).toBe(13);
    expect(offending.map((u) => u.pathname)).toEqual([]);
  });
});
