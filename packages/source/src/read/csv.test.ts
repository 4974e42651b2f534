import { describe, expect, it } from 'vitest';
import { brief, collect, csvOf, failure } from '../../test/read-support.ts';

const read = async (text: string, options: Parameters<typeof csvOf>[1] = {}) =>
  brief(await collect(csvOf(text, options)));

describe('reading CSV (RFC 4180)', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, each record at the line it starts on', async () => {
    expect(await read('a,b,c\r\n1,"x, y","say ""hi"""\r\n\r\n2,"two\nlines",\n3,,""\n')).toEqual([
      [1, 'header', ['a', 'b', 'c']],
      [2, ['1', 'x, y', 'say "hi"']],
      [4, ['2', 'two\nlines', '']],
      [6, ['3', '', '']],
    ]);
  });

  it('keeps the line breaks inside a quoted cell as they are (CR LF stays CR LF)', async () => {
    expect(await read('a,b\r\n"one\r\ntwo\nthree",x\r\n')).toEqual([
      [1, 'header', ['a', 'b']],
      [2, ['one\r\ntwo\nthree', 'x']],
    ]);
  });

  it('reads a quote inside an unquoted cell as a character, so the rows after it are kept', async () => {
    expect(await read('id,product,n\n1,5" screen,2\n2,ok,3\n3,a"b"c,4\n')).toEqual([
      [1, 'header', ['id', 'product', 'n']],
      [2, ['1', '5" screen', '2']],
      [3, ['2', 'ok', '3']],
      [4, ['3', 'a"b"c', '4']],
    ]);
  });

  it('treats a quote as special only at the very start of a cell', async () => {
    expect(await read('a,b\n "x,y"\n')).toEqual([
      [1, 'header', ['a', 'b']],
      [2, [' "x', 'y"']],
    ]);
  });

  it('rejects a record with text after a closing quote (BAD_QUOTE) at its line and goes on', async () => {
    const items = await collect(csvOf('id,note,n\n1,"a"b,2\n2,"multi\nline"x,3\n3,ok,4\n'));
    expect(brief(items)).toEqual([
      [1, 'header', ['id', 'note', 'n']],
      [2, 'BAD_QUOTE'],
      [3, 'BAD_QUOTE'],
      [5, ['3', 'ok', '4']],
    ]);
    expect(items[1]).toMatchObject({
      message: {
        en: 'the cell of column 2 (note) has text after its closing quote. A quote inside a quoted cell is written twice (""), e.g. "5"" screen".',
      },
    });
  });

  it('reads the cells after a bad closing quote by the same rules, so the record ends where it should', async () => {
    // After `"a"b`, the next cell opens a quoted cell that spans two lines: one record, lines 2–3.
    expect(await read('x,y\n"a"b,"c\nd"\n1,2\n')).toEqual([
      [1, 'header', ['x', 'y']],
      [2, 'BAD_QUOTE'],
      [4, ['1', '2']],
    ]);
  });

  it('rejects a record whose number of cells differs from the header (FIELD_COUNT), with quotes or without', async () => {
    const items = await collect(csvOf('a,b\n1,2,3\n"1"\n4,5\n'));
    expect(brief(items)).toEqual([
      [1, 'header', ['a', 'b']],
      [2, 'FIELD_COUNT'],
      [3, 'FIELD_COUNT'],
      [4, ['4', '5']],
    ]);
    expect(items[1]).toMatchObject({
      message: {
        zh: '这一行有 3 个单元格,表头有 2 列。含逗号的单元格要用双引号括起来。',
        en: 'the row has 3 cells, the header 2 columns. A cell that contains a comma is written in double quotes.',
      },
    });
  });

  it('says a short last line without a line break after it is most likely a file cut off', async () => {
    const cut = await collect(csvOf('a,b,c\n1,2,3\n4,5'));
    expect(brief(cut)).toEqual([
      [1, 'header', ['a', 'b', 'c']],
      [2, ['1', '2', '3']],
      [3, 'FIELD_COUNT'],
    ]);
    expect(cut[2]).toMatchObject({
      message: {
        en: "the row has 2 cells, the header 3 columns; it is the file's last line and the file does not end with a line break: the file was most likely cut off inside this line (a download or copy that did not finish). Export or copy the file again.",
      },
    });
    // The same line with its line break, or a last line with too many cells: the usual message.
    for (const text of ['a,b,c\n4,5\n', 'a,b,c\n4,5,6,7']) {
      const items = await collect(csvOf(text));
      expect(items[1]).toMatchObject({ code: 'FIELD_COUNT' });
      expect((items[1] as { message: { en: string } }).message.en).toContain('A cell that contains a comma');
    }
    // One cell: the singular.
    const one = await collect(csvOf('a,b\n1\n'));
    expect((one[1] as { message: { en: string } }).message.en).toContain(
      'the row has 1 cell, the header 2 columns.',
    );
  });

  it('stops on a quote never closed, naming the line where the cell opened', async () => {
    const { error, before } = await failure(csvOf('a,b\n1,2\n3,"x\n4,5\n6,7\n'));
    expect(error.kind).toBe('input');
    expect(error.problems).toMatchObject([{ code: 'UNCLOSED_QUOTE', file: 't.csv', line: 3 }]);
    expect(error.problems[0]!.message.en).toContain('a cell opened with a quote on line 3 is never closed');
    expect(brief(before)).toEqual([
      [1, 'header', ['a', 'b']],
      [2, ['1', '2']],
    ]);
    // The cell that opened last is the one named, in a record that started earlier.
    const later = await failure(csvOf('a,b\n"x\ny","z\n'));
    expect(later.error.problems[0]!.line).toBe(3);
  });

  it('stops on old Mac line breaks (a lone CR), saying so instead of reading one long header', async () => {
    const { error } = await failure(csvOf('agent_id,name\ra1,张三\ra2,李四\r'));
    expect(error.problems.map((p) => [p.code, p.line])).toEqual([['CR_LINE_BREAKS', 1]]);
    expect(error.problems[0]!.message.en).toContain('lone carriage return');
  });

  it('skips blank lines, reads LF and CR LF alike, and a last line without a line break', async () => {
    expect(await read('\r\n\na,b\n\n1,2\r\n\r\n3,4')).toEqual([
      [3, 'header', ['a', 'b']],
      [5, ['1', '2']],
      [7, ['3', '4']],
    ]);
    // A CR at the very end is what is left of a CR LF.
    expect(await read('a,b\n1,2\r')).toEqual([
      [1, 'header', ['a', 'b']],
      [2, ['1', '2']],
    ]);
  });

  it('keeps a CR that is not followed by a line feed, and spaces, as cell text', async () => {
    expect(await read('a,b\n x\ry , z \n')).toEqual([
      [1, 'header', ['a', 'b']],
      [2, [' x\ry ', ' z ']],
    ]);
  });

  it('reads a header-only file as a table without rows', async () => {
    expect(await read('a,b\n')).toEqual([[1, 'header', ['a', 'b']]]);
    expect(await read('a,b')).toEqual([[1, 'header', ['a', 'b']]]);
  });
});

describe('the header', () => {
  it('is trimmed (Unicode white space), and may be quoted', async () => {
    expect(await read(' agent_id ,\u3000name\t,"  team "\nx,y,z\n')).toEqual([
      [1, 'header', ['agent_id', 'name', 'team']],
      [2, ['x', 'y', 'z']],
    ]);
  });

  it('is read at header_row: the rows above it (title rows, blank or not) are skipped', async () => {
    const text = '会话记录 2026年10月,,\n"导出于 2026-11-01, 09:00"\n\nid,agent,at\n1,a1,x\n';
    expect(await read(text, { headerRow: 4 })).toEqual([
      [4, 'header', ['id', 'agent', 'at']],
      [5, ['1', 'a1', 'x']],
    ]);
    // header_row counts rows as Excel does: a quoted cell over two lines is one row.
    expect(await read('"title\nover two lines"\nid\n1\n', { headerRow: 2 })).toEqual([
      [3, 'header', ['id']],
      [4, ['1']],
    ]);
    // The first non-blank row at or after header_row is the header.
    expect(await read('title\n\n\nid\n1\n', { headerRow: 2 })).toEqual([
      [4, 'header', ['id']],
      [5, ['1']],
    ]);
  });

  it('stops the run when the file is empty or has no header at header_row', async () => {
    for (const text of ['', '\n\r\n\n', '\uFEFF']) {
      const { error } = await failure(csvOf(text));
      expect(error.problems).toMatchObject([{ code: 'FILE_EMPTY', file: 't.csv', line: null }]);
      expect(error.problems[0]!.message.en).toBe(
        't.csv is empty: it has no header row. A table without rows is written as its header line alone; check that the export succeeded.',
      );
    }
    const { error } = await failure(csvOf('title\n\n', { headerRow: 3 }));
    expect(error.problems).toMatchObject([{ code: 'NO_HEADER_ROW', file: 't.csv' }]);
    expect(error.problems[0]!.message.en).toBe(
      't.csv has 2 rows and no header at or after row 3 (header_row: 3). Check header_row in source.yaml.',
    );
  });

  it('stops the run on a repeated column name, naming both positions (after trimming; empty names are not names)', async () => {
    const { error } = await failure(csvOf('id,name,,, name,x\n'));
    expect(error.problems).toMatchObject([{ code: 'DUPLICATE_COLUMN', file: 't.csv', line: 1 }]);
    expect(error.problems[0]!.message.en).toBe(
      'In the header of t.csv (line 1) the column name "name" appears twice: column 2 (B) and column 5 (E). Rename or remove one of them.',
    );
    expect(await read('a,,\n1,2,3\n')).toEqual([
      [1, 'header', ['a', '', '']],
      [2, ['1', '2', '3']],
    ]);
  });

  it('stops the run on text after a closing quote in the header', async () => {
    const { error } = await failure(csvOf('a,"b"c\n1,2\n'));
    expect(error.problems).toMatchObject([{ code: 'HEADER_BAD_QUOTE', line: 1 }]);
    expect(error.problems[0]!.message.en).toContain('column 2 has text after its closing quote');
  });
});

describe('records longer than maxRecordBytes', () => {
  it('are refused at exactly the limit, line break included', async () => {
    // `1,2345678\n` is 10 bytes; `中,x\n` is 6 (中 is three bytes in UTF-8).
    const text = 'a,b\n1,2345678\n中,x\n';
    expect((await read(text, { maxRecordBytes: 10 })).length).toBe(3);
    const { error } = await failure(csvOf(text, { maxRecordBytes: 9 }));
    expect(error.problems).toMatchObject([{ code: 'RECORD_TOO_LONG', file: 't.csv', line: 2 }]);
    expect(error.problems[0]!.message.en).toBe(
      "t.csv: the record starting on line 2 is longer than the limit of 9 bytes, which no export's record is (the file may have no line breaks at all). Check that this is the right file.",
    );
    for (const chunks of [[1], [4], [7]]) {
      const again = await failure(csvOf(text, { maxRecordBytes: 9, chunks }));
      expect(again.error.problems[0]!.line).toBe(2);
    }
  });

  it('count a record over several lines as one, and name the quote that was never closed', async () => {
    const text = `a,b\n1,"${'x\n'.repeat(10)}"\n`;
    expect((await read(text, { maxRecordBytes: 100 })).length).toBe(2);
    const open = `a,b\n1,2\n3,"${'x\n'.repeat(1000)}`;
    const { error } = await failure(csvOf(open, { maxRecordBytes: 100, chunks: [64] }));
    expect(error.problems).toMatchObject([{ code: 'RECORD_TOO_LONG', line: 3 }]);
    expect(error.problems[0]!.message.en).toContain('the quoted cell opened on line 3 is never closed');
  });

  it('are refused before the rest of the file is read', async () => {
    let read = 0;
    const text = `a\n${'x'.repeat(10_000)}\n1\n`;
    const { error } = await failure(
      csvOf(text, { maxRecordBytes: 1000, chunks: [100], onBytes: (b) => (read += b.length) }),
    );
    expect(error.problems[0]).toMatchObject({ code: 'RECORD_TOO_LONG', line: 2 });
    expect(read).toBeLessThanOrEqual(1100);
  });
});

describe('chunks', () => {
  it('give the same items however the text is cut', async () => {
    const text = 'id,note\r\n1,"a,\r\nb"\r\n2,5" x\r\n\r\n3,"q""q"\r\n4,"z"y\r\n5,中文😀\r\n';
    const whole = await read(text);
    expect(whole).toEqual([
      [1, 'header', ['id', 'note']],
      [2, ['1', 'a,\r\nb']],
      [4, ['2', '5" x']],
      [6, ['3', 'q"q']],
      [7, 'BAD_QUOTE'],
      [8, ['5', '中文😀']],
    ]);
    for (let size = 1; size < 12; size++) expect(await read(text, { chunks: [size] })).toEqual(whole);
  });
});

describe('lines without quotes', () => {
  it('are cut at every comma: empty cells, a trailing comma, CR LF, a cell over the chunk boundary', async () => {
    // Lines without quotes are read apart from quoted ones; this text has both, in turn.
    const text = 'a,b,c\r\n1,,3\n,,\r\n4,5,\n"q",r,s\n,x,y\r\n7,8,9\n中,文,😀\r\n,,z';
    const expected = [
      [1, 'header', ['a', 'b', 'c']],
      [2, ['1', '', '3']],
      [3, ['', '', '']],
      [4, ['4', '5', '']],
      [5, ['q', 'r', 's']],
      [6, ['', 'x', 'y']],
      [7, ['7', '8', '9']],
      [8, ['中', '文', '😀']],
      [9, ['', '', 'z']],
    ];
    expect(await read(text)).toEqual(expected);
    for (let size = 1; size < 20; size++) expect(await read(text, { chunks: [size] })).toEqual(expected);
    expect(await read('a,b\n1,2,\n3\n,\n')).toEqual([
      [1, 'header', ['a', 'b']],
      [2, 'FIELD_COUNT'],
      [3, 'FIELD_COUNT'],
      [4, ['', '']],
    ]);
  });
});
