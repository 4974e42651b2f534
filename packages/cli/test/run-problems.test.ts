import { describe, expect, it } from 'vitest';
import { formatRunProblems } from '../src/output/run-problems.ts';

describe('the problems that stopped a run', () => {
  it('head each problem with its place, its code and its path (the table of TOO_MANY_REJECTED)', () => {
    const message = {
      zh: '表 messages 有 555 / 11357 行被拒绝',
      en: 'Table messages has 555 of 11357 rows rejected',
    };
    const problem = { code: 'TOO_MANY_REJECTED', message, file: '聊天记录/2026-10-04.csv', line: null };
    expect(formatRunProblems([{ ...problem, path: 'messages' }], 'zh')).toBe(
      '✗ 聊天记录/2026-10-04.csv TOO_MANY_REJECTED (messages)\n  表 messages 有 555 / 11357 行被拒绝\n',
    );
    expect(formatRunProblems([{ ...problem, file: null }], 'en')).toBe(
      '✗ TOO_MANY_REJECTED\n  Table messages has 555 of 11357 rows rejected\n',
    );
  });
});
