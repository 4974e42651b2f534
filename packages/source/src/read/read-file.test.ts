import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief, collect, encodeGb18030, encodeUtf16, failure } from '../../test/read-support.ts';
import {
  type Encoding,
  type FileFormat,
  type FileItem,
  MAX_RECORD_BYTES,
  type ReadFileOptions,
} from './file-items.ts';
import { readFile, readFileBatches } from './read-file.ts';
import { splitFile } from './split-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'scorebook-read-'));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function options(path: string, format: FileFormat, more: Partial<ReadFileOptions> = {}): ReadFileOptions {
  return {
    path,
    name: path.slice(dir.length + 1),
    format,
    encoding: 'utf-8',
    headerRow: 1,
    sheet: null,
    ...more,
  };
}

// An export as Excel writes it, with Chinese headers and cells, a quoted cell over two lines,
// a character outside GBK (¥ takes four bytes in GB18030) and one outside the BMP.
const HEADER = '会话ID,客服工号,渠道,备注\r\n';
const ROWS = 'C001,A01,在线,"客户说:\r\n""谢谢"""\r\nC002,A02,电话,退款 ¥20 😀\r\n';
const EXPORT = HEADER + ROWS;
const CELLS = [
  [1, 'header', ['会话ID', '客服工号', '渠道', '备注']],
  [2, ['C001', 'A01', '在线', '客户说:\r\n"谢谢"']],
  [4, ['C002', 'A02', '电话', '退款 ¥20 😀']],
];

// Files of 20 MB and a GB18030 table to build: a generous limit for a busy machine.
describe('readFile', { timeout: 60_000 }, () => {
  it('reads a CSV file in each encoding to the same cells as its UTF-8 twin', async () => {
    const twins: Array<[string, Encoding, Uint8Array]> = [
      ['utf8.csv', 'utf-8', Buffer.from(EXPORT)],
      ['utf8-bom.csv', 'utf-8', Buffer.from(`\uFEFF${EXPORT}`)],
      ['gb18030.csv', 'gb18030', encodeGb18030(EXPORT)],
      ['utf16le.csv', 'utf-16le', encodeUtf16(EXPORT, 'le', true)],
      ['utf16be.csv', 'utf-16be', encodeUtf16(EXPORT, 'be', true)],
    ];
    expect(encodeGb18030('¥').length).toBe(4);
    for (const [name, encoding, bytes] of twins) {
      const items = await collect(readFile(options(file(name, bytes), 'csv', { encoding })));
      expect(brief(items)).toEqual(CELLS);
    }
  });

  it('hands every byte of the file to onBytes, once and in order', async () => {
    const bytes = encodeGb18030(HEADER + ROWS.repeat(20_000));
    const path = file('big-gb.csv', bytes);
    const seen: Uint8Array[] = [];
    const items = await collect(
      readFile(options(path, 'csv', { encoding: 'gb18030', onBytes: (b) => seen.push(b.slice()) })),
    );
    expect(Buffer.concat(seen).equals(Buffer.from(bytes))).toBe(true);
    expect(items.length).toBe(1 + 2 * 20_000);
    expect(items.at(-1)).toEqual({
      kind: 'record',
      line: 1 + 3 * 20_000,
      cells: ['C002', 'A02', '电话', '退款 ¥20 😀'],
    });
  });

  it('reads JSON Lines', async () => {
    const path = file('events.jsonl', '{"agent_id":"a1"}\n');
    expect(brief(await collect(readFile(options(path, 'jsonl'))))).toEqual([[1, { agent_id: 'a1' }]]);
  });

  it('refuses a 20 MB file without line breaks soon after the limit, without reading it all', async () => {
    const path = file('no-breaks.csv', Buffer.alloc(20 * 1024 * 1024, 'a'));
    for (const format of ['csv', 'jsonl'] as const) {
      let read = 0;
      const { error } = await failure(
        readFile(options(path, format, { onBytes: (b) => (read += b.length) })),
      );
      expect(error.problems).toMatchObject([
        { code: format === 'csv' ? 'RECORD_TOO_LONG' : 'LINE_TOO_LONG', file: 'no-breaks.csv', line: 1 },
      ]);
      expect(error.problems[0]!.message.en).toContain('longer than the limit of 16 MiB');
      expect(read).toBeLessThanOrEqual(MAX_RECORD_BYTES + 1024 * 1024);
    }
  });

  it('refuses a directory and a missing file, naming them', async () => {
    const sub = join(dir, 'surveys');
    mkdirSync(sub);
    const { error } = await failure(readFile(options(sub, 'csv')));
    expect(error.problems).toMatchObject([{ code: 'FILE_NOT_REGULAR', file: 'surveys', line: null }]);
    expect(error.problems[0]!.message.en).toBe(
      'surveys is a directory, not a regular file, and cannot be read as data. Put the export file itself here, or list it under ignore in source.yaml.',
    );
    const missing = await failure(readFile(options(join(dir, 'gone.csv'), 'jsonl')));
    expect(missing.error.problems).toMatchObject([{ code: 'FILE_UNREADABLE', file: 'gone.csv' }]);
    expect(missing.error.problems[0]!.message.en).toContain('no such file (ENOENT)');
    const xlsx = await failure(readFile(options(sub, 'xlsx')));
    expect(xlsx.error.problems).toMatchObject([{ code: 'FILE_NOT_REGULAR', file: 'surveys' }]);
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO without waiting for a writer', async () => {
    const path = join(dir, 'pipe.csv');
    execFileSync('mkfifo', [path]);
    for (const format of ['csv', 'jsonl', 'xlsx'] as const) {
      const { error } = await failure(readFile(options(path, format)));
      expect(error.problems).toMatchObject([{ code: 'FILE_NOT_REGULAR', file: 'pipe.csv' }]);
      expect(error.problems[0]!.message.en).toContain('is a named pipe (FIFO), not a regular file');
    }
  });

  it('gives the same items in batches, and the items before a stop before the stop', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `C${i},A01,在线,备注 ${i}\n`).join('');
    const csv = file('batches.csv', `${HEADER}${rows}C20000,A01,"open\n`);
    const jsonl = file(
      'batches.jsonl',
      rows.replace(/^(.+)$/gm, (line) => `{"n":"${line}"}`),
    );
    for (const [path, format, count] of [
      [csv, 'csv', 20_001],
      [jsonl, 'jsonl', 20_000],
    ] as const) {
      const one = await itemsAndStop(readFile(options(path, format)));
      const batched = await itemsAndStop(readFileBatches(options(path, format)));
      expect(batched.items.length).toBeGreaterThan(1);
      expect(batched.items.every((b) => b.length > 0)).toBe(true);
      expect(batched.items.flat()).toEqual(one.items);
      expect(one.items.length).toBe(count);
      expect(batched.stop).toEqual(one.stop);
    }
    const { error } = await failure(readFile(options(csv, 'csv')));
    expect(error.problems[0]?.code).toBe('UNCLOSED_QUOTE');
  });

  it('reads files of several read buffers (1 MiB) in each encoding: characters cut by them, a line longer than one', async () => {
    // Rows of every length, so that characters of one to four bytes fall across the 64 KiB
    // pieces and the 1 MiB reads; a line of 1.5 MiB without quotes and a quoted one with a line
    // break and commas; a bad byte past the first read named at its exact offset.
    const expected: unknown[] = [[1, 'header', ['id', 'text', 'more']]];
    let text = 'id,text,more\r\n';
    let line = 2;
    for (let i = 0; i < 60_000; i++) {
      const cells = [`${i}`, `${'中'.repeat(i % 7)}x${'😀'.repeat(i % 3)}`, 'é'.repeat(i % 5)];
      if (i === 20_000) cells[1] = 'ab中'.repeat(500_000);
      if (i === 40_000) cells[2] = `${'y,'.repeat(300_000)}\n${'¥'.repeat(300_000)}`;
      text += `${cells.map((c) => (c.includes('\n') ? `"${c}"` : c)).join(',')}${i % 2 === 0 ? '\r\n' : '\n'}`;
      expected.push([line, cells]);
      line += i === 40_000 ? 2 : 1;
    }
    const twins: Array<[string, Encoding, Uint8Array]> = [
      ['long-utf8.csv', 'utf-8', Buffer.from(`\uFEFF${text}`)],
      ['long-gb18030.csv', 'gb18030', encodeGb18030(text)],
      ['long-utf16le.csv', 'utf-16le', encodeUtf16(text, 'le', true)],
      ['long-utf16be.csv', 'utf-16be', encodeUtf16(text, 'be', false)],
    ];
    for (const [name, encoding, bytes] of twins) {
      expect(bytes.length, name).toBeGreaterThan(3 * 1024 * 1024);
      const path = file(name, bytes);
      const items = await collect(readFile(options(path, 'csv', { encoding })));
      expect(brief(items), name).toEqual(expected);
      // Cut into pieces that start and end inside reads, each read on its own (UTF-16 is not cut).
      const split = await splitFile({ ...options(path, 'csv', { encoding }), pieceBytes: 300_000 });
      if (split === null) continue;
      expect(split.pieces.length, name).toBeGreaterThan(3);
      expect(split.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      const pieces: FileItem[] = [];
      for (const { start, end, line } of split.pieces) {
        const range = { start, end, line, columns: start === 0 ? null : ['id', 'text', 'more'] };
        pieces.push(...(await collect(readFile(options(path, 'csv', { encoding, range })))));
      }
      expect(brief(pieces), name).toEqual(expected);
    }
    const utf8 = Buffer.from(text);
    const bad = utf8.indexOf('\n', 1024 * 1024 + 1000) + 3;
    utf8[bad] = 0xff;
    const { error } = await failure(readFile(options(file('long-bad.csv', utf8), 'csv')));
    expect(error.problems[0]).toMatchObject({ code: 'FILE_NOT_UTF8' });
    expect(error.problems[0]!.message.en).toContain(`(byte offset ${bad})`);
  });
});

// What an iteration yields, and what it throws at its end (null when nothing).
async function itemsAndStop<T>(items: AsyncIterable<T>): Promise<{ items: T[]; stop: unknown }> {
  const out: T[] = [];
  try {
    for await (const item of items) out.push(item);
  } catch (error) {
    return { items: out, stop: error };
  }
  return { items: out, stop: null };
}
