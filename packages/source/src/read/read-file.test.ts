import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { brief, collect, encodeGb18030, encodeUtf16, failure } from '../../test/read-support.ts';
import { type Encoding, type FileFormat, MAX_RECORD_BYTES, type ReadFileOptions } from './file-items.ts';
import { readFile, readFileBatches } from './read-file.ts';

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
