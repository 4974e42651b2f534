import { describe, expect, it } from 'vitest';
import { brief, collect, encodeGb18030, encodeUtf16, failure, jsonlOf } from '../../test/read-support.ts';

describe('reading JSON Lines', { timeout: 60_000 }, () => {
  it('gives one object per line with its line, skipping blank lines, with LF or CR LF', async () => {
    const text = '{"a":1,"b":"x"}\r\n\n   \t\r\n{"a":2,"nested":{"k":[1,2]}}\n{"a":3}';
    expect(brief(await collect(jsonlOf(text)))).toEqual([
      [1, { a: 1, b: 'x' }],
      [4, { a: 2, nested: { k: [1, 2] } }],
      [5, { a: 3 }],
    ]);
  });

  it('rejects a line that is not JSON, or JSON that is not an object (BAD_JSON), and goes on', async () => {
    const items = await collect(jsonlOf('{"a":1}\n[1,2]\n"text"\n42\nnull\n{"a":\n{"a":2}\n'));
    expect(brief(items)).toEqual([
      [1, { a: 1 }],
      [2, 'BAD_JSON'],
      [3, 'BAD_JSON'],
      [4, 'BAD_JSON'],
      [5, 'BAD_JSON'],
      [6, 'BAD_JSON'],
      [7, { a: 2 }],
    ]);
    expect(items[1]).toMatchObject({
      message: {
        zh: '这一行是 JSON 数组,不是对象 {…}。JSON Lines 每行写一个 JSON 对象。',
        en: 'the line is a JSON array, not an object {…}. JSON Lines holds one JSON object per line.',
      },
    });
    expect(items[5]!.kind === 'bad' && items[5]!.message.en).toMatch(
      /^the line is not valid JSON: .+\. JSON Lines holds/,
    );
  });

  it('rejects a later line that starts with a byte-order mark (BOM_INSIDE_FILE): two files joined', async () => {
    expect(brief(await collect(jsonlOf('\uFEFF{"a":1}\n\uFEFF{"a":2}\n{"a":3}\n')))).toEqual([
      [1, { a: 1 }],
      [2, 'BOM_INSIDE_FILE'],
      [3, { a: 3 }],
    ]);
  });

  it('reads a file without lines as a table without rows', async () => {
    expect(await collect(jsonlOf(''))).toEqual([]);
    expect(await collect(jsonlOf('\n\r\n'))).toEqual([]);
  });

  it('decodes as CSV does: the byte-order mark removed, other encodings, bad bytes named', async () => {
    const text = '{"名字":"张三"}\n';
    const expected = [[1, { 名字: '张三' }]];
    expect(brief(await collect(jsonlOf(`\uFEFF${text}`)))).toEqual(expected);
    expect(brief(await collect(jsonlOf(encodeUtf16(text, 'be', true), { encoding: 'utf-16be' })))).toEqual(
      expected,
    );
    expect(brief(await collect(jsonlOf(encodeGb18030(text), { encoding: 'gb18030', chunks: [3] })))).toEqual(
      expected,
    );
    const { error } = await failure(jsonlOf(encodeGb18030(`{"a":1}\n${text}`)));
    expect(error.problems[0]).toMatchObject({ code: 'FILE_NOT_UTF8', file: 't.jsonl', line: 2 });
    expect(error.problems[0]!.message.en).toContain('(byte offset 10)');
    expect(error.problems[0]!.message.en).toContain('`encoding: gb18030` under tables.events');
  });

  it('stops on a line longer than maxRecordBytes, at exactly the limit, line break included', async () => {
    const text = '{"a":1}\n{"a":"xy"}\r\n';
    expect((await collect(jsonlOf(text, { maxRecordBytes: 12 }))).length).toBe(2);
    for (const chunks of [undefined, [1], [5]]) {
      const { error, before } = await failure(
        jsonlOf(text, { maxRecordBytes: 11, ...(chunks ? { chunks } : {}) }),
      );
      expect(error.problems).toMatchObject([{ code: 'LINE_TOO_LONG', file: 't.jsonl', line: 2 }]);
      expect(brief(before)).toEqual([[1, { a: 1 }]]);
    }
    const { error } = await failure(jsonlOf('x'.repeat(50), { maxRecordBytes: 11, chunks: [20] }));
    expect(error.problems[0]!.message.en).toBe(
      't.jsonl: line 1 is longer than the limit of 11 bytes, which no JSON Lines record is (the file may have no line breaks at all). Check that this is the right file: JSON Lines holds one object per line.',
    );
  });
});
