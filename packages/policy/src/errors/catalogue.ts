import type { Better } from '@scorebook/contract';
import { defineCatalogue } from '@scorebook/problems';

const q = (v: string | number) => `"${String(v)}"`;
/** Quoted texts joined as alternatives: `"a"`, `"a" 或 "b"`, `"a"、"b" 或 "c"`. */
function orList(texts: readonly string[], comma: string, or: string): string {
  const quoted = texts.map(q);
  const last = quoted.pop();
  return quoted.length === 0 ? (last ?? '') : `${quoted.join(comma)}${or}${last}`;
}

/**
 * Every problem of a policy's meaning and of a family of versions, by permanent code. Codes never
 * change meaning and are never reused; messages say what is wrong and what to do. Reading the
 * file, its YAML and its schema are `CONFIG_FILE_ERRORS` (`@scorebook/config-file`); conditions
 * are `CONDITION_ERRORS` (`@scorebook/conditions`).
 */
export const POLICY_ERRORS = defineCatalogue({
  // The text of the file.
  POLICY_SYMLINK_OUTSIDE: {
    zh: (p: { file: string; folder: string }) =>
      `${q(p.file)} 是指向策略文件夹 ${p.folder} 之外的符号链接,不予读取。请把策略文件本身放进该文件夹。`,
    en: (p: { file: string; folder: string }) =>
      `${q(p.file)} is a symbolic link to a file outside the policy folder ${p.folder}; it is not read. Put the policy file itself in the folder.`,
  },
  // Meaning.
  NEEDS_FORMAT_2: {
    zh: (p: Feature) =>
      `${p.feature} 是策略格式 2 的功能。请把文件开头的 scorebook: 1 改为 scorebook: 2(格式 2 的结果会多出相应字段,见 docs/scorecards.md)。`,
    en: (p: Feature) =>
      `${p.featureEn} is a feature of policy format 2. Change scorebook: 1 at the top of the file to scorebook: 2 (results of format 2 carry the fields it adds; see docs/scorecards.md).`,
  },
  VERSION_NOT_TEXT: {
    zh: (p: VersionNumber) =>
      `版本号 ${p.value} 没有加引号,被读成了数字${p.changed ? `(写的是 ${p.written},读到的是 ${p.value})` : ''}。请写成 version: "${p.written}"。`,
    en: (p: VersionNumber) =>
      `The version ${p.value} is not quoted and reads as a number${p.changed ? ` (written ${p.written}, read ${p.value})` : ''}. Write version: "${p.written}".`,
  },
  UNKNOWN_TIMEZONE: {
    zh: (p: { timezone: string }) => `未知的时区 ${q(p.timezone)}。请使用 IANA 时区名,例如 Asia/Shanghai。`,
    en: (p: { timezone: string }) =>
      `Unknown timezone ${q(p.timezone)}. Use an IANA name such as Asia/Shanghai.`,
  },
  BAD_DATE: {
    zh: (p: { value: string }) => `${q(p.value)} 不是有效日期。请写成 YYYY-MM-DD,例如 2026-10-01。`,
    en: (p: { value: string }) => `${q(p.value)} is not a real date. Write YYYY-MM-DD, e.g. 2026-10-01.`,
  },
  BAD_INTERVAL: {
    zh: (p: { value: string }) =>
      `营业时间段 ${q(p.value)} 不正确。请写成 HH:MM-HH:MM,结束晚于开始,最晚 24:00,例如 "09:00-18:00"。`,
    en: (p: { value: string }) =>
      `The opening interval ${q(p.value)} is not valid. Write HH:MM-HH:MM with the end after the start, at most 24:00, e.g. "09:00-18:00".`,
  },
  OVERLAPPING_INTERVALS: {
    zh: (p: { value: string; other: string }) =>
      `营业时间段 ${q(p.value)} 与同一天的 ${q(p.other)} 重叠。请合并为一个时间段。`,
    en: (p: { value: string; other: string }) =>
      `The opening interval ${q(p.value)} overlaps ${q(p.other)} on the same day. Merge them into one.`,
  },
  DUPLICATE_ID: {
    zh: (p: Duplicate) => `${p.what} id ${q(p.id)} 重复。每个 id 只能出现一次。`,
    en: (p: Duplicate) => `The ${p.whatEn} id ${q(p.id)} is used twice. Each id must be unique.`,
  },
  UNKNOWN_TABLE: {
    zh: (p: { table: string; allowed: string }) => `未知的数据表 ${q(p.table)}。可用的表:${p.allowed}。`,
    en: (p: { table: string; allowed: string }) =>
      `Unknown table ${q(p.table)}. Tables allowed here: ${p.allowed}.`,
  },
  CUSTOM_TABLE_UNDECLARED: {
    zh: (p: { table: string; declared: string }) =>
      `数据来源没有声明自定义表 ${q(p.table)}(source.yaml 的 custom)。已声明的自定义表:${p.declared || '无'}。请在 source.yaml 的 custom 下声明它,或改正表名。`,
    en: (p: { table: string; declared: string }) =>
      `The data's source declares no custom table ${q(p.table)} (custom in source.yaml). Declared custom tables: ${p.declared || 'none'}. Declare it under custom in source.yaml, or correct the name.`,
  },
  UNKNOWN_FIELD: {
    zh: (p: { table: string; field: string; allowed: string }) =>
      `表 ${p.table} 没有字段 ${q(p.field)}。可用字段:${p.allowed}。`,
    en: (p: { table: string; field: string; allowed: string }) =>
      `The table ${p.table} has no field ${q(p.field)}. Fields: ${p.allowed}.`,
  },
  EXCLUSION_DERIVED_FACT: {
    zh: (p: { fact: string; table: string }) =>
      `剔除规则读取的是原始数据行,而 ${q(p.fact)} 是引擎在剔除之后才推导出的字段,这里永远为空、规则永远不会匹配。请改用 ${p.table} 表导出的字段。`,
    en: (p: { fact: string; table: string }) =>
      `Exclusions read rows as exported; ${q(p.fact)} is derived by the engine after exclusions, so here it is always null and the rule never matches. Use a field of the ${p.table} export.`,
  },
  METRIC_MESSAGES_KIND: {
    zh: (p: { kind: string; allowed: string }) =>
      `messages 表上的指标不能是 ${p.kind} 类型:消息在读取时逐条计数,只支持 ${p.allowed}。请改用这些类型之一,或在 conversations 表上定义它。`,
    en: (p: { kind: string; allowed: string }) =>
      `A metric over messages cannot be of kind ${p.kind}: messages are counted as they are read, which supports ${p.allowed} only. Use one of these kinds, or define it over conversations.`,
  },
  FIELD_NOT_NUMERIC: {
    zh: (p: { kind: string; table: string; field: string; type: string }) =>
      `${p.kind} 指标需要数值字段,而 ${p.table}.${p.field} 的类型是 ${p.type}。`,
    en: (p: { kind: string; table: string; field: string; type: string }) =>
      `A ${p.kind} metric needs a numeric field; ${p.table}.${p.field} is of type ${p.type}.`,
  },
  METRIC_KIND_KEYS: {
    zh: (p: KindKeys) => `${p.kind} 类型的指标${p.need}。`,
    en: (p: KindKeys) => `A metric of kind ${p.kind} ${p.needEn}.`,
  },
  // Rating metrics (kind: rating, docs/ratings.md).
  RATING_ROLES_EMPTY: {
    zh: (p: { metric: string }) =>
      `评分指标 ${q(p.metric)} 的 roles 没有任何角色。请写出计入的评分人角色及权重,如 roles: { supervisor: 0.6, peer: 0.4 }。`,
    en: (p: { metric: string }) =>
      `The rating metric ${q(p.metric)} has no role under roles. Write the rater roles counted with their weights, e.g. roles: { supervisor: 0.6, peer: 0.4 }.`,
  },
  RATING_WEIGHT_NOT_POSITIVE: {
    zh: (p: { metric: string; role: string; weight: number }) =>
      `评分指标 ${q(p.metric)} 中角色 ${q(p.role)} 的权重是 ${p.weight},权重必须大于 0。不计入的角色请从 roles 中删除。`,
    en: (p: { metric: string; role: string; weight: number }) =>
      `The weight of role ${q(p.role)} in the rating metric ${q(p.metric)} is ${p.weight}; weights must be greater than 0. Remove a role that should not count from roles.`,
  },
  RATING_ROLE_DIGITS_ONLY: {
    zh: (p: { metric: string; role: string }) =>
      `评分指标 ${q(p.metric)} 的角色名 ${q(p.role)} 只由数字组成。角色按 roles 中写的顺序计算,而只含数字的名称会被排到最前面,顺序就不再是策略写的顺序。请改用含字母或汉字的名称(如 r${p.role} 或 ${p.role}度),并用 source.yaml 的 map 把 ratings 表中的 ${q(p.role)} 对应过去。`,
    en: (p: { metric: string; role: string }) =>
      `The role name ${q(p.role)} of the rating metric ${q(p.metric)} is digits only. Roles are computed in the order roles lists them, and a name of digits only would be put first, so the order would no longer be the policy's. Use a name with a letter (e.g. r${p.role}), and map ${q(p.role)} of the ratings table to it with a map in source.yaml.`,
  },
  RATING_MIN_RATERS_BELOW_ONE: {
    zh: (p: { metric: string; value: number }) =>
      `评分指标 ${q(p.metric)} 的 min_raters 是 ${p.value},至少为 1。`,
    en: (p: { metric: string; value: number }) =>
      `min_raters of the rating metric ${q(p.metric)} is ${p.value}; it must be at least 1.`,
  },
  RATING_SELF_WEIGHT_UNUSED: {
    zh: (p: { metric: string }) =>
      `评分指标 ${q(p.metric)} 给 self(自评)设了权重,但没有 include_self: true,自评不会计入。要计入自评请写 include_self: true,否则删除 self。`,
    en: (p: { metric: string }) =>
      `The rating metric ${q(p.metric)} weights self, but without include_self: true self ratings are left out. Write include_self: true to count them, or remove self.`,
  },
  FORMULA_METRIC_NOT_NUMBER: {
    zh: (p: { formula: string }) =>
      `公式 ${q(p.formula)} 的结果是条件(真/假),不是数值:指标要数值。请改成算术式,或用 if(条件, 数值, 数值)。`,
    en: (p: { formula: string }) =>
      `The formula ${q(p.formula)} gives a condition (true/false), not a number, and a metric needs a number. Write arithmetic, or if(condition, number, number).`,
  },
  FORMULA_MIN_SAMPLE_IGNORED: {
    zh: (p: { metric: string }) =>
      `min_sample 对公式指标 ${q(p.metric)} 不起作用(公式不读记录,它读的指标没有值时结果为空,即“无数据”),可以删除。`,
    en: (p: { metric: string }) =>
      `min_sample has no effect on ${q(p.metric)}, a formula metric (it reads no records; when a metric it reads has no value, it has none: no data); remove it.`,
  },
  METRIC_REDEFINES_BUILTIN: {
    zh: (p: { id: string }) =>
      `${q(p.id)} 是内置指标,策略不能重新定义。请换一个 id,例如 ${q(`${p.id}_custom`)}。`,
    en: (p: { id: string }) =>
      `${q(p.id)} is a built-in metric and cannot be redefined. Choose another id, e.g. ${q(`${p.id}_custom`)}.`,
  },
  METRIC_ID_RESERVED: {
    zh: (p: { id: string }) =>
      `指标 id ${q(p.id)} 是保留名:一票否决的条件用它表示该客服的${p.id === 'base_score' ? '基础分' : '总分'},同名指标会被遮蔽。请换一个 id。`,
    en: (p: { id: string }) =>
      `The metric id ${q(p.id)} is reserved: veto conditions read it as the agent's ${p.id === 'base_score' ? 'base score' : 'total score'}, which a metric of that name would shadow. Choose another id.`,
  },
  METRIC_ID_AGENT_FACT: {
    zh: (p: { id: string }) =>
      `指标 id ${q(p.id)} 是保留名:格式 2 的参评条件、一票否决等用它表示客服本人的信息(入职时长、在职天数、状态、班组、岗位),同名指标会被遮蔽。请换一个 id。`,
    en: (p: { id: string }) =>
      `The metric id ${q(p.id)} is reserved: in format 2, eligibility, vetoes and other agent-level conditions read it as a fact about the agent (tenure, days employed, status, team, role), which a metric of that name would shadow. Choose another id.`,
  },
  UNKNOWN_METRIC: {
    zh: (p: { metric: string; suggestions: readonly string[] }) =>
      `未知的指标 ${q(p.metric)}。${p.suggestions.length > 0 ? `是否想写 ${orList(p.suggestions, '、', ' 或 ')}?` : '请使用内置指标或在 metrics 中定义它。'}`,
    en: (p: { metric: string; suggestions: readonly string[] }) =>
      `Unknown metric ${q(p.metric)}. ${p.suggestions.length > 0 ? `Did you mean ${orList(p.suggestions, ', ', ' or ')}?` : 'Use a built-in metric or define it under metrics.'}`,
  },
  SCORE_FACT_IN_ELIGIBILITY: {
    zh: (p: { fact: string }) =>
      `参评条件不能使用 ${q(p.fact)}:是否参评在计算分数之前就已决定。请用指标(如 conversations_handled)写参评条件;按分数设限请用一票否决(vetoes)或需关注标记(flags,格式 2)。`,
    en: (p: { fact: string }) =>
      `Eligibility cannot use ${q(p.fact)}: who is rated is decided before any score exists. Write eligibility with metrics (such as conversations_handled); for a rule on scores use a veto (vetoes) or a flag (flags, format 2).`,
  },
  UNKNOWN_GRADE: {
    zh: (p: { grade: string; allowed: string }) =>
      `未知的等级 ${q(p.grade)}。grades 中定义的等级有:${p.allowed}。`,
    en: (p: { grade: string; allowed: string }) =>
      `Unknown grade ${q(p.grade)}. The grades defined are: ${p.allowed}.`,
  },
  PREV_GRADE_NOT_A_GRADE: {
    zh: (p: { value: string; grades: readonly string[]; suggestion: string; negated: boolean }) =>
      `history.prev.grade 与 ${q(p.value)} 比较,但本版本的等级只有 ${p.grades.join('、')}${p.suggestion ? `(是否想写 ${q(p.suggestion)}?)` : ''}。除非上一期间是按另一个有 ${q(p.value)} 等级的版本评估的,这个比较不会相等${p.negated ? ',这个条件因此总是成立' : ',这个条件不会成立'};请写成 grades 中的等级。`,
    en: (p: { value: string; grades: readonly string[]; suggestion: string; negated: boolean }) =>
      `history.prev.grade is compared with ${q(p.value)}, but this version's grades are only ${p.grades.join(', ')}${p.suggestion ? ` (did you mean ${q(p.suggestion)}?)` : ''}. Unless the previous period was graded by another version that has the grade ${q(p.value)}, the comparison never matches${p.negated ? ', so the condition always holds' : ''}; write a grade of grades.`,
  },
  CONDITION_RAW_VALUE: {
    zh: (p: MappedComparison & { mapped: string }) =>
      `${p.table}.${p.field} 按数据来源中它的 map(${p.map})读取,导出中的 ${q(p.value)} 读作 ${p.mapped}:条件比较的是读取后的值,${q(p.value)} 永远不会相等${EFFECT_ZH[p.effect]}。写 ${p.mapped}。`,
    en: (p: MappedComparison & { mapped: string }) =>
      `${p.table}.${p.field} is read through its map in the source (${p.map}), which reads the export's ${q(p.value)} as ${p.mapped}: conditions compare the value as read, so ${q(p.value)} never matches${EFFECT_EN[p.effect]}. Write ${p.mapped}.`,
  },
  CONDITION_VALUE_NOT_MAPPED: {
    zh: (p: MappedComparison & { values: readonly string[]; suggestion: string }) =>
      `${p.table}.${p.field} 按数据来源中它的 map(${p.map})读取,读出的值只能是 ${p.values.join('、')} 之一或为空(map 之外的导出值使整行被拒绝):${q(p.value)} 不在其中,永远不会相等${EFFECT_ZH[p.effect]}。${p.suggestion ? `是否想写 ${p.suggestion}?` : '请写 map 中的一个值。'}`,
    en: (p: MappedComparison & { values: readonly string[]; suggestion: string }) =>
      `${p.table}.${p.field} is read through its map in the source (${p.map}), so its value is one of ${p.values.join(', ')} or empty (an export value outside the map rejects its row): ${q(p.value)} is none of them: it never matches${EFFECT_EN[p.effect]}. ${p.suggestion ? `Did you mean ${p.suggestion}?` : "Write one of the map's values."}`,
  },
  DUPLICATE_GRADE: {
    zh: (p: { grade: string }) => `等级 ${q(p.grade)} 重复定义。`,
    en: (p: { grade: string }) => `The grade ${q(p.grade)} is defined twice.`,
  },
  GRADE_NAME_RESERVED: {
    zh: (p: { grade: string }) =>
      `等级名 ${q(p.grade)} 不允许使用(它是 JavaScript 对象的内部名称,会在汇总中丢失)。请换一个名称。`,
    en: (p: { grade: string }) =>
      `The grade name ${q(p.grade)} is not allowed (it is an internal name of JavaScript objects and would be lost from summaries). Choose another name.`,
  },
  GRADES_ORDER: {
    zh: (p: GradeOrder) =>
      `等级须从高到低排列,min_score 严格递减:${q(p.grade)} 的 ${p.value} 不小于上一级的 ${p.previous}。`,
    en: (p: GradeOrder) =>
      `Grades go best first with strictly decreasing min_score: ${q(p.grade)} has ${p.value}, not below the previous ${p.previous}.`,
  },
  GRADES_LAST_NOT_ZERO: {
    zh: (p: { grade: string }) => `最后一个等级 ${q(p.grade)} 的 min_score 必须为 0,这样每个分数都有等级。`,
    en: (p: { grade: string }) =>
      `The last grade ${q(p.grade)} must have min_score 0, so that every score gets a grade.`,
  },
  ROLE_IN_TWO_SCORECARDS: {
    zh: (p: RoleTwice) =>
      `岗位 ${q(p.role)} 同时出现在考核表 ${q(p.first)} 和 ${q(p.second)} 中。每个岗位只能属于一个考核表。`,
    en: (p: RoleTwice) =>
      `The role ${q(p.role)} is in both scorecards ${q(p.first)} and ${q(p.second)}. A role belongs to one scorecard.`,
  },
  WEIGHTS_NOT_100: {
    zh: (p: { scorecard: string } & WeightsNot100) =>
      `考核表 ${q(p.scorecard)} 的权重合计为 ${p.sum},应为 100:${p.terms} = ${p.sum}。`,
    en: (p: { scorecard: string } & WeightsNot100) =>
      `The weights of scorecard ${q(p.scorecard)} add up to ${p.sum}; they must add up to 100: ${p.terms} = ${p.sum}.`,
  },
  SCORECARD_NEEDS_SCORED: {
    zh: (p: { scorecard: string }) =>
      `考核表 ${q(p.scorecard)} 没有考核指标。请写 scored(指标列表),或 groups(考核维度,每个维度有自己的 scored)。`,
    en: (p: { scorecard: string }) =>
      `Scorecard ${q(p.scorecard)} scores nothing. Write scored (a list of metrics), or groups (each with its own scored list).`,
  },
  SCORED_AND_GROUPS: {
    zh: (p: { scorecard: string }) =>
      `考核表 ${q(p.scorecard)} 同时写了 scored 和 groups,只能用其一:分维度考核时,把指标写在各维度的 scored 下。`,
    en: (p: { scorecard: string }) =>
      `Scorecard ${q(p.scorecard)} has both scored and groups; use one: with groups, list each metric under its group's scored.`,
  },
  GROUP_WEIGHTS_NOT_100: {
    zh: (p: { scorecard: string } & WeightsNot100) =>
      `考核表 ${q(p.scorecard)} 的考核维度权重合计为 ${p.sum},应为 100:${p.terms} = ${p.sum}。`,
    en: (p: { scorecard: string } & WeightsNot100) =>
      `The group weights of scorecard ${q(p.scorecard)} add up to ${p.sum}; they must add up to 100: ${p.terms} = ${p.sum}.`,
  },
  GROUP_ITEM_WEIGHTS_NOT_100: {
    zh: (p: { scorecard: string; group: string } & WeightsNot100) =>
      `考核维度 ${q(p.group)}(考核表 ${q(p.scorecard)})内的指标权重合计为 ${p.sum},应为 100(维度内的权重是维度分内部的占比):${p.terms} = ${p.sum}。`,
    en: (p: { scorecard: string; group: string } & WeightsNot100) =>
      `The weights inside group ${q(p.group)} of scorecard ${q(p.scorecard)} add up to ${p.sum}; they must add up to 100 (they share out the group's subtotal): ${p.terms} = ${p.sum}.`,
  },
  DUPLICATE_SCORED_METRIC: {
    zh: (p: { metric: string; scorecard: string }) =>
      `指标 ${q(p.metric)} 在考核表 ${q(p.scorecard)} 中出现了两次。`,
    en: (p: { metric: string; scorecard: string }) =>
      `The metric ${q(p.metric)} is scored twice in scorecard ${q(p.scorecard)}.`,
  },
  TARGET_FLOOR_ORDER: {
    zh: (p: TargetFloor) =>
      p.better === 'higher'
        ? `${q(p.metric)} 越高越好,目标值(${p.target})必须大于底线值(${p.floor})。`
        : `${q(p.metric)} 越低越好,目标值(${p.target})必须小于底线值(${p.floor})。`,
    en: (p: TargetFloor) =>
      p.better === 'higher'
        ? `Higher ${q(p.metric)} is better, so the target (${p.target}) must be above the floor (${p.floor}).`
        : `Lower ${q(p.metric)} is better, so the target (${p.target}) must be below the floor (${p.floor}).`,
  },
  LINEAR_NEEDS_TARGET_FLOOR: {
    zh: (p: { metric: string; missing: string }) =>
      `线性计分的 ${q(p.metric)} 需要 target 和 floor。请添加 ${p.missing}。`,
    en: (p: { metric: string; missing: string }) =>
      `Linear scoring of ${q(p.metric)} needs target and floor. Add ${p.missing}.`,
  },
  RANGE_NEEDS_METHOD: {
    zh: (p: { metric: string; key: string }) =>
      `${q(p.metric)} 的 ${p.key} 写成了两个值的列表,这是两侧目标的写法:请加上 method: range,或只写一个数。`,
    en: (p: { metric: string; key: string }) =>
      `The ${p.key} of ${q(p.metric)} is a list of two values, which is how a two-sided target is written: add method: range, or write one number.`,
  },
  RANGE_NOT_PAIR: {
    zh: (p: { metric: string; key: string }) =>
      `${q(p.metric)} 使用 method: range,${p.key} 须写成 [下限, 上限],例如 target: [3m, 8m]、floor: [1m, 15m]。`,
    en: (p: { metric: string; key: string }) =>
      `${q(p.metric)} uses method: range, so ${p.key} is a pair [low, high], e.g. target: [3m, 8m], floor: [1m, 15m].`,
  },
  RANGE_ORDER: {
    zh: (p: RangeOrder) =>
      `${q(p.metric)} 的两侧目标须满足 floor 下限 < target 下限 ≤ target 上限 < floor 上限,而这里是 ${p.floorLow} / ${p.low} / ${p.high} / ${p.floorHigh}。`,
    en: (p: RangeOrder) =>
      `The two-sided target of ${q(p.metric)} needs floor low < target low ≤ target high < floor high; here they are ${p.floorLow} / ${p.low} / ${p.high} / ${p.floorHigh}.`,
  },
  BANDS_MISSING: {
    zh: (p: { metric: string }) =>
      `${q(p.metric)} 使用 method: bands,但没有 bands。请添加分档,或删除 method 改用线性计分。`,
    en: (p: { metric: string }) =>
      `${q(p.metric)} uses method: bands but has no bands. Add bands, or remove method to score linearly.`,
  },
  SEGMENTS_KIND: {
    zh: (p: { metric: string; kind: string }) =>
      `${q(p.metric)} 是 ${p.kind} 类型的指标,没有样本量可作分段加权的权重:分段目标只用于 mean、median、p90、ratio、nps 类型的指标。`,
    en: (p: { metric: string; kind: string }) =>
      `${q(p.metric)} is a ${p.kind} metric, which has no sample to weight its segments by: segmented targets are for mean, median, p90, ratio and nps metrics.`,
  },
  QUOTA_NEEDS_LINEAR: {
    zh: (p: { metric: string; method: string }) =>
      `${q(p.metric)} 使用 ${p.method},不能取个人目标:targets 表每行只有一个目标值和一个底线值,只能替换线性计分的 target 和 floor。请去掉 quota,或改为线性计分(target 和 floor)。`,
    en: (p: { metric: string; method: string }) =>
      `${q(p.metric)} uses ${p.method} and cannot take per-agent targets: a row of the targets table has one target and one floor, which only replace a linear item's target and floor. Remove quota, or score the item linearly (target and floor).`,
  },
  SEGMENT_FIELD_UNKNOWN: {
    zh: (p: { metric: string; field: string; tables: string; allowed: string }) =>
      `${q(p.metric)} 不能按 ${q(p.field)} 分段:${p.tables} 中没有这个字段。可用的字段:${p.allowed}。`,
    en: (p: { metric: string; field: string; tables: string; allowed: string }) =>
      `${q(p.metric)} cannot be segmented by ${q(p.field)}: ${p.tables} has no such field. Fields: ${p.allowed}.`,
  },
  SCORED_KEYS_CONFLICT: {
    zh: (p: KeysConflict) => `${q(p.metric)}:${p.what}`,
    en: (p: KeysConflict) => `${q(p.metric)}: ${p.whatEn}`,
  },
  BANDS_DIRECTION: {
    zh: (p: { metric: string; better: Better }) =>
      p.better === 'higher'
        ? `${q(p.metric)} 越高越好,分档须使用 at_least(达到即得分)。`
        : `${q(p.metric)} 越低越好,分档须使用 at_most(不超过即得分)。`,
    en: (p: { metric: string; better: Better }) =>
      p.better === 'higher'
        ? `Higher ${q(p.metric)} is better, so its bands use at_least.`
        : `Lower ${q(p.metric)} is better, so its bands use at_most.`,
  },
  BAND_UNREACHABLE: {
    zh: (p: { previous: number; value: number }) =>
      `这一档永远不会被用到:前面的档 ${p.previous} 已覆盖了 ${p.value}。分档按顺序尝试,请从最严格的一档写起。`,
    en: (p: { previous: number; value: number }) =>
      `This band is never used: the earlier band at ${p.previous} already covers ${p.value}. Bands are tried in order; write the strictest first.`,
  },
  QUANTITY_INVALID: {
    zh: (p: { value: string }) => `无法理解数量 ${q(p.value)}。请写数字,或带单位:95%、0.5%、20s、2m、1.5h。`,
    en: (p: { value: string }) =>
      `Cannot read the quantity ${q(p.value)}. Write a number, or one with a unit: 95%, 0.5%, 20s, 2m, 1.5h.`,
  },
  QUANTITY_UNIT_MISMATCH: {
    zh: (p: UnitMismatch) => `${q(p.value)} 的单位与指标 ${q(p.metric)} 的单位(${p.unit})不符。${p.hint}`,
    en: (p: UnitMismatch) =>
      `The unit of ${q(p.value)} does not fit metric ${q(p.metric)}, measured in ${p.unit}. ${p.hintEn}`,
  },
  QUANTITY_RATIO_RANGE: {
    zh: (p: { metric: string; value: number }) =>
      `${q(p.metric)} 是比率(0 到 1 之间的小数),${p.value} 超出范围。请写成百分数,例如 ${p.value}%。`,
    en: (p: { metric: string; value: number }) =>
      `${q(p.metric)} is a ratio (a fraction from 0 to 1); ${p.value} is out of range. Write a percentage, e.g. ${p.value}%.`,
  },
  MIN_SAMPLE_IGNORED: {
    zh: (p: { metric: string; kind: string }) =>
      `min_sample 对 ${p.kind} 类型的指标 ${q(p.metric)} 不起作用(计数和求和没有样本不足之说),可以删除。`,
    en: (p: { metric: string; kind: string }) =>
      `min_sample has no effect on ${q(p.metric)}, a ${p.kind} metric (counts and sums are never short of sample); remove it.`,
  },
  DISTRIBUTION_NEEDS_SHARE: {
    zh: (p: { grade: string }) =>
      `强制分布中的等级 ${q(p.grade)} 需要 max_share(最多占比)或 min_share(最少占比)。`,
    en: (p: { grade: string }) =>
      `The grade ${q(p.grade)} of the forced distribution needs max_share (at most) or min_share (at least).`,
  },
  DISTRIBUTION_GRADE_TWICE: {
    zh: (p: { grade: string }) => `强制分布中等级 ${q(p.grade)} 出现了两次,请合并为一行。`,
    en: (p: { grade: string }) =>
      `The grade ${q(p.grade)} appears twice in the forced distribution; write it once.`,
  },
  DISTRIBUTION_CAP_ON_LAST: {
    zh: (p: { grade: string }) =>
      `${q(p.grade)} 是最低等级,超出比例的客服无处可降,不能设 max_share。请删除它,或改为给更高的等级设上限。`,
    en: (p: { grade: string }) =>
      `${q(p.grade)} is the lowest grade: agents over its share would have nowhere to go, so it takes no max_share. Remove it, or cap a better grade.`,
  },
  DISTRIBUTION_MINIMUM_ON_FIRST: {
    zh: (p: { grade: string }) =>
      `${q(p.grade)} 是最高等级:强制分布只会把客服往下调,不能凑满它的 min_share。请删除它。`,
    en: (p: { grade: string }) =>
      `${q(p.grade)} is the best grade: a forced distribution only moves agents down, so nothing could fill its min_share. Remove it.`,
  },
  DISTRIBUTION_SHARES_ORDER: {
    zh: (p: { grade: string; min: number; max: number }) =>
      `等级 ${q(p.grade)} 的 min_share(${p.min * 100}%)大于 max_share(${p.max * 100}%)。`,
    en: (p: { grade: string; min: number; max: number }) =>
      `The grade ${q(p.grade)} has min_share (${p.min * 100}%) above max_share (${p.max * 100}%).`,
  },
  DISTRIBUTION_SHARE_RANGE: {
    zh: (p: { value: number }) => `比例 ${p.value * 100}% 超出 0% 到 100%。`,
    en: (p: { value: number }) => `The share ${p.value * 100}% is outside 0% to 100%.`,
  },
  DISTRIBUTION_MINIMUMS_OVER_100: {
    zh: (p: { sum: number }) => `强制分布各等级的 min_share 合计 ${p.sum}%,超过 100%,无法同时满足。`,
    en: (p: { sum: number }) =>
      `The min_share of the forced distribution's grades add up to ${p.sum}%, over 100%: they cannot all hold.`,
  },
  REWARD_GRADE_MISSING: {
    zh: (p: { grades: string }) => `绩效系数缺少等级 ${p.grades}:每个等级都要有系数(可以是 0)。`,
    en: (p: { grades: string }) =>
      `The coefficients lack the grades ${p.grades}: every grade needs one (0 is allowed).`,
  },
  BONUS_BASE_FIELD: {
    zh: (p: { field: string; type: string }) =>
      `奖金基数不能取客服表的 ${q(p.field)}:它是 ${p.type} 类型,不是数值。请写另一列(例如 bonus_base,在 source.yaml 中声明为 number),或写一个金额。`,
    en: (p: { field: string; type: string }) =>
      `The bonus base cannot be the agents field ${q(p.field)}: it is of type ${p.type}, not a number. Name another column (such as bonus_base, declared as a number in source.yaml), or write an amount.`,
  },
  ADJUSTMENT_RANGE: {
    zh: (p: { id: string; min: number; max: number }) =>
      `加减分 ${q(p.id)} 的 min(${p.min})大于 max(${p.max})。`,
    en: (p: { id: string; min: number; max: number }) =>
      `Adjustment ${q(p.id)} has min (${p.min}) above max (${p.max}).`,
  },
  // A family of versions.
  NO_POLICY_FILES: {
    zh: () => '文件夹中没有策略文件(*.yaml)。策略放在 configs/policies/<策略 id>/<生效日期>.yaml。',
    en: () =>
      'The folder has no policy files (*.yaml). Policies live in configs/policies/<policy id>/<effective date>.yaml.',
  },
  NO_POLICY_FILES_HOLDS_FOLDERS: {
    zh: (p: { folders: string[]; example: string }) =>
      `文件夹中没有策略文件(*.yaml),但有策略文件夹:${p.folders.join('、')}。每次给出其中一个策略的文件夹,例如 --policies ${p.example}。`,
    en: (p: { folders: string[]; example: string }) =>
      `The folder has no policy files (*.yaml) but holds policy folders: ${p.folders.join(', ')}. Give one policy's folder, e.g. --policies ${p.example}.`,
  },
  NOT_A_FOLDER: {
    zh: (p: { path: string }) =>
      `${q(p.path)} 不是文件夹。validate 需要策略文件夹,例如 configs/policies/ecommerce-cs。`,
    en: (p: { path: string }) =>
      `${q(p.path)} is not a folder. validate takes policy folders, e.g. configs/policies/ecommerce-cs.`,
  },
  POLICY_ID_NOT_FOLDER: {
    zh: (p: { id: string; folder: string }) =>
      `策略 id ${q(p.id)} 与所在文件夹名 ${q(p.folder)} 不一致。请修改 id 或移动文件。`,
    en: (p: { id: string; folder: string }) =>
      `The policy id ${q(p.id)} differs from its folder name ${q(p.folder)}. Change the id or move the file.`,
  },
  DUPLICATE_VERSION: {
    zh: (p: { version: string; other: string }) =>
      `版本号 ${q(p.version)} 已在 ${p.other} 中使用。每个版本需要不同的 version。`,
    en: (p: { version: string; other: string }) =>
      `The version ${q(p.version)} is already used by ${p.other}. Each version needs its own label.`,
  },
  DUPLICATE_EFFECTIVE_FROM: {
    zh: (p: { date: string; other: string }) =>
      `生效日期 ${p.date} 已在 ${p.other} 中使用。同一天只能有一个版本生效。`,
    en: (p: { date: string; other: string }) =>
      `The effective date ${p.date} is already used by ${p.other}. Only one version can take effect on a day.`,
  },
  FILE_NAME_NOT_EFFECTIVE_FROM: {
    zh: (p: { expected: string }) => `按约定文件名应为生效日期 ${p.expected}.yaml,便于按时间查找。`,
    en: (p: { expected: string }) =>
      `By convention the file is named after its effective date, ${p.expected}.yaml, so versions sort by time.`,
  },
  EFFECTIVE_MID_MONTH: {
    zh: (p: { date: string; month: string; previous: string; first: string; last: string }) =>
      `本版本自 ${p.date} 生效,但每个期间按其第一天选用版本:${p.previous === '' ? `${p.month}-01 还没有生效的版本,${p.month} 因此无法评估` : `${p.month} 仍由 ${p.previous} 版评估`},${p.first === '' ? '本版本不评估任何月份(下一个版本在此之前已生效)' : `本版本评估的月份为 ${p.first}${p.last === '' ? ' 起' : ` 至 ${p.last}`}`}。若要从 ${p.month} 起适用,请把 effective_from 改为 ${p.month}-01。`,
    en: (p: { date: string; month: string; previous: string; first: string; last: string }) =>
      `This version is effective from ${p.date}, but each period uses the version in force on its first day: ${p.previous === '' ? `no version is in force on ${p.month}-01, so ${p.month} cannot be evaluated` : `${p.month} is still evaluated by version ${p.previous}`}, and ${p.first === '' ? 'this version governs no month (the next version starts before)' : `this version governs the months ${p.first}${p.last === '' ? ' on' : ` to ${p.last}`}`}. To apply it from ${p.month}, set effective_from to ${p.month}-01.`,
  },
  NO_VERSION_FOR_PERIOD: {
    zh: (p: NoVersion) =>
      `期间 ${p.period} 开始(${p.firstDay})时,策略 ${q(p.id)} 还没有生效的版本;最早的版本从 ${p.earliest} 起生效。`,
    en: (p: NoVersion) =>
      `No version of policy ${q(p.id)} is in force when period ${p.period} starts (${p.firstDay}); the earliest takes effect on ${p.earliest}.`,
  },
});

/** A permanent code of a policy problem. */
export type PolicyErrorCode = keyof typeof POLICY_ERRORS;

/** One entry of a list whose weights add up to 100: a scored item or a group. */
export interface WeightedEntry {
  /** The metric id of a scored item, the id of a group; null when the entry has none. */
  id: string | null;
  weight: number;
}

declare const fromWeights: unique symbol;

/**
 * The parameters `WEIGHTS_NOT_100`, `GROUP_WEIGHTS_NOT_100` and `GROUP_ITEM_WEIGHTS_NOT_100`
 * take besides their ids. Only {@link weightsNot100} makes them (the brand), so that every
 * message of a sum, the policy checks' and the calibration page's, lists the same terms.
 */
export interface WeightsNot100 {
  /** The sum, to 12 significant digits (`100.1`, not `100.10000000000001`). */
  sum: number;
  /** Each entry with its weight, in the list's order: `frt 20 + art 15 + [2] 12.5`. */
  terms: string;
  readonly [fromWeights]: true;
}

/** How far from 100 a sum of weights may be and still count as 100. */
const WEIGHT_TOLERANCE = 1e-9;

/**
 * The parameters of a weights-not-100 message for `entries` (a `scored` list or a scorecard's
 * groups, in the policy's order), or null when there is nothing to say: the list is empty (the
 * schema's `minItems` says so) or its weights add up to 100 within {@link WEIGHT_TOLERANCE}.
 * Each term is the entry's id (`[<index>]`, from 0, when it has none), a space and its weight as
 * `String` writes the number: unrounded, `12.5` stays `12.5`, `12.50` reads as `12.5`.
 */
export function weightsNot100(entries: readonly WeightedEntry[]): WeightsNot100 | null {
  const sum = entries.reduce((total, e) => total + e.weight, 0);
  if (entries.length === 0 || Math.abs(sum - 100) <= WEIGHT_TOLERANCE) return null;
  const terms = entries.map((e, i) => `${e.id ?? `[${i}]`} ${String(e.weight)}`).join(' + ');
  return { sum: Number(sum.toPrecision(12)), terms } as WeightsNot100;
}

interface Feature {
  feature: string;
  featureEn: string;
}
interface VersionNumber {
  value: string;
  written: string;
  changed: boolean;
}
interface Duplicate {
  id: string;
  what: string;
  whatEn: string;
}
interface KindKeys {
  kind: string;
  need: string;
  needEn: string;
}
interface GradeOrder {
  grade: string;
  value: number;
  previous: number;
}
interface RoleTwice {
  role: string;
  first: string;
  second: string;
}
interface TargetFloor {
  metric: string;
  better: Better;
  target: string;
  floor: string;
}
interface KeysConflict {
  metric: string;
  what: string;
  whatEn: string;
}
interface RangeOrder {
  metric: string;
  low: string;
  high: string;
  floorLow: string;
  floorHigh: string;
}
interface UnitMismatch {
  value: string;
  metric: string;
  unit: string;
  hint: string;
  hintEn: string;
}
interface NoVersion {
  id: string;
  period: string;
  firstDay: string;
  earliest: string;
}

/** What a comparison that can never match does to its condition (`CONDITION_RAW_VALUE`, …). */
export type NeverMatchEffect = 'never' | 'always' | 'item-matches-none' | 'item-removes-none';
const EFFECT_ZH: Readonly<Record<NeverMatchEffect, string>> = {
  never: ',这个条件不会成立',
  always: ',这个条件因此总是成立',
  'item-matches-none': ',列表中的这一项不匹配任何行',
  'item-removes-none': ',列表中的这一项不排除任何行',
};
const EFFECT_EN: Readonly<Record<NeverMatchEffect, string>> = {
  never: ' and the condition never holds',
  always: ' and the condition always holds',
  'item-matches-none': ' and this item of the list matches no row',
  'item-removes-none': ' and this item of the list rules out no row',
};

/** A value a condition compares with a field that a source's `map` reads. */
interface MappedComparison {
  table: string;
  field: string;
  /** Where the mapped field is declared in the source: `exports/2026-11/source.yaml:111:9`. */
  map: string;
  value: string;
  effect: NeverMatchEffect;
}
