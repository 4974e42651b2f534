import type { InputTableName } from '@scorebook/contract';
import { type ContractRow, cell } from './contract-tables.ts';

/** A cell as an export holds it: text, a number (JSON, xlsx), a date cell (xlsx), or empty. */
export type ExportCell = string | number | Date | null;

/**
 * How a timestamp or date column is written, which is also how `source.yaml` reads it:
 * - `tokens`: luxon tokens, wall-clock time in the export's timezone; the first list entry is
 *   used, or the first with `S` (milliseconds) for a time with a non-zero millisecond;
 * - `iso`: `yyyy-MM-dd HH:mm:ss`, `.SSS` added for a non-zero millisecond, no offset (the
 *   contract's default reading, so no `format`);
 * - `unix_ms`: milliseconds since the epoch, a number;
 * - `excel`: an Excel serial number (whole days for a date);
 * - `cell`: an xlsx date cell with this number format (read whatever `format` says, so none).
 */
export type TimeStyle =
  | { kind: 'tokens'; tokens: readonly string[] }
  | { kind: 'iso' }
  | { kind: 'unix_ms' }
  | { kind: 'excel' }
  | { kind: 'cell'; numFmt: string };

/** What a column of the help desk's own (not a contract field) can be computed from. */
export interface ExportContext {
  /** The agents' rows by `agent_id`. */
  agents: ReadonlyMap<string, ContractRow>;
}

/** One column of an exported table. */
export interface ExportColumn {
  /** The header text (CSV, xlsx) or JSON key. */
  header: string;
  /** The contract field the column carries; null for a column of the help desk's own. */
  field: string | null;
  /** Export text → contract value; the writer spells each contract value by its key. */
  map?: Readonly<Record<string, string | number | boolean>>;
  time?: TimeStyle;
  /** Written as a number in JSON Lines and xlsx (CSV cells are always text). */
  numeric?: boolean;
  /** Digits after the decimal point a number is written with (`166.10`). */
  decimals?: number;
  /** A column of the help desk's own: its value from the row. */
  derive?: (row: ContractRow, context: ExportContext) => ExportCell;
}

/** Where a table's rows go: one file, or one file per local date of a timestamp field. */
type ExportFiles =
  | { kind: 'single'; name: string }
  | { kind: 'daily'; folder: string; by: string; extension: '.csv' };

/** A sheet written before the table's own in a workbook (a summary Excel reports carry). */
interface LeadingSheet {
  name: string;
  /** Its rows, the header first, from the table's rows. */
  rows: (rows: readonly ContractRow[], context: ExportContext) => ExportCell[][];
}

/** How one contract table is exported. */
export interface ExportTable {
  table: InputTableName;
  files: ExportFiles;
  /** The glob of `source.yaml` that finds the files. */
  glob: string;
  format: 'csv' | 'jsonl' | 'xlsx';
  /** CSV and JSON Lines. */
  encoding: 'utf-8' | 'gb18030';
  /** A UTF-8 byte-order mark first, as Excel's "CSV UTF-8" writes. */
  bom: boolean;
  newline: '\r\n' | '\n';
  /** xlsx: the table's sheet. */
  sheet: string | null;
  /** xlsx: title rows above the header, each one cell in column A. */
  titleRows: readonly string[];
  leadingSheet: LeadingSheet | null;
  /** A comment line of `source.yaml` above the table: what the file is. */
  comment: string;
  columns: readonly ExportColumn[];
}

const YES_NO = { 是: true, 否: false } as const;

/** The helpdesk-export layout of the bundled example: which file holds each table, and how. */
export function helpdeskLayout(month: string): readonly ExportTable[] {
  const [year, mm] = month.split('-').map(Number) as [number, number];
  const monthTitle = `${year}年${mm}月`;
  const next = mm === 12 ? `${year + 1}/01/01` : `${year}/${String(mm + 1).padStart(2, '0')}/01`;
  const csv = { format: 'csv', sheet: null, titleRows: [], leadingSheet: null } as const;
  const excelCsv = { ...csv, newline: '\r\n' } as const;
  const name = (row: ContractRow, c: ExportContext) => c.agents.get(cell(row, 'agent_id'))?.name ?? '';
  const team = (row: ContractRow, c: ExportContext) => c.agents.get(cell(row, 'agent_id'))?.team ?? '';
  return [
    {
      ...excelCsv,
      table: 'agents',
      files: { kind: 'single', name: '客服名单.csv' },
      glob: '客服名单.csv',
      encoding: 'utf-8',
      bom: true,
      comment: '人事系统导出的客服名单,Excel「CSV UTF-8」(带 BOM)',
      columns: [
        { header: '工号', field: 'agent_id' },
        { header: '姓名', field: 'name' },
        { header: '所属组', field: 'team' },
        {
          header: '岗位',
          field: 'role',
          map: { 售前客服: 'presale', 售后客服: 'aftersale', 社群运营: 'community' },
        },
        { header: '入职日期', field: 'hired_on', time: { kind: 'tokens', tokens: ['yyyy/M/d'] } },
        { header: '在职状态', field: 'status', map: { 在职: 'active', 离职: 'left' } },
      ],
    },
    {
      ...excelCsv,
      table: 'conversations',
      files: { kind: 'single', name: `会话记录_${month}.csv` },
      glob: '会话记录_*.csv',
      encoding: 'gb18030',
      bom: false,
      comment: '在线客服后台「历史会话」导出,Excel 另存为 CSV(GBK)',
      columns: [
        { header: '会话ID', field: 'conversation_id' },
        { header: '访客ID', field: 'customer_id', derive: (row) => visitorId(cell(row, 'conversation_id')) },
        { header: '客服工号', field: 'agent_id' },
        { header: '接待客服', field: null, derive: name },
        {
          header: '来源渠道',
          field: 'channel',
          map: { 在线咨询: 'chat', 电话: 'phone', 邮件: 'email', 工单: 'ticket', 企业微信群: 'wecom_group' },
        },
        { header: '会话开始时间', field: 'started_at', time: SLASH_TIME },
        { header: '会话结束时间', field: 'ended_at', time: SLASH_TIME },
        { header: '会话时长', field: null, derive: duration },
        { header: '是否解决', field: 'resolved', map: YES_NO },
        { header: '是否重开', field: 'reopened', map: YES_NO },
        { header: '是否转接', field: 'transferred', map: YES_NO },
        { header: '工单截止时间', field: 'sla_due_at', time: SLASH_TIME },
        { header: '工单关闭时间', field: 'closed_at', time: SLASH_TIME },
      ],
    },
    {
      ...csv,
      table: 'messages',
      files: { kind: 'daily', folder: '聊天记录', by: 'sent_at', extension: '.csv' },
      glob: '聊天记录/*.csv',
      encoding: 'utf-8',
      bom: false,
      newline: '\n',
      comment: '聊天记录,每天一个文件(按消息日期),接口导出的 UTF-8',
      columns: [
        { header: '会话ID', field: 'conversation_id' },
        { header: '发送时间', field: 'sent_at', time: { kind: 'iso' } },
        {
          header: '发送方',
          field: 'sender',
          map: { 客户: 'customer', 客服: 'agent', 机器人: 'bot', 系统: 'system' },
        },
        { header: '客服工号', field: 'agent_id' },
        { header: '消息内容', field: 'text' },
      ],
    },
    {
      ...csv,
      table: 'surveys',
      format: 'jsonl',
      files: { kind: 'single', name: `满意度评价_${month}.jsonl` },
      glob: '满意度评价_*.jsonl',
      encoding: 'utf-8',
      bom: false,
      newline: '\n',
      comment: '开放接口拉取的满意度评价,每行一个 JSON;五级评价 100/75/50/25/1,时间为毫秒时间戳',
      columns: [
        { header: 'id', field: 'survey_id' },
        { header: 'sessionId', field: 'conversation_id' },
        { header: 'staffId', field: 'agent_id' },
        { header: 'staffName', field: null, derive: name },
        {
          header: 'evaluation',
          field: 'csat',
          numeric: true,
          map: { '100': 5, '75': 4, '50': 3, '25': 2, '1': 1 },
        },
        { header: 'npsScore', field: 'nps', numeric: true },
        { header: 'userJoinEvaluateTime', field: 'submitted_at', time: { kind: 'unix_ms' } },
      ],
    },
    {
      ...excelCsv,
      table: 'complaints',
      files: { kind: 'single', name: `投诉记录_${month}.csv` },
      glob: '投诉记录_*.csv',
      encoding: 'gb18030',
      bom: false,
      comment: '工单系统的投诉单,Excel 另存为 CSV(GBK),中文日期',
      columns: [
        { header: '投诉单号', field: 'complaint_id' },
        {
          header: '投诉时间',
          field: 'filed_at',
          time: { kind: 'tokens', tokens: ['yyyy年M月d日 HH:mm:ss'] },
        },
        { header: '被投诉客服', field: null, derive: name },
        { header: '客服工号', field: 'agent_id' },
        { header: '关联会话', field: 'conversation_id' },
        {
          header: '投诉类型',
          field: 'category',
          map: {
            服务态度: 'attitude',
            信息错误: 'misinformation',
            流程失误: 'process_error',
            产品质量: 'product_defect',
            物流问题: 'logistics',
            其他: 'other',
          },
        },
        { header: '是否属实', field: 'upheld', map: YES_NO },
      ],
    },
    {
      table: 'qa_reviews',
      format: 'xlsx',
      files: { kind: 'single', name: `质检记录_${month}.xlsx` },
      glob: '质检记录_*.xlsx',
      encoding: 'utf-8',
      bom: false,
      newline: '\n',
      sheet: '质检明细',
      titleRows: [`客服质检明细表(${monthTitle})`, `导出时间:${next} 09:00:00  导出人:质检组`],
      leadingSheet: { name: '汇总', rows: qaSummary },
      comment: '质检系统导出的 Excel:第一张表是汇总,明细在「质检明细」,表头上方有两行标题',
      columns: [
        { header: '质检单号', field: 'review_id' },
        { header: '质检时间', field: 'reviewed_at', time: { kind: 'cell', numFmt: 'yyyy/mm/dd hh:mm:ss' } },
        { header: '客服工号', field: 'agent_id' },
        { header: '客服姓名', field: null, derive: name },
        { header: '会话ID', field: 'conversation_id' },
        { header: '质检得分', field: 'score', numeric: true },
        { header: '是否触犯红线', field: 'red_line', map: YES_NO },
      ],
    },
    {
      ...excelCsv,
      table: 'orders',
      files: { kind: 'single', name: `订单明细_${month}.csv` },
      glob: '订单明细_*.csv',
      encoding: 'utf-8',
      bom: true,
      comment: '店铺后台的询单订单(按咨询会话导出),Excel「CSV UTF-8」',
      columns: [
        { header: '订单编号', field: 'order_id' },
        { header: '下单时间', field: 'placed_at', time: SLASH_TIME },
        { header: '实付金额', field: 'amount', decimals: 2 },
        { header: '询单客服', field: null, derive: name },
        { header: '客服工号', field: 'agent_id' },
        { header: '关联会话ID', field: 'conversation_id' },
      ],
    },
    {
      table: 'attendance',
      format: 'xlsx',
      files: { kind: 'single', name: `考勤记录_${month}.xlsx` },
      glob: '考勤记录_*.xlsx',
      encoding: 'utf-8',
      bom: false,
      newline: '\n',
      sheet: '每日统计',
      titleRows: [`每日统计  统计日期:${month}-01 至 ${monthEnd(year, mm)}`, `报表生成时间:${next} 08:00`],
      leadingSheet: null,
      comment: '考勤系统「每日统计」报表,表头上方有两行标题',
      columns: [
        { header: '姓名', field: null, derive: name },
        { header: '工号', field: 'agent_id' },
        { header: '部门', field: null, derive: team },
        { header: '日期', field: 'date', time: { kind: 'cell', numFmt: 'yyyy/m/d' } },
        {
          header: '考勤结果',
          field: 'status',
          map: { 正常: 'on_time', 迟到: 'late', 早退: 'early_leave', 旷工: 'absent', 请假: 'approved_leave' },
        },
      ],
    },
    {
      ...excelCsv,
      table: 'assessments',
      files: { kind: 'single', name: `培训考试_${month}.csv` },
      glob: '培训考试_*.csv',
      encoding: 'gb18030',
      bom: false,
      comment: '培训与考试登记表,Excel 另存为 CSV(GBK);日期列是 Excel 序列号',
      columns: [
        { header: '工号', field: 'agent_id' },
        { header: '姓名', field: null, derive: name },
        { header: '日期', field: 'date', time: { kind: 'excel' } },
        { header: '类型', field: 'kind', map: { 培训: 'training', 考试: 'exam' } },
        { header: '是否参加', field: 'attended', map: YES_NO },
        { header: '成绩', field: 'score' },
      ],
    },
    {
      ...excelCsv,
      table: 'events',
      files: { kind: 'single', name: `奖惩记录_${month}.csv` },
      glob: '奖惩记录_*.csv',
      encoding: 'utf-8',
      bom: true,
      comment: '主管登记的表扬、违规与知识分享,Excel「CSV UTF-8」',
      columns: [
        { header: '工号', field: 'agent_id' },
        { header: '姓名', field: null, derive: name },
        { header: '发生时间', field: 'at', time: { kind: 'tokens', tokens: ['yyyy/M/d H:mm:ss'] } },
        {
          header: '类型',
          field: 'type',
          map: { 表扬: 'praise', 违规: 'violation', 知识分享: 'knowledge_share' },
        },
        { header: '备注', field: 'note' },
      ],
    },
  ];
}

const SLASH_TIME: TimeStyle = { kind: 'tokens', tokens: ['yyyy/MM/dd HH:mm:ss', 'yyyy/MM/dd HH:mm:ss.SSS'] };

// A visitor id that looks like a help desk's own: six digits spread over the conversation numbers.
function visitorId(conversationId: string): string {
  const n = Number(conversationId.replace(/\D/g, ''));
  return `V${String((n * 7919 + 104_729) % 1_000_000).padStart(6, '0')}`;
}

function duration(row: ContractRow): string {
  if (!row.ended_at) return '';
  const seconds = Math.floor((Date.parse(row.ended_at) - Date.parse(cell(row, 'started_at'))) / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(seconds / 3600))}:${two(Math.floor(seconds / 60) % 60)}:${two(seconds % 60)}`;
}

function qaSummary(rows: readonly ContractRow[], context: ExportContext): ExportCell[][] {
  const byAgent = new Map<string, number[]>();
  for (const row of rows) {
    const scores = byAgent.get(cell(row, 'agent_id')) ?? [];
    scores.push(Number(row.score));
    byAgent.set(cell(row, 'agent_id'), scores);
  }
  const summary: ExportCell[][] = [['客服工号', '客服姓名', '质检次数', '平均分', '红线次数']];
  for (const [agent, scores] of [...byAgent].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const redLines = rows.filter((r) => r.agent_id === agent && r.red_line === 'true').length;
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    summary.push([
      agent,
      context.agents.get(agent)?.name ?? '',
      scores.length,
      Math.round(mean * 10) / 10,
      redLines,
    ]);
  }
  return summary;
}

function monthEnd(year: number, month: number): string {
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${last}`;
}
