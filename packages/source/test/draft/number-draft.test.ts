import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftSourceFor } from '../../src/draft/sample-files.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scorebook-numbers-'));
  await writeFile(join(dir, '客服名单.csv'), '工号,姓名,组别,岗位\na1,张三,一组,presale\n');
  await writeFile(
    join(dir, '订单明细_2026-11.csv'),
    [
      '订单号,客服工号,下单时间,实付金额',
      'O1,a1,2026-11-04 11:30:00,"1,234.50"',
      'O2,a1,2026-11-04 13:33:00,¥88.00',
      'O3,a1,2026-11-05 13:33:00,66.00元',
      'O4,a1,2026-11-05 14:33:00,240.05',
      'O5,a1,2026-11-05 15:33:00,88万元',
      '',
    ].join('\n'),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('source init on amounts with separators and currency signs', () => {
  it('proposes the number option that reads them (texts as first seen in code-point order of the values), and names the values it does not read', async () => {
    const draft = await draftSourceFor(dir, { id: 'numbers' });
    const orders = draft.slice(draft.indexOf('  orders:'));
    expect(orders).toContain(
      '      amount: { column: 实付金额, number: { thousands: ",", strip: ["元", "¥"] } }\n',
    );
    expect(orders).toContain('# TODO amount: 这些值不是数字 / these values are not plain numbers: "88万元"');
  });
});
