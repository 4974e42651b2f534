import { byInputTable, type InputTableName } from '@scorebook/contract';
import { formatInstantLocal, localMidnight, Zone } from '@scorebook/time';
import { Random } from '../random.ts';
import { type ContractRow, type ContractTables, cell, readContractTables } from './contract-tables.ts';
import { csvCell } from './encode-files.ts';
import { selectMonth } from './select-month.ts';

/**
 * The bundled WeCom community example (`docs/custom-tables.md`): one month of the community
 * agents of `data/sample` as an enterprise-WeChat export, plus the custom table of their group
 * members (paths relative to the repository root).
 */
export const WECOM_EXAMPLE = {
  sampleDir: 'data/sample',
  dir: 'data/examples/wecom-community-2026-10',
  month: '2026-10',
  timezone: 'Asia/Shanghai',
  seed: 20261001,
  schema: '../../../configs/schema/source.schema.json',
} as const;

/** Options of {@link buildWecomExample}. */
export interface WecomExampleOptions {
  sampleDir: string;
  month: string;
  timezone: string;
  /** Seeds the group members, the one table `data/sample` does not have. */
  seed: number;
  schema: string;
}

// Each contract table exported: its file (of the month) and a Chinese header per field.
const LAYOUT: ReadonlyArray<{ table: InputTableName; file: string; headers: Record<string, string> }> = [
  {
    table: 'agents',
    file: '企微客服名单.csv',
    headers: {
      agent_id: '客服工号',
      name: '姓名',
      team: '小组',
      role: '岗位',
      hired_on: '入职日期',
      status: '状态',
    },
  },
  {
    table: 'conversations',
    file: '企微会话_{month}.csv',
    headers: {
      conversation_id: '会话ID',
      agent_id: '接待客服',
      channel: '渠道',
      started_at: '开始时间',
      ended_at: '结束时间',
      resolved: '是否解决',
      reopened: '是否重开',
      transferred: '是否转接',
      sla_due_at: '截止时间',
      closed_at: '关闭时间',
    },
  },
  {
    table: 'messages',
    file: '企微聊天记录_{month}.csv',
    headers: {
      conversation_id: '会话ID',
      sent_at: '发送时间',
      sender: '发送方',
      agent_id: '客服工号',
      text: '内容',
    },
  },
  {
    table: 'surveys',
    file: '满意度_{month}.csv',
    headers: {
      survey_id: '评价ID',
      agent_id: '客服工号',
      conversation_id: '会话ID',
      submitted_at: '评价时间',
      csat: '满意度',
      nps: '推荐度',
    },
  },
  {
    table: 'complaints',
    file: '投诉_{month}.csv',
    headers: {
      complaint_id: '投诉ID',
      agent_id: '客服工号',
      conversation_id: '会话ID',
      filed_at: '投诉时间',
      category: '投诉类型',
      upheld: '是否成立',
    },
  },
  {
    table: 'qa_reviews',
    file: '质检_{month}.csv',
    headers: {
      review_id: '质检ID',
      agent_id: '客服工号',
      conversation_id: '会话ID',
      reviewed_at: '质检时间',
      score: '质检得分',
      red_line: '是否触碰红线',
    },
  },
  {
    table: 'orders',
    file: '订单_{month}.csv',
    headers: {
      order_id: '订单号',
      agent_id: '客服工号',
      conversation_id: '会话ID',
      placed_at: '下单时间',
      amount: '金额',
    },
  },
  {
    table: 'attendance',
    file: '考勤_{month}.csv',
    headers: { agent_id: '客服工号', date: '日期', status: '考勤状态' },
  },
  {
    table: 'assessments',
    file: '培训考试_{month}.csv',
    headers: { agent_id: '客服工号', date: '日期', kind: '类型', attended: '是否参加', score: '成绩' },
  },
  {
    table: 'events',
    file: '奖惩_{month}.csv',
    headers: { agent_id: '客服工号', at: '时间', type: '事件类型', note: '备注' },
  },
];

const MEMBER_HEADER = ['成员ID', '负责客服', '群名称', '入群时间', '是否活跃', '本月发言数'];
const MEMBERS_FILE = '社群成员_{month}.csv';

/**
 * The files of the WeCom community example, by path in lexical order: the month's rows
 * (`selectMonth`) of the community agents of a contract-shaped folder, each table as a UTF-8
 * CSV with Chinese headers and the contract's values; the custom table `x_group_members`
 * (社群成员: member, agent, group, joined_at, active flag, messages), drawn from `seed` with
 * members who joined in the month and some who joined the days around it; its `source.yaml`
 * and a `README.txt`. Deterministic: the same folder and options give the same bytes.
 */
export function buildWecomExample(options: WecomExampleOptions): Map<string, Buffer> {
  const zone = new Zone(options.timezone);
  const month = selectMonth(readContractTables(options.sampleDir), options.month, zone);
  const tables = communityRows(month);
  const files = new Map<string, Buffer>();
  const counts: string[] = [];
  for (const { table, file, headers } of LAYOUT) {
    const fields = Object.keys(headers);
    const rows = tables[table].map((row) => fields.map((f) => cell(row, f)));
    const name = file.replace('{month}', options.month);
    files.set(name, csvFile([fields.map((f) => headers[f] ?? f), ...rows]));
    counts.push(`${name}\n    ${table}: ${rows.length} 行 rows`);
  }
  const members = groupMembers(tables.agents, options, zone);
  const membersName = MEMBERS_FILE.replace('{month}', options.month);
  files.set(membersName, csvFile([MEMBER_HEADER, ...members]));
  counts.push(`${membersName}\n    x_group_members(自定义表 custom table): ${members.length} 行 rows`);
  files.set('source.yaml', Buffer.from(sourceText(options), 'utf8'));
  files.set('README.txt', Buffer.from(readme(options.month, counts), 'utf8'));
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// The community agents and their rows; messages by their conversations.
function communityRows(tables: ContractTables): ContractTables {
  const agents = new Set(
    tables.agents.filter((a) => cell(a, 'role') === 'community').map((a) => cell(a, 'agent_id')),
  );
  const conversations = new Set(
    tables.conversations
      .filter((c) => agents.has(cell(c, 'agent_id')))
      .map((c) => cell(c, 'conversation_id')),
  );
  const keep = (table: InputTableName) =>
    tables[table].filter((row) =>
      table === 'messages'
        ? conversations.has(cell(row, 'conversation_id'))
        : agents.has(cell(row, 'agent_id')) &&
          (cell(row, 'conversation_id') === '' || conversations.has(cell(row, 'conversation_id'))),
    );
  return byInputTable(keep);
}

// 2–4 groups per agent, 20–45 members each; about one in ten joined just before or after the month.
function groupMembers(agents: readonly ContractRow[], options: WecomExampleOptions, zone: Zone): string[][] {
  const random = new Random(options.seed);
  const start = localMidnight(`${options.month}-01`, zone);
  const days = new Date(
    Date.UTC(Number(options.month.slice(0, 4)), Number(options.month.slice(5, 7)), 0),
  ).getUTCDate();
  const rows: string[][] = [];
  let serial = 0;
  for (const agent of agents) {
    const id = cell(agent, 'agent_id');
    const groups = random.int(2, 4);
    for (let g = 1; g <= groups; g++) {
      const group = `${cell(agent, 'name')}的${random.pick(['售后', '会员', '新品', '福利'])}${g}群`;
      const members = random.int(20, 45);
      for (let m = 0; m < members; m++) {
        serial++;
        const outside = random.chance(0.1);
        const day = outside ? random.pick([-2, -1, days, days + 1]) : random.int(0, days - 1);
        const at = start + day * 86_400_000 + random.int(8 * 60, 23 * 60 - 1) * 60_000;
        const active = random.chance(0.55 + 0.1 * (g % 2));
        const messages = active ? random.int(1, 60) : random.int(0, 2);
        rows.push([
          `M${String(serial).padStart(5, '0')}`,
          id,
          group,
          wallClock(at, zone),
          active ? '是' : '否',
          String(messages),
        ]);
      }
    }
  }
  return rows;
}

// `2026/10/5 9:03`, as WeCom's member list writes times.
function wallClock(ms: number, zone: Zone): string {
  const iso = formatInstantLocal(ms, zone);
  const [date = '', time = ''] = iso.split('T');
  const [y, mo, d] = date.split('-').map(Number);
  const [h, mi] = time.split(':');
  return `${y}/${mo}/${d} ${Number(h)}:${mi}`;
}

function csvFile(rows: readonly (readonly string[])[]): Buffer {
  return Buffer.from(rows.map((r) => `${r.map(csvCell).join(',')}\n`).join(''), 'utf8');
}

function sourceText(options: WecomExampleOptions): string {
  const lines = [
    `# yaml-language-server: $schema=${options.schema}`,
    '# 企业微信社群客服一个月的导出怎样读成 Scorebook 的数据表,包括数据合同之外的社群成员表(docs/custom-tables.md)。',
    '# How this WeCom export becomes the tables of the data contract, and the custom table of group members.',
    'scorebook: 1',
    'kind: source',
    `id: wecom-community-${options.month}`,
    `timezone: ${options.timezone}`,
    'ignore: [README.txt]',
    'tables:',
  ];
  for (const { table, file, headers } of LAYOUT) {
    lines.push(`  ${table}:`, `    files: ["${file.replace('{month}', '*')}"]`, '    fields:');
    for (const [field, header] of Object.entries(headers)) lines.push(`      ${field}: ${header}`);
  }
  lines.push(
    'custom:',
    '  x_group_members:',
    '    title: 社群成员',
    `    files: ["${MEMBERS_FILE.replace('{month}', '*')}"]`,
    '    id: member_id',
    '    agent: agent_id',
    '    time: joined_at',
    '    fields:',
    '      member_id: { column: 成员ID, type: id }',
    '      agent_id: { column: 负责客服, type: id }',
    '      group_name: { column: 群名称, type: string, required: true }',
    '      joined_at: { column: 入群时间, type: timestamp, format: "yyyy/M/d H:mm" }',
    '      active: { column: 是否活跃, type: bool, required: true, map: { 是: true, 否: false } }',
    '      messages: { column: 本月发言数, type: int, min: 0 }',
  );
  return `${lines.join('\n')}\n`;
}

function readme(month: string, counts: readonly string[]): string {
  return `企业微信社群客服 ${month} 导出数据

本文件夹是一家电商企业微信社群客服组一个月的导出:客服名单、会话、聊天记录、评价、投诉、质检、
订单、考勤、培训考试和奖惩记录(中文表头的 UTF-8 CSV),以及数据合同之外的「社群成员」表
(自定义表 x_group_members:成员、负责客服、群名称、入群时间、是否活跃、本月发言数)。
source.yaml 说明怎样读它们;本说明文件不属于任何表。数据是合成的:合同表取自 data/sample
${month} 的社群客服,社群成员由固定种子生成(npm run example:wecom -w @scorebook/sample)。
策略 configs/policies/wecom-custom 用社群成员表计算社群活跃度(docs/custom-tables.md)。

A month of a WeCom community team's exports, with the custom table of group members that the
data contract does not know. Synthetic: the contract tables are the community agents of
data/sample, the group members are drawn from a fixed seed.

${counts.join('\n')}
`;
}
