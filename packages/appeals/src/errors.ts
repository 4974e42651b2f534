import { type Bilingual, defineCatalogue } from '@scorebook/problems';

const q = (v: string | number) => `"${String(v)}"`;
const TABLES_TEXT = 'conversations、surveys、complaints、qa_reviews、orders';
const TABLES_EN = 'conversations, surveys, complaints, qa_reviews, orders';

/**
 * Problems of appeal files (`docs/appeals.md`): their meaning after the schema, what the data
 * and the policy say of them when a period is evaluated, and the refusals the policy's appeal
 * rules make. Codes are permanent.
 */
export const APPEAL_ERRORS = defineCatalogue({
  // The file alone, after its schema.
  APPEAL_BAD_ID: {
    zh: (p: { name: string }) =>
      `申诉文件名 ${q(p.name)} 不能作申诉编号:请用小写字母、数字、_ 和 -,以字母或数字开头,扩展名 .yaml。`,
    en: (p: { name: string }) =>
      `The appeal file name ${q(p.name)} cannot be an appeal id: use lower-case letters, digits, _ and -, starting with a letter or digit, and the extension .yaml.`,
  },
  APPEAL_ONE_TARGET: {
    zh: (p: { found: string }) =>
      `disputes 必须恰好写一项:record、metric 或 veto(现在是 ${p.found})。一条申诉只针对一个对象;多个对象请分开申诉。`,
    en: (p: { found: string }) =>
      `disputes must have exactly one of record, metric or veto (found ${p.found}). One appeal disputes one thing; file one appeal per target.`,
  },
  APPEAL_ONE_ACTION: {
    zh: (p: { found: string }) =>
      `每个 action 必须恰好写一项:remove、correct、reassign、void_metric 或 void_veto(现在是 ${p.found})。请拆成多个 action。`,
    en: (p: { found: string }) =>
      `Each action must have exactly one of remove, correct, reassign, void_metric or void_veto (found ${p.found}). Split it into several actions.`,
  },
  APPEAL_BAD_RECORD: {
    zh: (p: { record: string }) =>
      `记录 ${q(p.record)} 的写法不对:应为 <表>/<唯一编号>,表为 ${TABLES_TEXT} 之一,例如 complaints/p00012。`,
    en: (p: { record: string }) =>
      `The record ${q(p.record)} is not written <table>/<unique id> with a table among ${TABLES_EN}, e.g. complaints/p00012.`,
  },
  APPEAL_BAD_TIME: {
    zh: (p: { value: string }) =>
      `filed_at ${q(p.value)} 不是有效的时间。请写 ISO 8601,例如 2026-11-03T10:00:00+08:00。`,
    en: (p: { value: string }) =>
      `filed_at ${q(p.value)} is not a real time. Write ISO 8601, e.g. 2026-11-03T10:00:00+08:00.`,
  },
  APPEAL_BAD_DATE: {
    zh: (p: { value: string }) => `decided_at ${q(p.value)} 不是有效的日期。请写 YYYY-MM-DD。`,
    en: (p: { value: string }) => `decided_at ${q(p.value)} is not a real date. Write YYYY-MM-DD.`,
  },
  APPEAL_DECIDED_BEFORE_FILED: {
    zh: (p: { decided: string; filed: string }) =>
      `裁决日期 ${p.decided} 早于申诉提交日期 ${p.filed}。请检查 decided_at 和 filed_at。`,
    en: (p: { decided: string; filed: string }) =>
      `The decision date ${p.decided} is before the filing date ${p.filed}. Check decided_at and filed_at.`,
  },
  APPEAL_ACTIONS_ON_REJECTED: {
    zh: () =>
      '驳回(rejected)的申诉不改变任何数据,不能写 actions。请删除 actions,或把 outcome 改为 upheld / partly_upheld。',
    en: () =>
      'A rejected appeal changes nothing and takes no actions. Remove actions, or make the outcome upheld or partly_upheld.',
  },
  APPEAL_PARTLY_WITHOUT_ACTIONS: {
    zh: () => '部分支持(partly_upheld)必须在 actions 中写明支持了哪些改动。',
    en: () => 'A partly_upheld decision must list in actions what it granted.',
  },
  APPEAL_NOT_IN_FOLDER: {
    zh: (p: { folder: string }) => `申诉文件夹 ${q(p.folder)} 不可读取。请检查 --appeals 指向的目录。`,
    en: (p: { folder: string }) =>
      `The appeal folder ${q(p.folder)} cannot be read. Check the folder --appeals names.`,
  },
  // Against the data and the policy of the evaluated period: these stop the run.
  APPEALS_NOT_FOR_THIS_DATA: {
    zh: (p: { count: number; folder: string }) =>
      `${p.folder} 中本期的 ${p.count} 份申诉没有一份与这份数据对得上(每一份的客服或记录都不在数据中):它们多半是另一份数据的申诉。若是这样,请用 --appeals 指向这份数据的申诉文件夹(没有申诉就指向一个空文件夹)。`,
    en: (p: { count: number; folder: string }) =>
      `None of the period's ${p.count} appeals in ${p.folder} matches this data (each names an agent or a record the data does not have): they are most likely another data set's appeals. If so, point --appeals at this data's appeal folder (an empty folder when it has none).`,
  },
  APPEAL_UNKNOWN_AGENT: {
    zh: (p: { agent: string }) => `客服 ${q(p.agent)} 不在本期的 agents 表中。请写申诉客服的 agent_id。`,
    en: (p: { agent: string }) =>
      `The agent ${q(p.agent)} is not in the period's agents table. Write the appealing agent's agent_id.`,
  },
  APPEAL_UNKNOWN_RECORD: {
    zh: (p: { record: string }) =>
      `记录 ${q(p.record)} 不在数据中(或已作为坏行拒收)。请核对表名和唯一编号;申诉不能恢复被拒收的行。`,
    en: (p: { record: string }) =>
      `No accepted row of the data is the record ${q(p.record)}. Check the table and the unique id; an appeal cannot bring back a rejected row.`,
  },
  APPEAL_RECORD_OUTSIDE_PERIOD: {
    zh: (p: { record: string; period: string }) =>
      `记录 ${q(p.record)} 不属于期间 ${p.period}。请把申诉放到该记录所属期间的文件夹中。`,
    en: (p: { record: string; period: string }) =>
      `The record ${q(p.record)} is not of the period ${p.period}. Put the appeal in the folder of the record's period.`,
  },
  APPEAL_NOT_AGENTS_RECORD: {
    zh: (p: { record: string; agent: string; owner: string }) =>
      `记录 ${q(p.record)} 记在客服 ${p.owner} 名下,不是申诉人 ${p.agent} 的。客服只能申诉计入自己的记录。`,
    en: (p: { record: string; agent: string; owner: string }) =>
      `The record ${q(p.record)} is credited to ${p.owner}, not to the appellant ${p.agent}. An agent appeals the records credited to them.`,
  },
  APPEAL_UNKNOWN_FIELD: {
    zh: (p: { table: string; field: string; fields: string }) =>
      `表 ${p.table} 没有字段 ${q(p.field)}。可更正的字段:${p.fields}。`,
    en: (p: { table: string; field: string; fields: string }) =>
      `The table ${p.table} has no field ${q(p.field)}. Fields that can be corrected: ${p.fields}.`,
  },
  APPEAL_FIXED_FIELD: {
    zh: (p: { field: string }) => `字段 ${q(p.field)} 不能更正:唯一编号不可改,客服归属请用 reassign。`,
    en: (p: { field: string }) =>
      `The field ${q(p.field)} cannot be corrected: unique ids stay, and the agent is changed with reassign.`,
  },
  APPEAL_BAD_VALUE: {
    zh: (p: { field: string; value: string; expected: Bilingual }) =>
      `${q(p.value)} 不是字段 ${p.field} 可用的值:应为 ${p.expected.zh}。`,
    en: (p: { field: string; value: string; expected: Bilingual }) =>
      `${q(p.value)} is not a value of the field ${p.field}: expected ${p.expected.en}.`,
  },
  APPEAL_UNKNOWN_ASSIGNEE: {
    zh: (p: { agent: string }) => `改记对象 ${q(p.agent)} 不在 agents 表中。请写另一位客服的 agent_id。`,
    en: (p: { agent: string }) =>
      `The agent ${q(p.agent)} to reassign to is not in the agents table. Write another agent's agent_id.`,
  },
  APPEAL_SAME_ASSIGNEE: {
    zh: (p: { agent: string }) => `记录已经记在 ${p.agent} 名下;reassign 必须改记到另一位客服。`,
    en: (p: { agent: string }) =>
      `The record is already credited to ${p.agent}; reassign it to another agent.`,
  },
  APPEAL_NOT_IN_SCORECARD: {
    zh: (p: { what: string; id: string; scorecard: string }) =>
      `客服的考核表 ${p.scorecard} 没有${p.what === 'veto' ? '一票否决' : '计分指标'} ${q(p.id)}。请写考核表中的编号。`,
    en: (p: { what: string; id: string; scorecard: string }) =>
      `The agent's scorecard ${p.scorecard} has no ${p.what === 'veto' ? 'veto' : 'scored metric'} ${q(p.id)}. Write an id of that scorecard.`,
  },
  APPEAL_AFTER_REMOVAL: {
    zh: (p: { record: string; appeal: string }) =>
      `记录 ${q(p.record)} 已被申诉 ${p.appeal} 移除,之后不能再更正或改记。请合并这两项裁决。`,
    en: (p: { record: string; appeal: string }) =>
      `The record ${q(p.record)} was removed by the appeal ${p.appeal}; it cannot be corrected or reassigned after. Merge the two decisions.`,
  },
  // Refusals by the policy's appeal rules: the appeal is recorded as refused and changes nothing.
  APPEAL_LATE: {
    zh: (p: { appeal: string; filed: string; deadline: string; days: number }) =>
      `申诉 ${p.appeal} 提交于 ${p.filed},超过了申诉期限 ${p.deadline}(期间结束后 ${p.days} 天):不予受理,不改变结果。`,
    en: (p: { appeal: string; filed: string; deadline: string; days: number }) =>
      `The appeal ${p.appeal} was filed on ${p.filed}, after the deadline ${p.deadline} (${p.days} days after the period): refused, it changes nothing.`,
  },
  APPEAL_AFTER_FINAL: {
    zh: (p: { appeal: string; target: string; earlier: string }) =>
      `申诉 ${p.appeal}:${p.target} 已由申诉 ${p.earlier} 作出终局裁决,不能再次申诉:不予受理,不改变结果。`,
    en: (p: { appeal: string; target: string; earlier: string }) =>
      `The appeal ${p.appeal}: ${p.target} had a final decision in the appeal ${p.earlier} and cannot be appealed again: refused, it changes nothing.`,
  },
  APPEAL_NOT_APPEALABLE: {
    zh: (p: { appeal: string; target: string; allowed: string }) =>
      `申诉 ${p.appeal}:策略不允许申诉 ${p.target}(可申诉:${p.allowed}):不予受理,不改变结果。`,
    en: (p: { appeal: string; target: string; allowed: string }) =>
      `The appeal ${p.appeal}: the policy does not allow appeals on ${p.target} (appealable: ${p.allowed}): refused, it changes nothing.`,
  },
  // A recomputed quarter or year and the appeals of its months (warnings: said, nothing stops).
  APPEAL_MONTHS_NOT_APPLIED: {
    zh: (p: { appeal: string; period: string; actions: string }) =>
      `申诉 ${p.appeal} 已支持并改动了记录(${p.actions}),但 ${p.period} 按期间内全部记录重新计算,不采用各月的申诉:这些记录在 ${p.period} 中仍按原样计算。如要采用,请在策略中写 appeals.months: records(格式 2);或把裁决也放入 ${p.period} 的申诉文件夹。`,
    en: (p: { appeal: string; period: string; actions: string }) =>
      `The appeal ${p.appeal} was upheld and changed records (${p.actions}), but ${p.period} is recomputed over its records and does not apply its months' appeals: those records count in ${p.period} as they were. To apply them, write appeals.months: records in the policy (format 2), or put the decision in ${p.period}'s appeal folder too.`,
  },
  APPEAL_MONTH_VOID_NOT_CARRIED: {
    zh: (p: { appeal: string; period: string; action: string; target: string }) =>
      `申诉 ${p.appeal} 的 ${p.action}: ${p.target} 针对的是当月的考核结果,${p.period} 重新计算时不采用(appeals.months: records 只采用对记录的裁决)。如 ${p.period} 也应作废,请在 ${p.period} 的申诉文件夹中另行裁决。`,
    en: (p: { appeal: string; period: string; action: string; target: string }) =>
      `${p.action}: ${p.target} of the appeal ${p.appeal} concerns its month's scorecard and is not carried into the recomputed ${p.period} (appeals.months: records carries decisions on records only). If ${p.period} should void it too, decide it in ${p.period}'s appeal folder.`,
  },
  // The appeals_filed table (appeals an HR/OA system registered) against the appeal files.
  APPEAL_FILED_UNKNOWN: {
    zh: (p: { id: string; period: string }) =>
      `申诉文件的 filed: ${q(p.id)} 不是申诉登记表 appeals_filed 中 ${p.period} 的任何申诉单号。请核对单号,或删除 filed。`,
    en: (p: { id: string; period: string }) =>
      `filed: ${q(p.id)} of the appeal file is no appeal_id of the appeals_filed table for ${p.period}. Check the id, or remove filed.`,
  },
  APPEAL_FILED_MISMATCH: {
    zh: (p: { id: string; field: string; row: string; filed: string; file: string }) =>
      `申诉单 ${q(p.id)} 的 ${p.field} 在申诉登记表(${p.row})中是 ${q(p.filed)},在申诉文件 ${p.file} 中不同。请让两处一致。`,
    en: (p: { id: string; field: string; row: string; filed: string; file: string }) =>
      `The ${p.field} of appeal ${q(p.id)} is ${q(p.filed)} in the appeals_filed table (${p.row}) but differs in the appeal file ${p.file}. Make them agree.`,
  },
  APPEAL_FILED_DUPLICATE: {
    zh: (p: { id: string; first: string }) =>
      `申诉单号 ${q(p.id)} 出现了两次(另一处在 ${p.first}),无法判断哪一条有效。请删除其中一条。`,
    en: (p: { id: string; first: string }) =>
      `The appeal id ${q(p.id)} occurs twice (the other at ${p.first}): which one holds cannot be told. Remove one of them.`,
  },
});

/** A code of {@link APPEAL_ERRORS}. */
export type AppealErrorCode = keyof typeof APPEAL_ERRORS;
