import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { messageOf } from '@scorebook/problems';
import { describe, expect, it } from 'vitest';
import { collect, csvOf, encodeGb18030, encodeUtf16, jsonlOf } from '../../test/read-support.ts';
import type { FileItem } from './file-items.ts';
import { READ_ERRORS } from './read-errors.ts';
import { readFile } from './read-file.ts';
import { splitFile } from './split-file.ts';

// The reader's flag on a file cut off inside its last line (docs/sources.md, a file cut off): the
// last line, without a line feed after it, bad because it is short — a CSV record with fewer cells
// than the header, a JSON Lines line that does not parse. Nothing else carries it.

const fieldCount = (line: number, found: number, expected: number): FileItem => ({
  kind: 'bad',
  line,
  code: 'FIELD_COUNT',
  message: messageOf(READ_ERRORS, 'FIELD_COUNT', { found, expected }),
});
const cutCsv = (line: number, found: number, expected: number): FileItem => ({
  kind: 'bad',
  line,
  code: 'FIELD_COUNT',
  message: messageOf(READ_ERRORS, 'FIELD_COUNT_LAST_LINE', { found, expected }),
  cutOff: true,
});
const flagged = (items: readonly FileItem[]) =>
  items.flatMap((item) => (item.kind === 'bad' && item.cutOff === true ? [item.line] : []));

describe('a file cut off inside its last line', () => {
  it('CSV: a short last line without a line break is flagged, in one chunk or many', async () => {
    const text = 'a,b,c\n1,2,3\n4,5';
    for (const chunks of [undefined, [1], [4], [7]]) {
      expect(await collect(csvOf(text, chunks === undefined ? {} : { chunks }))).toEqual([
        { kind: 'header', line: 1, columns: ['a', 'b', 'c'] },
        { kind: 'record', line: 2, cells: ['1', '2', '3'] },
        cutCsv(3, 2, 3),
      ]);
    }
    // Cut right after a closing quote, or inside the record's second line of a quoted cell that closed.
    expect(await collect(csvOf('a,b,c\n1,"x, y"'))).toEqual([
      { kind: 'header', line: 1, columns: ['a', 'b', 'c'] },
      cutCsv(2, 2, 3),
    ]);
    // A last line of spaces is a record of one cell.
    expect(await collect(csvOf('a,b\n1,2\n   '))).toEqual([
      { kind: 'header', line: 1, columns: ['a', 'b'] },
      { kind: 'record', line: 2, cells: ['1', '2'] },
      cutCsv(3, 1, 2),
    ]);
    expect(await collect(csvOf('a,b,c\n1,"two\nlines"'))).toEqual([
      { kind: 'header', line: 1, columns: ['a', 'b', 'c'] },
      cutCsv(2, 2, 3),
    ]);
  });

  it('CSV: a last line ending in a lone CR (cut between the CR and LF of CR LF) has no line break after it', async () => {
    expect(await collect(csvOf('a,b,c\r\n1,2,3\r\n4,5\r'))).toEqual([
      { kind: 'header', line: 1, columns: ['a', 'b', 'c'] },
      { kind: 'record', line: 2, cells: ['1', '2', '3'] },
      cutCsv(3, 2, 3),
    ]);
    // A whole last line so is a record, as without the CR.
    expect(await collect(csvOf('a,b,c\r\n1,2,3\r\n4,5,6\r'))).toEqual([
      { kind: 'header', line: 1, columns: ['a', 'b', 'c'] },
      { kind: 'record', line: 2, cells: ['1', '2', '3'] },
      { kind: 'record', line: 3, cells: ['4', '5', '6'] },
    ]);
  });

  it('CSV: not flagged — a whole last line without a line break, a short line with one, too many cells, a blank last line', async () => {
    expect(await collect(csvOf('a,b,c\n1,2,3\n4,5,6'))).toEqual([
      { kind: 'header', line: 1, columns: ['a', 'b', 'c'] },
      { kind: 'record', line: 2, cells: ['1', '2', '3'] },
      { kind: 'record', line: 3, cells: ['4', '5', '6'] },
    ]);
    expect(await collect(csvOf('a,b,c\n1,2,3\n4,5\n'))).toEqual([
      { kind: 'header', line: 1, columns: ['a', 'b', 'c'] },
      { kind: 'record', line: 2, cells: ['1', '2', '3'] },
      fieldCount(3, 2, 3),
    ]);
    expect(await collect(csvOf('a,b,c\n1,2,3\n4,5,6,7'))).toEqual([
      { kind: 'header', line: 1, columns: ['a', 'b', 'c'] },
      { kind: 'record', line: 2, cells: ['1', '2', '3'] },
      fieldCount(3, 4, 3),
    ]);
    expect(await collect(csvOf('a,b,c\n1,2,3\n\n'))).toEqual([
      { kind: 'header', line: 1, columns: ['a', 'b', 'c'] },
      { kind: 'record', line: 2, cells: ['1', '2', '3'] },
    ]);
    // A header alone, cut or not, has no record to flag.
    expect(await collect(csvOf('a,b,c'))).toEqual([{ kind: 'header', line: 1, columns: ['a', 'b', 'c'] }]);
  });

  it('CSV: a short last line bad for another reason first (totals row, text after a quote, a byte-order mark) is not flagged', async () => {
    const codes = async (text: string) =>
      (await collect(csvOf(text))).flatMap((item) =>
        item.kind === 'bad' ? [[item.line, item.code, item.cutOff ?? null]] : [],
      );
    expect(await codes('a,b,c\n1,2,3\n合计,9')).toEqual([[3, 'TOTAL_ROW', null]]);
    expect(await codes('a,b,c\n1,2,3\n"x"y,2')).toEqual([[3, 'BAD_QUOTE', null]]);
    expect(await codes('a,b,c\n1,2,3\n\uFEFF4,5')).toEqual([[3, 'BOM_INSIDE_FILE', null]]);
  });

  it('CSV in GB18030 or UTF-16, cut between whole characters: flagged as in UTF-8', async () => {
    const text = '会话,客服,渠道\n客1,张三,在线\n客2,李';
    const expected = [
      { kind: 'header', line: 1, columns: ['会话', '客服', '渠道'] },
      { kind: 'record', line: 2, cells: ['客1', '张三', '在线'] },
      cutCsv(3, 2, 3),
    ];
    const gb = encodeGb18030(text);
    // The last bytes are a whole character (李 is two bytes in GB18030).
    expect([...gb.subarray(-2)]).toEqual([0xc0, 0xee]);
    for (const chunks of [undefined, [1], [3], [5]])
      expect(
        await collect(csvOf(gb, { encoding: 'gb18030', ...(chunks === undefined ? {} : { chunks }) })),
      ).toEqual(expected);
    expect(await collect(csvOf(encodeUtf16(text, 'le', true), { encoding: 'utf-16le' }))).toEqual(expected);
  });

  it('JSON Lines: a last line without a line break that does not parse is flagged', async () => {
    const cut = await collect(jsonlOf('{"a":1}\n{"a":2,"b'));
    expect(cut[0]).toEqual({ kind: 'object', line: 1, values: { a: 1 } });
    expect(cut).toHaveLength(2);
    const last = cut[1];
    expect(last?.kind === 'bad' ? [last.line, last.code, last.cutOff] : null).toEqual([2, 'BAD_JSON', true]);
    expect(last?.kind === 'bad' ? last.message.en : null).toMatch(
      /^the line is not valid JSON: .+\. JSON Lines holds/,
    );
    // Whatever does not parse, in chunks too, and cut between the CR and LF of CR LF.
    expect(flagged(await collect(jsonlOf('{"a":1}\n[1,')))).toEqual([2]);
    expect(flagged(await collect(jsonlOf('{"a":1}\r\n{"a":\r', { chunks: [3] })))).toEqual([2]);
  });

  it('JSON Lines: not flagged — a whole last object without a line break, a bad line with one, JSON that is no object, a blank last line', async () => {
    expect(await collect(jsonlOf('{"a":1}\n{"a":2}'))).toEqual([
      { kind: 'object', line: 1, values: { a: 1 } },
      { kind: 'object', line: 2, values: { a: 2 } },
    ]);
    const bad = await collect(jsonlOf('{"a":1}\n{"a":2,"b\n'));
    expect(bad[1]?.kind === 'bad' ? [bad[1].code, bad[1].cutOff ?? null] : null).toEqual(['BAD_JSON', null]);
    // A number parses: BAD_JSON for not being an object, not a line cut short.
    expect(flagged(await collect(jsonlOf('{"a":1}\n42')))).toEqual([]);
    expect(await collect(jsonlOf('{"a":1}\n  \t'))).toEqual([{ kind: 'object', line: 1, values: { a: 1 } }]);
  });

  it('a file read in pieces: only its last piece ends so, and flags the same line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorebook-cut-'));
    const path = join(dir, 'm.csv');
    const rows = Array.from({ length: 400 }, (_, i) => `c${i},2026-10-05T10:00:00+08:00,agent,a1,hello`);
    writeFileSync(path, `conversation_id,sent_at,sender,agent_id,text\n${rows.join('\n')}\nc9,2026-10-0`);
    const options = {
      path,
      name: 'm.csv',
      format: 'csv' as const,
      encoding: 'utf-8' as const,
      headerRow: 1,
      sheet: null,
    };
    const whole = await collect(readFile(options));
    expect(flagged(whole)).toEqual([402]);
    const ranges: Array<{ start: number; end: number; line: number }> = [];
    const split = await splitFile({ ...options, pieceBytes: 4096, onPiece: (r) => ranges.push(r) });
    expect(split).not.toBeNull();
    expect(ranges.length).toBeGreaterThan(2);
    const lines: number[][] = [];
    for (const range of ranges)
      lines.push(
        flagged(
          await collect(
            readFile({
              ...options,
              range: {
                ...range,
                columns:
                  range.start === 0 ? null : ['conversation_id', 'sent_at', 'sender', 'agent_id', 'text'],
              },
            }),
          ),
        ),
      );
    expect(lines).toEqual([...ranges.slice(1).map(() => []), [402]]);
  });
});
