import { closest } from '@scorebook/config-file';
import { INPUT_TABLES, type InputTableName } from '@scorebook/contract';

/**
 * Words in file names that say which table a file holds, as exports name them (会话记录_2026-10.csv,
 * Surveys.csv, 质检明细.xlsx). Tried after the table names themselves.
 */
const TABLE_WORDS: ReadonlyArray<readonly [InputTableName, readonly string[]]> = [
  ['messages', ['消息', '聊天', '对话内容', 'message', 'chat']],
  ['conversations', ['会话', '对话', '工单', '通话', '咨询', 'conversation', 'ticket', 'session', 'call']],
  ['ratings', ['互评', '360评估', '主管评价', '评分人', 'peer']],
  ['surveys', ['评价', '满意度', '问卷', '调查', 'survey', 'csat', 'rating']],
  ['complaints', ['投诉', 'complaint']],
  ['qa_reviews', ['质检', 'qa', 'quality', 'review']],
  ['appeals_filed', ['申诉', 'appeal']],
  ['improvement_plans', ['改进计划', '绩效改进', '整改', '改进', 'improvement']],
  ['targets', ['个人目标', '目标', '任务量', '配额', 'quota', 'target']],
  ['orders', ['订单', '销售', 'order']],
  ['attendance', ['考勤', '出勤', '排班', 'attendance']],
  ['assessments', ['培训', '考试', '测评', 'assessment', 'exam', 'training']],
  ['events', ['事件', '表扬', '违规', '违纪', '奖惩', 'event']],
  ['agents', ['客服名单', '人员', '员工', '坐席', '花名册', 'agent', 'staff', 'roster']],
];

const READABLE = /\.(csv|jsonl|xlsx)$/i;

/** Where stray files most likely belong, and how a `source.yaml` would say it. */
export interface StraySuggestion {
  /** The table their names suggest, or null when none does. */
  table: InputTableName | null;
  /** A glob for the files (dated names and folders of daily files become one glob). */
  glob: string;
  /** True when the glob belongs under `ignore` (no table suggested, or a file Scorebook cannot read). */
  ignore: boolean;
  /** The lines of `source.yaml` that would read (or ignore) them, with a comment for ignored ones. */
  fix: string;
}

/**
 * The table stray files most likely belong to, and the lines of `source.yaml` that would read them:
 * one file, or a folder's files of one extension (`聊天记录/*.csv`); the folder's name and the file
 * names both count. Dated names become globs (`conversations_2026-10.csv` → `conversations_*.csv`);
 * files Scorebook cannot read (`messages.json`) are shown for the `ignore` list, with the hint to
 * convert them.
 */
export function suggestTable(names: readonly [string, ...string[]]): StraySuggestion {
  const first = names[0];
  const base = first.slice(first.lastIndexOf('/') + 1);
  const folder = first.includes('/') ? first.slice(0, first.lastIndexOf('/')) : '';
  const stem = base.replace(/\.[^.]+$/, '');
  const words = `${folder.replace(/\//g, ' ')} ${stem}`
    .toLowerCase()
    .replace(/[\d_\-.\s年月日]+/g, ' ')
    .trim();
  const table = guess(words);
  const ext = base.includes('.') ? base.slice(base.lastIndexOf('.')) : '';
  const glob = names.length > 1 && folder !== '' ? `${folder}/*${ext}` : datedGlob(first);
  if (!READABLE.test(base) || table === null) {
    const note = /\.json$/i.test(base)
      ? '# JSON Lines files end in .jsonl (one object per line) / JSON Lines 文件以 .jsonl 结尾,每行一个对象'
      : '# add it to the ignore list, or read it as a table (tables: <table>: files: [...]) / 加入 ignore 列表,或作为某张表读取';
    const custom = READABLE.test(base) ? `\n${customTableLines(stem, glob)}` : '';
    return { table, glob, ignore: true, fix: `ignore: [${JSON.stringify(glob)}]\n${note}${custom}` };
  }
  return { table, glob, ignore: false, fix: `tables:\n  ${table}:\n    files: [${JSON.stringify(glob)}]` };
}

/**
 * A whole `source.yaml` that reads every suggestion: the header, one `ignore` list of the globs to
 * ignore, then each suggested table with its globs (tables in contract order, globs in the order
 * given). It is valid source YAML; `source init` writes a fuller draft (columns, values).
 */
export function draftFromSuggestions(suggestions: readonly StraySuggestion[]): string {
  const ignored = suggestions.filter((s) => s.ignore).map((s) => JSON.stringify(s.glob));
  const lines = ['scorebook: 1', 'kind: source'];
  if (ignored.length > 0) lines.push(`ignore: [${ignored.join(', ')}]`);
  const tables = INPUT_TABLES.flatMap((table) => {
    const globs = suggestions
      .filter((s) => !s.ignore && s.table === table)
      .map((s) => JSON.stringify(s.glob));
    return globs.length === 0 ? [] : [`  ${table}:`, `    files: [${globs.join(', ')}]`];
  });
  if (tables.length > 0) lines.push('tables:', ...tables);
  return lines.join('\n');
}

/** A file name with its runs of digits (dates, numbers) as `*`: `会话记录_2026-10.csv` → `会话记录_*.csv`. */
export function datedGlob(name: string): string {
  return name.replace(/\d+(?:[-_.]\d+)*/g, '*').replace(/\*+/g, '*');
}

/**
 * The commented lines that would declare readable files no contract table takes as a custom
 * table (`docs/custom-tables.md`): its name is the file name's stem when that is a valid custom
 * name (`x_coupons`), `x_` and the stem in lower case when the stem is ASCII (`coupons` →
 * `x_coupons`), else `x_table` with the stem as its `title` (`社群成员`); `<…>` marks what to fill.
 */
function customTableLines(stem: string, glob: string): string {
  const words = stem
    .replace(/\d+(?:[-_.]\d+)*/g, ' ')
    .replace(/[年月日]/g, ' ')
    .trim()
    .replace(/[\s\-_.]+/g, ' ')
    .trim();
  const slug = words.toLowerCase().replace(/ /g, '_');
  const ascii = /^[a-z][a-z0-9_]*$/.test(slug);
  const name = ascii ? (slug.startsWith('x_') ? slug : `x_${slug}`).slice(0, 64) : 'x_table';
  return [
    '# 若策略要读取它,声明为自定义表(docs/custom-tables.md)/ if a policy is to read it, declare it as a custom table (docs/custom-tables.md):',
    '# custom:',
    `#   ${name}:`,
    ...(ascii || words === '' ? [] : [`#     title: ${words}`]),
    `#     files: [${JSON.stringify(glob)}]`,
    '#     id: <id 字段 / id field>',
    '#     agent: <客服字段 / agent field>',
    '#     time: <时间字段 / time field>',
    '#     fields: { <字段 field>: { column: <列名 column>, type: <id|string|int|number|bool|timestamp|date> } }',
  ].join('\n');
}

function guess(words: string): InputTableName | null {
  const tokens = words.split(/\s+/).filter((t) => t.length > 0);
  for (const token of tokens) {
    const exact = INPUT_TABLES.find((t) => t === token || t === `${token}s` || t.replace(/_/g, '') === token);
    if (exact !== undefined) return exact;
  }
  for (const [table, hints] of TABLE_WORDS) if (hints.some((h) => words.includes(h))) return table;
  for (const token of tokens) {
    const near = closest(token, INPUT_TABLES);
    if (near !== null) return near as InputTableName;
  }
  return null;
}
