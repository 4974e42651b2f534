/** Languages of the site: Chinese first, English on every page. */
export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

const WORDS = {
  siteTitle: ['Scorebook 客服绩效报告', 'Scorebook performance reports'],
  home: ['首页', 'Home'],
  periods: ['考核期间', 'Periods'],
  period: ['期间', 'Period'],
  policy: ['策略', 'Policy'],
  policies: ['策略', 'Policies'],
  version: ['版本', 'Version'],
  agents: ['客服', 'Agents'],
  agent: ['客服', 'Agent'],
  rated: ['参评', 'Rated'],
  notRated: ['未参评', 'Not rated'],
  grade: ['等级', 'Grade'],
  grades: ['等级分布', 'Grade distribution'],
  team: ['班组', 'Team'],
  teams: ['班组', 'Teams'],
  teamAverages: ['班组平均分', 'Team averages'],
  rank: ['排名', 'Rank'],
  total: ['总分', 'Total'],
  base: ['基础分', 'Base score'],
  adjustments: ['加减分', 'Adjustments'],
  vetoes: ['一票否决', 'Vetoes'],
  metric: ['指标', 'Metric'],
  metrics: ['指标', 'Metrics'],
  value: ['实际值', 'Value'],
  target: ['目标值', 'Target'],
  floor: ['底线值', 'Floor'],
  bands: ['分档', 'Bands'],
  score: ['得分', 'Score'],
  weight: ['权重', 'Weight'],
  contribution: ['贡献', 'Contribution'],
  sample: ['样本', 'Sample'],
  status: ['状态', 'Status'],
  scorecard: ['考核表', 'Scorecard'],
  worstMetrics: ['最需改进的三个指标', 'Three metrics furthest below target'],
  trend: ['历史趋势', 'Trend over past periods'],
  evidence: ['依据记录', 'Records behind the numbers'],
  excludedRecords: ['被剔除的记录', 'Excluded records'],
  exclusions: ['剔除规则', 'Exclusions'],
  exclusionsApplied: ['本期剔除', 'Exclusions applied'],
  reason: ['原因', 'Reason'],
  count: ['数量', 'Count'],
  ranking: ['排名表', 'Ranking'],
  search: ['按姓名或工号搜索', 'Search by name or id'],
  heatmap: ['班组 × 指标达标情况', 'Metric by team against target'],
  belowTarget: ['未达标最多的指标', 'Metrics most often below target'],
  movements: ['与上期相比的等级变化', 'Grade movements against the previous period'],
  noPrevious: ['没有上一期的数据。', 'No previous period to compare with.'],
  noMovements: ['没有客服的等级发生变化。', 'No agent changed grade.'],
  up: ['上升', 'Up'],
  down: ['下降', 'Down'],
  audit: ['审计', 'Audit'],
  provenance: ['来源与校验', 'Provenance'],
  inputs: ['输入数据', 'Inputs'],
  rows: ['行数', 'Rows'],
  rejected: ['被拒绝', 'Rejected'],
  excluded: ['被剔除', 'Excluded'],
  engine: ['引擎版本', 'Engine version'],
  verifyCommand: [
    '复核命令(重新计算并逐字节比较)',
    'Command that re-verifies it (recompute and compare byte for byte)',
  ],
  downloads: ['下载', 'Downloads'],
  definition: ['定义', 'Definition'],
  condition: ['条件', 'Condition'],
  distribution: ['分布', 'Distribution'],
  members: ['成员', 'Members'],
  average: ['平均', 'Average'],
  sourceYaml: ['YAML 原文', 'Source YAML'],
  governed: ['适用的期间', 'Periods it governed'],
  diffPrevious: ['与上一版本的差异', 'Difference from the previous version'],
  firstVersion: ['这是第一个版本。', 'This is the first version.'],
  effectiveFrom: ['生效日期', 'Effective from'],
  businessHours: ['营业时间', 'Business hours'],
  closed: ['休息', 'closed'],
  holidays: ['休息日', 'Holidays'],
  eligibility: ['参评条件', 'Eligibility'],
  capGrade: ['封顶等级', 'Grade cap'],
  holds: ['成立', 'holds'],
  doesNotHold: ['不成立', 'does not hold'],
  factValue: ['实际值', 'fact value'],
  policyLine: ['策略位置', 'Policy line'],
  file: ['文件', 'File'],
  line: ['行', 'Line'],
  none: ['无', 'None'],
  print: ['打印', 'Print'],
  language: ['English', '中文'],
  history: ['发布历史', 'Publication history'],
  superseded: ['已被替换的发布', 'Superseded publication'],
  supersededReason: ['替换原因', 'Reason for superseding'],
  agentsRated: ['参评客服', 'Agents rated'],
  employment: ['在职状态', 'Employment'],
  left: ['已离职', 'left'],
  scorecards: ['考核表', 'Scorecards'],
  direction: ['方向', 'Direction'],
  higher: ['越高越好', 'higher is better'],
  lower: ['越低越好', 'lower is better'],
  kind: ['计算方式', 'Kind'],
  table: ['数据表', 'Table'],
  field: ['字段', 'Field'],
  pointsEach: ['每次分值', 'Points each'],
  min: ['下限', 'Min'],
  max: ['上限', 'Max'],
  minSample: ['最小样本', 'Min sample'],
  method: ['计分方式', 'Method'],
  roles: ['岗位', 'Roles'],
  sha256: ['SHA-256', 'SHA-256'],
  redistributed: [
    '权重不计入,由其他有得分的指标按比例分摊',
    'weight left out; the metrics with a score share it in proportion',
  ],
  belowTargetAgents: ['未达标人数', 'Agents below target'],
  skip: ['跳到正文', 'Skip to content'],
} as const;

export type WordKey = keyof typeof WORDS;

/** A word of the interface in a language. */
export function t(lang: Lang, key: WordKey): string {
  return WORDS[key][lang === 'zh' ? 0 : 1];
}

/** The other language, for the switch on every page. */
export function otherLang(lang: Lang): Lang {
  return lang === 'zh' ? 'en' : 'zh';
}

const STATUS: Record<string, [string, string]> = {
  scored: ['已计分', 'scored'],
  insufficient: ['样本不足', 'insufficient sample'],
  no_data: ['无数据', 'no data'],
  info: ['仅供参考', 'for information'],
  rated: ['参评', 'rated'],
  not_rated: ['未参评', 'not rated'],
};

/** A status word (`scored`, `insufficient`, `rated` …) in a language. */
export function statusWord(lang: Lang, status: string): string {
  return STATUS[status]?.[lang === 'zh' ? 0 : 1] ?? status;
}
