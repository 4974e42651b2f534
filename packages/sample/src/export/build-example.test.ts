import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { INPUT_TABLES } from '@scorebook/contract';
import { Zone } from '@scorebook/time';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHelpdeskExample } from './build-example.ts';
import type { ContractRow, ContractTables } from './contract-tables.ts';
import { EXAMPLE } from './example.ts';
import { type ExportColumn, helpdeskLayout } from './export-layout.ts';
import { cellOf } from './render-cells.ts';
import { selectMonth } from './select-month.ts';
import { sourceYaml } from './source-yaml.ts';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const folder = join(root, EXAMPLE.dir);
const shanghai = new Zone('Asia/Shanghai');

function filesBelow(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

describe('the converter of data/sample into data/examples/helpdesk-2026-10', () => {
  let built: Map<string, Buffer>;
  beforeAll(async () => {
    built = await buildHelpdeskExample({ ...EXAMPLE, sampleDir: join(root, EXAMPLE.sampleDir) });
  }, 120_000);

  it('reproduces every file of the folder byte for byte, workbooks included, and no other', () => {
    expect(filesBelow(folder)).toEqual([...built.keys()]);
    for (const [path, bytes] of built)
      expect(readFileSync(join(folder, path)).equals(bytes), path).toBe(true);
    expect(built.size).toBe(42);
  });

  it('writes CSV files as Excel does: GB18030 without a BOM, or UTF-8 with one, CRLF line ends', () => {
    const conversations = built.get('会话记录_2026-10.csv')!;
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(conversations)).toThrow();
    const text = iconv.decode(conversations, 'gb18030');
    expect(text.slice(0, text.indexOf('\r\n'))).toBe(
      '会话ID,访客ID,客服工号,接待客服,来源渠道,会话开始时间,会话结束时间,会话时长,是否解决,是否重开,是否转接,工单截止时间,工单关闭时间',
    );
    expect(text.split('\r\n')[1]).toBe(
      'c0000001,V112648,a0007,秦华婷,在线咨询,2026/10/01 22:03:01,2026/10/01 22:10:45,00:07:44,是,否,否,,',
    );
    expect([...built.get('客服名单.csv')!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(built.get('聊天记录/2026-10-01.csv')!.toString('utf8').split('\n')[0]).toBe(
      '会话ID,发送时间,发送方,客服工号,消息内容',
    );
    expect(iconv.decode(built.get('投诉记录_2026-10.csv')!, 'gb18030').split('\r\n')[1]).toBe(
      'p000001,2026年10月1日 12:56:54,范华,a0035,c0000045,物流问题,',
    );
  });

  it('writes workbooks with a summary sheet first and two title rows above the header', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(built.get('质检记录_2026-10.xlsx')! as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['汇总', '质检明细']);
    const sheet = workbook.getWorksheet('质检明细')!;
    expect(sheet.getCell('A1').value).toBe('客服质检明细表(2026年10月)');
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      '质检单号',
      '质检时间',
      '客服工号',
      '客服姓名',
      '会话ID',
      '质检得分',
      '是否触犯红线',
    ]);
    expect(sheet.getCell('B4').value).toEqual(new Date(Date.UTC(2026, 9, 1, 12)));
    expect(sheet.getCell('B4').numFmt).toBe('yyyy/mm/dd hh:mm:ss');
    expect(sheet.rowCount).toBe(3 + 394);
  });

  it('writes the surveys as JSON Lines with numbers and epoch milliseconds', () => {
    const first = built.get('满意度评价_2026-10.jsonl')!.toString('utf8').split('\n')[0]!;
    expect(JSON.parse(first)).toEqual({
      id: 's0000001',
      sessionId: 'c0000002',
      staffId: 'a0008',
      staffName: '覃丽萱',
      evaluation: 75,
      npsScore: null,
      userJoinEvaluateTime: Date.parse('2026-10-01T23:26:23+08:00'),
    });
  });
});

describe('selectMonth', () => {
  const tables = (rows: Partial<Record<keyof ContractTables, ContractRow[]>>): ContractTables =>
    Object.fromEntries(INPUT_TABLES.map((t) => [t, rows[t] ?? []])) as unknown as ContractTables;
  const conversation = (id: string, startedAt: string) => ({ conversation_id: id, started_at: startedAt });
  const message = (id: string, sentAt: string) => ({ conversation_id: id, sent_at: sentAt });

  it("keeps the month's rows in the timezone, what they refer to, and the replies and orders of its conversations", () => {
    const picked = selectMonth(
      tables({
        agents: [{ agent_id: 'a1' }],
        conversations: [
          conversation('c-sep', '2026-09-30T23:00:00+08:00'),
          conversation('c-oct', '2026-09-30T16:30:00Z'),
          conversation('c-last', '2026-10-31T23:50:00+08:00'),
          conversation('c-nov', '2026-10-31T16:30:00Z'),
        ],
        messages: [
          message('c-last', '2026-10-31T23:50:00+08:00'),
          message('c-last', '2026-11-01T08:01:00+08:00'),
          message('c-nov', '2026-11-01T00:30:00+08:00'),
        ],
        surveys: [{ survey_id: 's1', conversation_id: 'c-sep', submitted_at: '2026-10-01T09:00:00+08:00' }],
        orders: [{ order_id: 'o1', conversation_id: 'c-last', placed_at: '2026-11-02T10:00:00+08:00' }],
        attendance: [
          { agent_id: 'a1', date: '2026-09-30' },
          { agent_id: 'a1', date: '2026-10-31' },
        ],
      }),
      '2026-10',
      shanghai,
    );
    expect(picked.agents).toHaveLength(1);
    expect(picked.conversations.map((c) => c.conversation_id)).toEqual(['c-sep', 'c-oct', 'c-last']);
    expect(picked.messages.map((m) => m.sent_at)).toEqual([
      '2026-10-31T23:50:00+08:00',
      '2026-11-01T08:01:00+08:00',
    ]);
    expect(picked.surveys).toHaveLength(1);
    expect(picked.orders).toHaveLength(1);
    expect(picked.attendance.map((a) => a.date)).toEqual(['2026-10-31']);
  });

  it('refuses a period that is not a month', () => {
    expect(() => selectMonth(tables({}), '2026-Q4', shanghai)).toThrow('not a month: "2026-Q4"');
  });
});

describe('cellOf', () => {
  const context = { agents: new Map([['a1', { agent_id: 'a1', name: '王芳' }]]) };
  const column = (field: string, rest: Partial<ExportColumn>): ExportColumn => ({
    header: 'h',
    field,
    ...rest,
  });
  const cell = (c: ExportColumn, row: ContractRow) => cellOf(c, row, context, shanghai);
  const slash = { kind: 'tokens', tokens: ['yyyy/MM/dd HH:mm:ss', 'yyyy/MM/dd HH:mm:ss.SSS'] } as const;

  it('spells a value by the key of its map, as a number when the column is numeric', () => {
    expect(cell(column('resolved', { map: { 是: true, 否: false } }), { resolved: 'false' })).toBe('否');
    expect(cell(column('csat', { map: { '100': 5, '75': 4 }, numeric: true }), { csat: '4' })).toBe(75);
    expect(cell(column('resolved', { map: { 是: true } }), { resolved: '' })).toBeNull();
    expect(() => cell(column('resolved', { map: { 是: true } }), { resolved: 'false' })).toThrow(
      'h: no key of the map gives "false"',
    );
  });

  it('writes times as wall clock in the timezone, with milliseconds only when there are some', () => {
    const at = (text: string) => ({ at: text });
    expect(cell(column('at', { time: slash }), at('2026-10-05T01:00:00Z'))).toBe('2026/10/05 09:00:00');
    expect(cell(column('at', { time: slash }), at('2026-10-05T09:00:00.120+08:00'))).toBe(
      '2026/10/05 09:00:00.120',
    );
    expect(cell(column('at', { time: { kind: 'iso' } }), at('2026-10-05T09:00:00.007+08:00'))).toBe(
      '2026-10-05 09:00:00.007',
    );
    expect(cell(column('at', { time: { kind: 'unix_ms' } }), at('2026-10-05T09:00:00+08:00'))).toBe(
      Date.UTC(2026, 9, 5, 1),
    );
    expect(
      cell(column('at', { time: { kind: 'cell', numFmt: 'x' } }), at('2026-10-05T09:00:00+08:00')),
    ).toEqual(new Date(Date.UTC(2026, 9, 5, 9)));
    expect(() =>
      cell(
        column('at', { time: { kind: 'tokens', tokens: ['yyyy/M/d H:mm:ss'] } }),
        at('2026-10-05T09:00:00.5Z'),
      ),
    ).toThrow('has milliseconds and no format shows them');
  });

  it('writes a date as an Excel serial, a number with its decimals, and a column of its own from the agents', () => {
    expect(cell(column('date', { time: { kind: 'excel' } }), { date: '2026-10-08' })).toBe(46303);
    expect(cell(column('amount', { decimals: 2 }), { amount: '166.1' })).toBe('166.10');
    expect(
      cell(
        { header: '姓名', field: null, derive: (r, c) => c.agents.get(r.agent_id!)!.name! },
        { agent_id: 'a1' },
      ),
    ).toBe('王芳');
  });
});

describe('sourceYaml', () => {
  it('quotes what YAML would not read as the text it is, and leaves words plain', () => {
    const layout = helpdeskLayout('2026-10').filter((t) => t.table === 'surveys' || t.table === 'qa_reviews');
    const yaml = sourceYaml(
      { id: 'x-1', timezone: 'Asia/Shanghai', ignore: ['README*'], schema: 's.json', comment: [] },
      layout,
    );
    expect(yaml).toContain('timezone: Asia/Shanghai\nignore: ["README*"]\n');
    expect(yaml).toContain(
      '      csat: { column: evaluation, map: { "1": 1, "25": 2, "50": 3, "75": 4, "100": 5 } }\n',
    );
    expect(yaml).toContain('      submitted_at: { column: userJoinEvaluateTime, format: unix_ms }\n');
    expect(yaml).toContain(
      '    files: ["质检记录_*.xlsx"]\n    header_row: 3\n    sheet: 质检明细\n    fields:\n',
    );
    expect(yaml).toContain('      red_line: { column: 是否触犯红线, map: { 是: true, 否: false } }\n');
  });

  it('writes a field as a block when its line would pass 110 columns (CJK counted double)', () => {
    const layout = helpdeskLayout('2026-10').filter(
      (t) => t.table === 'conversations' || t.table === 'complaints',
    );
    const yaml = sourceYaml({ id: 'x', timezone: 'UTC', ignore: [], schema: 's.json', comment: [] }, layout);
    expect(yaml).toContain(
      '      channel:\n        column: 来源渠道\n        map: { 在线咨询: chat, 电话: phone, 邮件: email, 工单: ticket, 企业微信群: wecom_group }\n',
    );
    expect(yaml).toContain(
      '      category:\n        column: 投诉类型\n        map:\n          服务态度: attitude\n',
    );
    expect(yaml).toContain(
      '      started_at: { column: 会话开始时间, format: ["yyyy/MM/dd HH:mm:ss", "yyyy/MM/dd HH:mm:ss.SSS"] }\n',
    );
  });
});
