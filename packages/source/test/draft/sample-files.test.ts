import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftSourceFor, sampleDataFolder } from '../../src/draft/sample-files.ts';
import { encodeUtf16 } from '../read-support.ts';
import { buildXlsx } from '../xlsx-fixture.ts';
import { sheetRows } from './export-folder.ts';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'scorebook-sample-'));
  const files: Record<string, string | Uint8Array> = {
    'empty.csv': '',
    'latin1.csv': Uint8Array.of(0x61, 0x2c, 0x62, 0x0a, 0xff, 0xfe, 0x2c, 0x80, 0x0a),
    'utf16.csv': encodeUtf16('会话ID,发送时间,发送方\r\nC1,2026-10-05 09:00:00,客户\r\n', 'le', true),
    'titles.csv': '合计,合计,合计\n\n会话ID,客服工号,渠道,开始时间\nC1,A01,在线,2026-10-05 09:00\n',
    // A header that names a column twice, and no other row that could be the header.
    'twice.csv': '会话ID,客服工号,备注,备注\nC1,A01,x,y\n',
    'broken.xlsx': 'not a workbook',
    'nested/deeper/orders_2026-10.jsonl':
      '{"order_id":"O1","agent_id":"A01","placed_at":"2026-10-05T09:00:00+08:00","amount":12}\nnot json\n',
    '.hidden.csv': 'a,b\n',
    'book.xlsx': '',
  };
  for (const [path, data] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), data);
  }
  await writeFile(
    join(dir, 'book.xlsx'),
    buildXlsx({
      sheets: [
        {
          name: 'Sheet1',
          rows: sheetRows([[null], ['Name', 'Team', 'Role', 'Agent ID'], ['Ann', 'A', 'presale', 'a1']]),
        },
      ],
    }),
  );
  execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
  await symlink(join(dir, 'nested'), join(dir, 'nested', 'loop'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sampleDataFolder', () => {
  it('samples what it can and names why it cannot, without opening a FIFO or looping on a link', async () => {
    const files = await sampleDataFolder(dir, 10);
    expect(
      files.map((f) => ({
        path: f.path,
        encoding: f.encoding?.encoding ?? null,
        sheets: f.sheets.map((s) => [s.name, s.firstRow, s.rows.length, s.objects.length, s.badRecords]),
        problem: f.problem?.en.split(':')[0] ?? null,
      })),
    ).toEqual([
      { path: 'book.xlsx', encoding: null, sheets: [['Sheet1', 2, 2, 0, 0]], problem: null },
      { path: 'broken.xlsx', encoding: null, sheets: [], problem: 'This is not an .xlsx workbook' },
      { path: 'empty.csv', encoding: null, sheets: [], problem: 'empty.csv is empty' },
      {
        path: 'latin1.csv',
        encoding: null,
        sheets: [],
        problem: 'latin1.csv is neither UTF-8 nor GB18030 and starts with no UTF-16 byte-order mark',
      },
      {
        path: 'nested/deeper/orders_2026-10.jsonl',
        encoding: 'utf-8',
        sheets: [[null, 1, 0, 1, 1]],
        problem: null,
      },
      {
        path: 'pipe.csv',
        encoding: null,
        sheets: [],
        problem:
          'pipe.csv is a named pipe (FIFO), not a regular file, and cannot be read as data. Put the export file itself here, or list it under ignore in source.yaml.',
      },
      { path: 'titles.csv', encoding: 'utf-8', sheets: [[null, 3, 2, 0, 0]], problem: null },
      { path: 'twice.csv', encoding: 'utf-8', sheets: [[null, 2, 1, 0, 0]], problem: null },
      { path: 'utf16.csv', encoding: 'utf-16le', sheets: [[null, 1, 2, 0, 0]], problem: null },
    ]);
    expect(files.find((f) => f.path === 'latin1.csv')!.problem!.en).toBe(
      'latin1.csv is neither UTF-8 nor GB18030 and starts with no UTF-16 byte-order mark: its encoding is not known. Save it from Excel as "CSV UTF-8", or write its encoding in source.yaml.',
    );
  });

  it('drafts the readable files and lists the others', async () => {
    const text = await draftSourceFor(dir, { schema: 's.json', sampleRows: 10 });
    expect(
      text.split('\n').filter((l) => /^ {2}\w|^# {2}|^id:|files:|header_row|encoding|注意/.test(l)),
    ).toEqual([
      `id: ${(dir.split('/').pop() ?? '')
        .toLowerCase()
        .replace(/[^a-z0-9_-]+/g, '-')
        .replace(/^[^a-z]+|-+$/g, '')}`,
      '  agents:',
      '    files: ["book.xlsx"]',
      '    header_row: 2 # 上面 1 行是标题 / 1 title row above',
      '  conversations:',
      '    files: ["titles.csv"]',
      '    encoding: utf-8',
      '    header_row: 3 # 上面 2 行是标题 / 2 title rows above',
      '  messages:',
      '    files: ["utf16.csv"]',
      '    encoding: utf-16le',
      '  orders:',
      '    files: ["nested/deeper/orders_*.jsonl"] # nested/deeper/orders_2026-10.jsonl',
      '    # 注意 / note: nested/deeper/orders_2026-10.jsonl 样本中有 1 条记录无法读取 / records of the sample that could not be read: 1',
      '    encoding: utf-8',
      expect.stringMatching(/^# {3}broken\.xlsx — /),
      expect.stringMatching(/^# {3}empty\.csv — /),
      expect.stringMatching(/^# {3}latin1\.csv — latin1\.csv 既不是 UTF-8/),
      expect.stringMatching(/^# {3}pipe\.csv — /),
      // Why it has no table: its header names a column twice (trial 6 M8: it said "too weak a match").
      expect.stringMatching(/^# {3}twice\.csv — .*"备注".*/),
    ]);
  });
});

describe("the draft's id", () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'scorebook-draft-id-'));
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });
  const idOf = async (path: string) => {
    await mkdir(path, { recursive: true });
    await writeFile(join(path, 'agents.csv'), 'agent_id,name,team,role\na1,张三,售后,aftersale\n');
    return (await draftSourceFor(path, { sampleRows: 10 })).split('\n').find((l) => l.startsWith('id:'));
  };

  it("is the folder's name in lower case, without leading non-letters", async () => {
    expect(await idOf(join(root, 'Qiyu Export 2026-10'))).toBe('id: qiyu-export-2026-10');
    expect(await idOf(join(root, '2026-10_Qiyu'))).toBe('id: qiyu');
  });

  it('of a folder whose name has no letter is led by the folders it is in, up to one with a letter', async () => {
    expect(await idOf(join(root, 'qiyu', '2026-10'))).toBe('id: qiyu-2026-10');
    expect(await idOf(join(root, 'Exports', '2026', '10'))).toBe('id: exports-2026-10');
    expect(await idOf(join(root, 'wecom', '七鱼导出', '202610'))).toBe('id: wecom-202610');
  });
});
