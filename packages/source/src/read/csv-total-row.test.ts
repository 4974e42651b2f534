import { describe, expect, it } from 'vitest';
import { brief, collect, csvOf } from '../../test/read-support.ts';

// An export with the spreadsheet's totals row at its end (and one in the middle, a subtotal).
const WITH_TOTALS = [
  '会话编号,客服工号,满意度',
  'c1,a1,5',
  ' 小计 ,,5',
  'c2,a2,4',
  ',合 计：,9',
  '"Total",,9',
  'c3,a3,3',
  '合计人数,,3',
  'TOTAL_c4,a4,3',
  'sum,,1',
  // Shorter than the header (a totals row Excel wrote without its empty cells).
  '合计,100',
  '',
].join('\n');

describe('a CSV export with totals rows', () => {
  it('rejects a record whose first non-empty cell is a totals word (TOTAL_ROW), quoted or not, in every chunking', async () => {
    const expected = [
      [1, 'header', ['会话编号', '客服工号', '满意度']],
      [2, ['c1', 'a1', '5']],
      [3, 'TOTAL_ROW'],
      [4, ['c2', 'a2', '4']],
      [5, 'TOTAL_ROW'],
      [6, 'TOTAL_ROW'],
      [7, ['c3', 'a3', '3']],
      // Other words, and a totals word inside a longer id, are records.
      [8, ['合计人数', '', '3']],
      [9, ['TOTAL_c4', 'a4', '3']],
      [10, 'TOTAL_ROW'],
      [11, 'TOTAL_ROW'],
    ];
    for (const chunks of [undefined, [1], [3], [7, 11]]) {
      const items = await collect(csvOf(WITH_TOTALS, chunks === undefined ? {} : { chunks }));
      expect(brief(items), `chunks ${chunks}`).toEqual(expected);
    }
    const items = await collect(csvOf(WITH_TOTALS));
    expect(items[4]).toEqual({
      kind: 'bad',
      line: 5,
      code: 'TOTAL_ROW',
      message: {
        zh: '这一行是导出表格的合计行(第 2 列为“合 计：”),不是一条记录:只作为被拒绝的行列出,并计入被拒绝行的上限。请导出时不带合计行,或删除这一行;若只因它超出上限,可用 --max-rejected 放宽。',
        en: 'this row is the export\'s totals row (column 2 reads "合 计："), not a record: it is only listed as a rejected row, and counts toward the rejected-row limit. Export without the totals row, or delete it; if it alone takes the table over the limit, raise --max-rejected.',
      },
    });
  });
});
