import { describe, expect, it } from 'vitest';
import { encodeGb18030 } from '../../test/read-support.ts';
import { detectEncoding } from './detect-encoding.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('detectEncoding', () => {
  it('reads a byte-order mark first', () => {
    expect(detectEncoding(Uint8Array.of(0xef, 0xbb, 0xbf, 0x61), true)).toEqual({
      encoding: 'utf-8',
      bom: true,
    });
    expect(detectEncoding(Uint8Array.of(0xff, 0xfe, 0x61, 0x00), true)).toEqual({
      encoding: 'utf-16le',
      bom: true,
    });
    expect(detectEncoding(Uint8Array.of(0xfe, 0xff, 0x00, 0x61), true)).toEqual({
      encoding: 'utf-16be',
      bom: true,
    });
  });

  it('takes UTF-8 when the sample decodes as UTF-8, ASCII included', () => {
    expect(detectEncoding(utf8('会话ID,客服工号\nC1,A01\n'), true)).toEqual({
      encoding: 'utf-8',
      bom: false,
    });
    expect(detectEncoding(utf8('id,name\n'), true)).toEqual({ encoding: 'utf-8', bom: false });
  });

  it('takes GB18030 when only GB18030 decodes the sample (Excel’s GBK CSV)', () => {
    expect(detectEncoding(encodeGb18030('会话ID,客服工号,是否解决\nC1,A01,是\n'), true)).toEqual({
      encoding: 'gb18030',
      bom: false,
    });
  });

  it('does not hold a character cut at the end against UTF-8: of a partial sample, or of a whole file cut off', () => {
    // 服 is three bytes in UTF-8: cut after one or two of them.
    for (const bytes of [1, 2]) {
      const cut = utf8('会话ID,客服').slice(0, -bytes);
      expect(detectEncoding(cut, false)).toEqual({ encoding: 'utf-8', bom: false });
      // A whole file cut off is UTF-8 too (the reader then says FILE_TRUNCATED), not GB18030 or none.
      expect(detectEncoding(cut, true)).toEqual({ encoding: 'utf-8', bom: false });
    }
    // Bytes that are not UTF-8 before the end still are not.
    expect(detectEncoding(Uint8Array.of(0x61, 0xff, 0xe4, 0xb8), true).encoding).not.toBe('utf-8');
  });

  it('gives null when neither decodes', () => {
    expect(detectEncoding(Uint8Array.of(0x61, 0xff, 0xff, 0x62), true)).toEqual({
      encoding: null,
      bom: false,
    });
  });
});
