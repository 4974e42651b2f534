import type { AgentResult, MetricKind, MetricStatus } from '@scorebook/contract';
import { type ArgsOf, defineCatalogue, fixed, type Lang, textOf } from '@scorebook/problems';

export type { Lang } from '@scorebook/problems';

/** Languages of the site: Chinese first, English on every page. */
export const LANGS: readonly Lang[] = ['zh', 'en'];

/**
 * Every text of the site's interface, in the catalogue style of `@scorebook/problems`: one entry
 * per key, both languages, typed parameters where the text takes values. Keys are permanent.
 */
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
  trend: fixed('历史趋势', 'Trend over past periods'),
  evidence: fixed('依据记录', 'Records behind the numbers'),
  evidenceAgainst: {
    zh: (p: { total: number }) => `${p.total} 条拉低该指标的记录`,
    en: (p: { total: number }) => `${p.total} records that counted against it`,
  },
  evidenceCounted: {
    zh: (p: { total: number }) => `${p.total} 条计入的记录`,
    en: (p: { total: number }) => `${p.total} records counted`,
  },
  firstShown: {
    zh: (p: { shown: number }) => `仅显示前 ${p.shown} 条。`,
    en: (p: { shown: number }) => `First ${p.shown} shown.`,
  },
  excludedRecords: fixed('被剔除的记录', 'Excluded records'),
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
  supersededReason: fixed('替换原因', 'Reason for superseding'),
  agentsRated: fixed('参评客服', 'Agents rated'),
  left: fixed('已离职', 'left'),
  direction: fixed('方向', 'Direction'),
  higher: fixed('越高越好', 'higher is better'),
  lower: fixed('越低越好', 'lower is better'),
  kind: fixed('计算方式', 'Kind'),
  table: fixed('数据表', 'Table'),
  field: fixed('字段', 'Field'),
  pointsEach: fixed('每次分值', 'Points each'),
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
  alteredNote: {
    zh: (p: { files: string }) =>
      `警告:${p.files} 与 manifest.json 记录的哈希不一致(发布后被修改或删除),本页显示的是现在的文件。请用 scorebook verify 复核。`,
    en: (p: { files: string }) =>
      `Warning: ${p.files} no longer match the hashes manifest.json records (changed or removed after publication); this page shows the files as they are now. Re-verify with scorebook verify.`,
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
    en: (p: { year: number; month: number }) =>
      new Date(Date.UTC(p.year, p.month - 1, 1)).toLocaleString('en-US', {
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      }),
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
  statusScored: fixed('已计分', 'scored'),
  statusInsufficient: fixed('样本不足', 'insufficient sample'),
  statusNoData: fixed('无数据', 'no data'),
  statusInfo: fixed('仅供参考', 'for information'),
  statusRated: fixed('参评', 'rated'),
  statusNotRated: fixed('未参评', 'not rated'),
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
  rewardedAgents: fixed('有奖金的客服', 'Agents with a reward'),
  payroll: fixed('薪资导出', 'Payroll export'),
  notRatedCoefficient: fixed('未参评', 'Not rated'),
  places: fixed('名额', 'Places'),
  groupNoScore: fixed(
    '本维度没有得分的指标,权重由其他维度按比例分摊',
    'no metric of this group has a score; the other groups share its weight',
  ),
});

/** A key of the site's catalogue. */
export type SiteTextKey = keyof typeof SITE_TEXT;

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
} as const satisfies Record<MetricKind, SiteTextKey>;

/** A metric's kind in words. */
export function kindWord(lang: Lang, kind: MetricKind): string {
  return t(lang, KIND_KEYS[kind]);
}
