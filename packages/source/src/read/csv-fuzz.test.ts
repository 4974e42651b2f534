// Differential test of the CSV reader against csv-parse, on thousands of generated texts with
// quotes in odd places, CR LF and LF mixed, empty cells, quoted cells over several lines,
// stray quotes inside unquoted cells, blank lines, byte-order marks, wrong cell counts, text
// after closing quotes and quotes never closed. Each text is also read cut into random chunks.
//
// csv-parse is configured to the same rules: `relax_quotes` (a quote is special only at the
// start of a cell), `record_delimiter: ['\r\n', '\n']`, `skip_empty_lines`, `bom`, and
// `relax_column_count` so that it gives every record. Where the two must differ:
// - text after a closing quote (`"a"b`): csv-parse reads the cell as text; Scorebook rejects
//   the row (BAD_QUOTE). Both end the record at the same place, with the same number of cells.
// - a record with a number of cells other than the header's: csv-parse gives it; Scorebook
//   rejects the row (FIELD_COUNT), flagged `cutOff` when it is the last, short, without a line
//   break after it (the file most likely cut off there).
// - a quote never closed: both stop; Scorebook names the line where the cell opened.
// - line numbers: csv-parse's `info.lines` is the line a record ends on (and counts a CR LF
//   inside a quoted cell as two), so the line a record starts on is derived from `info.bytes`.
// The generator also knows what each text holds, and the reader must give exactly that.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Options, parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { collect, csvOf } from '../../test/read-support.ts';
import type { FileItem, FileRange } from './file-items.ts';
import { readFile } from './read-file.ts';
import { splitFile } from './split-file.ts';

const CASES = 3000;

type Expected = { line: number; cells: string[]; bad: 'BAD_QUOTE' | null };

interface Generated {
  text: string;
  width: number;
  /** The header, then each record as written. */
  records: Expected[];
  /** The line of a quoted cell left open at the end, or null. */
  unclosed: number | null;
  /** Where the record with the open cell starts (the text before it parses on its own). */
  unclosedStart: number;
}

// Heavy by design: a generous limit, so that a busy machine does not fail it.
describe('the CSV reader against csv-parse', { timeout: 120_000 }, () => {
  it(`agrees on ${CASES} generated texts, and differs only where documented`, async () => {
    const random = mulberry32(20261005);
    let bad = 0;
    let unclosed = 0;
    let multiline = 0;
    let fieldCount = 0;
    let stray = 0;
    let pieced = 0;
    let cutOff = 0;
    for (let n = 0; n < CASES; n++) {
      const g = generate(random);
      const chunks = random() < 0.5 ? undefined : [1 + Math.floor(random() * 40)];
      const context = JSON.stringify({ n, text: g.text, chunks });
      if (g.unclosed !== null) {
        unclosed++;
        expect(() => parse(Buffer.from(g.text), CSV_PARSE), context).toThrow(/Quote Not Closed/);
        const { error, before } = await stopped(csvOf(g.text, chunks ? { chunks } : {}));
        expect(error, context).toMatchObject({ code: 'UNCLOSED_QUOTE', line: g.unclosed });
        const prefix = g.text.slice(0, g.unclosedStart);
        const complete = g.records.slice(0, -1);
        if (complete.length > 0) compare(prefix, complete, g.width, before, context);
        continue;
      }
      const items = await collect(csvOf(g.text, chunks ? { chunks } : {}));
      compare(g.text, g.records, g.width, items, context);
      if (n % 3 === 0) {
        const pieceBytes = 1 + Math.floor(random() * 60);
        expect(await readInPieces(g.text, n, pieceBytes), `${context} in pieces of ${pieceBytes}`).toEqual(
          items,
        );
        pieced++;
      }
      const last = g.records.at(-1);
      if (g.records.length > 1 && last?.bad === null && last.cells.length < g.width && !g.text.endsWith('\n'))
        cutOff++;
      bad += g.records.filter((r) => r.bad !== null).length;
      multiline += g.records.filter((r) => r.cells.some((c) => c.includes('\n'))).length;
      fieldCount += g.records.filter((r) => r.bad === null && r.cells.length !== g.width).length;
      stray += g.records.filter((r) => r.cells.some((c) => /^[^"]+"/.test(c) && !c.includes('\n'))).length;
    }
    // The generator reached every case it is meant to.
    expect(bad).toBeGreaterThan(500);
    expect(unclosed).toBeGreaterThan(100);
    expect(multiline).toBeGreaterThan(500);
    expect(fieldCount).toBeGreaterThan(500);
    expect(stray).toBeGreaterThan(500);
    expect(pieced).toBeGreaterThan(800);
    expect(cutOff).toBeGreaterThan(5);
  });
});

describe('cutting a file larger than a read chunk (64 KiB) into pieces', { timeout: 120_000 }, () => {
  it('cuts at the same records when lines, quoted line breaks and a 100 KiB cell straddle chunks', async () => {
    const random = mulberry32(20261203);
    const cell = (): string => {
      const r = random();
      if (r < 0.5) return `v${Math.floor(random() * 1e6)}`;
      if (r < 0.7) return `"x,${'y'.repeat(Math.floor(random() * 30))}"`;
      if (r < 0.85) return `"line one${random() < 0.5 ? '\r\n' : '\n'}line ""two"""`;
      if (r < 0.95) return `a"b${Math.floor(random() * 100)}`;
      return '';
    };
    const lines = ['a,b,c'];
    for (let i = 0; i < 12_000; i++) {
      lines.push(
        i === 5000 ? `"${'z'.repeat(100_000)}\n${'z'.repeat(100)}",2,3` : `${cell()},${cell()},${cell()}`,
      );
    }
    const text = `${lines.join(random() < 0.5 ? '\n' : '\r\n')}\n`;
    expect(text.length).toBeGreaterThan(5 * 64 * 1024);
    const items = await collect(csvOf(text, {}));
    expect(items.filter((i) => i.kind === 'record')).toHaveLength(12_000);
    for (const pieceBytes of [1, 4096, 70_000, 1 << 20]) {
      expect(await readInPieces(text, 900_000 + pieceBytes, pieceBytes), `pieces of ${pieceBytes}`).toEqual(
        items,
      );
    }
  });
});

const pieceDir = mkdtempSync(join(tmpdir(), 'scorebook-pieces-'));

// Cuts a text with splitFile and reads each piece on its own: the items must be the whole file's.
async function readInPieces(text: string, n: number, pieceBytes: number): Promise<FileItem[]> {
  const path = join(pieceDir, `${n}.csv`);
  writeFileSync(path, text);
  const base = {
    path,
    name: `${n}.csv`,
    format: 'csv',
    encoding: 'utf-8',
    headerRow: 1,
    sheet: null,
  } as const;
  const found: Array<{ start: number; end: number; line: number }> = [];
  const split = await splitFile({ ...base, pieceBytes, onPiece: (piece) => found.push(piece) });
  // Each piece is told as it is found: the same pieces, in the same order.
  expect(found).toEqual(split?.pieces);
  const items: FileItem[] = [];
  let columns: string[] | null = null;
  for (const piece of split?.pieces ?? []) {
    const range: FileRange = { ...piece, columns: piece.start === 0 ? null : columns };
    for await (const item of readFile({ ...base, range })) {
      if (item.kind === 'header') columns = item.columns;
      items.push(item);
    }
  }
  return items;
}

const CSV_PARSE: Options = {
  bom: true,
  record_delimiter: ['\r\n', '\n'],
  relax_quotes: true,
  relax_column_count: true,
  skip_empty_lines: true,
  info: true,
};

// The reader's items, csv-parse's records and the generator's records must tell the same story.
function compare(text: string, records: Expected[], width: number, items: FileItem[], context: string): void {
  const bytes = Buffer.from(text);
  const parsed = parse(bytes, CSV_PARSE) as unknown as Array<{ record: string[]; info: { bytes: number } }>;
  expect(parsed.length, context).toBe(records.length);
  expect(items.length, context).toBe(records.length);
  let end = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? 3 : 0;
  for (const [k, record] of records.entries()) {
    const { record: cells, info } = parsed[k]!;
    const start = skipBlankLines(bytes, end);
    const line = 1 + countLineFeeds(bytes, start);
    end = info.bytes;
    expect(line, context).toBe(record.line);
    const item = items[k]!;
    expect(item.line, context).toBe(record.line);
    if (k === 0) {
      expect(item, context).toEqual({ kind: 'header', line, columns: record.cells });
      expect(cells, context).toEqual(record.cells);
    } else if (record.bad !== null) {
      // Where they must differ: csv-parse reads the record, with as many cells; Scorebook rejects it.
      expect(cells.length, context).toBe(record.cells.length);
      expect(item, context).toMatchObject({ kind: 'bad', code: 'BAD_QUOTE' });
      expect(item.kind === 'bad' && item.cutOff, context).toBe(undefined);
    } else if (record.cells.length !== width) {
      expect(cells, context).toEqual(record.cells);
      expect(item, context).toMatchObject({ kind: 'bad', code: 'FIELD_COUNT' });
      // Flagged cut off: the last record, short, without a line feed after it (the text ends there).
      const cut = k === records.length - 1 && !text.endsWith('\n') && record.cells.length < width;
      expect(item.kind === 'bad' && item.cutOff, context).toBe(cut ? true : undefined);
    } else {
      expect(cells, context).toEqual(record.cells);
      expect(item, context).toEqual({ kind: 'record', line, cells: record.cells });
    }
  }
}

async function stopped(items: AsyncIterable<FileItem>): Promise<{ error: unknown; before: FileItem[] }> {
  const before: FileItem[] = [];
  try {
    for await (const item of items) before.push(item);
  } catch (error) {
    return { error: (error as { problems: unknown[] }).problems[0], before };
  }
  return { error: null, before };
}

function skipBlankLines(bytes: Buffer, at: number): number {
  let i = at;
  for (;;) {
    if (bytes[i] === 0x0a) i++;
    else if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a) i += 2;
    else return i;
  }
}

function countLineFeeds(bytes: Buffer, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) if (bytes[i] === 0x0a) n++;
  return n;
}

// A CSV text and what it holds. Line numbers are counted as the text is written.
function generate(random: () => number): Generated {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const chance = (p: number) => random() < p;
  const width = 1 + Math.floor(random() * 4);
  let text = chance(0.1) ? '\uFEFF' : '';
  let line = 1;
  const records: Expected[] = [];
  const write = (s: string) => {
    text += s;
    for (const c of s) if (c === '\n') line++;
  };
  const lineBreak = () => (chance(0.5) ? '\r\n' : '\n');
  const header = Array.from({ length: width }, (_, i) => `h${i}`);
  records.push({ line: 1, cells: header, bad: null });
  write(header.map((h) => (chance(0.2) ? `"${h}"` : h)).join(','));
  const count = Math.floor(random() * 10);
  let unclosed: number | null = null;
  let unclosedStart = 0;
  for (let r = 0; r < count; r++) {
    write(lineBreak());
    while (chance(0.15)) write(lineBreak());
    const last = r === count - 1;
    const open = last && chance(0.1);
    const cellCount = chance(0.1) ? Math.max(1, width + (chance(0.5) ? 1 : -1)) : width;
    const badAt = chance(0.12) ? Math.floor(random() * cellCount) : -1;
    const start = line;
    const startOffset = text.length;
    const cells: string[] = [];
    for (let c = 0; c < cellCount; c++) {
      if (c > 0) write(',');
      if (open && c === cellCount - 1) {
        unclosed = line;
        unclosedStart = startOffset;
        write(`"${quotedContent(random, pick).replaceAll('"', '""')}`);
        cells.push('');
        break;
      }
      if (c === badAt) {
        const content = quotedContent(random, pick);
        write(`"${content.replaceAll('"', '""')}"${junk(random, pick)}`);
        cells.push(content);
        continue;
      }
      const kind = pick(['empty', 'plain', 'stray', 'quoted', 'quoted'] as const);
      if (kind === 'empty') {
        cells.push('');
      } else if (kind === 'plain' || kind === 'stray') {
        let value = plainContent(random, pick, kind === 'stray');
        // A record of one empty cell would be a blank line.
        if (cellCount === 1 && value === '') value = 'v';
        write(value);
        cells.push(value);
      } else {
        const content = quotedContent(random, pick);
        write(`"${content.replaceAll('"', '""')}"`);
        cells.push(content);
      }
    }
    // A record written as nothing would be a blank line: its one empty cell is quoted instead.
    if (text.length === startOffset) write('""');
    records.push({ line: start, cells, bad: badAt >= 0 ? 'BAD_QUOTE' : null });
  }
  if (unclosed === null && count > 0 && chance(0.7)) write(lineBreak());
  return { text, width, records, unclosed, unclosedStart };
}

// Text of an unquoted cell: never a comma, CR, LF or a leading quote; with `stray`, a quote inside.
function plainContent(random: () => number, pick: <T>(xs: readonly T[]) => T, stray: boolean): string {
  let s = '';
  const length = Math.floor(random() * 5);
  for (let i = 0; i < length; i++) s += pick(['a', 'b', ' ', '中', '😀', '\t', 'é']);
  if (stray) s = `${s || 'x'}${pick(['"', '""', '" in', '"x"'])}${pick(['', 'y', ' '])}`;
  return s;
}

// Text of a quoted cell: commas, quotes, line breaks of both kinds, a lone CR.
function quotedContent(random: () => number, pick: <T>(xs: readonly T[]) => T): string {
  let s = '';
  const length = Math.floor(random() * 7);
  for (let i = 0; i < length; i++) s += pick(['a', ',', '"', '\n', '\r\n', '\r', ' ', '中', '😀']);
  return s;
}

// Text after a closing quote: not a quote first (that would be an escaped quote), no comma or line break.
function junk(random: () => number, pick: <T>(xs: readonly T[]) => T): string {
  let s = pick(['x', ' ', '中', 'y']);
  while (random() < 0.4) s += pick(['x', '"', ' ', 'z']);
  return s;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
