import type { Bilingual } from '@scorebook/problems';

type Params = Record<string, string | number>;

/** An entry of the error catalogue: its message in both languages, built from the problem's details. */
interface CatalogueEntry {
  zh: (p: Params) => string;
  en: (p: Params) => string;
}

const q = (v: string | number | undefined) => `"${String(v)}"`;

/**
 * Every problem a policy can have, by permanent code. Codes never change meaning and are never
 * reused; messages say what is wrong and what to do.
 */
export const POLICY_ERRORS = {
  // Meaning.
  VERSION_NOT_TEXT: {
    zh: (p) =>
      `版本号 ${p.value} 没有加引号,被读成了数字${p.changed ? `(写的是 ${p.written},读到的是 ${p.value})` : ''}。请写成 version: "${p.written}"。`,
    en: (p) =>
      `The version ${p.value} is not quoted and reads as a number${p.changed ? ` (written ${p.written}, read ${p.value})` : ''}. Write version: "${p.written}".`,
  },
  UNKNOWN_TIMEZONE: {
    zh: (p) => `未知的时区 ${q(p.timezone)}。请使用 IANA 时区名,例如 Asia/Shanghai。`,
    en: (p) => `Unknown timezone ${q(p.timezone)}. Use an IANA name such as Asia/Shanghai.`,
  },
  BAD_DATE: {
    zh: (p) => `${q(p.value)} 不是有效日期。请写成 YYYY-MM-DD,例如 2026-10-01。`,
    en: (p) => `${q(p.value)} is not a real date. Write YYYY-MM-DD, e.g. 2026-10-01.`,
  },
  BAD_INTERVAL: {
    zh: (p) =>
      `营业时间段 ${q(p.value)} 不正确。请写成 HH:MM-HH:MM,结束晚于开始,最晚 24:00,例如 "09:00-18:00"。`,
    en: (p) =>
      `The opening interval ${q(p.value)} is not valid. Write HH:MM-HH:MM with the end after the start, at most 24:00, e.g. "09:00-18:00".`,
  },
  OVERLAPPING_INTERVALS: {
    zh: (p) => `营业时间段 ${q(p.value)} 与同一天的 ${q(p.other)} 重叠。请合并为一个时间段。`,
    en: (p) =>
      `The opening interval ${q(p.value)} overlaps ${q(p.other)} on the same day. Merge them into one.`,
  },
  DUPLICATE_ID: {
    zh: (p) => `${p.what} id ${q(p.id)} 重复。每个 id 只能出现一次。`,
    en: (p) => `The ${p.whatEn} id ${q(p.id)} is used twice. Each id must be unique.`,
  },
  UNKNOWN_TABLE: {
    zh: (p) => `未知的数据表 ${q(p.table)}。可用的表:${p.allowed}。`,
    en: (p) => `Unknown table ${q(p.table)}. Tables allowed here: ${p.allowed}.`,
  },
  UNKNOWN_FIELD: {
    zh: (p) => `表 ${p.table} 没有字段 ${q(p.field)}。可用字段:${p.allowed}。`,
    en: (p) => `The table ${p.table} has no field ${q(p.field)}. Fields: ${p.allowed}.`,
  },
  FIELD_NOT_NUMERIC: {
    zh: (p) => `${p.kind} 指标需要数值字段,而 ${p.table}.${p.field} 的类型是 ${p.type}。`,
    en: (p) => `A ${p.kind} metric needs a numeric field; ${p.table}.${p.field} is of type ${p.type}.`,
  },
  METRIC_KIND_KEYS: {
    zh: (p) => `${p.kind} 类型的指标${p.need}。`,
    en: (p) => `A metric of kind ${p.kind} ${p.needEn}.`,
  },
  METRIC_REDEFINES_BUILTIN: {
    zh: (p) => `${q(p.id)} 是内置指标,策略不能重新定义。请换一个 id,例如 ${q(`${p.id}_custom`)}。`,
    en: (p) =>
      `${q(p.id)} is a built-in metric and cannot be redefined. Choose another id, e.g. ${q(`${p.id}_custom`)}.`,
  },
  UNKNOWN_METRIC: {
    zh: (p) =>
      `未知的指标 ${q(p.metric)}。${p.suggestion ? `是否想写 ${q(p.suggestion)}?` : '请使用内置指标或在 metrics 中定义它。'}`,
    en: (p) =>
      `Unknown metric ${q(p.metric)}. ${p.suggestion ? `Did you mean ${q(p.suggestion)}?` : 'Use a built-in metric or define it under metrics.'}`,
  },
  UNKNOWN_GRADE: {
    zh: (p) => `未知的等级 ${q(p.grade)}。grades 中定义的等级有:${p.allowed}。`,
    en: (p) => `Unknown grade ${q(p.grade)}. The grades defined are: ${p.allowed}.`,
  },
  DUPLICATE_GRADE: {
    zh: (p) => `等级 ${q(p.grade)} 重复定义。`,
    en: (p) => `The grade ${q(p.grade)} is defined twice.`,
  },
  GRADES_ORDER: {
    zh: (p) =>
      `等级须从高到低排列,min_score 严格递减:${q(p.grade)} 的 ${p.value} 不小于上一级的 ${p.previous}。`,
    en: (p) =>
      `Grades go best first with strictly decreasing min_score: ${q(p.grade)} has ${p.value}, not below the previous ${p.previous}.`,
  },
  GRADES_LAST_NOT_ZERO: {
    zh: (p) => `最后一个等级 ${q(p.grade)} 的 min_score 必须为 0,这样每个分数都有等级。`,
    en: (p) => `The last grade ${q(p.grade)} must have min_score 0, so that every score gets a grade.`,
  },
  ROLE_IN_TWO_SCORECARDS: {
    zh: (p) =>
      `岗位 ${q(p.role)} 同时出现在考核表 ${q(p.first)} 和 ${q(p.second)} 中。每个岗位只能属于一个考核表。`,
    en: (p) =>
      `The role ${q(p.role)} is in both scorecards ${q(p.first)} and ${q(p.second)}. A role belongs to one scorecard.`,
  },
  WEIGHTS_NOT_100: {
    zh: (p) => `考核表 ${q(p.scorecard)} 的权重合计为 ${p.sum},应为 100。`,
    en: (p) => `The weights of scorecard ${q(p.scorecard)} add up to ${p.sum}; they must add up to 100.`,
  },
  DUPLICATE_SCORED_METRIC: {
    zh: (p) => `指标 ${q(p.metric)} 在考核表 ${q(p.scorecard)} 中出现了两次。`,
    en: (p) => `The metric ${q(p.metric)} is scored twice in scorecard ${q(p.scorecard)}.`,
  },
  TARGET_FLOOR_ORDER: {
    zh: (p) =>
      p.better === 'higher'
        ? `${q(p.metric)} 越高越好,目标值(${p.target})必须大于底线值(${p.floor})。`
        : `${q(p.metric)} 越低越好,目标值(${p.target})必须小于底线值(${p.floor})。`,
    en: (p) =>
      p.better === 'higher'
        ? `Higher ${q(p.metric)} is better, so the target (${p.target}) must be above the floor (${p.floor}).`
        : `Lower ${q(p.metric)} is better, so the target (${p.target}) must be below the floor (${p.floor}).`,
  },
  LINEAR_NEEDS_TARGET_FLOOR: {
    zh: (p) => `线性计分的 ${q(p.metric)} 需要 target 和 floor。请添加 ${p.missing}。`,
    en: (p) => `Linear scoring of ${q(p.metric)} needs target and floor. Add ${p.missing}.`,
  },
  BANDS_MISSING: {
    zh: (p) => `${q(p.metric)} 使用 method: bands,但没有 bands。请添加分档,或删除 method 改用线性计分。`,
    en: (p) =>
      `${q(p.metric)} uses method: bands but has no bands. Add bands, or remove method to score linearly.`,
  },
  SCORED_KEYS_CONFLICT: {
    zh: (p) => `${q(p.metric)}:${p.what}`,
    en: (p) => `${q(p.metric)}: ${p.whatEn}`,
  },
  BANDS_DIRECTION: {
    zh: (p) =>
      p.better === 'higher'
        ? `${q(p.metric)} 越高越好,分档须使用 at_least(达到即得分)。`
        : `${q(p.metric)} 越低越好,分档须使用 at_most(不超过即得分)。`,
    en: (p) =>
      p.better === 'higher'
        ? `Higher ${q(p.metric)} is better, so its bands use at_least.`
        : `Lower ${q(p.metric)} is better, so its bands use at_most.`,
  },
  BAND_UNREACHABLE: {
    zh: (p) =>
      `这一档永远不会被用到:前面的档 ${p.previous} 已覆盖了 ${p.value}。分档按顺序尝试,请从最严格的一档写起。`,
    en: (p) =>
      `This band is never used: the earlier band at ${p.previous} already covers ${p.value}. Bands are tried in order; write the strictest first.`,
  },
  QUANTITY_INVALID: {
    zh: (p) => `无法理解数量 ${q(p.value)}。请写数字,或带单位:95%、0.5%、20s、2m、1.5h。`,
    en: (p) =>
      `Cannot read the quantity ${q(p.value)}. Write a number, or one with a unit: 95%, 0.5%, 20s, 2m, 1.5h.`,
  },
  QUANTITY_UNIT_MISMATCH: {
    zh: (p) => `${q(p.value)} 的单位与指标 ${q(p.metric)} 的单位(${p.unit})不符。${p.hint}`,
    en: (p) =>
      `The unit of ${q(p.value)} does not fit metric ${q(p.metric)}, measured in ${p.unit}. ${p.hintEn}`,
  },
  QUANTITY_RATIO_RANGE: {
    zh: (p) =>
      `${q(p.metric)} 是比率(0 到 1 之间的小数),${p.value} 超出范围。请写成百分数,例如 ${p.value}%。`,
    en: (p) =>
      `${q(p.metric)} is a ratio (a fraction from 0 to 1); ${p.value} is out of range. Write a percentage, e.g. ${p.value}%.`,
  },
  MIN_SAMPLE_IGNORED: {
    zh: (p) =>
      `min_sample 对 ${p.kind} 类型的指标 ${q(p.metric)} 不起作用(计数和求和没有样本不足之说),可以删除。`,
    en: (p) =>
      `min_sample has no effect on ${q(p.metric)}, a ${p.kind} metric (counts and sums are never short of sample); remove it.`,
  },
  ADJUSTMENT_RANGE: {
    zh: (p) => `加减分 ${q(p.id)} 的 min(${p.min})大于 max(${p.max})。`,
    en: (p) => `Adjustment ${q(p.id)} has min (${p.min}) above max (${p.max}).`,
  },
  // Conditions.
  CONDITION_SHAPE: {
    zh: (p) =>
      `这不是有效的 json-rules-engine 条件(${p.found})。条件写成 {all: [...]}、{any: [...]}、{not: {...}} 或 {fact, operator, value}。`,
    en: (p) =>
      `This is not a valid json-rules-engine condition (${p.found}). Write {all: [...]}, {any: [...]}, {not: {...}} or {fact, operator, value}.`,
  },
  CONDITION_UNKNOWN_KEY: {
    zh: (p) => `条件中未知的键 ${q(p.key)}。条件只能有 all、any、not 之一,或 fact、operator、value、path。`,
    en: (p) =>
      `Unknown key ${q(p.key)} in a condition. A condition has one of all, any, not, or fact, operator, value, path.`,
  },
  CONDITION_EMPTY: {
    zh: (p) => `空的 ${p.op}: [] 总是成立(json-rules-engine 的规则)。如果这不是本意,请添加条件。`,
    en: (p) =>
      `An empty ${p.op}: [] always holds (json-rules-engine's rule). Add conditions if that is not what you mean.`,
  },
  CONDITION_UNKNOWN_OPERATOR: {
    zh: (p) => `未知的运算符 ${q(p.operator)}。可用:${p.allowed}。`,
    en: (p) => `Unknown operator ${q(p.operator)}. Operators: ${p.allowed}.`,
  },
  CONDITION_UNKNOWN_FACT: {
    zh: (p) =>
      `${p.where}中没有 ${q(p.fact)}。${p.suggestion ? `是否想写 ${q(p.suggestion)}?` : `可用:${p.known}。`}${p.open ? '(如果这是导出数据中的额外列,可以忽略此警告。)' : ''}`,
    en: (p) =>
      `${q(p.fact)} is not among the ${p.whereEn}. ${p.suggestion ? `Did you mean ${q(p.suggestion)}?` : `Known: ${p.known}.`}${p.open ? ' (If it is an extra column of your export, ignore this warning.)' : ''}`,
  },
  CONDITION_VALUE_TYPE: {
    zh: (p) => `运算符 ${p.operator} 的 value 应为${valueZh(String(p.expected))}。`,
    en: (p) => `The value of operator ${p.operator} must be ${valueEn(String(p.expected))}.`,
  },
  CONDITION_OPERATOR_FACT_TYPE: {
    zh: (p) => `运算符 ${p.operator} 不适用于 ${q(p.fact)}(类型 ${p.type})。`,
    en: (p) => `The operator ${p.operator} does not apply to ${q(p.fact)} (of type ${p.type}).`,
  },
  // A family of versions.
  NO_POLICY_FILES: {
    zh: () => '文件夹中没有策略文件(*.yaml)。策略放在 configs/policies/<策略 id>/<生效日期>.yaml。',
    en: () =>
      'The folder has no policy files (*.yaml). Policies live in configs/policies/<policy id>/<effective date>.yaml.',
  },
  NOT_A_FOLDER: {
    zh: (p) => `${q(p.path)} 不是文件夹。validate 需要策略文件夹,例如 configs/policies/ecommerce-cs。`,
    en: (p) =>
      `${q(p.path)} is not a folder. validate takes policy folders, e.g. configs/policies/ecommerce-cs.`,
  },
  POLICY_ID_NOT_FOLDER: {
    zh: (p) => `策略 id ${q(p.id)} 与所在文件夹名 ${q(p.folder)} 不一致。请修改 id 或移动文件。`,
    en: (p) =>
      `The policy id ${q(p.id)} differs from its folder name ${q(p.folder)}. Change the id or move the file.`,
  },
  DUPLICATE_VERSION: {
    zh: (p) => `版本号 ${q(p.version)} 已在 ${p.other} 中使用。每个版本需要不同的 version。`,
    en: (p) => `The version ${q(p.version)} is already used by ${p.other}. Each version needs its own label.`,
  },
  DUPLICATE_EFFECTIVE_FROM: {
    zh: (p) => `生效日期 ${p.date} 已在 ${p.other} 中使用。同一天只能有一个版本生效。`,
    en: (p) =>
      `The effective date ${p.date} is already used by ${p.other}. Only one version can take effect on a day.`,
  },
  FILE_NAME_NOT_EFFECTIVE_FROM: {
    zh: (p) => `按约定文件名应为生效日期 ${p.expected}.yaml,便于按时间查找。`,
    en: (p) =>
      `By convention the file is named after its effective date, ${p.expected}.yaml, so versions sort by time.`,
  },
  NO_VERSION_FOR_PERIOD: {
    zh: (p) =>
      `期间 ${p.period} 开始(${p.firstDay})时,策略 ${q(p.id)} 还没有生效的版本;最早的版本从 ${p.earliest} 起生效。`,
    en: (p) =>
      `No version of policy ${q(p.id)} is in force when period ${p.period} starts (${p.firstDay}); the earliest takes effect on ${p.earliest}.`,
  },
} satisfies Record<string, CatalogueEntry>;

/** A permanent problem code. */
export type PolicyErrorCode = keyof typeof POLICY_ERRORS;

/** The message of a problem in both languages. */
export function messageOf(code: PolicyErrorCode, params: Params = {}): Bilingual {
  const entry: CatalogueEntry = POLICY_ERRORS[code];
  return { zh: entry.zh(params), en: entry.en(params) };
}

function valueZh(kind: string): string {
  const names: Record<string, string> = {
    list: '列表,例如 [a, b]',
    'text-list': '文本列表,例如 ["谢谢", "好的"]',
    number: '数字',
    instant: '时间戳或日期,例如 "2026-10-15T10:00:00" 或 "2026-10-15"',
  };
  return names[kind] ?? kind;
}

function valueEn(kind: string): string {
  const names: Record<string, string> = {
    list: 'a list, e.g. [a, b]',
    'text-list': 'a list of texts, e.g. ["thanks", "ok"]',
    number: 'a number',
    instant: 'a timestamp or date, e.g. "2026-10-15T10:00:00" or "2026-10-15"',
  };
  return names[kind] ?? kind;
}
