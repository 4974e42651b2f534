import { Zone } from '@scorebook/time';
import { describe, expect, it } from 'vitest';
import { TableTyper } from '../fields/table-typer.ts';
import { loadSourceBytes } from '../load/load-source.ts';

const load = (text: string) => loadSourceBytes('source.yaml', new TextEncoder().encode(text));
const codes = (text: string) => load(text).problems.map((p) => [p.code, p.line, p.column]);

const MEMBERS = `scorebook: 1
kind: source
custom:
  x_group_members:
    title: 社群成员
    files: ["社群成员_*.csv"]
    encoding: gbk
    id: member_id
    agent: agent_id
    time: joined_at
    fields:
      member_id: { column: 成员ID, type: id }
      agent_id: { column: 负责客服, type: id }
      group_name: { column: 群名称, type: string, required: true }
      joined_at: { column: 入群时间, type: timestamp, format: "yyyy/M/d H:mm" }
      active: { column: 是否活跃, type: bool, map: { 是: true, 否: false } }
      messages: { column: 发言数, type: int, min: 0 }
      level: { column: 等级, type: string, values: [new, regular, core] }
`;

describe('custom tables of a source', () => {
  it('reads the titles of fields, the English one defaulting to the Chinese, and refuses one that is not text', () => {
    const titled = MEMBERS.replace(
      '{ column: 群名称, type: string, required: true }',
      '{ column: 群名称, type: string, required: true, title: 群名称, title_en: Group }',
    ).replace('{ column: 是否活跃, type: bool,', '{ column: 是否活跃, type: bool, title: 活跃,');
    const { source, problems } = load(titled);
    expect(problems).toEqual([]);
    expect(source?.custom.get('x_group_members')?.spec.titles).toEqual({
      group_name: { title: '群名称', title_en: 'Group' },
      active: { title: '活跃', title_en: '活跃' },
    });
    expect(
      codes(MEMBERS.replace('{ column: 成员ID, type: id }', '{ column: 成员ID, type: id, title: 3 }')),
    ).toEqual([['WRONG_TYPE', 12, 51]]);
  });

  it('reads a declaration: files, encoding, the fields with their specs, id, agent and time', () => {
    const { source, problems } = load(MEMBERS);
    expect(problems).toEqual([]);
    const members = source?.custom.get('x_group_members');
    expect(members?.files).toEqual(['社群成员_*.csv']);
    expect(members?.encoding).toBe('gb18030');
    expect(members?.spec).toEqual({
      name: 'x_group_members',
      zh: '社群成员',
      idField: 'member_id',
      agentField: 'agent_id',
      timeField: 'joined_at',
      fields: {
        member_id: { type: 'id', required: true },
        agent_id: { type: 'id', required: true },
        group_name: { type: 'string', required: true },
        joined_at: { type: 'timestamp', required: true },
        active: { type: 'bool', required: false },
        messages: { type: 'int', required: false, min: 0 },
        level: { type: 'string', required: false, values: ['new', 'regular', 'core'] },
      },
      titles: {},
    });
    expect(members?.fields.map((f) => [f.field, f.column])).toEqual([
      ['member_id', '成员ID'],
      ['agent_id', '负责客服'],
      ['group_name', '群名称'],
      ['joined_at', '入群时间'],
      ['active', '是否活跃'],
      ['messages', '发言数'],
      ['level', '等级'],
    ]);
    expect(members?.source.line).toBe(5);
  });

  it('types its rows by the declaration: maps, formats, bounds, closed values, required fields', () => {
    const members = load(MEMBERS).source?.custom.get('x_group_members') ?? null;
    const typer = new TableTyper('x_group_members', members, new Zone('Asia/Shanghai'));
    const header = ['成员ID', '负责客服', '群名称', '入群时间', '是否活跃', '发言数', '等级', '备注'];
    expect(typer.fileHeader('社群成员_10.csv', header, 1)).toEqual([]);
    expect(typer.record(['m1', 'a01', '售后1群', '2026/10/5 9:30', '是', '12', 'core', '老客户'])).toEqual({
      values: {
        member_id: 'm1',
        agent_id: 'a01',
        group_name: '售后1群',
        joined_at: Date.UTC(2026, 9, 5, 1, 30),
        active: true,
        messages: 12,
        level: 'core',
        备注: '老客户',
      },
    });
    const rejected = (cells: string[]) => {
      const r = typer.record(cells);
      return 'rejection' in r ? [r.rejection.field, r.rejection.code] : null;
    };
    expect(rejected(['m2', 'a01', '', '2026/10/5 9:30', '', '', '', ''])).toEqual([
      'group_name',
      'MISSING_FIELD',
    ]);
    expect(rejected(['m3', 'a01', 'g', '2026/10/5 9:30', '也许', '', '', ''])).toEqual([
      'active',
      'UNMAPPED_VALUE',
    ]);
    expect(rejected(['m4', 'a01', 'g', '2026/10/5 9:30', '', '-1', '', ''])).toEqual([
      'messages',
      'OUT_OF_RANGE',
    ]);
    expect(rejected(['m5', 'a01', 'g', '2026/10/5 9:30', '', '', 'vip', ''])).toEqual([
      'level',
      'NOT_ALLOWED_VALUE',
    ]);
    expect(rejected(['', 'a01', 'g', '2026/10/5 9:30', '', '', '', ''])).toEqual([
      'member_id',
      'MISSING_FIELD',
    ]);
  });

  it('says which declared column a file lacks, with the custom section to write', () => {
    const members = load(MEMBERS).source?.custom.get('x_group_members') ?? null;
    const typer = new TableTyper('x_group_members', members, new Zone('Asia/Shanghai'));
    const problems = typer.fileHeader('社群成员_10.csv', ['成员ID', '负责客服', '入群时间'], 1);
    expect(problems.map((p) => [p.code, p.file, p.line])).toEqual([
      ['MAPPED_COLUMN_MISSING', '社群成员_10.csv', 1],
      ['MAPPED_COLUMN_MISSING', '社群成员_10.csv', 1],
      ['MAPPED_COLUMN_MISSING', '社群成员_10.csv', 1],
      ['MAPPED_COLUMN_MISSING', '社群成员_10.csv', 1],
    ]);
  });

  it('reports every problem of the declarations at once, each at its position', () => {
    const text = `scorebook: 1
kind: source
custom:
  orders:
    files: [a.csv]
    id: a
    agent: b
    time: c
    fields: { a: { type: id } }
  group-members:
    files: [b.csv]
    id: a
    agent: b
    time: c
    fields: { a: { type: id } }
  x_members:
    files: ["../m.csv"]
    id: member
    agent: joined
    time: joined
    fields:
      agent: { type: id, required: false }
      joined: { type: string, min: 1 }
      score: { type: number, min: 5, max: 1 }
      tier: { type: int, values: [a] }
      when: { type: date, map: { x: 1 } }
`;
    expect(codes(text)).toEqual([
      ['CUSTOM_TABLE_NAME', 4, 3],
      ['CUSTOM_TABLE_NAME', 10, 3],
      ['SOURCE_BAD_GLOB', 17, 13],
      ['CUSTOM_KEY_FIELD_UNDECLARED', 18, 9],
      ['CUSTOM_KEY_FIELDS_SAME', 20, 11],
      ['CUSTOM_KEY_FIELD_TYPE', 23, 23],
      ['CUSTOM_KEY_FIELD_TYPE', 23, 23],
      ['CUSTOM_BOUNDS_NOT_NUMERIC', 23, 36],
      ['CUSTOM_BOUNDS_REVERSED', 24, 35],
      ['CUSTOM_VALUES_NOT_TEXT', 25, 34],
      ['SOURCE_MAP_ON_TIME', 26, 32],
    ]);
    const [reserved, misnamed] = load(text).problems;
    expect(reserved?.message.en).toBe(
      'A custom table cannot be named "orders": that is a table of the data contract; describe it under tables. Custom table names start with x_, such as x_orders.',
    );
    expect(misnamed?.message.zh).toContain('"group-members"');
  });

  it('refuses a field without a type and a key the schema does not know', () => {
    const text = `scorebook: 1
kind: source
custom:
  x_members:
    files: [m.csv]
    id: member
    agent: agent
    time: at
    shard: 2
    fields:
      member: { column: 成员 }
`;
    expect(codes(text).map(([code]) => code)).toEqual(['UNKNOWN_KEY', 'MISSING_KEY']);
  });
});
