import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_FILES } from '../scripts/generated-files.ts';
import { findSource } from '../src/index.ts';
import { loadSourceBytes } from '../src/load/load-source.ts';

const load = (text: string) => loadSourceBytes('source.yaml', new TextEncoder().encode(text));
const codes = (text: string) => load(text).problems.map((p) => [p.code, p.line, p.column]);

const SPEC_EXAMPLE = `# yaml-language-server: $schema=../../configs/schema/source.schema.json
scorebook: 1
kind: source
id: qiyu-2026
timezone: Asia/Shanghai
ignore: ["README*", "*.pdf"]
tables:
  conversations:
    files: ["会话记录_*.csv"]
    encoding: gb18030
    header_row: 1
    fields:
      conversation_id: 会话ID
      agent_id: 客服工号
      channel: { column: 渠道, map: { 在线: chat, 电话: phone, 工单: ticket } }
      started_at: { column: 开始时间, format: "yyyy/M/d H:mm:ss" }
      resolved: { column: 是否解决, map: { 是: true, 否: false } }
      complexity: { column: 问题复杂度, type: string, map: { 简单: simple, 一般: normal, 复杂: complex } }
  messages:
    files: ["聊天记录/*.xlsx"]
    sheet: 消息
    fields:
      sender: { column: 发送方, map: { 客户: customer, 客服: agent, 机器人: bot, 系统: system } }
`;

describe('source.yaml', () => {
  it('accepts the example of the spec', () => {
    const { source, problems } = load(SPEC_EXAMPLE);
    expect(problems).toEqual([]);
    expect(source?.id).toBe('qiyu-2026');
    const conversations = source!.tables.get('conversations')!;
    expect(conversations.encoding).toBe('gb18030');
    expect(conversations.fields.map((f) => [f.field, f.column, f.type])).toEqual([
      ['conversation_id', '会话ID', null],
      ['agent_id', '客服工号', null],
      ['channel', '渠道', null],
      ['started_at', '开始时间', null],
      ['resolved', '是否解决', null],
      ['complexity', '问题复杂度', 'string'],
    ]);
    expect(conversations.fields[4]!.map).toEqual(
      new Map([
        ['是', true],
        ['否', false],
      ]),
    );
    expect(source!.tables.get('messages')!.sheet).toBe('消息');
  });

  it('reports every problem at once, with its position', () => {
    expect(
      codes(`scorebook: 1
kind: source
timezone: Asia/Shanghi
tables:
  Surveys:
    files: ["*.csv"]
  messages:
    encodng: gb18030
    files: ["../x/*.csv"]
    fields:
      sender: { column: 发送方, map: { 客户: Customer } }
      sent_at: { column: 时间, format: "HH:mm" }
      csat: { column: 满意度 }
`),
    ).toEqual([
      ['SOURCE_UNKNOWN_TIMEZONE', 3, 11],
      ['UNKNOWN_KEY', 5, 3],
      ['UNKNOWN_KEY', 8, 5],
      ['SOURCE_BAD_GLOB', 9, 13],
      ['SOURCE_MAP_VALUE_NOT_ALLOWED', 11, 41],
      ['SOURCE_BAD_TIME_FORMAT', 12, 38],
    ]);
    expect(
      codes(`scorebook: 1
kind: source
timezone: Asia/Shanghi
tables:
  messages:
    files: ["../x/*.csv"]
    fields:
      sender: { column: 发送方, map: { 客户: Customer, " 客户 ": customer } }
      sent_at: { column: 时间, format: "HH:mm", type: timestamp }
      text: { column: 内容, format: "yyyy" }
  conversations:
    fields:
      replied: 是否回复
`),
    ).toEqual([
      ['SOURCE_UNKNOWN_TIMEZONE', 3, 11],
      ['SOURCE_BAD_GLOB', 6, 13],
      ['SOURCE_MAP_VALUE_NOT_ALLOWED', 8, 41],
      ['SOURCE_MAP_DUPLICATE_KEY', 8, 51],
      ['SOURCE_BAD_TIME_FORMAT', 9, 38],
      ['SOURCE_TYPE_ON_CONTRACT_FIELD', 9, 53],
      ['SOURCE_FORMAT_NOT_TIME', 10, 35],
      ['SOURCE_FIELD_SHADOWS_DERIVED', 13, 7],
    ]);
  });

  it('checks the meaning of every part the schema accepts, and reports both kinds together', () => {
    const { source, problems } = load(`scorebook: 1
kind: source
timezon: Asia/Shanghai
ignore: ["README*", 3]
tables:
  conversations:
    encoding: latin-9
    fields:
      agent_idd: 客服
      started_at: { column: 开始, format: "HH:mm" }
      closed_at: 7
  orders:
    files: ["/abs/*.csv"]
    fields:
      amount: { column: 金额, map: { 一: one } }
  surveys:
    fields:
      csat: { column: 满意度, map: { 好: 5 }, format: "yyyy-MM-dd" }
custom:
  x_members:
    files: ["members.csv"]
    id: member_id
    agent: agent_id
    fields:
      member_id: { type: id }
  x_groups:
    files: ["groups.csv"]
    id: group_id
    agent: owner
    time: joined_at
    fields:
      group_id: { type: id }
`);
    expect(source).toBeNull();
    expect(problems.map((p) => [p.code, p.line, p.column, p.path])).toEqual([
      ['UNKNOWN_KEY', 3, 1, 'timezon'],
      ['WRONG_TYPE', 4, 21, 'ignore[1]'],
      ['NOT_ALLOWED_VALUE', 7, 15, 'tables.conversations.encoding'],
      ['SOURCE_FIELD_MISSPELT', 9, 7, 'tables.conversations.fields.agent_idd'],
      ['SOURCE_BAD_TIME_FORMAT', 10, 41, 'tables.conversations.fields.started_at.format'],
      ['WRONG_TYPE', 11, 18, 'tables.conversations.fields.closed_at'],
      ['SOURCE_BAD_GLOB', 13, 13, 'tables.orders.files[0]'],
      ['SOURCE_MAP_VALUE_TYPE', 15, 39, 'tables.orders.fields.amount.map.一'],
      ['SOURCE_FORMAT_NOT_TIME', 18, 51, 'tables.surveys.fields.csat.format'],
      ['MISSING_KEY', 20, 3, 'custom.x_members'],
      ['CUSTOM_KEY_FIELD_UNDECLARED', 29, 12, 'custom.x_groups.agent'],
      ['CUSTOM_KEY_FIELD_UNDECLARED', 30, 11, 'custom.x_groups.time'],
    ]);
    // Why the format cannot be used, in each language (no English in the Chinese).
    const format = problems.find((p) => p.code === 'SOURCE_BAD_TIME_FORMAT');
    expect(format?.message.zh).toContain('不可用:缺少 y(年)、M(月)、d(日)。');
    expect(format?.message.en).toContain('cannot be used: it has no y (year), M (month), d (day).');
  });

  it('refuses a name one slip away from a contract field (a typo), and a TODO the draft left in a map', () => {
    expect(
      codes(`scorebook: 1
kind: source
tables:
  conversations:
    fields:
      reslved: { column: 是否解决, map: { 是: true, 否: false } }
      channel_group: 渠道分组
      closd_at: { column: 关闭时间, type: timestamp }
  complaints:
    fields:
      category: { column: 投诉类型, map: { 产品质量: TODO, 物流: logistics } }
`),
    ).toEqual([
      ['SOURCE_FIELD_MISSPELT', 6, 7],
      ['SOURCE_MAP_TODO', 11, 46],
    ]);
  });

  it("says in a TODO of a map what the field takes: its values when closed, the policy's spelling when open (trial 10 finding 9)", () => {
    const messages = load(`scorebook: 1
kind: source
tables:
  messages:
    fields:
      sender: { column: 发送方, map: { 客户: customer, 机器人: TODO } }
  conversations:
    fields:
      channel: { column: 渠道, map: { 抖店: TODO } }
`).problems.map((p) => p.message.en.split('TODO. ')[1]);
    expect(messages).toEqual([
      'Write the value it stands for: sender is one of customer, agent, bot, system (or null for missing).',
      "Write the value it stands for (or null for missing): channel takes any value, so write it as the policy's conditions compare it (a condition channel equal chat wants chat here), or these rows meet none of those conditions.",
    ]);
  });

  it('checks that map values fit the field', () => {
    expect(
      codes(`scorebook: 1
kind: source
tables:
  surveys:
    fields:
      csat: { column: 满意度, map: { 非常满意: 5, 很差: 0, 一般: "3" } }
      nps: { column: 推荐, map: { 高: 10, 缺失: null } }
`),
    ).toEqual([
      ['SOURCE_MAP_VALUE_TYPE', 6, 48],
      ['SOURCE_MAP_VALUE_TYPE', 6, 55],
    ]);
  });

  it('is found beside the data, or given, or absent (the v1 rules)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorebook-source-'));
    expect(findSource(dir).source?.file).toBeNull();
    writeFileSync(join(dir, 'source.yaml'), SPEC_EXAMPLE);
    expect(findSource(dir).source?.id).toBe('qiyu-2026');
    expect(findSource(dir, join(dir, 'missing.yaml')).problems.map((p) => p.code)).toEqual([
      'FILE_UNREADABLE',
    ]);
  });

  it('warns, with the errors of the file, of a table whose files match nothing in the folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorebook-source-'));
    writeFileSync(join(dir, 'agents.csv'), 'agent_id,name\n');
    writeFileSync(
      join(dir, 'source.yaml'),
      `scorebook: 1
kind: source
timezone: Mars/Olympus
tables:
  agents:
    files: ["agents.csv"]
  orders:
    files: ["订单/*.csv"]
  surveys:
    files: ["../*.csv"]
`,
    );
    const { source, problems } = findSource(dir);
    expect(source).toBeNull();
    expect(problems.map((p) => [p.code, p.severity, p.line, p.column])).toEqual([
      ['SOURCE_UNKNOWN_TIMEZONE', 'error', 3, 11],
      ['GLOB_MATCHES_NOTHING', 'warning', 8, 5],
      ['SOURCE_BAD_GLOB', 'error', 10, 13],
    ]);
  });

  it('says, with the errors, which tables can still have their headers checked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorebook-source-'));
    const partial = (text: string) => {
      writeFileSync(join(dir, 'source.yaml'), text);
      const found = findSource(dir);
      return found.source === null ? [...(found.partial?.headersChecked ?? [])] : null;
    };
    const text = `scorebook: 1
kind: source
tables:
  agents:
    fields:
      agent_id: 工号
  conversations:
    fields:
      resolved: { column: 是否解决, map: { 是: true, 否: flase } }
      started_at: { column: 开始, format: "yyyy-MM-dd HH:mm:ss", type: date }
  messages:
    encoding: latin-9
  surveys:
    fields:
      agnet_id: 工号
  complaints:
    fields:
      upheld: { colum: 属实 }
  targets:
    fields:
      target: 目标
`;
    // A map, format or type error leaves the columns as written; a bad encoding, a misspelt
    // field or a field set aside does not; targets is read only by some policies.
    expect(partial(text)).toEqual(['agents', 'conversations']);
    expect(partial(text.replace('tables:\n', 'ignore: ["../x"]\ntables:\n'))).toEqual([]);
    expect(partial('scorebook: 2\nkind: source\n')).toEqual([]);
  });

  it('publishes its JSON Schema and ships the validator generated from it (npm run schema -w @scorebook/source)', () => {
    expect(GENERATED_FILES.map((f) => f.path.split('/').slice(-2).join('/'))).toEqual([
      'generated/source-validator.js',
      'schema/source.schema.json',
    ]);
    for (const { path, text } of GENERATED_FILES) expect(readFileSync(path, 'utf8'), path).toBe(text());
  });
});

describe('encodings', () => {
  it('reads gbk and gb2312 as their superset gb18030, utf8 as utf-8', () => {
    const one = (encoding: string) =>
      load(`scorebook: 1\nkind: source\ntables:\n  agents:\n    encoding: ${encoding}\n`).source?.tables.get(
        'agents',
      )?.encoding;
    expect(['gbk', 'gb2312', 'gb18030', 'utf8', 'utf-16le'].map(one)).toEqual([
      'gb18030',
      'gb18030',
      'gb18030',
      'utf-8',
      'utf-16le',
    ]);
    expect(codes('scorebook: 1\nkind: source\ntables:\n  agents:\n    encoding: big5\n')).toEqual([
      ['NOT_ALLOWED_VALUE', 5, 15],
    ]);
  });
});

describe('the text of source.yaml', () => {
  it('refuses control characters at their position, as every configuration file', () => {
    expect(codes('scorebook: 1\nkind: source\nid: a\u0000b\n')).toEqual([['CONTROL_CHARACTER', 3, 6]]);
  });
});
