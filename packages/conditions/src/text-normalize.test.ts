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

  it('gives for plain ASCII and ideographs what the general path gives', () => {
    const alphabet = [
      'a',
      'Z',
      '7',
      ' ',
      ',',
      '!',
      '~',
      '谢',
      '鿿',
      '一',
      '〇',
      '！',
      'ａ',
      '\u00e9',
      '\u0301',
      '👍',
    ];
    let seed = 11;
    const general = (text: string) => {
      // biome-ignore lint/suspicious/noMisleadingCharacterClass: each test is on a single code point
      const TRIM = /[\p{P}\p{S}\p{Z}\p{Cc}\p{Cf}\u{FE00}-\u{FE0F}\u{20E3}]/u;
      const chars = Array.from(text.normalize('NFKC'));
      const start = chars.findIndex((c) => !TRIM.test(c));
      if (start < 0) return '';
      return chars
        .slice(start, chars.findLastIndex((c) => !TRIM.test(c)) + 1)
        .join('')
        .toLowerCase();
    };
    const differ: string[] = [];
    for (let k = 0; k < 20_000; k++) {
      let text = '';
      for (let n = (k % 6) + 1; n > 0; n--) {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        text += alphabet[Math.floor((seed / 2 ** 31) * (k % 3 === 0 ? alphabet.length : 9))];
      }
      if (normalizeText(text) !== general(text)) differ.push(text);
    }
    expect(differ).toEqual([]);
  });
});
