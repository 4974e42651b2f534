import { describe, expect, it } from 'vitest';
import { brief, collect, csvOf } from '../../test/read-support.ts';
import { csvItems } from './csv.ts';
import { decodeBytes } from './decode.ts';
import { MAX_RECORD_BYTES } from './file-items.ts';

// Two exports joined (`cat a.csv b.csv`): the second one's byte-order mark and header mid-file.
const JOINED = 'id,name\n1,a\n\uFEFFid,name\n2,b\n id ,\u3000name\n"id","name"\n3,c\n';

describe('a CSV file of two exports joined', () => {
  it('rejects a line repeating the header (HEADER_REPEATED), after a byte-order mark too, in every chunking', async () => {
    const expected = [
      [1, 'header', ['id', 'name']],
      [2, ['1', 'a']],
      [3, 'HEADER_REPEATED'],
      [4, ['2', 'b']],
      [5, 'HEADER_REPEATED'],
      [6, 'HEADER_REPEATED'],
      [7, ['3', 'c']],
    ];
    for (const chunks of [undefined, [1], [2], [3], [5, 7], [11]]) {
      const items = await collect(csvOf(JOINED, chunks === undefined ? {} : { chunks }));
      expect(brief(items), `chunks ${chunks}`).toEqual(expected);
    }
    const items = await collect(csvOf(JOINED));
    expect(items[2]).toMatchObject({
      message: { en: expect.stringContaining('(after a byte-order mark, \\uFEFF)') },
    });
    expect(items[4]).toMatchObject({ message: { en: expect.not.stringContaining('byte-order') } });
    expect(items[2]).toMatchObject({ message: { zh: expect.stringContaining('两个导出拼接') } });
  });

  it('rejects a record that starts with a byte-order mark (BOM_INSIDE_FILE), quoted or not, a mark alone too', async () => {
    const text = 'id,name\n\uFEFF2,b\n\uFEFF\n\uFEFF"x,y",z\n\uFEFF"un\nclosed",w\n4,d\uFEFF\n';
    for (const chunks of [undefined, [1], [4]]) {
      expect(brief(await collect(csvOf(text, chunks === undefined ? {} : { chunks })))).toEqual([
        [1, 'header', ['id', 'name']],
        [2, 'BOM_INSIDE_FILE'],
        [3, 'BOM_INSIDE_FILE'],
        [4, 'BOM_INSIDE_FILE'],
        [5, 'BOM_INSIDE_FILE'],
        [7, ['4', 'd\uFEFF']],
      ]);
    }
  });

  it('says so on a last line without a line break too', async () => {
    for (const chunks of [undefined, [1]]) {
      const options = chunks === undefined ? {} : { chunks };
      expect(brief(await collect(csvOf('id,name\n\uFEFF9,z', options)))).toEqual([
        [1, 'header', ['id', 'name']],
        [2, 'BOM_INSIDE_FILE'],
      ]);
      expect(brief(await collect(csvOf('id,name\n\uFEFFid,name', options)))).toEqual([
        [1, 'header', ['id', 'name']],
        [2, 'HEADER_REPEATED'],
      ]);
      expect(brief(await collect(csvOf('id,name\n\uFEFF', options)))).toEqual([
        [1, 'header', ['id', 'name']],
        [2, 'BOM_INSIDE_FILE'],
      ]);
    }
  });

  it('reads rows that only resemble the header as records', async () => {
    expect(brief(await collect(csvOf('id,name\nid,other\nidx,name\nid\n,\n')))).toEqual([
      [1, 'header', ['id', 'name']],
      [2, ['id', 'other']],
      [3, ['idx', 'name']],
      [4, 'FIELD_COUNT'],
      [5, ['', '']],
    ]);
  });

  it('compares with an empty first name; never with a header of empty names', async () => {
    expect(brief(await collect(csvOf(',a\n,a\n1,a\n')))).toEqual([
      [1, 'header', ['', 'a']],
      [2, 'HEADER_REPEATED'],
      [3, ['1', 'a']],
    ]);
    expect(brief(await collect(csvOf(',\n,\n')))).toEqual([
      [1, 'header', ['', '']],
      [2, ['', '']],
    ]);
  });

  it('does the same in a piece of the file read on its own (the header given)', async () => {
    const bytes = new TextEncoder().encode('\uFEFFid,name\n5,e\n\uFEFF6,f\n');
    const chunks = decodeBytes([bytes], {
      name: 't.csv',
      encoding: 'utf-8',
      table: null,
      from: { offset: 40, line: 9 },
    });
    const items = await collect(
      csvItems(chunks, {
        name: 't.csv',
        headerRow: 1,
        maxRecordBytes: MAX_RECORD_BYTES,
        piece: { line: 9, columns: ['id', 'name'] },
      }),
    );
    expect(brief(items)).toEqual([
      [9, 'HEADER_REPEATED'],
      [10, ['5', 'e']],
      [11, 'BOM_INSIDE_FILE'],
    ]);
  });
});
