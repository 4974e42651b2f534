import { describe, expect, it } from 'vitest';
import { normalizeText } from './text-normalize.ts';

describe('normalizeText (textIn)', () => {
  it('matches courtesy spellings', () => {
    for (const text of ['谢谢!', ' 谢谢 ～ ', '谢谢👍', '谢谢！！', '「谢谢」', '谢谢\u200b', '谢谢🙏🏻']) {
      expect(normalizeText(text), text).toBe('谢谢');
    }
    expect(normalizeText('ＯＫ')).toBe('ok');
    expect(normalizeText('OK.')).toBe('ok');
    expect(normalizeText('收到。')).toBe('收到');
    expect(normalizeText('1\ufe0f\u20e3')).toBe('1');
  });

  it('keeps what is inside the text', () => {
    expect(normalizeText('谢谢,还有个问题')).toBe('谢谢,还有个问题');
    expect(normalizeText('好 的')).toBe('好 的');
  });
});
