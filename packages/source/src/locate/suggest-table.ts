import { closest } from '@scorebook/config-file';
import { INPUT_TABLES, type InputTableName } from '@scorebook/contract';

/**
 * Words in file names that say which table a file holds, as exports name them (会话记录_2026-10.csv,
 * Surveys.csv, 质检明细.xlsx). Tried after the table names themselves.
 */
const TABLE_WORDS: ReadonlyArray<readonly [InputTableName, readonly string[]]> = [
  ['messages', ['消息', '聊天', '对话内容', 'message', 'chat']],
  ['conversations', ['会话', '对话', '工单', '通话', '咨询', 'conversation', 'ticket', 'session', 'call']],
  ['surveys', ['评价', '满意度', '问卷', '调查', 'survey', 'csat', 'rating']],
  ['complaints', ['投诉', 'complaint']],
  ['qa_reviews', ['质检', 'qa', 'quality', 'review']],
  ['orders', ['订单', '销售', 'order']],
  ['attendance', ['考勤', '出勤', '排班', 'attendance']],
  ['assessments', ['培训', '考试', '测评', 'assessment', 'exam', 'training']],
  ['events', ['事件', '表扬', '违规', '违纪', '奖惩', 'event']],
  ['agents', ['客服名单', '人员', '员工', '坐席', '花名册', 'agent', 'staff', 'roster']],
];

const READABLE = /\.(csv|jsonl|xlsx)$/i;

/**
 * The table stray files most likely belong to, and the lines of `source.yaml` that would read them:
 * one file, or a folder's files of one extension (`聊天记录/*.csv`); the folder's name and the file
 * names both count. Dated names become globs (`conversations_2026-10.csv` → `conversations_*.csv`);
 * files Scorebook cannot read (`messages.json`) are shown for the `ignore` list, with the hint to
 * convert them.
 */
export function suggestTable(names: readonly [string, ...string[]]): {
  table: InputTableName | null;
  fix: string;
} {
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
  const glob =
    names.length > 1 ? `${folder}/*${ext}` : first.replace(/\d+(?:[-_.]\d+)*/g, '*').replace(/\*+/g, '*');
  if (!READABLE.test(base) || table === null) {
    const note = /\.json$/i.test(base)
      ? '# JSON Lines files end in .jsonl (one object per line) / JSON Lines 文件以 .jsonl 结尾,每行一个对象'
      : '# add it to the ignore list, or read it as a table (tables: <table>: files: [...]) / 加入 ignore 列表,或作为某张表读取';
    return { table, fix: `ignore: [${JSON.stringify(glob)}]\n${note}` };
  }
  return { table, fix: `tables:\n  ${table}:\n    files: [${JSON.stringify(glob)}]` };
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
