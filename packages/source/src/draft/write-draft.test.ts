import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { SampledFile } from './sampled-file.ts';
import { draftSource } from './write-draft.ts';

const csv = (
  path: string,
  rows: (string | number)[][],
  encoding: 'utf-8' | 'gb18030' = 'utf-8',
  badRecords = 0,
): SampledFile => ({
  path,
  format: 'csv',
  encoding: { encoding, bom: false },
  sheets: [{ name: null, firstRow: 1, rows, objects: [], badRecords }],
  problem: null,
});
const files: SampledFile[] = [
  csv('exports/tickets_2026-10.csv', [
    ['Ticket ID', 'Assignee', 'Agent ID', 'Source', 'Created time', 'Due by Time', 'Resolved', 'Time'],
    ['1', 'Ann', 'a1', 'Email', '10/05/2026 09:00', '10/06/2026 09:00', 'Yes', 'x'],
    ['2', 'Bob', 'b2', 'Phone', '11/06/2026 10:00', '11/07/2026 10:00', 'No', 'x'],
  ]),
  csv(
    'exports/tickets_2026-11.csv',
    [
      ['Ticket ID', 'Assignee', 'Agent ID', 'Source', 'Created time', 'Resolved'],
      ['3', 'Ann', 'a1', 'Chat', '2026-11-05 09:00', 'Yes'],
    ],
    'gb18030',
    2,
  ),
  csv('qa.csv', [
    ['质检ID', '工号', '时间', '得分'],
    ['Q1', 'A01', '2026/10/5 9:00', '95'],
    ['Q2', 'A02', '昨天', '88.5'],
  ]),
  csv('名单.csv', [['工号', '姓名', '部门', '考勤日期', '考勤结果']]),
  csv('people.csv', [['工号', '姓名', '班组', '日期', '状态']]),
  {
    path: 'broken.csv',
    format: 'csv',
    encoding: { encoding: null, bom: false },
    sheets: [],
    problem: { zh: '无法识别编码', en: 'encoding not known' },
  },
  csv('empty.csv', []),
  { path: 'source.yaml', format: null, encoding: null, sheets: [], problem: null },
  { path: 'notes/README', format: null, encoding: null, sheets: [], problem: null },
];

const options = { id: 'desk', schema: 'https://example.test/source.schema.json', sampleRows: 200 };

describe('draftSource', () => {
  it('writes runners-up, ties, weak and unreadable files, differing files, generic names and format doubts', () => {
    expect(
      draftSource(files, options),
    ).toBe(`# yaml-language-server: $schema=https://example.test/source.schema.json
# Scorebook 数据源草稿,由 scorebook source init 根据每个文件的表头和前 200 行生成。
# 请逐行核对,完成每个 TODO,再运行 scorebook source check。map 中每项后的数字是该值在样本中出现的次数。
# A draft source written by scorebook source init from each file's header and first 200 rows.
# Check every line, complete each TODO, then run scorebook source check. The number after each
# map entry is how often the sample has that value.
scorebook: 1
kind: source
id: desk
# 没有时区偏移的时间按 timezone 读取,不写则按考核策略的时区。
# Timestamps without an offset are read in this timezone; without it, in the policy's.
# timezone: Asia/Shanghai
ignore: ["notes/README"]
tables:
  agents:
    # 依据 / matched by: 必填字段 3/4 required fields
    files: ["people.csv"]
    encoding: utf-8
    fields:
      agent_id: 工号
      name: 姓名
      team: 班组
      status: 状态
      # TODO status: 通用列名,请确认 / a generic column name: check it
      # TODO role: 必填字段,未找到对应的列 / required field, no column found
      # 未找到的可选字段 / optional fields with no column: hired_on
      # TODO 未对应的列 / unmapped column: 日期
  conversations:
    # 依据 / matched by: 必填字段 4/4 required fields, 文件名 file name
    files: ["exports/tickets_*.csv"] # exports/tickets_2026-10.csv, exports/tickets_2026-11.csv
    # TODO: exports/tickets_2026-11.csv 缺少列 / lacks columns: Due by Time
    # 注意 / note: exports/tickets_2026-11.csv 样本中有 2 条记录无法读取 / records of the sample that could not be read: 2
    encoding: utf-8
    # TODO: 编码不一致 / encodings differ: exports/tickets_2026-11.csv gb18030
    fields:
      conversation_id: Ticket ID
      agent_id: Agent ID
      channel:
        column: Source
        map:
          Chat: chat # 1
          Email: email # 1
          Phone: phone # 1
      started_at: { column: Created time, format: ["MM/dd/yyyy HH:mm", "yyyy-MM-dd HH:mm"] }
      # started_at: 样本中各格式读取的单元格 / sample cells each format read: "MM/dd/yyyy HH:mm" 2, "yyyy-MM-dd HH:mm" 1
      # TODO started_at: 样本无法区分日和月的顺序,请确认 / the sample cannot tell day from month: check the order
      resolved: Resolved
      # 取值 / values: Yes (2), No (1)
      sla_due_at: { column: Due by Time, format: "MM/dd/yyyy HH:mm" }
      # TODO sla_due_at: 样本无法区分日和月的顺序,请确认 / the sample cannot tell day from month: check the order
      # 未找到的可选字段 / optional fields with no column: ended_at, reopened, transferred, closed_at, customer_id
      # TODO 未对应的列 / unmapped column: Assignee (也像 / also looks like: agent_id)
      # TODO 未对应的列 / unmapped column: Time (也像 / also looks like: started_at)
  qa_reviews:
    # 依据 / matched by: 必填字段 2/4 required fields, 文件名 file name
    files: ["qa.csv"]
    encoding: utf-8
    fields:
      review_id: 质检ID
      agent_id: 工号
      reviewed_at: { column: 时间, format: "yyyy/M/d H:mm" }
      # TODO reviewed_at: 通用列名,请确认 / a generic column name: check it
      # TODO reviewed_at: 这些值不符合任何格式 / these values match no format: "昨天"
      score: 得分
      # TODO score: 通用列名,请确认 / a generic column name: check it
      # 未找到的可选字段 / optional fields with no column: conversation_id, red_line
  attendance:
    # 依据 / matched by: 必填字段 3/3 required fields
    # 也可能是 / could also be: agents (7); 本表 this table 9
    files: ["名单.csv"]
    encoding: utf-8
    fields:
      agent_id: 工号
      date: 考勤日期
      status: 考勤结果
      # TODO 未对应的列 / unmapped column: 姓名
      # TODO 未对应的列 / unmapped column: 部门
# TODO 以下文件未能确定所属的表:把每个文件加到某张表的 files,或加到 ignore。
# TODO These files were given no table: add each to a table's files, or to ignore.
#   broken.csv — 无法识别编码 / encoding not known
#   empty.csv — 未找到表头 / no header row found
`);
  });

  it('gives the same bytes whatever the order of the files', () => {
    expect(draftSource([...files].reverse(), options)).toBe(draftSource(files, options));
  });

  it('writes YAML that reads back as the mapping it shows', () => {
    const value = parse(draftSource(files, options), { version: '1.2' });
    expect(value.tables.conversations).toEqual({
      files: ['exports/tickets_*.csv'],
      encoding: 'utf-8',
      fields: {
        conversation_id: 'Ticket ID',
        agent_id: 'Agent ID',
        channel: { column: 'Source', map: { Chat: 'chat', Email: 'email', Phone: 'phone' } },
        started_at: { column: 'Created time', format: ['MM/dd/yyyy HH:mm', 'yyyy-MM-dd HH:mm'] },
        resolved: 'Resolved',
        sla_due_at: { column: 'Due by Time', format: 'MM/dd/yyyy HH:mm' },
      },
    });
    expect(Object.keys(value.tables)).toEqual(['agents', 'conversations', 'qa_reviews', 'attendance']);
  });

  it('names a folder of many files by its first and last file', () => {
    const daily = ['01', '02', '03', '04'].map((d) =>
      csv(`聊天记录/2026-10-${d}.csv`, [
        ['会话ID', '发送时间', '发送方', '消息内容'],
        ['c1', '2026-10-01 09:00:00', '客户', '你好'],
      ]),
    );
    expect(
      draftSource(daily, options)
        .split('\n')
        .filter((l) => l.includes('files:')),
    ).toEqual([
      '    files: ["聊天记录/*.csv"] # 聊天记录/2026-10-01.csv … 聊天记录/2026-10-04.csv (4 个文件 / files)',
    ]);
  });

  it('leaves a tie unassigned with both candidates', () => {
    const tie = csv('名单.csv', [['工号', '姓名', '考勤日期']]);
    expect(draftSource([tie], options).split('\n').slice(-4)).toEqual([
      "# TODO These files were given no table: add each to a table's files, or to ignore.",
      '#   名单.csv — 得分相同 / a tie; 候选 / candidates: agents (4), attendance (4)',
      '#     列 / columns: 工号, 姓名, 考勤日期',
      '',
    ]);
  });

  it('writes empty lists and tables when there is nothing to read', () => {
    expect(draftSource([], options).split('\n').slice(-3)).toEqual(['ignore: []', 'tables: {}', '']);
  });

  it('fills in a timezone it is given, under the line saying where it comes from, or says why not', () => {
    const note = { zh: '取自策略 x', en: 'From the policy x' };
    const filled = draftSource([], { ...options, timezone: { zone: 'Asia/Shanghai', note } }).split('\n');
    expect(filled.slice(11, 14)).toEqual(['# 取自策略 x', '# From the policy x', 'timezone: Asia/Shanghai']);
    const left = draftSource([], { ...options, timezone: { zone: null, note } }).split('\n');
    expect(left.slice(11, 14)).toEqual(['# 取自策略 x', '# From the policy x', '# timezone: Asia/Shanghai']);
    expect(parse(filled.join('\n')).timezone).toBe('Asia/Shanghai');
  });
});
