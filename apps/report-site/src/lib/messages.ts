import type { AgentResult, MetricKind, MetricStatus } from '@scorebook/contract';
import { type ArgsOf, defineCatalogue, fixed, type Lang, textOf } from '@scorebook/problems';

export type { Lang } from '@scorebook/problems';

/** Languages of the site: Chinese first, English on every page. */
export const LANGS: readonly Lang[] = ['zh', 'en'];

/**
 * Every text of the site's interface, in the catalogue style of `@scorebook/problems`: one entry
 * per key, both languages, typed parameters where the text takes values. Keys are permanent.
 */
const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export const SITE_TEXT = defineCatalogue({
  siteTitle: fixed('Scorebook 客服绩效报告', 'Scorebook performance reports'),
  htmlLang: fixed('zh-CN', 'en'),
  languageName: fixed('中文', 'English'),
  navigation: fixed('导航', 'Navigation'),
  breadcrumb: fixed('位置', 'Breadcrumb'),
  skip: fixed('跳到正文', 'Skip to content'),
  enter: fixed('进入报告', 'Open the reports'),
  home: fixed('首页', 'Home'),
  periods: fixed('考核期间', 'Periods'),
  period: fixed('期间', 'Period'),
  policy: fixed('策略', 'Policy'),
  policies: fixed('策略', 'Policies'),
  version: fixed('版本', 'Version'),
  agents: fixed('客服', 'Agents'),
  agent: fixed('客服', 'Agent'),
  notRated: fixed('未参评', 'Not rated'),
  grade: fixed('等级', 'Grade'),
  grades: fixed('等级分布', 'Grade distribution'),
  gradeLabel: fixed('名称', 'Label'),
  minScore: fixed('最低分', 'Min score'),
  team: fixed('班组', 'Team'),
  teams: fixed('班组', 'Teams'),
  teamAverages: fixed('班组平均分', 'Team averages'),
  rank: fixed('排名', 'Rank'),
  total: fixed('总分', 'Total'),
  base: fixed('基础分', 'Base score'),
  adjustments: fixed('加减分', 'Adjustments'),
  vetoes: fixed('一票否决', 'Vetoes'),
  metric: fixed('指标', 'Metric'),
  metrics: fixed('指标', 'Metrics'),
  value: fixed('实际值', 'Value'),
  target: fixed('目标值', 'Target'),
  floor: fixed('底线值', 'Floor'),
  bands: fixed('分档', 'Bands'),
  score: fixed('得分', 'Score'),
  weight: fixed('权重', 'Weight'),
  contribution: fixed('贡献', 'Contribution'),
  sample: fixed('样本', 'Sample'),
  status: fixed('状态', 'Status'),
  scorecard: fixed('考核表', 'Scorecard'),
  scorecards: fixed('考核表', 'Scorecards'),
  noScorecard: fixed('无考核表', 'No scorecard'),
  worstMetrics: fixed('最需改进的三个指标', 'Three metrics furthest below target'),
  // A not-rated agent has no base score to lose points from (scorecard.ts, losesPoints).
  weakestNotRated: fixed(
    '未参评,没有基础分,所以不计失分,也不计加减分。下面按指标得分(100 为达标)从低到高列出未达标的指标。',
    'Not rated: there is no base score, so no points are lost and no adjustments count. Below are the metrics under target, lowest score first (100 = at target).',
  ),
  metricScoreOf: {
    zh: (p: { score: string }) => `得分 ${p.score}`,
    en: (p: { score: string }) => `score ${p.score}`,
  },
  trend: fixed('历史趋势', 'Trend over past periods'),
  evidence: fixed('计入的记录', 'Counted records'),
  evidenceIntro: {
    zh: (p: { cap: number | null }) =>
      p.cap === null
        ? '每个指标一栏:它计入了多少条记录,以及这些记录(全部列出)。'
        : `每个指标一栏:它计入了多少条记录,以及其中对它影响最大的至多 ${p.cap} 条(结果文件为每个指标保存的条数;计数是完整的)。`,
    en: (p: { cap: number | null }) =>
      p.cap === null
        ? 'One block per metric: how many records it counted, and those records (all of them).'
        : `One block per metric: how many records it counted, and at most ${p.cap} of them, those that weigh most on it (as many as the results keep per metric; the count is complete).`,
  },
  evidenceListed: {
    zh: (p: { shown: number }) => `(列出 ${p.shown} 条)`,
    en: (p: { shown: number }) => ` (${p.shown} listed)`,
  },
  evidenceAgainst: {
    zh: (p: { total: number }) => `${p.total} 条拉低该指标的记录`,
    en: (p: { total: number }) => `${p.total} records that counted against it`,
  },
  evidenceCounted: {
    zh: (p: { total: number }) => `${p.total} 条计入的记录`,
    en: (p: { total: number }) => `${p.total} records counted`,
  },
  evidenceDistinct: {
    zh: (p: { total: number }) => `${p.total} 个不同的值,每个值列出它的第一条记录`,
    en: (p: { total: number }) => `${p.total} distinct values, each with its first record`,
  },
  firstShown: {
    zh: (p: { shown: number }) => `仅显示前 ${p.shown} 条。`,
    en: (p: { shown: number }) => `First ${p.shown} shown.`,
  },
  excludedRecords: fixed('被剔除的记录', 'Excluded records'),
  rejectedRowsTitle: fixed('读取时被拒绝的行', 'Rows rejected when read'),
  rejectedRowsIntro: {
    zh: (p: { rows: number }) =>
      `导出文件中有 ${p.rows} 行与这位客服有关,但读取时被拒绝(日期无法识别、值不在允许范围内、编号重复等),无论日期如何,都不计入任何指标。若其中有应计入的记录,请让数据负责人更正导出后重新评估,或据此提出申诉。`,
    en: (p: { rows: number }) =>
      `${p.rows === 1 ? '1 row of the exported files is' : `${p.rows} rows of the exported files are`} about this agent but ${p.rows === 1 ? 'was' : 'were'} rejected when read (a date that does not read, a value out of range, a repeated id…): ${p.rows === 1 ? 'it counts' : 'they count'} in no metric, whatever ${p.rows === 1 ? 'its' : 'their'} date. If one of them should count, ask whoever owns the data to correct the export and evaluate again, or appeal on it.`,
  },
  rejectedRowsMore: {
    zh: (p: { shown: number; rows: number }) =>
      `仅显示前 ${p.shown} 行(共 ${p.rows} 行,完整列表见本期的 rejected.json)。`,
    en: (p: { shown: number; rows: number }) =>
      `First ${p.shown} of ${p.rows} rows shown (the whole list is the period's rejected.json).`,
  },
  rejectedPlace: fixed('文件:行', 'File:line'),
  rejectedRecord: fixed('记录', 'Record'),
  rejectedField: fixed('字段', 'Field'),
  rejectedReason: fixed('原因', 'Reason'),
  rejectedCause: fixed('起因', 'Caused by'),
  exclusions: fixed('剔除规则', 'Exclusions'),
  exclusionsApplied: fixed('本期剔除', 'Exclusions applied'),
  reason: fixed('原因', 'Reason'),
  count: fixed('数量', 'Count'),
  ranking: fixed('排名表', 'Ranking'),
  search: fixed('按姓名或工号搜索', 'Search by name or id'),
  heatmap: fixed('班组 × 指标达标情况', 'Metric by team against target'),
  heatmapNote: fixed(
    '每格为该班组客服在该指标上的平均得分(100 = 达到目标)。',
    'Each cell is the team’s average score on the metric (100 = at target).',
  ),
  belowTarget: fixed('未达标最多的指标', 'Metrics most often below target'),
  belowTargetAgents: fixed('未达标人数', 'Agents below target'),
  medianBelowScore: fixed('未达标者得分中位数', 'Median score of those below'),
  ratedScoredAgents: fixed('计分的参评客服', 'Rated agents scored on it'),
  movements: fixed('与上期相比的等级变化', 'Grade movements against the previous period'),
  noPrevious: fixed('没有上一期的数据。', 'No previous period to compare with.'),
  noMovements: fixed('没有客服的等级发生变化。', 'No agent changed grade.'),
  up: fixed('上升', 'Up'),
  down: fixed('下降', 'Down'),
  audit: fixed('审计', 'Audit'),
  provenance: fixed('来源与校验', 'Provenance'),
  inputs: fixed('输入数据', 'Inputs'),
  rows: fixed('行数', 'Rows'),
  rejected: fixed('被拒绝', 'Rejected'),
  excluded: fixed('被剔除', 'Excluded'),
  engine: fixed('引擎版本', 'Engine version'),
  fileCount: {
    zh: (p: { n: number }) => `${p.n} 个文件`,
    en: (p: { n: number }) => `${p.n} files`,
  },
  verifyCommand: fixed(
    '复核命令(重新计算并逐字节比较)',
    'Command that re-verifies it (recompute and compare byte for byte)',
  ),
  publicationRecord: fixed('发布记录', 'Publication record'),
  verifyAllCommand: fixed(
    '复核这个结果文件夹中的每一次发布(包括被替换的发布):',
    'To re-verify every publication of this results folder (superseded ones too):',
  ),
  downloads: fixed('下载', 'Downloads'),
  definition: fixed('定义', 'Definition'),
  condition: fixed('条件', 'Condition'),
  numerator: fixed('分子', 'Numerator'),
  denominator: fixed('分母', 'Denominator'),
  definedByPolicy: fixed('策略自定义', 'defined by the policy'),
  distribution: fixed('分布', 'Distribution'),
  members: fixed('成员', 'Members'),
  average: fixed('平均', 'Average'),
  sourceYaml: fixed('YAML 原文', 'Source YAML'),
  governed: fixed('适用的期间', 'Periods it governed'),
  sharedFiles: fixed(
    '共用定义(本页规则已代入其内容)',
    'Shared definitions (the rules on this page show their content)',
  ),
  diffPrevious: fixed('与上一版本的差异', 'Difference from the previous version'),
  firstVersion: fixed('这是第一个版本。', 'This is the first version.'),
  noDifference: fixed('含义上没有差异。', 'No difference in meaning.'),
  changeWhere: fixed('位置', 'Where'),
  changeWhat: fixed('变更', 'Change'),
  changeBefore: fixed('之前', 'Before'),
  changeAfter: fixed('之后', 'After'),
  effectiveFrom: fixed('生效日期', 'Effective from'),
  businessHours: fixed('营业时间', 'Business hours'),
  businessHoursUnset: fixed(
    '未设置:全部时间计入响应时长。',
    'Not set: all time counts toward response times.',
  ),
  timezone: fixed('时区', 'Timezone'),
  closed: fixed('休息', 'closed'),
  holidays: fixed('休息日', 'Holidays'),
  eligibility: fixed('参评条件', 'Eligibility'),
  eligibilityMet: fixed('满足参评条件,参评。', 'Meets the eligibility rule: rated.'),
  eligibilityNotMet: fixed('不满足参评条件,不参评:', 'Does not meet the eligibility rule, not rated:'),
  notRatedNoScorecard: {
    zh: (p: { role: string }) => `岗位 "${p.role}" 没有考核表`,
    en: (p: { role: string }) => `no scorecard for role "${p.role}"`,
  },
  notRatedNoScoredMetric: fixed('没有一项计分指标有得分', 'no scored metric has a score'),
  capGrade: fixed('封顶等级', 'Grade cap'),
  holds: fixed('成立', 'holds'),
  doesNotHold: fixed('不成立', 'does not hold'),
  allOf: fixed('全部满足', 'all of'),
  anyOf: fixed('任一满足', 'any of'),
  noneOf: fixed('不满足', 'not'),
  factValue: fixed('实际值', 'fact value'),
  policyLine: fixed('策略位置', 'Policy line'),
  file: fixed('文件', 'File'),
  line: fixed('行', 'Line'),
  none: fixed('无', 'None'),
  print: fixed('打印', 'Print'),
  history: fixed('发布历史', 'Publication history'),
  publicationHistoryNote: fixed(
    '每行是本期间的一次发布,从最早到当前(最后一行)。一次发布被替换的原因,是替换它的那次发布在 manifest.json 里记录的原文,照原样显示(可能是英文)。',
    'Each row is one publication of the period, oldest first, the one in force last. Why a publication was replaced is what the publication that replaced it recorded in manifest.json, shown as recorded.',
  ),
  publication: fixed('发布', 'Publication'),
  publishedAt: fixed('发布时间', 'Published'),
  replacedBecause: fixed(
    '被替换的原因(替换它的发布所记录的原文)',
    'Why it was replaced (as recorded by the publication that replaced it)',
  ),
  publicationNumber: {
    zh: (p: { n: number }) => `第 ${p.n} 次发布`,
    en: (p: { n: number }) => `Publication ${p.n}`,
  },
  publicationReplacedMark: fixed('已被替换', 'replaced'),
  publicationCurrentMark: fixed('当前', 'in force'),
  publicationInForce: fixed('—(当前发布,没有被替换)', '— (in force, not replaced)'),
  reasonAppeals: {
    zh: (p: { appeals: string }) => `其中「appeals: …」是发布时自动加上的,列出新增或改动的申诉:${p.appeals}`,
    en: (p: { appeals: string }) =>
      `"appeals: …" was added by publish, listing the new or changed appeals: ${p.appeals}`,
  },
  historyCount: {
    zh: (p: { n: number }) => `发布历史:替换过 ${p.n} 次`,
    en: (p: { n: number }) => `publication history: replaced ${p.n}×`,
  },
  historyLine: {
    zh: (p: { n: number; replaced: number }) =>
      `本期间共发布 ${p.n} 次,当前的发布替换了第 ${p.replaced} 次发布,原因(记录原文):`,
    en: (p: { n: number; replaced: number }) =>
      `Published ${p.n} times; the publication in force replaced publication ${p.replaced}, because (as recorded):`,
  },
  historyLink: fixed('查看发布历史', 'See the publication history'),
  agentsRated: fixed('参评客服', 'Agents rated'),
  left: fixed('已离职', 'left'),
  direction: fixed('方向', 'Direction'),
  higher: fixed('越高越好', 'higher is better'),
  lower: fixed('越低越好', 'lower is better'),
  kind: fixed('计算方式', 'Kind'),
  table: fixed('数据表', 'Table'),
  field: fixed('字段', 'Field'),
  pointsEach: fixed('每次分值', 'Points each'),
  adjustmentRule: fixed('规则', 'Rule'),
  min: fixed('下限', 'Min'),
  max: fixed('上限', 'Max'),
  minSample: fixed('最小样本', 'Min sample'),
  method: fixed('计分方式', 'Method'),
  roles: fixed('岗位', 'Roles'),
  sha256: fixed('SHA-256', 'SHA-256'),
  otherMetrics: fixed('其他指标(仅供参考)', 'Other metrics (for information)'),
  redistributed: fixed(
    '权重不计入,由其他有得分的指标按比例分摊',
    'weight left out; the metrics with a score share it in proportion',
  ),
  published: fixed('已发布', 'published'),
  draft: fixed('草稿', 'draft'),
  draftNote: fixed(
    '草稿:本期间已评估但尚未发布(没有 manifest.json),结果仍可能改变。',
    'Draft: this period was evaluated but not published (it has no manifest.json); its results may still change.',
  ),
  publishedNote: {
    zh: (p: { files: number; commit: string }) =>
      `已发布:manifest.json 记录的 ${p.files} 个文件的哈希与本期间的文件一致(发布时的提交 ${p.commit})。`,
    en: (p: { files: number; commit: string }) =>
      `Published: the ${p.files} files whose hashes manifest.json records are the files of this period (published at commit ${p.commit}).`,
  },
  alteredBadge: fixed('发布后被改动', 'changed after publication'),
  earlyBadge: fixed('发布时本期间尚未结束', 'published before the period ended'),
  openAtBuildBadge: fixed('本期间尚未结束(截至建站时)', 'the period has not ended (as of the site’s build)'),
  earlyNote: {
    zh: (p: { end: string; at: string }) =>
      `本期间到 ${p.end} 才结束,却在 ${p.at} 发布,早于期间结束:发布时本期间的数据还不完整,期间结束后重新计算的结果可能不同。`,
    en: (p: { end: string; at: string }) =>
      `This period ends at ${p.end} but was published at ${p.at}, before it ended: its data was not complete when it was published, and its results recomputed after its end may differ.`,
  },
  openAtBuildNote: {
    zh: (p: { end: string; at: string }) =>
      `本期间到 ${p.end} 才结束,建站时(${p.at})尚未结束,所以它是在期间结束前发布的(manifest.json 没有记录发布时间):发布时本期间的数据还不完整,期间结束后重新计算的结果可能不同。`,
    en: (p: { end: string; at: string }) =>
      `This period ends at ${p.end} and had not ended when the site was built (${p.at}), so it was published before it ended (its manifest.json records no publication time): its data was not complete when it was published, and its results recomputed after its end may differ.`,
  },
  alteredNote: {
    zh: (p: { files: string }) =>
      `警告:${p.files} 与 manifest.json 记录的哈希不一致(发布后被修改或删除),本页显示的是现在的文件。请用 scorebook verify 复核。`,
    en: (p: { files: string }) =>
      `Warning: the hashes manifest.json records no longer match ${p.files} (changed or removed after publication); this page shows the files as they are now. Re-verify with scorebook verify.`,
  },
  unknownCommit: fixed('未记录', 'not recorded'),
  noSnapshotNote: fixed(
    '本期间发布时还没有写出 policy.json(所用策略的快照),因此这里不显示考核表的定义(目标值、权重、分档、指标名称和单位),数值按原始数字显示。',
    'This period was published before evaluations wrote policy.json (the snapshot of the policy applied), so its scorecard definitions (targets, weights, bands, metric titles and units) are not shown and values are shown as plain numbers.',
  ),
  siteFooter: fixed(
    '由 Scorebook 根据每个期间写出的文件(results.json、explanations.json、policy.json、manifest.json)生成。',
    'Generated by Scorebook from the files written for each period (results.json, explanations.json, policy.json, manifest.json).',
  ),
  noPeriods: fixed('还没有评估过的考核期间。', 'No period has been evaluated yet.'),
  noPolicies: fixed(
    '还没有带策略快照(policy.json)的期间。',
    'No period has a policy snapshot (policy.json) yet.',
  ),
  periodMonth: {
    zh: (p: { year: number; month: number }) => `${p.year}年${p.month}月`,
    // en-US's short month and year ("Oct 2026"), without an Intl call on every link of a page.
    en: (p: { year: number; month: number }) => `${MONTHS_EN[p.month - 1] ?? p.month} ${p.year}`,
  },
  periodQuarter: {
    zh: (p: { year: number; quarter: number }) => `${p.year}年第${p.quarter}季度`,
    en: (p: { year: number; quarter: number }) => `Q${p.quarter} ${p.year}`,
  },
  periodYear: {
    zh: (p: { year: number }) => `${p.year}年`,
    en: (p: { year: number }) => String(p.year),
  },
  mon: fixed('周一', 'Mon'),
  tue: fixed('周二', 'Tue'),
  wed: fixed('周三', 'Wed'),
  thu: fixed('周四', 'Thu'),
  fri: fixed('周五', 'Fri'),
  sat: fixed('周六', 'Sat'),
  sun: fixed('周日', 'Sun'),
  kindMean: fixed('平均值', 'mean'),
  kindMedian: fixed('中位数', 'median'),
  kindP90: fixed('90 分位', '90th percentile'),
  kindSum: fixed('求和', 'sum'),
  kindCount: fixed('计数', 'count'),
  kindRatio: fixed('比率', 'ratio'),
  kindNps: fixed('净推荐值', 'NPS'),
  kindDistinctCount: fixed('去重计数', 'distinct count'),
  kindFormula: fixed('公式', 'formula'),
  formula: fixed('公式', 'Formula'),
  formulas: fixed('公式指标', 'Formula metrics'),
  formulaNote: fixed(
    '公式指标由本人的其他指标和团队数据计算:下列为公式、它读到的数值和结果(读到空值则结果为空)。',
    'Formula metrics are computed from the agent’s other metrics and team facts: the formula, the values it read and the result (a null read gives a null result).',
  ),
  formulaReads: fixed('读到的数值', 'Values read'),
  readTeam: {
    zh: (p: { statistic: string }) =>
      `团队${{ mean: '平均值', median: '中位数' }[p.statistic] ?? `${p.statistic.replace(/^p/, '第 ')} 百分位`}`,
    en: (p: { statistic: string }) =>
      `team ${{ mean: 'mean', median: 'median' }[p.statistic] ?? `${p.statistic.replace(/^p/, '')}th percentile`}`,
  },
  readPrev: fixed('上期', 'last period'),
  readMean: {
    zh: (p: { n: number }) => `近 ${p.n} 期平均`,
    en: (p: { n: number }) => `mean of the last ${p.n} periods`,
  },
  readPrevTotal: fixed('上期总分', 'last period’s total score'),
  readPrevBase: fixed('上期基础分', 'last period’s base score'),
  readStreak: {
    zh: (p: { grade: string }) => `连续 ${p.grade} 或以上的期数`,
    en: (p: { grade: string }) => `periods in a row at ${p.grade} or better`,
  },
  // Rating metrics (docs/ratings.md).
  kindRating: fixed('评分', 'rating'),
  ratings: fixed('评分指标', 'Ratings by people'),
  ratingNote: fixed(
    '每位评分人先取平均,再取同一角色评分人的平均;有评分的角色按权重加权(权重在这些角色之间重新归一)。自评和未设权重的角色不计入。',
    'Each rater’s ratings are averaged first, then the raters of a role; the roles with ratings are weighted (their weights renormalised among them). Self ratings and roles without a weight are left out.',
  ),
  ratingRaters: {
    zh: (p: { raters: number; min: number }) => `计入 ${p.raters} 位评分人(至少需要 ${p.min} 位)`,
    en: (p: { raters: number; min: number }) => `${p.raters} raters counted (at least ${p.min} needed)`,
  },
  raterRole: fixed('评分人角色', 'Rater role'),
  roleMean: fixed('平均分', 'Mean'),
  raterCount: fixed('评分人数', 'Raters'),
  ratingCount: fixed('评分条数', 'Ratings'),
  ratingLeftOut: {
    zh: (p: { n: number }) => `未计入的评分 ${p.n} 条`,
    en: (p: { n: number }) => `${p.n} ratings left out`,
  },
  ratingLeftSelf: fixed('自评', 'self rating'),
  ratingLeftRole: fixed('角色未设权重', 'role without weight'),
  ratingLeftBelowMin: fixed('评分人数不足', 'too few raters'),
  teamFactAgents: {
    zh: (p: { n: number }) => `(${p.n} 人)`,
    en: (p: { n: number }) => ` (${p.n} agent${p.n === 1 ? '' : 's'})`,
  },
  historyFacts: fixed('历史数据', 'History facts'),
  historyNote: fixed(
    '本期的公式与条件读到的往期数据:取值、读取它的规则、来自哪些期间;下表说明每个期间的来源(已发布的文件与 sha256,或未发布、按当时生效的版本评估)。',
    'What this period’s formulas and conditions read from earlier periods: the value, the rules that read it, the periods it came from; the table below gives each period’s provenance (the published file and its sha256, or evaluated with the version in force then, not published).',
  ),
  historyFact: fixed('历史数据项', 'Fact'),
  historyUsedBy: fixed('用于', 'Used by'),
  historyFrom: fixed('来自期间', 'From'),
  historyProvenance: fixed('往期来源', 'Where the earlier periods came from'),
  historySource: fixed('来源', 'Source'),
  historyPublished: fixed('已发布', 'published'),
  historyEvaluated: {
    zh: (p: { policy: string }) => `未发布,按 ${p.policy} 评估`,
    en: (p: { policy: string }) => `evaluated with ${p.policy}, not published`,
  },
  historyMissing: {
    zh: (p: { code: string }) => `缺失(${p.code})`,
    en: (p: { code: string }) => `missing (${p.code})`,
  },
  usedByFormula: fixed('公式', 'formula'),
  usedByEligibility: fixed('参评条件', 'eligibility'),
  usedByVeto: fixed('否决', 'veto'),
  usedByFlag: fixed('关注标记', 'flag'),
  usedByAdjustment: fixed('加减分', 'adjustment'),
  teamFacts: fixed('团队数据', 'Team facts'),
  teamFactsNote: {
    zh: (p: { scorecard: string }) => `本期“${p.scorecard}”考核表所有有取值的客服的统计值,供公式与条件比较。`,
    en: (p: { scorecard: string }) =>
      `Statistics over every agent of the scorecard “${p.scorecard}” with a value this period, for formulas and conditions to compare with.`,
  },
  teamFactAgentsCount: fixed('人数', 'Agents'),
  monitoringPeriods: fixed('监控期间(不发布)', 'Monitoring periods (not published)'),
  monitoringNote: fixed(
    '周、日与自定义区间只供日常查看,不是考核结果:它们不发布,不参与趋势与对比,本站不为其生成页面。用 scorebook evaluate 写出的 results.json 查看详情。',
    'Weeks, days and custom ranges are for day-to-day watching, not evaluation results: they are never published, take no part in trends or comparisons, and have no pages here. Read the results.json scorebook evaluate wrote for details.',
  ),
  monitoringBadge: fixed('监控 · 未发布', 'monitoring · not published'),
  kindWeek: fixed('周', 'week'),
  kindDay: fixed('日', 'day'),
  kindRange: fixed('区间', 'range'),
  statusScored: fixed('已计分', 'scored'),
  statusInsufficient: fixed('样本不足', 'insufficient sample'),
  statusNoData: fixed('无数据', 'no data'),
  statusInfo: fixed('仅供参考', 'for information'),
  statusAppealed: fixed('申诉撤销', 'voided on appeal'),
  appeals: fixed('申诉', 'Appeals'),
  appealsNone: fixed('本期没有申诉。', 'No appeal this period.'),
  appealClaim: fixed('申诉理由', 'Claim'),
  appealDecision: fixed('裁决', 'Decision'),
  appealDisputes: fixed('申诉对象', 'Disputes'),
  appealFiled: fixed('提交时间', 'Filed'),
  appealChanges: fixed('裁决带来的改动', 'What the decision changed'),
  appealDecisionNotApplied: fixed('书面裁决(不予受理,未执行)', 'Written decision (refused, not applied)'),
  appealNotCarried: {
    zh: (p: { voids: string }) =>
      `这是某月的申诉:本期间(季度或年度重新计算)只沿用它对记录的改动,不沿用它作废的指标或否决:${p.voids}。`,
    en: (p: { voids: string }) =>
      `A month's appeal: this period (a recomputed quarter or year) carries its changes of records, not the metrics or vetoes it voids: ${p.voids}.`,
  },
  appealBefore: fixed('改动前', 'Before'),
  appealActionRemove: fixed('删除记录', 'Record removed'),
  appealActionCorrect: fixed('更正字段', 'Field corrected'),
  appealActionReassign: fixed('改记到其他客服', 'Reassigned'),
  appealActionVoidMetric: fixed('指标不计入', 'Metric voided'),
  appealActionVoidVeto: fixed('一票否决不生效', 'Veto voided'),
  categoryAttitude: fixed('服务态度', 'Attitude'),
  categoryMisinformation: fixed('信息错误', 'Misinformation'),
  categoryProcessError: fixed('流程失误', 'Process error'),
  categoryProductDefect: fixed('产品缺陷', 'Product defect'),
  categoryLogistics: fixed('物流问题', 'Logistics'),
  categoryOther: fixed('其他', 'Other'),
  appealAfter: fixed('改动后', 'After'),
  appealRemoved: fixed('(已移除)', '(removed)'),
  appealAssignee: fixed('改记到该客服名下', 'reassigned to this agent'),
  appealFinal: fixed('终局', 'final'),
  appealRules: fixed('申诉规则', 'Appeal rules'),
  appealWindowDays: fixed(
    '申诉期限(首次发布后的天数,无发布时间记录时从期间结束算起)',
    'Window (days after the first publication, or after the period ends when it recorded no time)',
  ),
  // How to appeal, on every agent page (AgentAppealHow.astro, docs/site.md).
  appealHow: fixed('如何申诉', 'How to appeal'),
  listJoin: fixed('、', ', '),
  clauseJoin: fixed(';', '; '),
  appealWindowPublished: {
    zh: (p: { last: string; published: string; days: number; zone: string }) =>
      `申诉期限:${p.last} 当天结束前(本期间 ${p.published} 首次发布,发布后 ${p.days} 天内可申诉;日期按 ${p.zone})。`,
    en: (p: { last: string; published: string; days: number; zone: string }) =>
      `Deadline: the end of ${p.last} (this period was first published on ${p.published}; appeals may be filed for ${p.days} days after that; dates in ${p.zone}).`,
  },
  appealWindowFromEnd: {
    zh: (p: { last: string; days: number; zone: string }) =>
      `申诉期限:${p.last} 当天结束前(本期间首次发布时没有记录发布时间,所以从期间结束后算 ${p.days} 天;日期按 ${p.zone})。`,
    en: (p: { last: string; days: number; zone: string }) =>
      `Deadline: the end of ${p.last} (this period's first publication recorded no time, so the window is ${p.days} days after the period ends; dates in ${p.zone}).`,
  },
  appealWindowUnpublished: {
    zh: (p: { days: number }) =>
      `申诉期限:本期间尚未发布,期限还没有开始。按策略,首次发布后 ${p.days} 天内可申诉(从发布日的次日算起),具体日期发布后才能确定。`,
    en: (p: { days: number }) =>
      `Deadline: this period is not published yet, so its window has not started. By the policy, appeals may be filed for ${p.days} days after its first publication (counting from the day after), so the date is known only once it is published.`,
  },
  appealWindowUnknown: fixed(
    '申诉期限:按本期间策略的申诉规则(未写明时为首次发布后 30 天内)。本期间没有 policy.json,站点无法得知它的规则。',
    'Deadline: as the period’s policy rules (30 days after the first publication when it says nothing). This period has no policy.json, so the site does not know its rules.',
  ),
  appealWhat: {
    zh: (p: { targets: string }) => `可申诉的对象:${p.targets}。`,
    en: (p: { targets: string }) => `What may be appealed: ${p.targets}.`,
  },
  appealWhatRecords: {
    zh: (p: { tables: string }) =>
      `本页列出的记录,计入的和被剔除的都可以(写成「表/编号」,如 complaints/p00012;可申诉的表:${p.tables})`,
    en: (p: { tables: string }) =>
      `a record listed on this page, counted or excluded (written <table>/<id>, e.g. complaints/p00012; tables: ${p.tables})`,
  },
  appealWhatMetrics: {
    zh: (p: { metrics: string }) => `指标:${p.metrics}`,
    en: (p: { metrics: string }) => `a metric: ${p.metrics}`,
  },
  appealWhatVetoes: {
    zh: (p: { vetoes: string }) => `成立的一票否决:${p.vetoes}`,
    en: (p: { vetoes: string }) => `a veto that held: ${p.vetoes}`,
  },
  appealWhatUnknown: fixed(
    '本页列出的记录、考核表中的指标或成立的一票否决(本期间没有 policy.json,无法列出策略的限制)',
    'a record listed on this page, a metric of the scorecard or a veto that held (this period has no policy.json, so the policy’s limits cannot be listed)',
  ),
  appealProcedure: {
    zh: (p: { folder: string }) =>
      `申诉方式:向主管提出,写明申诉对象和理由。每份申诉记录为文件 ${p.folder}<申诉编号>.yaml(也可先在 HR/OA 系统登记),裁决经评审合并后,本期间重新发布才生效(见 docs/appeals.md)。`,
    en: (p: { folder: string }) =>
      `How: tell your supervisor what you dispute and why. Each appeal is recorded as the file ${p.folder}<appeal id>.yaml (it may first be registered in the HR/OA system); a decision takes effect once it is reviewed, merged and the period is published again (see docs/appeals.md).`,
  },
  appealTables: fixed('可申诉的记录表', 'Tables whose records may be appealed'),
  appealMetrics: fixed('可申诉的指标', 'Metrics that may be appealed'),
  appealVetoes: fixed('可申诉的一票否决', 'Vetoes that may be appealed'),
  appealFinalDefault: fixed('裁决默认终局', 'Decisions final by default'),
  appealAll: fixed('全部', 'all'),
  periodRules: fixed('季度/年度考核方式', 'Quarters and years'),
  periodRecompute: fixed('按期间内全部记录重新计算', 'recomputed over the period’s records'),
  periodFromMonths: fixed('取各月总分的平均', 'the mean of the monthly totals'),
  periodMinMonths: fixed('至少参评月数', 'Months rated needed'),
  periodRulesQuarter: fixed('季度', 'Quarter'),
  periodRulesYear: fixed('年度', 'Year'),
  appealTotalBefore: {
    zh: (p: { before: string; after: string }) => `裁决前(被替换的发布)总分 ${p.before},现在 ${p.after}`,
    en: (p: { before: string; after: string }) =>
      `Total before the decisions (the superseded publication) ${p.before}, now ${p.after}`,
  },
  beforeDecisions: {
    zh: (p: { grade: string; total: string }) => `裁决前(被替换的发布):${p.grade} · ${p.total}`,
    en: (p: { grade: string; total: string }) =>
      `Before the decisions (the superseded publication): ${p.grade} · ${p.total}`,
  },
  appealDisputesMetric: {
    zh: (p: { metric: string }) => `指标:${p.metric}`,
    en: (p: { metric: string }) => `Metric: ${p.metric}`,
  },
  vetoVoidedByAppeal: {
    zh: (p: { appeal: string }) => `成立,但已因申诉 ${p.appeal} 裁决撤销,不封顶`,
    en: (p: { appeal: string }) => `holds, but voided by appeal ${p.appeal}: no cap`,
  },
  vetoVoided: {
    zh: (p: { appeal: string }) => `已因申诉 ${p.appeal} 撤销,不封顶`,
    en: (p: { appeal: string }) => `voided by appeal ${p.appeal}: no cap`,
  },
  appealStatusApplied: fixed('已执行', 'applied'),
  appealStatusRejected: fixed('驳回', 'rejected'),
  appealStatusPending: fixed('待裁决', 'pending'),
  appealStatusRefused: fixed('不予受理', 'refused'),
  outcomeUpheld: fixed('支持', 'upheld'),
  outcomePartlyUpheld: fixed('部分支持', 'partly upheld'),
  outcomeRejected: fixed('驳回', 'rejected'),
  appealsFiled: fixed('提交', 'Filed'),
  appealsDecided: fixed('已裁决', 'Decided'),
  appealsUpheld: fixed('支持(含部分)', 'Upheld (incl. partly)'),
  appealsRefused: fixed('不予受理', 'Refused'),
  appealsPending: fixed('待裁决', 'Pending'),
  overturnRates: fixed('申诉推翻率(按规则)', 'Overturn rate by rule'),
  overturnKind: fixed('类型', 'Kind'),
  overturnRule: fixed('规则', 'Rule'),
  overturned: fixed('被推翻', 'Overturned'),
  overturnRate: fixed('推翻率', 'Overturn rate'),
  overturnKindMetric: fixed('指标', 'metric'),
  overturnKindVeto: fixed('一票否决', 'veto'),
  overturnKindTable: fixed('记录表', 'records of'),
  overturnKindExclusion: fixed('剔除规则', 'exclusion'),
  overturnKindReviewer: fixed('质检员', 'QA reviewer'),
  overturnNote: fixed(
    '已裁决 = 支持、部分支持或驳回(不予受理和待裁决的不计)。剔除规则一行只计因更正而被该规则剔除的记录。',
    'Decided = upheld, partly upheld or rejected (refused and pending ones are not counted). An exclusion row counts only records a correction made it remove.',
  ),
  appealsCsv: fixed('申诉 CSV', 'Appeals CSV'),
  statusRated: fixed('参评', 'rated'),
  statusNotRated: fixed('未参评', 'not rated'),
  deltaSince: {
    zh: (p: { delta: string; period: string }) => `较${p.period} ${p.delta}`,
    en: (p: { delta: string; period: string }) => `${p.delta} since ${p.period}`,
  },
  bestGrade: fixed('已是最高等级', 'At the best grade'),
  toNextGrade: {
    zh: (p: { points: string; grade: string }) => `距 ${p.grade} 还差 ${p.points} 分`,
    en: (p: { points: string; grade: string }) => `${p.points} points short of ${p.grade}`,
  },
  toNextGradeCapped: {
    zh: (p: { points: string; grade: string; cap: string }) =>
      `距 ${p.grade} 还差 ${p.points} 分,但一票否决把等级封顶在 ${p.cap}:否决成立时,总分再高等级也不会高于 ${p.cap}`,
    en: (p: { points: string; grade: string; cap: string }) =>
      `${p.points} points short of ${p.grade}, but a veto caps the grade at ${p.cap}: while it holds, no total gives a better grade than ${p.cap}`,
  },
  vetoed: {
    zh: (p: { reason: string }) => `一票否决:${p.reason}`,
    en: (p: { reason: string }) => `Veto: ${p.reason}`,
  },
  cappedAt: {
    zh: (p: { grade: string }) => `等级封顶 ${p.grade}`,
    en: (p: { grade: string }) => `grade capped at ${p.grade}`,
  },
  pointsLost: fixed('失分', 'Points lost'),
  effectiveWeight: fixed('实际权重', 'Effective weight'),
  effectiveWeightNote: fixed(
    '有指标没有得分(没有记录或样本不足),它的权重不计入,由有得分的指标按比例分摊。「实际权重」是每个指标在基础分中实际所占的权重:权重 × 100 ÷ 有得分指标的权重之和;失分 = 实际权重 × (100 − 得分) ÷ 100。',
    'A metric has no score (no records, or too small a sample): its weight is left out and the metrics with a score share it in proportion. “Effective weight” is the weight each metric really carries in the base score: weight × 100 ÷ the weights that scored; points lost = effective weight × (100 − score) ÷ 100.',
  ),
  effectiveWeightGroupsNote: fixed(
    '权重写在各考核维度之内;「实际权重」是每个指标在基础分中实际所占的权重:权重 × 100 ÷ 本维度有得分指标的权重之和 × 本维度的权重 ÷ 有得分维度的权重之和(没有得分的指标为 0,其权重由同维度有得分的指标分摊);失分 = 实际权重 × (100 − 得分) ÷ 100。',
    'Weights are written within each group; “effective weight” is the weight each metric really carries in the base score: weight × 100 ÷ the weights that scored in its group × the group’s weight ÷ the weights of the groups that scored (0 for a metric without a score, whose weight the scored metrics of its group share); points lost = effective weight × (100 − score) ÷ 100.',
  ),
  goalRange: {
    zh: (p: { low: string; high: string; floorLow: string; floorHigh: string }) =>
      `${p.low}–${p.high}(≤ ${p.floorLow} 或 ≥ ${p.floorHigh} 为 0)`,
    en: (p: { low: string; high: string; floorLow: string; floorHigh: string }) =>
      `${p.low}–${p.high} (0 at ≤ ${p.floorLow} or ≥ ${p.floorHigh})`,
  },
  goalSegments: {
    zh: (p: { field: string; segments: string }) => `${p.field}:${p.segments}`,
    en: (p: { field: string; segments: string }) => `${p.field}: ${p.segments}`,
  },
  goalSegment: {
    zh: (p: { value: string; target: string; floor: string }) => `${p.value} ${p.target}(底线 ${p.floor})`,
    en: (p: { value: string; target: string; floor: string }) => `${p.value} ${p.target} (floor ${p.floor})`,
  },
  standingMet: fixed('达标', 'on target'),
  standingBelow: fixed('未达标', 'below target'),
  standingFloor: fixed('低于底线', 'at or beyond the floor'),
  standingUnscored: fixed('不计分', 'not scored'),
  whyInsufficient: {
    zh: (p: { sample: number; min: number }) => `样本 ${p.sample} 条,少于最小样本 ${p.min} 条`,
    en: (p: { sample: number; min: number }) =>
      `${p.sample} records, fewer than the minimum sample of ${p.min}`,
  },
  whyAbsent: {
    zh: (p: { table: string }) => `数据表 ${p.table} 没有文件`,
    en: (p: { table: string }) => `the table ${p.table} has no file`,
  },
  whyNoRecords: fixed('本期间没有计入的记录', 'no record counted in the period'),
  policyLineShort: {
    zh: (p: { line: number }) => `策略第 ${p.line} 行`,
    en: (p: { line: number }) => `policy line ${p.line}`,
  },
  policyLineOf: {
    zh: (p: { line: number }) => `策略原文第 ${p.line} 行`,
    en: (p: { line: number }) => `policy text, line ${p.line}`,
  },
  lostPoints: {
    zh: (p: { points: string }) => `失 ${p.points} 分`,
    en: (p: { points: string }) => `${p.points} points lost`,
  },
  improvementPlan: fixed('改进计划', 'Improvement plan'),
  improvementPlanHint: fixed(
    '面谈中商定:针对以上指标的具体行动、完成时间和跟进方式。',
    'Agreed in the review: concrete actions on the metrics above, by when, and how progress is followed up.',
  ),
  signatureEmployee: fixed('员工签字', 'Employee'),
  signatureSupervisor: fixed('主管签字', 'Supervisor'),
  signatureDate: fixed('日期', 'Date'),
  reviewDocument: fixed('绩效面谈记录', 'Performance review'),
  periodDates: fixed('考核期间', 'Period'),
  otherPeriods: fixed('该客服的其他期间', 'This agent’s other periods'),
  versionChanged: fixed('策略版本变更', 'policy version changed'),
  governedBy: {
    zh: (p: { policy: string; version: string; from: string }) =>
      `本期间按策略 ${p.policy} ${p.version}(${p.from} 生效,即期间首日生效的版本)考核。`,
    en: (p: { policy: string; version: string; from: string }) =>
      `This period was evaluated with policy ${p.policy} ${p.version} (effective ${p.from}, the version in force on its first day).`,
  },
  monthsGovernedBy: fixed('期间内各月的策略版本', 'Policy versions of its months'),
  // An agent of a quarter or year scored from its months (docs/periods.md, docs/site.md).
  fromMonths: fixed('按各月总分计算', 'Scored from the months'),
  monthCounted: fixed('计入平均', 'Counted'),
  fromMonthsMean: {
    zh: (p: { terms: string; count: number; total: string }) =>
      `期间总分 = 参评各月总分的平均:(${p.terms}) ÷ ${p.count} = ${p.total}`,
    en: (p: { terms: string; count: number; total: string }) =>
      `The period's total is the mean of the rated months' totals: (${p.terms}) ÷ ${p.count} = ${p.total}`,
  },
  fromMonthsInformation: fixed(
    '下面的考核维度、指标得分和"最需改进的指标"是把整个期间的数据合在一起重新计算的,只供参考:它们加起来不等于上面的期间总分。期间总分只由各月总分的平均得出。',
    'The dimensions, metric scores and "metrics to improve most" below are computed again over the whole period\'s data, for information only: they do not add up to the total above. The total is the mean of the months\' totals alone.',
  ),
  rankOf: {
    zh: (p: { rank: number; of: number }) => `${p.rank} / ${p.of}`,
    en: (p: { rank: number; of: number }) => `${p.rank} of ${p.of}`,
  },
  headline: fixed('本期概览', 'At a glance'),
  keyFinding: {
    zh: (p: { below: number; scored: number; metric: string; median: string }) =>
      `${p.scored} 名参评客服中有 ${p.below} 名未达到「${p.metric}」的目标,这些客服该项得分的中位数为 ${p.median}(100 为达标)。`,
    en: (p: { below: number; scored: number; metric: string; median: string }) =>
      `${p.below} of ${p.scored} rated agents miss the ${p.metric} target; their median score on it is ${p.median} (100 = at target).`,
  },
  noFinding: fixed('所有参评客服都达到了各项指标的目标。', 'Every rated agent meets every target.'),
  meanScore: fixed('平均分', 'Mean score'),
  gradeMix: fixed('等级分布(与上期相比)', 'Grade mix against the previous period'),
  thisPeriod: fixed('本期', 'This period'),
  lastPeriod: fixed('上期', 'Previous period'),
  change: fixed('变化', 'Change'),
  switchPeriod: fixed('切换期间', 'Switch period'),
  searchSite: fixed('搜索客服或班组(姓名、工号、班组名)', 'Search agents or teams (name, id, team)'),
  searchHint: fixed('输入后显示匹配的客服和班组。', 'Matching agents and teams appear as you type.'),
  searchAgent: fixed('客服', 'agent'),
  searchTeam: fixed('班组', 'team'),
  teamMembersListed: {
    zh: (p: { shown: number; total: number }) =>
      `按等级和总分列出前 ${p.shown} 名,共 ${p.total} 名;全部客服见下载的考核表:`,
    en: (p: { shown: number; total: number }) =>
      `The first ${p.shown} of ${p.total} members by grade and score are listed; every agent is in the scorecards download:`,
  },
  fullRanking: {
    zh: (p: { shown: number; total: number }) => `显示前 ${p.shown} 名,共 ${p.total} 名:完整排名`,
    en: (p: { shown: number; total: number }) => `First ${p.shown} of ${p.total} shown: the full ranking`,
  },
  rankingPage: {
    zh: (p: { from: number; to: number }) => `第 ${p.from}–${p.to} 名`,
    en: (p: { from: number; to: number }) => `Places ${p.from}–${p.to}`,
  },
  vetoMark: fixed('一票否决', 'vetoed'),
  worstListed: {
    zh: (p: { shown: number; total: number }) =>
      `列出最差的 ${p.shown} 名(共 ${p.total} 名有数值);全部数值见 CSV 下载。`,
    en: (p: { shown: number; total: number }) =>
      `The ${p.shown} furthest from good are listed (of ${p.total} with a value); the CSV download has every value.`,
  },
  movementsListed: {
    zh: (p: { shown: number; total: number; up: number; down: number }) =>
      `共 ${p.total} 名客服的等级变化(上升 ${p.up},下降 ${p.down}),列出前 ${p.shown} 名。`,
    en: (p: { shown: number; total: number; up: number; down: number }) =>
      `${p.total} agents changed grade (${p.up} up, ${p.down} down); the first ${p.shown} are listed.`,
  },
  rankingPages: fixed('完整排名', 'Full ranking'),
  changeAdded: fixed('新增', 'added'),
  changeRemoved: fixed('删除', 'removed'),
  changeChanged: fixed('修改', 'changed'),
  diffAreaMetric: fixed('自定义指标', 'Policy metric'),
  diffAreaAppeals: fixed('申诉规则', 'Appeal rules'),
  diffAreaPeriods: fixed('季度/年度考核方式', 'Quarters and years'),
  diffAreaScored: fixed('考核指标', 'Scored metric'),
  diffReasonEn: fixed('英文原因', 'English reason'),
  diffLabelEn: fixed('英文名称', 'English label'),
  diffTitle: fixed('名称', 'Title'),
  diffTitleEn: fixed('英文名称', 'English title'),
  diffDescription: fixed('说明', 'Description'),
  diffDescriptionEn: fixed('英文说明', 'English description'),
  diffUnit: fixed('单位', 'Unit'),
  diffOrder: fixed('顺序(决定行计入哪条剔除规则)', 'Order (decides the exclusion a row counts under)'),
  description: fixed('说明', 'Description'),
  unitSeconds: {
    zh: (p: { n: string }) => `${p.n} 秒`,
    en: (p: { n: string }) => `${p.n} s`,
  },
  unitMinutes: {
    zh: (p: { n: string }) => `${p.n} 分钟`,
    en: (p: { n: string }) => `${p.n} min`,
  },
  unitHours: {
    zh: (p: { n: string }) => `${p.n} 小时`,
    en: (p: { n: string }) => `${p.n} h`,
  },
  points: {
    zh: (p: { n: string }) => `${p.n} 分`,
    en: (p: { n: string }) => `${p.n} pts`,
  },
  yes: fixed('是', 'yes'),
  no: fixed('否', 'no'),
  senderCustomer: fixed('客户', 'customer'),
  senderAgent: fixed('客服', 'agent'),
  senderBot: fixed('机器人', 'bot'),
  senderSystem: fixed('系统', 'system'),
  fieldBlockAt: fixed('客户消息时间', 'Customer wrote at'),
  fieldConversation: fixed('会话', 'Conversation'),
  fieldChannel: fixed('渠道', 'Channel'),
  fieldStartedAt: fixed('开始时间', 'Started'),
  fieldEndedAt: fixed('结束时间', 'Ended'),
  fieldResolved: fixed('已解决', 'Resolved'),
  fieldReopened: fixed('重新打开', 'Reopened'),
  fieldTransferred: fixed('已转接', 'Transferred'),
  fieldSlaDueAt: fixed('时限', 'Due'),
  fieldClosedAt: fixed('关闭时间', 'Closed'),
  fieldCustomer: fixed('客户', 'Customer'),
  fieldInquiry: fixed('有咨询', 'Inquiry'),
  fieldReplied: fixed('每段都已回复', 'Every block answered'),
  fieldUnansweredSince: fixed('未回复的客户消息', 'Unanswered since'),
  fieldFirstResponse: fixed('首次响应用时', 'First response'),
  fieldHandle: fixed('处理时长', 'Handling time'),
  fieldOnTime: fixed('按时处理', 'On time'),
  fieldConverted: fixed('已成交', 'Converted'),
  fieldSentAt: fixed('发送时间', 'Sent'),
  fieldSender: fixed('发送方', 'Sender'),
  fieldText: fixed('内容', 'Text'),
  fieldSurvey: fixed('问卷', 'Survey'),
  fieldSubmittedAt: fixed('提交时间', 'Submitted'),
  fieldCsat: fixed('满意度评分', 'CSAT'),
  fieldNps: fixed('推荐评分', 'NPS score'),
  fieldComplaint: fixed('投诉', 'Complaint'),
  fieldFiledAt: fixed('投诉时间', 'Filed'),
  fieldCategory: fixed('类别', 'Category'),
  fieldUpheld: fixed('投诉成立', 'Upheld'),
  fieldReview: fixed('质检单', 'Review'),
  fieldReviewedAt: fixed('质检时间', 'Reviewed'),
  fieldScore: fixed('分数', 'Score'),
  fieldRedLine: fixed('触犯红线', 'Red line'),
  fieldOrder: fixed('订单', 'Order'),
  fieldPlacedAt: fixed('下单时间', 'Placed'),
  fieldAmount: fixed('金额', 'Amount'),
  fieldDate: fixed('日期', 'Date'),
  fieldStatus: fixed('状态', 'Status'),
  fieldKind: fixed('类型', 'Kind'),
  fieldAttended: fixed('出席', 'Attended'),
  fieldAt: fixed('时间', 'Time'),
  fieldType: fixed('类型', 'Type'),
  fieldNote: fixed('备注', 'Note'),
  fieldPlan: fixed('改进计划', 'Plan'),
  fieldPlanMetric: fixed('改进指标', 'Metric'),
  fieldAction: fixed('改进措施', 'Action'),
  fieldDueDate: fixed('计划完成日期', 'Due'),
  fieldCompletedAt: fixed('完成日期', 'Completed on'),
  fieldPlanCounted: fixed('计入完成率', 'Counted'),
  fieldPlanCompleted: fixed('按期完成', 'Done on time'),
  fieldPlanLate: fixed('逾期完成', 'Done late'),
  planStatusOpen: fixed('进行中', 'open'),
  planStatusDone: fixed('已完成', 'done'),
  planStatusMissed: fixed('未完成', 'missed'),
  planStatusCancelled: fixed('已取消', 'cancelled'),
  fieldRating: fixed('评分单', 'Rating'),
  fieldRater: fixed('评分人', 'Rater'),
  fieldRaterRole: fixed('评分人角色', 'Rater role'),
  fieldDimension: fixed('评分维度', 'Dimension'),
  fieldRatedAt: fixed('评分时间', 'Rated'),
  fieldSeconds: fixed('响应用时', 'Response time'),
  fieldIsFirst: fixed('首次响应', 'First response'),
  fieldReply: fixed('客服回复', 'Agent replied'),
  fieldWhere: fixed('位置', 'Where'),
  fieldReplyWhere: fixed('客服回复位置', 'Agent’s reply at'),
  evidenceRatioMissed: {
    zh: (p: { total: number; sample: number }) => `${p.sample} 条记录中 ${p.total} 条未达成`,
    en: (p: { total: number; sample: number }) => `${p.total} of ${p.sample} records missed`,
  },
  evidenceRatioCounted: {
    zh: (p: { total: number; sample: number }) => `${p.sample} 条记录中 ${p.total} 条计入(越少越好)`,
    en: (p: { total: number; sample: number }) =>
      `${p.total} of ${p.sample} records counted (fewer is better)`,
  },
  evidenceDetractors: {
    zh: (p: { total: number; sample: number }) => `${p.sample} 份评价中 ${p.total} 份为贬损(0–6 分)`,
    en: (p: { total: number; sample: number }) => `${p.total} of ${p.sample} ratings are detractors (0–6)`,
  },
  evidenceBelowTarget: {
    zh: (p: { below: number; total: number }) => `${p.below} 条未达目标的记录(共 ${p.total} 条计入)`,
    en: (p: { below: number; total: number }) =>
      `${p.below} records missing the target (of ${p.total} counted)`,
  },
  evidenceAtLeastBelowTarget: {
    zh: (p: { below: number; total: number }) => `至少 ${p.below} 条未达目标的记录(共 ${p.total} 条计入)`,
    en: (p: { below: number; total: number }) =>
      `at least ${p.below} records missing the target (of ${p.total} counted)`,
  },
  evidenceWorstFirst: {
    zh: (p: { total: number; shown: number }) => `${p.total} 条计入的记录,最差的 ${p.shown} 条在前`,
    en: (p: { total: number; shown: number }) => `${p.total} records counted, the worst ${p.shown} first`,
  },
  // Policy format 2 (docs/scorecards.md).
  groups: fixed('考核维度', 'Groups'),
  group: fixed('维度', 'Group'),
  subtotal: fixed('维度分', 'Subtotal'),
  flags: fixed('需关注', 'Needs attention'),
  flagCounts: fixed('需关注标记', 'Flags raised'),
  flagNote: fixed('需关注标记不影响等级。', 'Flags do not change the grade.'),
  forcedDistribution: fixed('强制分布', 'Forced distribution'),
  tieBreakers: fixed('总分相同时比较', 'Equal totals ordered by'),
  maxShare: fixed('最多占比', 'At most'),
  minShare: fixed('最少占比', 'At least'),
  gradeByScore: fixed('按分数', 'By score'),
  distributionPlace: {
    zh: (p: { position: number; of: number }) =>
      `在本考核表 ${p.of} 名参评客服中排第 ${p.position} 位(按总分、并列比较指标、工号)。`,
    en: (p: { position: number; of: number }) =>
      `Placed ${p.position} of the scorecard's ${p.of} rated agents (by total, the tie-breakers, then agent id).`,
  },
  distributionMove: {
    zh: (p: {
      from: string;
      to: string;
      rule: 'max_share' | 'min_share';
      grade: string;
      share: string;
      limit: number;
    }) =>
      p.rule === 'max_share'
        ? `${p.from} → ${p.to}:${p.grade} 最多占 ${p.share}(${p.limit} 人),本人排在其后。`
        : `${p.from} → ${p.to}:${p.grade} 至少占 ${p.share}(${p.limit} 人),由排名最后的客服补足。`,
    en: (p: {
      from: string;
      to: string;
      rule: 'max_share' | 'min_share';
      grade: string;
      share: string;
      limit: number;
    }) =>
      p.rule === 'max_share'
        ? `${p.from} → ${p.to}: ${p.grade} is at most ${p.share} (${p.limit} agents), and this agent was placed after them.`
        : `${p.from} → ${p.to}: ${p.grade} is at least ${p.share} (${p.limit} agents), filled from the lowest placed.`,
  },
  segmentsOf: {
    zh: (p: { metric: string; field: string }) => `${p.metric}:按 ${p.field} 分段`,
    en: (p: { metric: string; field: string }) => `${p.metric}: by ${p.field}`,
  },
  segment: fixed('分段', 'Segment'),
  segmentsWeighted: fixed('按样本加权', 'Weighted by sample'),
  quotas: fixed('个人目标', 'Per-agent targets'),
  quotaFrom: fixed('来源', 'From'),
  quotaScorecard: fixed('考核表统一目标(无个人目标行)', 'The scorecard\u2019s target (no row of its own)'),
  quotaPolicy: {
    zh: (p: { target: string; floor: string }) =>
      `每位客服的目标值和底线值取自数据的 targets 表(本期间的行);没有行的客服按 ${p.target} / ${p.floor}`,
    en: (p: { target: string; floor: string }) =>
      `Each agent's target and floor come from the data's targets table (the period's rows); an agent without a row is scored by ${p.target} / ${p.floor}`,
  },
  quotaRow: {
    zh: (p: { file: string; line: number }) => `targets 表 ${p.file} 第 ${p.line} 行`,
    en: (p: { file: string; line: number }) => `targets row ${p.file}:${p.line}`,
  },
  rewards: fixed('绩效奖金', 'Rewards'),
  coefficient: fixed('绩效系数', 'Coefficient'),
  bonusBase: fixed('奖金基数', 'Bonus base'),
  bonus: fixed('绩效奖金', 'Bonus'),
  awards: fixed('奖项', 'Awards'),
  awardPlace: {
    zh: (p: { place: number }) => `第 ${p.place} 名`,
    en: (p: { place: number }) => `place ${p.place}`,
  },
  rewardTotal: fixed('合计', 'Total'),
  rewardTotals: fixed('奖金合计', 'Reward totals'),
  rewardedAgents: fixed(
    '纳入奖金核算的客服(含奖金为 0)',
    'Agents in the bonus calculation (a bonus of 0 included)',
  ),
  payroll: fixed('薪资导出', 'Payroll export'),
  notRatedCoefficient: fixed('未参评', 'Not rated'),
  places: fixed('名额', 'Places'),
  groupNoScore: fixed(
    '本维度没有得分的指标,权重由其他维度按比例分摊',
    'no metric of this group has a score; the other groups share its weight',
  ),
  // The calibration page (docs/calibration.md).
  calibrate: fixed('校准', 'Calibrate'),
  calibrateTitle: {
    zh: (p: { scorecard: string }) => `校准:${p.scorecard}`,
    en: (p: { scorecard: string }) => `Calibrate: ${p.scorecard}`,
  },
  calibrateLinks: fixed('校准(假如改一改目标和权重)', 'Calibrate (what if targets and weights changed)'),
  calibrateFromMonths: fixed(
    '本期间没有校准页:它的总分是参评各月总分的平均,不是按本期间的指标计分的。要试改目标和权重,请在各月的页面上校准。',
    "No calibration page for this period: its totals are the means of the rated months' totals, not a scoring of this period's metrics. To try other targets and weights, calibrate a month.",
  ),
  calibrateIntro: fixed(
    '从本期间发布的策略和每位客服发布的指标值出发:修改下面的数字,页面用引擎同一套计分代码重新计算每位客服的得分、等级和排名。',
    "Starting from the period's published policy and every agent's published metric values: change the numbers below and the page scores every agent again, grade and rank, with the engine's own scoring code.",
  ),
  calibrateFixed: fixed(
    '不能由发布值重算、按发布时固定的内容:剔除规则(去掉了哪些记录)、指标值与样本量本身、分段指标各段的值、申诉的结果(作废的指标和否决项)、以及参评条件、否决项和标记所读取的客服事实。目标、权重等改动只改变计分,不改变这些。',
    'Fixed as published, since they cannot be recomputed from published values: the exclusions (which records were removed), the metric values and samples themselves, the values of segments, the outcome of appeals (voided metrics and vetoes), and the agent facts that eligibility, vetoes and flags read. Changing targets or weights changes the scoring only, not these.',
  ),
  calibrateNoScript: fixed(
    '校准页需要 JavaScript 才能重新计算;其余页面都不需要。',
    'The calibration page needs JavaScript to recompute; no other page does.',
  ),
  calibrateItems: fixed('考核指标', 'Scored metrics'),
  calibrateGroups: fixed('考核维度权重', 'Group weights'),
  calibrateGrades: fixed('等级线(最低分)', 'Grade thresholds (min score)'),
  calibrateAdjustments: fixed('加减分', 'Adjustments'),
  calibrateVetoes: fixed('一票否决阈值', 'Veto thresholds'),
  calibrateDistribution: fixed('强制分布比例', 'Forced distribution shares'),
  calibrateField: fixed('项目', 'Item'),
  calibrateValue: fixed('数值', 'Value'),
  calibratePublished: fixed('发布值', 'Published'),
  calibrateReset: fixed('恢复发布值', 'Reset to published'),
  calibrateResult: fixed('重新计算的结果', 'Recomputed'),
  calibrateBefore: fixed('发布时', 'Published'),
  calibrateAfter: fixed('改动后', 'After the change'),
  calibrateChange: fixed('变化', 'Change'),
  calibrateMean: fixed('平均总分(参评客服)', 'Mean total score (rated agents)'),
  calibrateMovers: fixed('等级变化的客服', 'Agents whose grade moves'),
  calibrateCause: fixed('主要原因', 'What moved them'),
  calibrateNoMovers: fixed('没有客服的等级变化。', "No agent's grade moves."),
  calibrateWeightless: fixed('权重几乎不起作用的指标', 'Metrics whose weight hardly matters'),
  calibrateWeightlessNote: fixed(
    '把这些指标的权重改为 0(其余不变),没有任何客服的等级会变化:',
    "Setting the weight of these metrics to 0 (the others as they are) moves no agent's grade:",
  ),
  calibrateYaml: fixed('改动的 YAML', 'The change as YAML'),
  calibrateYamlNote: fixed(
    '以下是策略文件中改动的行(行号为发布版本中的行号)。把完整的新版本文件另存为新的生效日期文件,改 version 和 effective_from,提交 pull request,再用 scorebook impact 在真实数据上确认:',
    'The lines of the policy file that change (numbered as in the published version). Save the whole new version as a file of a new effective date, change version and effective_from, open a pull request and confirm it on the real data with scorebook impact:',
  ),
  calibrateYamlNoteLater: {
    zh: (p: { latest: string }) =>
      `以下是策略文件中改动的行(行号为本期间版本中的行号)。本策略之后已有版本 ${p.latest}:请把这些改动的行改进最新版本的文件,另存为新的生效日期文件,改 version 和 effective_from,提交 pull request,再用 scorebook impact 在真实数据上确认。不要把下面本期间版本的完整文件整体另存:那会去掉之后版本加进来的内容。`,
    en: (p: { latest: string }) =>
      `The lines of the policy file that change (numbered as in this period's version). The policy has a later version, ${p.latest}: make these changed lines in the latest version's file, save it as a file of a new effective date, change version and effective_from, open a pull request and confirm it on the real data with scorebook impact. Do not save this period's whole file below as it is: that would remove what the later versions added.`,
  },
  calibrateLaterVersion: {
    zh: (p: { version: string; period: string; latest: string; latestPeriod: string; latestFile: string }) =>
      `这是版本 ${p.version},适用于 ${p.period};${p.latest}(已发布于 ${p.latestPeriod})更新:请在最新版本的文件(${p.latestFile})中做这些改动的行,不要把这份文件整体另存。`,
    en: (p: { version: string; period: string; latest: string; latestPeriod: string; latestFile: string }) =>
      `This is version ${p.version}, in force for ${p.period}; ${p.latest} (published for ${p.latestPeriod}) is later: make the changed lines in the latest version file (${p.latestFile}) instead of saving this file whole.`,
  },
  calibrateYamlFile: fixed('完整的新版本文件', 'The whole new version file'),
  calibrateNoChange: fixed('还没有改动。', 'Nothing changed yet.'),
  calibrateRefused: fixed(
    '这些改动校验不会通过(与 scorebook validate 相同):',
    'Validation would refuse these changes (as scorebook validate does):',
  ),
  calibrateShare: fixed(
    '本页网址记录了全部改动,可以直接发给同事。',
    "The page's address holds every change: send it to a colleague as it is.",
  ),
  calibrateCauseThreshold: fixed('等级线或强制分布', 'grade thresholds or distribution'),
  calibrateCauseVeto: fixed('一票否决', 'veto'),
  calibrateCauseAdjustment: fixed('加减分', 'adjustments'),
  calibrateSortBy: fixed('排序', 'Sort'),
  calibrateDrift: fixed(
    '注意:按本期间 policy.json 重新计算(未做任何改动)的结果与发布的 results.json 不一致,policy.json 可能在发布后被改动过;“发布时”一栏是重新计算的结果。',
    'Note: scored again from this period’s policy.json with no change, the results differ from the published results.json; policy.json may have been changed after publication. The “Published” column is the recomputation.',
  ),
  calibrateUnitSeconds: fixed('秒', 's'),
  calibrateWeight: fixed('权重', 'weight'),
  calibrateTarget: fixed('目标值', 'target'),
  calibrateFloor: fixed('底线值', 'floor'),
  calibrateMinSample: fixed('最小样本', 'min sample'),
  calibrateLow: fixed('目标下限', 'target low'),
  calibrateHigh: fixed('目标上限', 'target high'),
  calibrateFloorLow: fixed('底线下限', 'floor low'),
  calibrateFloorHigh: fixed('底线上限', 'floor high'),
  calibrateBand: {
    zh: (p: { n: number }) => `第 ${p.n} 档阈值`,
    en: (p: { n: number }) => `band ${p.n} threshold`,
  },
  calibrateBandScore: {
    zh: (p: { n: number }) => `第 ${p.n} 档得分`,
    en: (p: { n: number }) => `band ${p.n} score`,
  },
  calibratePoints: fixed('每单位分数', 'points each'),
  calibrateMin: fixed('下限', 'min'),
  calibrateMax: fixed('上限', 'max'),
  calibrateMaxShare: fixed('最多占比', 'max share'),
  calibrateMinShare: fixed('最少占比', 'min share'),
  calibrateLine: {
    zh: (p: { line: number }) => `第 ${p.line} 行`,
    en: (p: { line: number }) => `line ${p.line}`,
  },
  // Improvement plans (AgentPlans.astro, docs/plans.md).
  plansTitle: fixed('改进计划闭环', 'Improvement plans'),
  plansPrevious: {
    zh: (p: { period: string }) => `上期(${p.period})最弱的指标`,
    en: (p: { period: string }) => `Last period's (${p.period}) worst metrics`,
  },
  plansPreviousFrom: {
    zh: (p: { file: string; policy: string }) => `取自已发布的 ${p.file}(策略 ${p.policy})`,
    en: (p: { file: string; policy: string }) => `From the published ${p.file} (policy ${p.policy})`,
  },
  plansPreviousUnpublished: fixed(
    '上期结果未发布,无法显示。',
    'Last period is not published: nothing to show.',
  ),
  plansPreviousNone: fixed('上期没有低于 100 分的考核指标。', 'No scored metric was below 100 last period.'),
  plansThisPeriod: fixed('本期改进计划及结果', 'This period’s plans and their outcome'),
  plansNone: fixed('本期没有改进计划。', 'No improvement plan this period.'),
  planId: fixed('计划编号', 'Plan'),
  planAction: fixed('改进措施', 'Action'),
  planDue: fixed('截止日期', 'Due'),
  planCompletedAt: fixed('完成日期', 'Completed'),
  planOutcome: fixed('结果', 'Outcome'),
  planOutcomeCompleted: fixed('按期完成', 'Done on time'),
  planOutcomeLate: fixed('逾期完成(不计入完成)', 'Done late (not counted as done)'),
  planOutcomeMissed: fixed('未完成', 'Missed'),
  planOutcomeOpen: fixed('进行中(不计入完成)', 'Still open (not counted as done)'),
  planOutcomeCancelled: fixed('已取消(不计入)', 'Cancelled (left out)'),
  planWasWorst: fixed('上期最弱指标', 'a worst metric last period'),
  planNotInScorecard: fixed('不在本人考核表中', 'not in the agent’s scorecard'),
  planRate: {
    zh: (p: { rate: string; done: number; counted: number }) =>
      `按期完成率 ${p.rate}(${p.counted} 项计划中按期完成 ${p.done} 项,已取消的不计)`,
    en: (p: { rate: string; done: number; counted: number }) =>
      `Completion rate ${p.rate} (${p.done} of ${p.counted} plans done on time; cancelled ones left out)`,
  },
});

/** A key of the site's catalogue. */
export type SiteTextKey = keyof typeof SITE_TEXT;

/** A key of the catalogue whose text takes no parameters. */
export type FixedTextKey = {
  [K in SiteTextKey]: ArgsOf<(typeof SITE_TEXT)[K]> extends [] ? K : never;
}[SiteTextKey];

/** A text of the site's interface in a language, with the parameters its entry takes. */
export function t<K extends SiteTextKey>(lang: Lang, key: K, ...args: ArgsOf<(typeof SITE_TEXT)[K]>): string {
  return textOf(SITE_TEXT, lang, key, ...args);
}

/**
 * A text from the data that may have an English version (`title` / `title_en`, `reason` /
 * `reason_en`, `label` / `label_en`): the Chinese one, or in English the English one when given.
 */
export function localized(lang: Lang, text: string, textEn: string | null): string {
  return lang === 'en' && textEn !== null ? textEn : text;
}

/** The other language, for the switch on every page. */
export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

const STATUS_KEYS = {
  scored: 'statusScored',
  insufficient: 'statusInsufficient',
  no_data: 'statusNoData',
  info: 'statusInfo',
  appealed: 'statusAppealed',
  rated: 'statusRated',
  not_rated: 'statusNotRated',
} as const satisfies Record<MetricStatus | AgentResult['status'], SiteTextKey>;

/** A metric's or an agent's status in words. */
export function statusWord(lang: Lang, status: MetricStatus | AgentResult['status']): string {
  return t(lang, STATUS_KEYS[status]);
}

const KIND_KEYS = {
  mean: 'kindMean',
  median: 'kindMedian',
  p90: 'kindP90',
  sum: 'kindSum',
  count: 'kindCount',
  ratio: 'kindRatio',
  nps: 'kindNps',
  distinct_count: 'kindDistinctCount',
  formula: 'kindFormula',
  rating: 'kindRating',
} as const satisfies Record<MetricKind | 'formula' | 'rating', SiteTextKey>;

/** A metric's kind in words. */
export function kindWord(lang: Lang, kind: MetricKind | 'formula' | 'rating'): string {
  return t(lang, KIND_KEYS[kind]);
}
