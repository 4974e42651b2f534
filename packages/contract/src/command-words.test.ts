import { describe, expect, it } from 'vitest';
import { shellWords } from './command-words.ts';

describe('the words of a recorded command', () => {
  it('are split as a POSIX shell splits them', () => {
    expect(
      shellWords(`npx scorebook publish --reason '申诉 it'\\''s done' --x "a \\"b\\" \\$c"\tlast\\ word`),
    ).toEqual(['npx', 'scorebook', 'publish', '--reason', "申诉 it's done", '--x', 'a "b" $c', 'last word']);
    expect(shellWords("a 'open")).toBeNull();
    expect(shellWords('a "open')).toBeNull();
    expect(shellWords('  ')).toEqual([]);
  });
});
