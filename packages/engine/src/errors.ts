import { type Bilingual, defineCatalogue } from '@scorebook/problems';
import { quoteValue as q } from '@scorebook/source';

/** Where an earlier rejected row is: the cause of rejections that refer to it. */
export interface RejectionCause {
  table: string;
  file: string;
  line: number;
  code: string;
  message: Bilingual;
}

/** What FILE_CUT_OFF says: the table, its file, the file's last line and how the file is read. */
interface CutOffText {
  table: string;
  file: string;
  line: number;
  format: 'csv' | 'jsonl';
}

/** What APPEAL_CORRECTION_NO_EFFECT says: the appeal, the record, the field, both values, the rules and the values they test. */
interface CorrectionNoEffect {
  appeal: string;
  record: string;
  field: string;
  before: string;
  after: string;
  rules: string;
  tested: string;
}

/**
 * Problems that stop an evaluation (beyond those of the policy and the source, which have
 * their own catalogues). Codes are permanent; messages say what to do.
 */
/** What ROWS_LONG_BEFORE_PERIOD says: the rows, the period's rows, the days, the earliest row and its place. */
interface RowsLongBefore {
  table: string;
  rows: number;
  inPeriod: number;
  period: string;
  start: string;
  days: number;
  earliest: string;
  place: string;
}

export const RUN_ERRORS = defineCatalogue({
  BAD_PERIOD: {
    zh: (p: { period: string }) => `无法识别期间 ${q(p.period)}。请写成月 2026-10、季度 2026-Q4 或年 2026。`,
    en: (p: { period: string }) =>
      `Cannot read the period ${q(p.period)}. Write a month 2026-10, a quarter 2026-Q4 or a year 2026.`,
  },
  PERIOD_NOT_EVALUATED: {
    zh: (p: { period: string }) =>
      `${q(p.period)} 是监控期间(周、日或区间):只能用 scorebook evaluate 查看,不能发布、复核或用于 impact。请写成月 2026-10、季度 2026-Q4 或年 2026。`,
    en: (p: { period: string }) =>
      `${q(p.period)} is a monitoring period (a week, a day or a range): scorebook evaluate shows it, but it cannot be published, verified or used by impact. Write a month 2026-10, a quarter 2026-Q4 or a year 2026.`,
  },
  TOO_MANY_REJECTED: {
    zh: (p: {
      table: string;
      rejected: number;
      rows: number;
      limit: string;
      causes: ReadonlyArray<{ place: string; rows: number }>;
      codes: string;
      fileCount: number;
      files: string;
    }) =>
      `表 ${p.table} 有 ${p.rejected} / ${p.rows} 行被拒绝,超过上限 ${p.limit}${p.fileCount > 1 ? `(分布在 ${p.fileCount} 个文件中,最多的:${p.files})` : ''}。主要原因:${p.codes}。${p.causes.length > 0 ? `其中${p.causes.map((c) => `${c.rows} 行是因为 ${c.place} 的行被拒绝而随之被拒绝`).join(',')}。` : ''}${p.table === 'agents' ? '客服表的每一行都是一名客服:被拒绝的客服不参与考核,指向他的其他行也会被拒绝,所以上限对这张表格外严格。' : ''}请修正导出数据或 source.yaml;确认这些行可以不计时,用 --max-rejected ${p.rejected} 调整上限(按行数;百分比也可以,例如 --max-rejected 5%)。`,
    en: (p: {
      table: string;
      rejected: number;
      rows: number;
      limit: string;
      causes: ReadonlyArray<{ place: string; rows: number }>;
      codes: string;
      fileCount: number;
      files: string;
    }) =>
      `Table ${p.table} has ${p.rejected} of ${p.rows} rows rejected, over the limit of ${p.limit}${p.fileCount > 1 ? ` (in ${p.fileCount} files, most in: ${p.files})` : ''}. Mostly: ${p.codes}.${p.causes.length > 0 ? ` Of them, ${p.causes.map((c) => `${c.rows} ${c.rows === 1 ? 'follows' : 'follow'} from the rejected row at ${c.place}`).join(', ')}.` : ''}${p.table === 'agents' ? ' Every row of agents is an agent: a rejected agent is not rated and the rows naming them are rejected too, so the limit is felt at once on this table.' : ''} Fix the export or source.yaml; if these rows may go uncounted, raise the limit with --max-rejected ${p.rejected} (in rows; a percentage works too, such as --max-rejected 5%).`,
  },
  FIELD_NOT_IN_DATA: {
    zh: (p: { table: string; field: string; uses: string; files: string }) =>
      `策略用到 ${p.table}.${p.field}(${p.uses}),但 ${p.files} 中没有这一列。没有这一列,每一行在这里都会读作空(null),而空值在条件里只等于 null:例如“resolved 等于 true”对每一行都不成立,“upheld 不等于 false”对每一行都成立,求这一列平均值、中位数等的指标没有一个值可算——指标就会按导出中并不存在的值计算。请在 source.yaml 中写出它来自哪一列:tables: ${p.table}: fields: ${p.field}: <列名>;导出中确实没有这一列时,请修改策略,不用读它的指标或条件。`,
    en: (p: { table: string; field: string; uses: string; files: string }) =>
      `The policy reads ${p.table}.${p.field} (${p.uses}), but no file of it has that column (${p.files}). Without it every row would read null there, and in a condition null equals only null: "resolved equal true" would fail for every row, "upheld notEqual false" hold for every row, and a metric taking the field's values (a mean, a median…) would have none to take — the metric would be computed on values the export never gave. Say in source.yaml which column it comes from (tables: ${p.table}: fields: ${p.field}: <column>); when the export really has no such column, change the policy so that no metric or condition reads it.`,
  },
  RATING_DIMENSION_NOT_IN_DATA: {
    zh: (p: { metric: string; dimension: string; seen: string }) =>
      `评分指标 ${p.metric} 要求维度 "${p.dimension}",但本期间没有一条评分是这个维度(本期间的维度:${p.seen})。这个维度不计入任何人的评分。请把 dimension 写成数据中的写法,或在 source.yaml 中给 dimension 列加 map。`,
    en: (p: { metric: string; dimension: string; seen: string }) =>
      `The rating metric ${p.metric} asks for the dimension "${p.dimension}", but no rating of the period has it (dimensions in the period: ${p.seen}). It counts for nobody. Write the dimension as the data spells it, or map the dimension column in source.yaml.`,
  },
  RATING_SCALE_MISMATCH: {
    zh: (p: { metric: string; low: number; high: number; lo: number; hi: number }) =>
      `评分指标 ${p.metric} 的客服取值在 ${p.low}–${p.high} 之间,远在考核项目标/底线所用的刻度(${p.lo}–${p.hi})之外:评分文件的刻度(例如百分制)与目标(例如五分制)不一致,得分没有意义。请在 source.yaml 中换算分数,或把目标和底线写成数据的刻度。`,
    en: (p: { metric: string; low: number; high: number; lo: number; hi: number }) =>
      `The agents' values of the rating metric ${p.metric} lie between ${p.low} and ${p.high}, far outside the scale the item's target and floor are written in (${p.lo}–${p.hi}): the ratings' scale (0–100, say) is not the targets' (1–5), and the scores mean nothing. Convert the scores in source.yaml, or write the target and floor in the data's scale.`,
  },
  RATING_ROLE_NOT_IN_DATA: {
    zh: (p: { metric: string; role: string; seen: string }) =>
      `评分指标 ${p.metric} 给评分人角色 "${p.role}" 设了权重,但本期间这个指标的评分中没有这个角色(本期间的角色:${p.seen})。它的权重会分给其他角色;如果是拼写不同(例如 主管 与 supervisor),请改正 roles,或在 source.yaml 中给 rater_role 列加 map。`,
    en: (p: { metric: string; role: string; seen: string }) =>
      `The rating metric ${p.metric} weights the rater role "${p.role}", but none of the period's ratings of the metric has that role (roles in the period: ${p.seen}). Its weight goes to the other roles; if it is spelled differently (主管 for supervisor, say), correct roles or map the rater_role column in source.yaml.`,
  },
  INFO_METRIC_FIELD_NOT_IN_DATA: {
    zh: (p: { metric: string; fields: string }) =>
      `仅供参考的指标 ${p.metric} 读取的 ${p.fields} 在数据中没有这一列:它不计分,但它的值是把这一列当作处处为空算出的(${p.metric} 显示的数没有意义),不要据此判断。导出中有这一列时,在 source.yaml 中写出它来自哪一列;没有时可以忽略本条(报告网站仍在“其他指标(仅供参考)”中列出这个值)。`,
    en: (p: { metric: string; fields: string }) =>
      `The information-only metric ${p.metric} reads ${p.fields}, which no file has as a column: it is not scored, but its value is computed as if that column were empty everywhere (the number ${p.metric} shows means nothing). When the export has the column, say in source.yaml which one it is; when it has none, this warning can be ignored (the report site still lists the value under “Other metrics (for information)”).`,
  },
  TABLE_ABSENT: {
    zh: (p: { table: string; uses: string }) =>
      `策略用到的指标需要表 ${p.table}(${p.uses}),但数据中没有这张表的文件。请导出它;如果确实没有这张表,用 --allow-missing ${p.table} 运行,这些指标记为无数据。`,
    en: (p: { table: string; uses: string }) =>
      `Metrics the policy uses need the table ${p.table} (${p.uses}), and the data has no file of it. Export it; if you truly have none, run with --allow-missing ${p.table}: those metrics are then recorded as no data.`,
  },
  REQUIRED_KEY_MISSING: {
    zh: (p: { table: string; fields: string; keys: string; files: string; fix: string }) =>
      `表 ${p.table} 的 JSON Lines 文件(${p.files})中没有一条记录有必填字段 ${p.fields} 的键;记录里的键有:${p.keys}。在 source.yaml 中写出每个字段来自哪个键:\n${p.fix}`,
    en: (p: { table: string; fields: string; keys: string; files: string; fix: string }) =>
      `No record of the JSON Lines files of ${p.table} (${p.files}) has a key for the required fields ${p.fields}; the records have the keys: ${p.keys}. In source.yaml, say which key each comes from:\n${p.fix}`,
  },
  DECLARED_TABLE_NO_FILES: {
    zh: (p: { table: string; globs: string; uses: string }) =>
      `source.yaml 列出了表 ${p.table}(files: ${p.globs}),但没有匹配到任何文件;加减分、参评条件或一票否决要用它(${p.uses}),缺了它加分为 0、否决不会成立。请把导出文件放进数据目录(或改正 files);如果这个期间确实没有这张表,用 --allow-missing ${p.table} 运行。`,
    en: (p: { table: string; globs: string; uses: string }) =>
      `source.yaml lists the table ${p.table} (files: ${p.globs}), and no file matches; adjustments, eligibility or vetoes use it (${p.uses}), and without it adjustments add 0 and vetoes cannot hold. Put the export in the data folder (or correct files); if the period truly has no such table, run with --allow-missing ${p.table}.`,
  },
  RULE_TABLE_ABSENT: {
    zh: (p: { table: string; uses: string }) =>
      `加减分、参评条件或一票否决用到的指标需要表 ${p.table}(${p.uses}),但数据中没有它:这些指标无数据,加分为 0,否决不会成立。`,
    en: (p: { table: string; uses: string }) =>
      `Metrics of adjustments, eligibility or vetoes need the table ${p.table} (${p.uses}), and the data has none: those metrics have no data, their adjustments add 0 and their vetoes cannot hold.`,
  },
  UNUSED_SCORECARD_TABLE_ABSENT: {
    zh: (p: { table: string; scorecards: string }) =>
      `数据中没有表 ${p.table} 的文件;只有没有客服所属的考核表(${p.scorecards})需要它,所以本次运行不需要它。如果有客服本应属于这些考核表,请检查 agents 表的 role(以及 source.yaml 中它的 map)。`,
    en: (p: { table: string; scorecards: string }) =>
      `The data has no file of the table ${p.table}, which only scorecards no agent of the data is on need (${p.scorecards}): this run does not need it. If some agent should be on them, check the agents' role (and its map in source.yaml).`,
  },
  EXTRA_FIELD_NOT_TYPED: {
    zh: (p: { table: string; field: string; operator: string; value: string; use: string; type: string }) =>
      `${p.use} 的条件把 ${p.table}.${p.field} 与 ${p.value} 比较(${p.operator}),但 ${p.field} 是未声明类型的额外列,在每种文件中都按文本读取,这个比较永远不会相等。请在 source.yaml 中声明类型:tables: ${p.table}: fields: ${p.field}: { type: ${p.type} }。`,
    en: (p: { table: string; field: string; operator: string; value: string; use: string; type: string }) =>
      `A condition of ${p.use} compares ${p.table}.${p.field} with ${p.value} (${p.operator}), but ${p.field} is an extra column without a declared type, read as text in every file format: the comparison is never equal. Declare its type in source.yaml: tables: ${p.table}: fields: ${p.field}: { type: ${p.type} }.`,
  },
  ROLE_WITHOUT_SCORECARD: {
    zh: (p: { role: string; agents: number; roles: string }) =>
      `岗位 ${q(p.role)} 的 ${p.agents} 名客服不属于任何考核表(考核表的岗位:${p.roles}),不参评。如果这是导出中岗位的另一种写法,请在 source.yaml 中为 agents.role 写 map。`,
    en: (p: { role: string; agents: number; roles: string }) =>
      `The ${p.agents} agents of role ${q(p.role)} belong to no scorecard (the scorecards' roles: ${p.roles}) and are not rated. If the export spells roles its own way, map agents.role in source.yaml.`,
  },
  NO_AGENT_HAS_SCORECARD: {
    zh: (p: { agents: number; found: string; roles: string }) =>
      `${p.agents} 名客服的岗位(${p.found})都不属于任何考核表(考核表的岗位:${p.roles}),没有人参评。请在 source.yaml 中为 agents.role 写 map,或检查 role 来自哪一列。`,
    en: (p: { agents: number; found: string; roles: string }) =>
      `None of the ${p.agents} agents has a role of a scorecard (found: ${p.found}; the scorecards' roles: ${p.roles}): nobody is rated. Map agents.role in source.yaml, or check which column role comes from.`,
  },
  FIELD_EMPTY_IN_PERIOD: {
    zh: (p: { table: string; field: string; rows: number; uses: string }) =>
      `${p.table}.${p.field} 在本期间的全部 ${p.rows} 行中都是空的,而策略用到它(${p.uses}):空值不是"否",在条件里它只等于 null——例如"resolved 等于 true"对每一行都不成立(全部按未解决计),"upheld 不等于 false"对每一行都成立(全部按成立计);求该字段平均值、中位数等的指标没有一个值可算。请检查导出里这一列是否有值,或 source.yaml 是否读对了列。`,
    en: (p: { table: string; field: string; rows: number; uses: string }) =>
      `${p.table}.${p.field} is empty in all ${p.rows} rows of the period, and the policy reads it (${p.uses}): an empty value is not "false"; in a condition it equals only null — "resolved equal true" fails for every row (all count as unresolved), "upheld notEqual false" holds for every row (all count as upheld) — and metrics that take the field's values (a mean, a median…) have none to take. Check that the export fills this column, and that source.yaml reads the right one.`,
  },
  FIELD_PARTLY_EMPTY_IN_PERIOD: {
    zh: (p: { table: string; field: string; empty: number; rows: number; uses: string; agents: string }) =>
      `${p.table}.${p.field} 在本期间 ${p.rows} 行中有 ${p.empty} 行为空(或在 source.yaml 的 map 中映射为 null),而策略用到它(${p.uses}):空值不是"否",在条件里它只等于 null——例如"resolved 等于 true"对它不成立(该行按未解决计),"upheld 不等于 false"对它成立(该行按成立计);取该字段数值的指标不计入它。影响的客服:${p.agents}。请检查导出里这一列是否漏填。`,
    en: (p: { table: string; field: string; empty: number; rows: number; uses: string; agents: string }) =>
      `${p.table}.${p.field} is empty (or mapped to null in source.yaml) in ${p.empty} of the period's ${p.rows} rows, and the policy reads it (${p.uses}): an empty value is not "false"; in a condition it equals only null — "resolved equal true" fails for it (the row counts as unresolved), "upheld notEqual false" holds (the row counts as upheld) — and metrics that take the field's value leave it out. Agents affected: ${p.agents}. Check whether the export left this column unfilled.`,
  },
  TABLE_EMPTY_IN_PERIOD: {
    zh: (p: { table: string; period: string; uses: string }) =>
      `表 ${p.table} 有文件,但其中没有一行属于期间 ${p.period},而策略用到它(${p.uses}):这些指标会按"本期间没有记录"计算。导出是否只有表头,或是别的月份的文件?`,
    en: (p: { table: string; period: string; uses: string }) =>
      `The table ${p.table} has files, but none of its rows falls in ${p.period}, and the policy uses it (${p.uses}): those metrics count as if the period had no records. Is the export only a header, or a file of another month?`,
  },
  // The words of TABLE_EMPTY_IN_PERIOD (its code) when a use reads the table through the conversations.
  TABLE_EMPTY_IN_PERIOD_ANY_DATE: {
    zh: (p: { table: string; period: string; inPeriod: string; anyDate: string }) =>
      `表 ${p.table} 有文件,但其中没有一行属于期间 ${p.period}。${p.inPeriod === '' ? '' : `按本期间的记录计算的 ${p.inPeriod} 会按"本期间没有记录"计算。`}${p.anyDate} 则经由本期间的会话读取它:指向本期间某个会话的行不论日期都计入(${p.table === 'orders' ? '例如期间之后下单的订单仍使该会话算作转化' : '例如期间之后发出的回复仍算作该会话的回复'}),所以这些指标照常按文件中其他日期的行计算,缺的只是日期在 ${p.period} 内的行。导出是否只有表头,或是别的月份的文件?`,
    en: (p: { table: string; period: string; inPeriod: string; anyDate: string }) =>
      `The table ${p.table} has files, but none of its rows falls in ${p.period}.${p.inPeriod === '' ? '' : ` Counted from the rows of the period, as if the period had no records: ${p.inPeriod}.`} Read through the conversations of the period: ${p.anyDate}. For those, a row of any date that names a conversation of the period counts (${p.table === 'orders' ? 'an order placed after the period still makes its conversation converted' : 'a reply sent after the period still answers its conversation'}): they are computed from the rows of other dates these files hold, and miss only rows dated in ${p.period}. Is the export only a header, or a file of another month?`,
  },
  APPEAL_CORRECTION_NO_EFFECT: {
    zh: (p: CorrectionNoEffect) =>
      `申诉 ${p.appeal} 把 ${p.record} 的 ${p.field} 从 ${p.before} 改为 ${p.after},但读取 ${p.field} 的规则(${p.rules})对这两个值的结论相同:这次更正不改变任何结果。${p.tested === '' ? '' : `这些规则认的值是 ${p.tested}。`}是否写错了值(例如写了中文而数据里是英文代码)?`,
    en: (p: CorrectionNoEffect) =>
      `The appeal ${p.appeal} corrects ${p.field} of ${p.record} from ${p.before} to ${p.after}, but the rules that read ${p.field} (${p.rules}) come out the same for both values: the correction changes no result.${p.tested === '' ? '' : ` Those rules test it against ${p.tested}.`} Is the value mistyped (a Chinese word where the data holds an English code, say)?`,
  },
  APPEAL_CORRECTION_UNREAD: {
    zh: (p: { appeal: string; record: string; field: string; before: string; after: string }) =>
      `申诉 ${p.appeal} 把 ${p.record} 的 ${p.field} 从 ${p.before} 改为 ${p.after},但策略没有任何规则或指标读取 ${p.field}:这次更正只改变说明中显示的记录,不改变任何结果。是否应更正另一个字段?`,
    en: (p: { appeal: string; record: string; field: string; before: string; after: string }) =>
      `The appeal ${p.appeal} corrects ${p.field} of ${p.record} from ${p.before} to ${p.after}, but no rule or metric of the policy reads ${p.field}: the correction changes only the record the explanations show, no result. Should another field be corrected?`,
  },
  MESSAGES_MISSING_DAYS: {
    zh: (p: { days: string; conversations: number }) =>
      `messages 在 ${p.days} 没有任何一行,而这几天开始了 ${p.conversations} 个会话:这些会话会按"没有客户提问、没有回复"计算,响应时长、回复率等指标少了这几天的记录。messages 的导出是否缺了这几天的文件(或只导出了部分日期)?补齐后重新评估;若这几天确实没有消息,可忽略。`,
    en: (p: { days: string; conversations: number }) =>
      `The messages have not a single row on ${p.days}, while ${p.conversations} conversations started on those days: they count as conversations without a customer question or a reply, and response times, reply rate and the like miss those days. Is the messages export missing those days' files (or only part of the dates)? Add them and evaluate again; if those days truly had no messages, ignore this.`,
  },
  EXCLUSION_REMOVED_NOTHING: {
    zh: (p: { id: string; table: string; rows: number; missing: string }) =>
      `排除规则 ${p.id} 在本期间 ${p.table} 的 ${p.rows} 行中没有排除任何一行。${p.missing ? `规则中的值在数据里没有出现(是否拼错了?):${p.missing}。` : '若本期确实没有这类记录,可忽略。'}`,
    en: (p: { id: string; table: string; rows: number; missing: string }) =>
      `The exclusion ${p.id} removed none of the ${p.rows} rows of ${p.table} in the period. ${p.missing ? `Values of the rule that no row has (a typo?): ${p.missing}.` : 'If the period truly has no such records, ignore this.'}`,
  },
  UNMAPPED_IN_PERIOD: {
    zh: (p: { table: string; field: string; rejected: number; agents: string }) =>
      `表 ${p.table} 在本期间有 ${p.rejected} 行因 ${p.field} 的值不在 source.yaml 的 map 中而被拒绝(影响的客服:${p.agents})。这是 source.yaml 的缺口,不是脏数据:少了一个值就少了整一类记录(例如所有"非常不满意"的评价),所以不论 --max-rejected 是多少都会停止。请把这些值加进 map(不计的值写 null),被拒绝的行列出了每个值。`,
    en: (p: { table: string; field: string; rejected: number; agents: string }) =>
      `${p.rejected} rows of ${p.table} in the period were rejected because their ${p.field} is not in source.yaml's map (agents affected: ${p.agents}). This is a gap in source.yaml, not dirty data: a missing value drops a whole class of records (every "very dissatisfied" survey, say), so the run stops whatever --max-rejected says. Add the values to the map (null for a value to read as missing); the rejected rows list each value.`,
  },
  UNMAPPED_IN_DATA: {
    zh: (p: { table: string; field: string; rejected: number }) =>
      `表 ${p.table} 有 ${p.rejected} 行因 ${p.field} 的值不在 source.yaml 的 map 中而被拒绝;评估期间内只要有一行这样的记录,evaluate 就会停止(UNMAPPED_IN_PERIOD)。请把这些值加进 map(不计的值写 null),被拒绝的行列出了每个值。`,
    en: (p: { table: string; field: string; rejected: number }) =>
      `${p.rejected} rows of ${p.table} were rejected because their ${p.field} is not in source.yaml's map; evaluate stops on any such row of the period it evaluates (UNMAPPED_IN_PERIOD). Add the values to the map (null for a value to read as missing); the rejected rows list each value.`,
  },
  FILE_CUT_OFF: {
    zh: (p: CutOffText) =>
      `表 ${p.table} 的文件 ${p.file} 多半被截断了(下载或复制没有完成):它的最后一行(第 ${p.line} 行)${p.format === 'jsonl' ? '不是完整的 JSON' : '比表头少了单元格'},文件末尾也没有换行符。这一行作为被拒绝的行不计入,而它之后的行多半不在文件里:一行被拒绝远低于被拒绝行的上限,没有别的提示会说这个期间可能少了很多行。请重新导出或重新复制这个文件;如果文件确实完整、只是最后一行坏了,修正或删除这一行。publish 会拒绝发布这个期间,除非加 --allow-partial-data。`,
    en: (p: CutOffText) =>
      `The file ${p.file} of table ${p.table} was most likely cut off (a download or copy that did not finish): its last line, line ${p.line}, ${p.format === 'jsonl' ? 'is not whole JSON' : 'has fewer cells than the header'}, and the file does not end with a line break. That line is a rejected row, and the rows after it are most likely not in the file: one rejected row stays far under the rejected-row limit, and nothing else says that the period may be missing many rows. Export or copy the file again; if the file really is complete and only its last row is broken, fix or remove that line. publish refuses this period unless --allow-partial-data is given.`,
  },
  PERIOD_PARTLY_COVERED: {
    zh: (p: { table: string; covered: string; period: string; start: string; end: string }) =>
      `${p.table} 的行只覆盖了期间 ${p.period}(${p.start} 至 ${p.end})的一部分:${p.covered}。是否少了一些文件?`,
    en: (p: { table: string; covered: string; period: string; start: string; end: string }) =>
      `The rows of ${p.table} cover only part of the period ${p.period} (${p.start} to ${p.end}): ${p.covered}. Are some files missing?`,
  },
  ROWS_AFTER_PERIOD: {
    zh: (p: { table: string; rows: number; period: string; end: string; span: string }) =>
      `${p.table} 有 ${p.rows} 行的时间在期间 ${p.period} 结束(${p.end})之后(${p.span}),不计入 ${p.period}。若导出按月分文件夹,下个期间读的是另一个文件夹,这些行就不会被任何期间计入:请把它们也放进下个期间的导出(或评估下个期间时一并给出这些文件)。`,
    en: (p: { table: string; rows: number; period: string; end: string; span: string }) =>
      `${p.table} has ${p.rows === 1 ? '1 row' : `${p.rows} rows`} dated after the period ${p.period} ended (${p.end}): ${p.span}. ${p.rows === 1 ? 'It does' : 'They do'} not count in ${p.period}. If exports are kept in one folder per month, the next period reads another folder and no period counts ${p.rows === 1 ? 'this row' : 'these rows'}: put ${p.rows === 1 ? 'it' : 'them'} in the next period's export too (or give these files when evaluating it).`,
  },
  ROWS_LONG_BEFORE_PERIOD: {
    zh: (p: RowsLongBefore) =>
      `${p.table} 有 ${p.rows} 行的时间比期间 ${p.period} 开始(${p.start})早 ${p.days} 天以上,而本期间内有 ${p.inPeriod} 行;最早的是 ${p.earliest}${p.place === '' ? '' : `(${p.place})`}。离其余的行这么远,多半是时间写错了(例如年份)。这些行按它们的时间不计入 ${p.period},而引用它们的行(例如会话的消息)仍按各自的时间计入。请检查导出中这一列并更正。`,
    en: (p: RowsLongBefore) =>
      `${p.table} has ${p.rows === 1 ? '1 row' : `${p.rows} rows`} dated more than ${p.days} days before the period ${p.period} started (${p.start}), against ${p.inPeriod} in the period; the earliest is ${p.earliest}${p.place === '' ? '' : ` (${p.place})`}. So far from the other rows, the time is most likely written wrong (a year, say). By ${p.rows === 1 ? 'its' : 'their'} time ${p.rows === 1 ? 'it does' : 'they do'} not count in ${p.period}, while rows that refer to ${p.rows === 1 ? 'it' : 'them'} (a conversation's messages) still count by their own. Check and correct this column of the export.`,
  },
  REJECTED_IN_PERIOD: {
    zh: (p: {
      table: string;
      rejected: number;
      rows: number;
      period: string;
      limit: string;
      agents: string;
    }) =>
      `本期间 ${p.period} 中 ${p.table} 有 ${p.rejected} / ${p.rows} 行被拒绝,超过 ${p.limit}(上限按整张表计算,所以运行没有停止)。这些行不计入,会影响这些客服的结果:${p.agents}。`,
    en: (p: {
      table: string;
      rejected: number;
      rows: number;
      period: string;
      limit: string;
      agents: string;
    }) =>
      `In the period ${p.period}, ${p.rejected} of ${p.rows} rows of ${p.table} were rejected, over ${p.limit} (the limit counts the whole table, so the run went on). They are left out, which affects these agents: ${p.agents}.`,
  },
  DUPLICATE_FILE: {
    zh: (p: { table: string; file: string; first: string }) =>
      `表 ${p.table} 的文件 ${p.file} 与 ${p.first} 字节完全相同(同一份导出下载了两次?),每一行都会被计两次。请删除其中一个,或把它放进 ignore。`,
    en: (p: { table: string; file: string; first: string }) =>
      `The file ${p.file} of table ${p.table} is byte for byte the same as ${p.first} (one export downloaded twice?): every row would count twice. Remove one, or list it under ignore.`,
  },
  NO_DATA_IN_PERIOD: {
    zh: (p: { period: string; start: string; end: string; covered: string }) =>
      `期间 ${p.period}(${p.start} 至 ${p.end})中没有任何数据:除 agents 外每张表在此期间都是 0 行。${p.covered ? `文件覆盖的时间是 ${p.covered}。` : '文件中没有任何带时间的行。'}请检查 --period,或导出这个期间的数据。`,
    en: (p: { period: string; start: string; end: string; covered: string }) =>
      `The period ${p.period} (${p.start} to ${p.end}) has no data: every table but agents has 0 rows in it. ${p.covered ? `The files cover ${p.covered}.` : 'The files have no dated rows.'} Check --period, or export that period's data.`,
  },
});

/** Why a row is rejected once typed: what it refers to, duplicates, values that cannot be true together. */
export const ROW_REJECTIONS = defineCatalogue({
  UNKNOWN_AGENT: {
    zh: (p: { field: string; value: string; cause: RejectionCause | null }) =>
      p.cause
        ? `${p.field} ${q(p.value)} 的客服行被拒绝了(${p.cause.file}:${p.cause.line},${p.cause.message.zh}),所以这一行也被拒绝`
        : `${p.field} ${q(p.value)} 不在 agents 表中`,
    en: (p: { field: string; value: string; cause: RejectionCause | null }) =>
      p.cause
        ? `the agents row of ${p.field} ${q(p.value)} was rejected (${p.cause.file}:${p.cause.line}: ${p.cause.message.en}), so this row is too`
        : `${p.field} ${q(p.value)} is not in the agents table`,
  },
  UNKNOWN_CONVERSATION: {
    zh: (p: { value: string; cause: RejectionCause | null }) =>
      p.cause
        ? `会话 ${q(p.value)} 的行被拒绝了(${p.cause.file}:${p.cause.line},${p.cause.message.zh}),所以这一行也被拒绝`
        : `conversation_id ${q(p.value)} 不在已接受的 conversations 行中`,
    en: (p: { value: string; cause: RejectionCause | null }) =>
      p.cause
        ? `the conversations row of ${q(p.value)} was rejected (${p.cause.file}:${p.cause.line}: ${p.cause.message.en}), so this row is too`
        : `conversation_id ${q(p.value)} is not among the accepted conversations`,
  },
  DUPLICATE_ID: {
    zh: (p: { field: string; value: string; first: string }) =>
      `${p.field} ${q(p.value)} 重复(首次出现在 ${p.first}),保留先出现的行`,
    en: (p: { field: string; value: string; first: string }) =>
      `${p.field} ${q(p.value)} is a duplicate (first at ${p.first}); the earlier row is kept`,
  },
  AGENT_MESSAGE_WITHOUT_AGENT: {
    zh: () => '客服发送的消息必须有 agent_id(是谁回复的)',
    en: () => 'an agent message needs agent_id (who replied)',
  },
  ENDED_BEFORE_STARTED: {
    zh: (p: { field: string; value: string; started: string }) =>
      `${p.field} ${p.value} 早于 started_at ${p.started}`,
    en: (p: { field: string; value: string; started: string }) =>
      `${p.field} ${p.value} is before started_at ${p.started}`,
  },
});
