import { describe, expect, it } from 'vitest';
import { brief, collect, csvOf, cut, encodeGb18030, encodeUtf16, failure } from '../../test/read-support.ts';
import { type DecodedChunk, decodeBytes } from './decode.ts';
import type { Encoding } from './file-items.ts';

const bytes = (...parts: Array<string | number[]>) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));

async function decoded(input: Uint8Array, encoding: Encoding, sizes?: number[]): Promise<DecodedChunk[]> {
  const out: DecodedChunk[] = [];
  for await (const chunk of decodeBytes(cut(input, sizes), { name: 't.csv', encoding })) out.push(chunk);
  return out;
}

// Every way of cutting `input` in two, and into single bytes.
function cuttings(input: Uint8Array): Array<number[] | undefined> {
  const out: Array<number[] | undefined> = [undefined, [1]];
  for (let i = 1; i < input.length; i++) out.push([i, input.length]);
  return out;
}

// Building the GB18030 table of the test encoder takes a moment on a busy machine.
describe('decoding', { timeout: 60_000 }, () => {
  it('gives the text in pieces that follow each other, with the file offset of each line start', async () => {
    const input = bytes('ab\n中文\r\n', [0xf0, 0x9f, 0x98, 0x80], '\nz');
    for (const sizes of cuttings(input)) {
      const chunks = await decoded(input, 'utf-8', sizes);
      expect(chunks.map((c) => c.text).join('')).toBe('ab\n中文\r\n😀\nz');
      expect(chunks.flatMap((c) => c.lineStarts)).toEqual([3, 11, 16]);
      expect(chunks[0]!.start).toBe(0);
      expect(chunks.at(-1)!.end).toBe(17);
      for (let i = 1; i < chunks.length; i++) expect(chunks[i]!.start).toBe(chunks[i - 1]!.end);
    }
  });

  it('hands every byte to onBytes once, in order, the byte-order mark included', async () => {
    const input = bytes([0xef, 0xbb, 0xbf], 'a,b\n1,2\n');
    for (const sizes of cuttings(input)) {
      const seen: number[] = [];
      await collect(csvOf(input, { ...(sizes ? { chunks: sizes } : {}), onBytes: (b) => seen.push(...b) }));
      expect(seen).toEqual([...input]);
    }
  });

  it('removes the byte-order mark of the declared encoding before the header', async () => {
    const text = 'agent_id,name\na1,张三\n';
    const files: Array<[Encoding, Uint8Array]> = [
      ['utf-8', bytes([0xef, 0xbb, 0xbf], text)],
      ['utf-16le', encodeUtf16(text, 'le', true)],
      ['utf-16be', encodeUtf16(text, 'be', true)],
      ['gb18030', bytes([0x84, 0x31, 0x95, 0x33], [...encodeGb18030(text)])],
    ];
    for (const [encoding, input] of files) {
      for (const sizes of [undefined, [1], [3]]) {
        expect(brief(await collect(csvOf(input, { encoding, ...(sizes ? { chunks: sizes } : {}) })))).toEqual(
          [
            [1, 'header', ['agent_id', 'name']],
            [2, ['a1', '张三']],
          ],
        );
      }
    }
  });

  it('keeps a U+FEFF inside a line as text; one that starts a later record rejects it (BOM_INSIDE_FILE)', async () => {
    const items = await collect(csvOf('a,b\n\uFEFFx,y\nx\uFEFF,\uFEFFy\n'));
    expect(brief(items)).toEqual([
      [1, 'header', ['a', 'b']],
      [2, 'BOM_INSIDE_FILE'],
      [3, ['x\uFEFF', '\uFEFFy']],
    ]);
  });

  it('reads UTF-16 without a byte-order mark, and counts its lines by code unit', async () => {
    for (const order of ['le', 'be'] as const) {
      const input = encodeUtf16('a,b\n\u0a0a,\u0a00\n', order, false);
      const chunks = await decoded(input, `utf-16${order}`, [3]);
      expect(chunks.map((c) => c.text).join('')).toBe('a,b\n\u0a0a,\u0a00\n');
      expect(chunks.flatMap((c) => c.lineStarts)).toEqual([8, 16]);
    }
  });
});

describe('bytes not valid in the declared encoding', { timeout: 60_000 }, () => {
  it('name the line and the exact offset of the first bad byte, however the chunks split', async () => {
    // The bad byte 0xFF is at offset 13, on line 3; before it a three-byte character and a CR LF.
    const input = bytes('a,b\n中,x\r\n1,', [0xff], '2\n');
    for (const sizes of cuttings(input)) {
      const { error, before } = await failure(csvOf(input, sizes ? { chunks: sizes } : {}));
      expect(error.kind).toBe('input');
      expect(error.problems[0]).toMatchObject({ code: 'FILE_NOT_UTF8', file: 't.csv', line: 3 });
      expect(error.problems[0]!.message.en).toContain('on line 3 (byte offset 13)');
      // What came before the bad line was read.
      expect(before.length).toBeLessThanOrEqual(2);
    }
  });

  it('point at the start of a sequence cut short, mid-file and at the end', async () => {
    const midFile = bytes('ok\n', [0xe4, 0xb8], 'x\n');
    const atEnd = bytes('ok\nz', [0xf0, 0x9f, 0x98]);
    for (const [input, offset, line, code] of [
      [midFile, 3, 2, 'FILE_NOT_UTF8'],
      // Cut short by the end of the file: the file was cut off, not written in another encoding.
      [atEnd, 4, 2, 'FILE_TRUNCATED'],
    ] as const) {
      for (const sizes of cuttings(input)) {
        const { error } = await failure(csvOf(input, sizes ? { chunks: sizes } : {}));
        expect(error.problems[0]!.code).toBe(code);
        expect(error.problems[0]!.line).toBe(line);
        expect(error.problems[0]!.message.en).toContain(`(byte offset ${offset})`);
      }
    }
  });

  it('say that a file ending inside a character was cut off, in every encoding, and suggest no other encoding', async () => {
    const utf8 = bytes('a,b\n1,', [0xe4, 0xb8]);
    const { error } = await failure(csvOf(utf8));
    expect(error.problems[0]).toMatchObject({ code: 'FILE_TRUNCATED', file: 't.csv', line: 2 });
    expect(error.problems[0]!.message.en).toBe(
      't.csv ends in the middle of a character on line 2: its last bytes 0xE4 0xB8 (byte offset 6) begin a utf-8 character, and the file stops there. The export was most likely cut off (a download or copy that did not finish); the encoding is right. Export or copy the file again.',
    );
    expect(error.problems[0]!.message.zh).toContain('导出多半被截断了');
    for (const [input, encoding, offset] of [
      // A GB18030 lead byte with nothing after it.
      [bytes([...encodeGb18030('a,b\n客,')], [0x81]), 'gb18030', 7],
      // UTF-16: an odd last byte, and a high surrogate whose low one is missing.
      [bytes([...encodeUtf16('a,b\n1,', 'le', false)], [0x41]), 'utf-16le', 12],
      [bytes([...encodeUtf16('a,b\n1,', 'be', false)], [0xd8, 0x3d]), 'utf-16be', 12],
    ] as const) {
      for (const sizes of cuttings(input)) {
        const { error: e } = await failure(csvOf(input, { encoding, ...(sizes ? { chunks: sizes } : {}) }));
        expect(e.problems[0]).toMatchObject({ code: 'FILE_TRUNCATED', line: 2 });
        expect(e.problems[0]!.message.en).toContain(`(byte offset ${offset}) begin a ${encoding} character`);
      }
    }
    // A file shorter than four bytes: the cut character's bytes and offset, after the whole ones.
    for (const [input, encoding, offset, shown] of [
      [bytes('a', [0xe4, 0xb8]), 'utf-8', 1, '0xE4 0xB8'],
      [bytes([0xe4]), 'utf-8', 0, '0xE4'],
      [bytes('\n', [0xf0, 0x9f]), 'utf-8', 1, '0xF0 0x9F'],
      [bytes([0x41, 0x00, 0x42]), 'utf-16le', 2, '0x42'],
    ] as const) {
      const { error: e } = await failure(csvOf(input, { encoding }));
      expect(e.problems[0]!.code).toBe('FILE_TRUNCATED');
      expect(e.problems[0]!.message.en).toContain(`its last bytes ${shown} (byte offset ${offset})`);
    }
    const { error: second } = await failure(csvOf(bytes('\n', [0xf0, 0x9f])));
    expect(second.problems[0]!.line).toBe(2);
    // Bytes at the end that no character begins with are bad bytes, as before.
    const { error: bad } = await failure(csvOf(bytes('a,b\n1,', [0xff])));
    expect(bad.problems[0]!.code).toBe('FILE_NOT_UTF8');
  });

  it('say when GBK bytes in a file declared UTF-8 decode as GB18030, with the line as it reads and the line to add', async () => {
    const input = bytes('agent_id,note\n', [...encodeGb18030('a1,客户表扬\n')]);
    const { error } = await failure(csvOf(input));
    const problem = error.problems[0]!;
    expect(problem).toMatchObject({ code: 'FILE_NOT_UTF8', file: 't.csv', line: 2 });
    expect(problem.message.en).toBe(
      't.csv is not valid UTF-8: the bytes 0xBF 0xCD 0xBB 0xA7 on line 2 (byte offset 17) do not decode as UTF-8. ' +
        'The bytes decode as GB18030 (GBK, what Excel writes on Chinese Windows); line 2 then reads "a1,客户表扬". ' +
        'Set `encoding: gb18030` under tables.conversations in source.yaml (change the encoding line if there is one).',
    );
    expect(problem.message.zh).toContain(
      '请在 source.yaml 中 tables.conversations 写 encoding: gb18030(已有 encoding 行时改它)',
    );
  });

  it('suggest nothing when the bytes are not GB18030 either', async () => {
    const { error } = await failure(csvOf(bytes('a\n', [0xff, 0xff], '\n')));
    expect(error.problems[0]!.message.en).not.toContain('decode as GB18030');
    expect(error.problems[0]!.message.en).toContain('Save the file as UTF-8, or declare its encoding');
  });

  it('suggest UTF-16 when a file declared UTF-8 begins with a UTF-16 byte-order mark', async () => {
    for (const order of ['le', 'be'] as const) {
      const { error } = await failure(csvOf(encodeUtf16('a,b\n1,2\n', order, true)));
      expect(error.problems[0]).toMatchObject({ code: 'FILE_NOT_UTF8', line: 1 });
      expect(error.problems[0]!.message.en).toContain('(byte offset 0)');
      expect(error.problems[0]!.message.en).toContain(
        `begins with the byte-order mark of utf-16${order}. Set \`encoding: utf-16${order}\``,
      );
    }
  });

  it('name the declared encoding when it is not UTF-8', async () => {
    const gb = await failure(csvOf(bytes('a\nb', [0x81, 0x0a], 'c\n'), { encoding: 'gb18030', chunks: [4] }));
    expect(gb.error.problems[0]).toMatchObject({ code: 'FILE_BAD_ENCODING', line: 2 });
    expect(gb.error.problems[0]!.message.en).toContain(
      'is not valid gb18030: the bytes 0x81 0x0A 0x63 0x0A on line 2 (byte offset 3)',
    );
    // A lone high surrogate (0xD83D) on line 2 of a UTF-16LE file.
    const lone = bytes([...encodeUtf16('a\n', 'le', false)], [0x3d, 0xd8, 0x41, 0x00]);
    const u16 = await failure(csvOf(lone, { encoding: 'utf-16le' }));
    expect(u16.error.problems[0]).toMatchObject({ code: 'FILE_BAD_ENCODING', line: 2 });
    expect(u16.error.problems[0]!.message.en).toContain('(byte offset 4)');
    // An odd byte at the end: the file was cut off (FILE_TRUNCATED), with the same place.
    const odd = await failure(
      csvOf(bytes([...encodeUtf16('a\n', 'be', false)], [0x00]), { encoding: 'utf-16be' }),
    );
    expect(odd.error.problems[0]).toMatchObject({ code: 'FILE_TRUNCATED', line: 2 });
    expect(odd.error.problems[0]!.message.en).toContain('on line 2: its last bytes 0x00 (byte offset 4)');
  });

  it('say when a file declared gb18030 is UTF-8, instead of asking to save it as UTF-8', async () => {
    // 中 is E4 B8 AD in UTF-8: GB18030 reads E4 B8 as one character, then AD needs a second byte.
    const { error } = await failure(csvOf(bytes('agent_id,note\na1,中\n'), { encoding: 'gb18030' }));
    expect(error.problems[0]).toMatchObject({ code: 'FILE_BAD_ENCODING', line: 2 });
    expect(error.problems[0]!.message.en).toContain(
      'The file is valid UTF-8 (from the failing line on it decodes as UTF-8). Set `encoding: utf-8`',
    );
    expect(error.problems[0]!.message.zh).toContain('这个文件是有效的 UTF-8');
    expect(error.problems[0]!.message.en).not.toContain('Save the file as UTF-8');
  });

  it('name the encoding of a UTF-16 byte-order mark in a file declared gb18030', async () => {
    for (const order of ['le', 'be'] as const) {
      const { error } = await failure(csvOf(encodeUtf16('a\n', order, true), { encoding: 'gb18030' }));
      expect(error.problems[0]).toMatchObject({ code: 'FILE_BAD_ENCODING', line: 1 });
      expect(error.problems[0]!.message.en).toContain(
        `(byte offset 0) do not decode as gb18030. The file begins with the byte-order mark of utf-16${order}.`,
      );
    }
  });

  it('refuse the byte-order mark of another encoding that the declared one would read as text', async () => {
    const cases: Array<[Encoding, Uint8Array, Encoding]> = [
      ['gb18030', bytes([0xef, 0xbb, 0xbf], 'a\n'), 'utf-8'],
      ['utf-16le', bytes([0xef, 0xbb, 0xbf], 'a\n'), 'utf-8'],
      ['utf-16le', encodeUtf16('a\n', 'be', true), 'utf-16be'],
      ['utf-16be', encodeUtf16('a\n', 'le', true), 'utf-16le'],
      ['utf-16le', bytes([0x84, 0x31, 0x95, 0x33], 'a\n'), 'gb18030'],
    ];
    for (const [declared, input, found] of cases) {
      const { error } = await failure(csvOf(input, { encoding: declared }));
      expect(error.problems[0]).toMatchObject({ code: 'FILE_BOM_MISMATCH', line: 1 });
      expect(error.problems[0]!.message.en).toBe(
        `t.csv begins with the byte-order mark of ${found} but is declared ${declared}. Change encoding under tables.conversations in source.yaml to ${found}.`,
      );
    }
  });
});

describe('decoding random bytes', { timeout: 120_000 }, () => {
  it('gives the text, or the first bad byte, of a naive reading of the whole file, however the chunks split', async () => {
    let random = 77;
    const next = () => {
      random = (random * 1103515245 + 12345) % 2147483648;
      return random / 2147483648;
    };
    const pieces: Record<Encoding, Array<() => Uint8Array>> = {
      'utf-8': [() => bytes('a,\n'), () => bytes('中'), () => bytes('😀'), () => bytes('\r\n')],
      gb18030: [() => bytes('a,\n'), () => encodeGb18030('中¥'), () => encodeGb18030('😀')],
      'utf-16le': [() => encodeUtf16('a\n中', 'le', false), () => encodeUtf16('😀', 'le', false)],
      'utf-16be': [() => encodeUtf16('a\n中', 'be', false), () => encodeUtf16('😀', 'be', false)],
    };
    const junk = [0x80, 0xbf, 0xc0, 0xe4, 0xf0, 0xff, 0x81, 0x30, 0x00, 0xd8, 0xdc, 0x0a];
    for (const encoding of Object.keys(pieces) as Encoding[]) {
      for (let n = 0; n < 150; n++) {
        const parts: number[] = [];
        const count = Math.floor(next() * 12);
        for (let i = 0; i < count; i++) {
          if (next() < 0.15) parts.push(junk[Math.floor(next() * junk.length)]!);
          else parts.push(...pieces[encoding][Math.floor(next() * pieces[encoding].length)]!());
        }
        const input = Uint8Array.from(parts);
        const expected = naive(input, encoding);
        for (const sizes of [undefined, [1], [1 + Math.floor(next() * 7)]]) {
          const got = await outcome(input, encoding, sizes);
          expect(got, JSON.stringify({ encoding, input: [...input], sizes })).toEqual(expected);
        }
      }
    }
  });
});

type Outcome = { text: string; lineStarts: number[] } | { offset: number; line: number };

async function outcome(input: Uint8Array, encoding: Encoding, sizes: number[] | undefined): Promise<Outcome> {
  try {
    const chunks = await decoded(input, encoding, sizes);
    return { text: chunks.map((c) => c.text).join(''), lineStarts: chunks.flatMap((c) => c.lineStarts) };
  } catch (error) {
    const problem = (error as { problems: Array<{ line: number; message: { en: string } }> }).problems[0]!;
    const offset = Number(/\(byte offset (\d+)\)/.exec(problem.message.en)![1]);
    return { offset, line: problem.line };
  }
}

// The reading of the whole file, one prefix at a time: the first prefix a streaming decoder
// rejects, then the longest shorter prefix that decodes completely.
function naive(input: Uint8Array, encoding: Encoding): Outcome {
  const decodes = (end: number, stream: boolean) => {
    try {
      new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(input.subarray(0, end), { stream });
      return true;
    } catch {
      return false;
    }
  };
  const wide = encoding.startsWith('utf-16');
  const lineFeedsBefore = (end: number) => {
    const starts: number[] = [];
    for (let i = 0; i < end; i += wide ? 2 : 1) {
      const unit = wide
        ? encoding === 'utf-16le'
          ? input[i]! | (input[i + 1]! << 8)
          : (input[i]! << 8) | input[i + 1]!
        : input[i];
      if (unit === 0x0a && i + (wide ? 2 : 1) <= end) starts.push(i + (wide ? 2 : 1));
    }
    return starts;
  };
  if (decodes(input.length, false)) {
    const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(input);
    return { text, lineStarts: lineFeedsBefore(input.length) };
  }
  let rejected = 1;
  while (rejected <= input.length && decodes(rejected, true)) rejected++;
  let bad = Math.min(rejected - 1, input.length);
  while (!decodes(bad, false)) bad--;
  return { offset: bad, line: lineFeedsBefore(bad).length + 1 };
}
