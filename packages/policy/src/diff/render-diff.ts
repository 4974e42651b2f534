import { type Condition, formatCondition } from '@scorebook/conditions';
import type { MetricDefinition, MetricKind, Unit } from '@scorebook/contract';
import type { Band, BonusBase, Distribution, ItemSegments, Rewards, TargetRange } from '../model.ts';
import type { ChangeArea, PolicyChange } from './diff-policies.ts';

/** A language of output. */
export type Lang = 'zh' | 'en';

const AREA: Record<ChangeArea, [string, string]> = {
  policy: ['策略', 'Policy'],
  business_hours: ['营业时间', 'Business hours'],
  exclusion: ['剔除规则', 'Exclusion'],
  metric: ['自定义指标', 'Policy metric'],
  grade: ['等级', 'Grade'],
  scorecard: ['考核表', 'Scorecard'],
  eligibility: ['参评条件', 'Eligibility'],
  group: ['考核维度', 'Group'],
  scored: ['考核指标', 'Scored metric'],
  adjustment: ['加减分', 'Adjustment'],
  veto: ['一票否决', 'Veto'],
  flag: ['需关注标记', 'Flag'],
  distribution: ['强制分布', 'Forced distribution'],
  reward: ['绩效系数与奖金', 'Rewards'],
  award: ['奖项', 'Award'],
  appeals: ['申诉规则', 'Appeal rules'],
  periods: ['季度/年度考核方式', 'Quarters and years'],
};

const FIELD: Record<string, [string, string]> = {
  weight: ['权重', 'weight'],
  target: ['目标值', 'target'],
  floor: ['底线值', 'floor'],
  bands: ['分档', 'bands'],
  min_sample: ['最小样本', 'min sample'],
  method: ['计分方式', 'method'],
  range: ['两侧目标', 'two-sided target'],
  segments: ['分段目标', 'segmented targets'],
  quota: ['个人目标', 'per-agent targets'],
  max_share: ['最多占比', 'at most'],
  min_share: ['最少占比', 'at least'],
  tie_breakers: ['并列时比较', 'tie-breakers'],
  coefficient: ['绩效系数', 'coefficient'],
  not_rated: ['未参评系数', 'coefficient when not rated'],
  base: ['奖金基数', 'bonus base'],
  top: ['名额', 'places'],
  amount: ['奖金', 'amount'],
  when: ['条件', 'condition'],
  reason: ['原因', 'reason'],
  reason_en: ['英文原因', 'English reason'],
  cap_grade: ['封顶等级', 'grade cap'],
  points_each: ['每次分值', 'points each'],
  min: ['下限', 'min'],
  max: ['上限', 'max'],
  min_score: ['最低分', 'min score'],
  label: ['名称', 'label'],
  label_en: ['英文名称', 'English label'],
  description_en: ['英文说明', 'English description'],
  order: ['顺序(决定行计入哪条剔除规则)', 'order (decides the exclusion a row counts under)'],
  title: ['名称', 'title'],
  title_en: ['英文名称', 'English title'],
  roles: ['岗位', 'roles'],
  scorebook: ['格式', 'format'],
  version: ['版本号', 'version'],
  effective_from: ['生效日期', 'effective date'],
  description: ['说明', 'description'],
  timezone: ['时区', 'timezone'],
  intervals: ['营业时段', 'opening hours'],
  dates: ['休息日', 'closed dates'],
  table: ['数据表', 'table'],
  kind: ['计算方式', 'kind'],
  better: ['方向', 'direction'],
  unit: ['单位', 'unit'],
  field: ['字段', 'field'],
  numerator: ['分子', 'numerator'],
  denominator: ['分母', 'denominator'],
  formula: ['公式', 'formula'],
  dimension: ['评分维度', 'rating dimension'],
  rater_roles: ['评分人角色权重', 'rater role weights'],
  min_raters: ['最少评分人数', 'minimum raters'],
  include_self: ['计入自评', 'self ratings counted'],
  metric: ['指标', 'metric'],
  group: ['考核维度', 'group'],
};

/** The words of one change: where it is, what changed, and the values before and after. */
export function describeChange(
  change: PolicyChange,
  lang: Lang,
): { where: string; what: string; before: string; after: string } {
  const i = lang === 'zh' ? 0 : 1;
  const parts = [AREA[change.area][i]];
  if (change.scorecard !== null && change.area !== 'scorecard')
    parts.unshift(`${AREA.scorecard[i]} ${change.scorecard}`);
  if (change.area === 'scorecard' && change.scorecard !== null) parts.push(change.scorecard);
  if (change.subject !== null) parts.push(change.subject);
  const kindWords =
    lang === 'zh'
      ? { added: '新增', removed: '删除', changed: '修改' }
      : { added: 'added', removed: 'removed', changed: 'changed' };
  const what = change.field === null ? kindWords[change.kind] : `${FIELD[change.field]?.[i] ?? change.field}`;
  return {
    where: parts.join(' › '),
    what,
    before: formatValue(change.before, change.field, change.unit, lang, change.ratio_facts),
    after: formatValue(change.after, change.field, change.unit, lang, change.ratio_facts),
  };
}

/** The changes as text for a terminal, one line each. */
export function renderDiffText(changes: readonly PolicyChange[], lang: Lang, title: string): string {
  if (changes.length === 0)
    return lang === 'zh' ? `${title}\n含义上没有差异。\n` : `${title}\nNo difference in meaning.\n`;
  const lines = [title];
  for (const change of changes) {
    const d = describeChange(change, lang);
    const arrow =
      change.kind === 'changed'
        ? `${d.before} → ${d.after}`
        : change.kind === 'added'
          ? `+ ${d.after}`
          : `- ${d.before}`;
    lines.push(`  ${d.where}: ${d.what} ${arrow}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The changes as a Markdown table, for a pull-request comment. */
export function renderDiffMarkdown(changes: readonly PolicyChange[], lang: Lang, title: string): string {
  if (changes.length === 0)
    return `### ${title}\n\n${lang === 'zh' ? '含义上没有差异。' : 'No difference in meaning.'}\n`;
  const head = lang === 'zh' ? '| 位置 | 变更 | 之前 | 之后 |' : '| Where | Change | Before | After |';
  const rows = changes.map((change) => {
    const d = describeChange(change, lang);
    return `| ${cell(d.where)} | ${cell(d.what)} | ${cell(d.before)} | ${cell(d.after)} |`;
  });
  return `### ${title}\n\n${head}\n|---|---|---|---|\n${rows.join('\n')}\n`;
}

/**
 * A condition of the policy in words, a number compared with one of `ratioFacts` (ratio metrics,
 * {@link PolicyChange.ratio_facts}) as the percentage it is (`0.02` → `2%`, as a target of that
 * metric is written); every other literal as JSON.
 */
export function formatPolicyCondition(
  condition: Condition,
  lang: Lang,
  ratioFacts: readonly string[] = [],
): string {
  return formatCondition(condition, lang, {
    literal: (leaf) =>
      leaf.path === undefined && typeof leaf.value === 'number' && ratioFacts.includes(leaf.fact)
        ? formatQuantity(leaf.value, 'ratio')
        : null,
  });
}

/** A quantity in its unit: fractions as percentages, seconds with `s`. */
export function formatQuantity(value: number, unit: Unit | null): string {
  if (unit === 'ratio') return `${Number((value * 100).toPrecision(12))}%`;
  if (unit === 'seconds') return `${Number(value.toPrecision(12))}s`;
  return String(Number(value.toPrecision(12)));
}

/**
 * A two-sided target as `180s–480s (0 ≤ 60s, ≥ 900s)` (zh: `(≤ 60s 或 ≥ 900s 为 0)`), in the
 * metric's unit.
 */
export function formatRange(range: TargetRange, unit: Unit | null, lang: Lang = 'en'): string {
  const q = (v: number) => formatQuantity(v, unit);
  const inside = `${q(range.low)}–${q(range.high)}`;
  return lang === 'zh'
    ? `${inside}(≤ ${q(range.floor_low)} 或 ≥ ${q(range.floor_high)} 为 0)`
    : `${inside} (0 at ≤ ${q(range.floor_low)} or ≥ ${q(range.floor_high)})`;
}

/** Segmented targets as `channel:chat 85%(底线 60%)· email 70%(底线 40%)`, goals in the metric's unit. */
export function formatSegments(s: ItemSegments, unit: Unit | null, lang: Lang = 'en'): string {
  const q = (v: number) => formatQuantity(v, unit);
  const each = s.segments.map((g) =>
    lang === 'zh'
      ? `${String(g.value)} ${q(g.target)}(底线 ${q(g.floor)})`
      : `${String(g.value)} ${q(g.target)} (floor ${q(g.floor)})`,
  );
  return lang === 'zh' ? `${s.field}:${each.join('· ')}` : `${s.field}: ${each.join(' · ')}`;
}

/** Bands as `≥95→100, ≥85→80`, thresholds in the metric's unit; `—` for none. */
export function formatBands(bands: readonly Band[], unit: Unit | null): string {
  return (
    bands
      .map((b) => `${b.bound === 'at_least' ? '≥' : '≤'}${formatQuantity(b.value, unit)}→${b.score}`)
      .join(', ') || '—'
  );
}

function formatValue(
  value: unknown,
  field: string | null,
  unit: Unit | null,
  lang: Lang,
  ratioFacts: readonly string[] = [],
): string {
  if (value === null || value === undefined) return '—';
  if (field === 'quota')
    return value === true
      ? lang === 'zh'
        ? '取 targets 表'
        : 'from the targets table'
      : lang === 'zh'
        ? '不取'
        : 'none';
  if (typeof value === 'number')
    return field === 'target' || field === 'floor' || field === 'max_share' || field === 'min_share'
      ? formatQuantity(value, unit)
      : String(value);
  if (typeof value === 'string') return oneLine(value);
  if (Array.isArray(value) && field === 'bands') {
    return formatBands(value as Band[], unit);
  }
  if (field === 'range') return formatRange(value as TargetRange, unit, lang);
  if (field === 'segments') return formatSegments(value as ItemSegments, unit, lang);
  if (Array.isArray(value)) return value.join(', ') || '—';
  if (field === 'when' || field === 'where')
    return formatPolicyCondition(value as Condition, lang, ratioFacts);
  if (field === 'numerator' || field === 'denominator') {
    const side = value as { table: string; where: Condition | null };
    return side.where === null ? side.table : `${side.table}: ${formatCondition(side.where, lang)}`;
  }
  const record = value as Record<string, unknown>;
  if (Array.isArray(record.grades) && Array.isArray(record.tie_breakers))
    return formatDistribution(record as unknown as Pick<Distribution, 'grades' | 'tie_breakers'>, lang);
  if (field === 'base') return formatBonusBase(value as BonusBase, lang);
  if (typeof record.top === 'number' && typeof record.metric === 'string') {
    const amount = typeof record.amount === 'number' ? record.amount : null;
    return lang === 'zh'
      ? `${String(record.title)}:${record.metric} 前 ${record.top} 名${amount === null ? '' : `,每人 ${amount}`}`
      : `${String(record.title)}: top ${record.top} by ${record.metric}${amount === null ? '' : `, ${amount} each`}`;
  }
  if (Array.isArray(record.coefficients))
    return formatRewards(record as unknown as Omit<Rewards, 'source'>, lang);
  if (Array.isArray(record.roles) && (Array.isArray(record.scored) || Array.isArray(record.groups)))
    return formatScorecard(record, lang);
  if (typeof record.kind === 'string' && typeof record.better === 'string')
    return formatMetricDefinition(record as unknown as MetricDefinition, lang);
  if (record.when !== undefined) {
    const rest = Object.entries(record)
      .filter(([k, v]) => k !== 'when' && v !== null)
      .map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`);
    return [...rest, formatPolicyCondition(record.when as Condition, lang, ratioFacts)].join('; ');
  }
  if (record.metric !== undefined && record.weight !== undefined) {
    const target = typeof record.target === 'number' ? formatQuantity(record.target, unit) : null;
    const floor = typeof record.floor === 'number' ? formatQuantity(record.floor, unit) : null;
    const w = lang === 'zh' ? '权重' : 'weight';
    return [`${w} ${record.weight}`, target && `target ${target}`, floor && `floor ${floor}`]
      .filter(Boolean)
      .join(', ');
  }
  return JSON.stringify(value);
}

// An added or removed scorecard in one line: its title, roles and scored items with their weights
// (a group's items after its title and weight), not its JSON.
function formatScorecard(card: Record<string, unknown>, lang: Lang): string {
  const items = (list: unknown): string =>
    (Array.isArray(list) ? list : [])
      .map((item: { metric?: unknown; weight?: unknown }) => `${String(item.metric)} ${String(item.weight)}`)
      .join(lang === 'zh' ? '、' : ', ');
  const scored = Array.isArray(card.groups)
    ? (card.groups as Array<{ title?: unknown; weight?: unknown; scored?: unknown }>)
        .map((g) => `${String(g.title)} ${String(g.weight)}(${items(g.scored)})`)
        .join(lang === 'zh' ? ';' : '; ')
    : items(card.scored);
  const roles = (card.roles as unknown[]).map(String).join(', ');
  const title = lang === 'en' && typeof card.title_en === 'string' ? card.title_en : String(card.title);
  return lang === 'zh'
    ? `${title}(岗位 ${roles}):计分 ${scored}`
    : `${title} (roles ${roles}): scored ${scored}`;
}

const KIND: Record<MetricKind | 'formula' | 'rating', [string, string]> = {
  mean: ['平均值', 'mean'],
  median: ['中位数', 'median'],
  p90: ['P90', 'p90'],
  sum: ['合计', 'sum'],
  count: ['计数', 'count'],
  ratio: ['比率', 'ratio'],
  nps: ['NPS', 'NPS'],
  distinct_count: ['去重计数', 'distinct count'],
  formula: ['公式', 'formula'],
  rating: ['评分', 'rating'],
};

const UNIT_ZH: Partial<Record<Unit, string>> = { seconds: '秒', amount: '金额', score: '分', ratio: '比率' };

/**
 * A policy's own metric as one line: its title, kind, direction and what it reads —
 * `长通话占比 — 比率,越低越好:conversations(handle_seconds 大于 1800)÷ conversations`,
 * `Median handle — median of conversations.handle_seconds (seconds), lower is better`.
 */
export function formatMetricDefinition(m: MetricDefinition, lang: Lang): string {
  const zh = lang === 'zh';
  const rows = (table: string | null, where: Condition | null) =>
    `${table ?? '—'}${where === null ? '' : zh ? `(${formatCondition(where, lang)})` : ` (${formatCondition(where, lang)})`}`;
  const title = zh ? m.title : (m.title_en ?? m.title);
  const better = zh ? (m.better === 'higher' ? '越高越好' : '越低越好') : `${m.better} is better`;
  const kind = KIND[m.kind][zh ? 0 : 1];
  if (m.kind === 'formula')
    return zh ? `${title} — ${kind} ${m.formula},${better}` : `${title} — ${kind} ${m.formula}, ${better}`;
  if (m.kind === 'rating') {
    const roles = Object.entries(m.roles)
      .map(([role, w]) => `${role} ${w}`)
      .join(', ');
    const dims = m.dimension === null ? '' : ` ${zh ? '维度' : 'dimension'} ${m.dimension.join(', ')}`;
    const self = m.include_self ? (zh ? ',计入自评' : ', self counted') : '';
    const reads = `${rows('ratings', m.where)}${dims} [${roles}] min_raters ${m.min_raters}${self}`;
    return zh ? `${title} — ${kind},${better}:${reads}` : `${title} — ${kind}, ${better}: ${reads}`;
  }
  if (m.kind === 'ratio') {
    const reads = `${rows(m.numerator?.table ?? null, m.numerator?.where ?? null)} ÷ ${rows(m.denominator?.table ?? null, m.denominator?.where ?? null)}`;
    return zh ? `${title} — ${kind},${better}:${reads}` : `${title} — ${kind}, ${better}: ${reads}`;
  }
  const source =
    m.field === null
      ? rows(m.table, m.where)
      : `${m.table ?? '—'}.${m.field}${m.where === null ? '' : zh ? `(${formatCondition(m.where, lang)})` : ` (${formatCondition(m.where, lang)})`}`;
  const unit = m.unit === null ? '' : zh ? `,单位${UNIT_ZH[m.unit] ?? ` ${m.unit}`}` : ` (${m.unit})`;
  return zh
    ? `${title} — ${source} 的${kind}${unit},${better}`
    : `${title} — ${kind} of ${source}${unit}, ${better}`;
}

/** A forced distribution as `S ≤ 10%, A ≤ 20%, D ≥ 5%; 并列时比较 csat_rate`. */
export function formatDistribution(d: Pick<Distribution, 'grades' | 'tie_breakers'>, lang: Lang): string {
  const shares = d.grades.flatMap((r) => [
    ...(r.max_share === null ? [] : [`${r.grade} ≤ ${formatQuantity(r.max_share, 'ratio')}`]),
    ...(r.min_share === null ? [] : [`${r.grade} ≥ ${formatQuantity(r.min_share, 'ratio')}`]),
  ]);
  const ties =
    d.tie_breakers.length === 0
      ? ''
      : `; ${lang === 'zh' ? '并列时比较' : 'ties by'} ${d.tie_breakers.join(', ')}`;
  return `${shares.join(', ')}${ties}`;
}

/** A bonus base: the amount, or `客服表 bonus_base(为空时 2000)` / `agents.bonus_base (2000 when empty)`. */
export function formatBonusBase(base: BonusBase | null, lang: Lang): string {
  if (base === null) return '—';
  if (base.kind === 'amount') return String(base.amount);
  const fallback =
    base.default === null ? '' : lang === 'zh' ? `(为空时 ${base.default})` : ` (${base.default} when empty)`;
  return lang === 'zh' ? `客服表 ${base.field}${fallback}` : `agents.${base.field}${fallback}`;
}

/** Rewards as `S 1.5 · A 1.2 · B 1; 基数 2000`. */
export function formatRewards(r: Pick<Rewards, 'coefficients' | 'not_rated' | 'base'>, lang: Lang): string {
  const parts = [r.coefficients.map((c) => `${c.grade} ${c.coefficient}`).join(' · ')];
  if (r.not_rated !== null) parts.push(`${lang === 'zh' ? '未参评' : 'not rated'} ${r.not_rated}`);
  if (r.base !== null) parts.push(`${lang === 'zh' ? '基数' : 'base'} ${formatBonusBase(r.base, lang)}`);
  return parts.join('; ');
}

function oneLine(text: string): string {
  const flat = text.replace(/\s*\n\s*/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
