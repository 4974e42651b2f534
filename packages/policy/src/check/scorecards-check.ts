import type { Condition } from '@scorebook/conditions';
import { CONFIG_FILE_ERRORS } from '@scorebook/config-file';
import { isMeasuredTable, type MetricDefinition, measuredFields, TABLES } from '@scorebook/contract';
import { messageOf } from '@scorebook/problems';
import { type WeightedEntry, type WeightsNot100, weightsNot100 } from '../errors/catalogue.ts';
import { gradeNamesOf } from '../history-facts.ts';
import type {
  Adjustment,
  Award,
  Band,
  BonusBase,
  Distribution,
  DistributionRule,
  Eligibility,
  Flag,
  Grade,
  ItemSegments,
  Rewards,
  Scorecard,
  ScoredGroup,
  ScoredItem,
  Veto,
} from '../model.ts';
import { agentVocabulary, checkConditionAt, SCORE_FACTS } from './conditions-check.ts';
import { asArray, asNumber, asString, type CheckContext, isRecord, type Path } from './context.ts';
import { checkAgentMappedValues } from './mapped-values-check.ts';
import { suggestMetrics } from './metric-suggestion.ts';
import { parseQuantity } from './quantity.ts';
import { checkQuota } from './quota-check.ts';

// How far over 100% the forced distribution's minimum shares may add up and still count as 100%.
const SHARE_TOLERANCE = 1e-9;

/**
 * Checks the scorecards: roles in one scorecard each, known metrics scored once with weights
 * adding up to 100, quantities in each metric's unit with target and floor in the metric's
 * direction, bands, adjustments, vetoes and eligibility. Returns the scorecards that passed.
 */
export function checkScorecards(
  ctx: CheckContext,
  raw: unknown,
  metrics: readonly MetricDefinition[],
  grades: readonly Grade[],
): Scorecard[] {
  if (!isRecord(raw)) return [];
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const roleOwner = new Map<string, string>();
  const scorecards: Scorecard[] = [];
  for (const [id, card] of Object.entries(raw)) {
    if (!isRecord(card)) continue;
    const path: Path = ['scorecards', id];
    const before = ctx.problems.length;
    asArray(card.roles).forEach((role, i) => {
      if (typeof role !== 'string') return;
      const first = roleOwner.get(role);
      if (first !== undefined)
        ctx.report([...path, 'roles', i], 'ROLE_IN_TWO_SCORECARDS', { role, first, second: id });
      else roleOwner.set(role, id);
    });
    const { scored, groups } = checkScoredOrGroups(ctx, path, id, card, byId);
    const adjustments = checkAdjustments(ctx, path, card.adjustments, byId);
    const vetoes = checkVetoes(ctx, path, card.vetoes, metrics, grades);
    const flags = checkFlags(ctx, path, card.flags, metrics);
    const distribution = checkDistribution(ctx, path, card.distribution, byId, grades);
    const rewards = checkRewards(ctx, path, card.rewards, grades);
    const awards = checkAwards(ctx, path, card.awards, byId);
    const eligibility = checkEligibility(ctx, path, card.eligibility, metrics);
    const failed = ctx.problems.slice(before).some((p) => p.severity === 'error');
    if (!failed && typeof card.title === 'string') {
      scorecards.push({
        id,
        title: card.title,
        title_en: asString(card.title_en),
        roles: asArray(card.roles).filter((r): r is string => typeof r === 'string'),
        eligibility,
        scored,
        groups,
        adjustments,
        vetoes,
        flags,
        distribution,
        rewards,
        awards,
        source: ctx.sourceOf(path),
      });
    }
  }
  return scorecards;
}

/**
 * A scorecard's scored items: a flat `scored` list (one implicit group), or `groups` (v2), each
 * with its weight and its own `scored` list; a metric is scored once in the whole scorecard.
 */
function checkScoredOrGroups(
  ctx: CheckContext,
  path: Path,
  cardId: string,
  card: Record<string, unknown>,
  byId: ReadonlyMap<string, MetricDefinition>,
): { scored: ScoredItem[]; groups: ScoredGroup[] } {
  const seen = new Set<string>();
  if (card.groups === undefined) {
    if (card.scored === undefined) {
      if (ctx.format === 1)
        ctx.add(path, 'MISSING_KEY', messageOf(CONFIG_FILE_ERRORS, 'MISSING_KEY', { key: 'scored' }), {
          anchor: 'key',
        });
      else ctx.report(path, 'SCORECARD_NEEDS_SCORED', { scorecard: cardId }, { anchor: 'key' });
    }
    const scored = checkScored(ctx, [...path, 'scored'], card.scored, byId, seen, null, (sum) =>
      ctx.report([...path, 'scored'], 'WEIGHTS_NOT_100', { scorecard: cardId, ...sum }, { anchor: 'key' }),
    );
    return { scored, groups: [] };
  }
  if (!ctx.v2([...path, 'groups'], '考核维度 groups', 'Scorecard groups')) return { scored: [], groups: [] };
  if (card.scored !== undefined)
    ctx.report([...path, 'scored'], 'SCORED_AND_GROUPS', { scorecard: cardId }, { anchor: 'key' });
  const scored: ScoredItem[] = [];
  const groups: ScoredGroup[] = [];
  const ids = new Set<string>();
  const weights = weightSum();
  asArray(card.groups).forEach((raw, index) => {
    const at: Path = [...path, 'groups', index];
    if (!isRecord(raw)) {
      weights.add(null, null);
      return;
    }
    const id = asString(raw.id);
    const weight = asNumber(raw.weight);
    weights.add(id, weight);
    if (id !== null && ids.has(id))
      ctx.report([...at, 'id'], 'DUPLICATE_ID', { id, what: '考核维度', whatEn: 'group' });
    if (id !== null) ids.add(id);
    const items = checkScored(ctx, [...at, 'scored'], raw.scored, byId, seen, id, (sum) =>
      ctx.report(
        [...at, 'scored'],
        'GROUP_ITEM_WEIGHTS_NOT_100',
        { scorecard: cardId, group: id ?? String(index), ...sum },
        { anchor: 'key' },
      ),
    );
    scored.push(...items);
    const title = asString(raw.title);
    if (id !== null && title !== null && weight !== null)
      groups.push({ id, title, title_en: asString(raw.title_en), weight, source: ctx.sourceOf(at) });
  });
  const sum = weights.notHundred();
  if (sum !== null)
    ctx.report(
      [...path, 'groups'],
      'GROUP_WEIGHTS_NOT_100',
      { scorecard: cardId, ...sum },
      { anchor: 'key' },
    );
  return { scored, groups };
}

/**
 * Collects a list's weights as they are read, each with its id (null when it has none); the
 * parameters of its weights-not-100 message when every weight was a number and they do not add
 * up to 100 (a weight that is not a number is the schema's problem, and the sum would mislead).
 */
function weightSum(): {
  add(id: string | null, weight: number | null): void;
  notHundred(): WeightsNot100 | null;
} {
  const entries: WeightedEntry[] = [];
  let complete = true;
  return {
    add(id, weight) {
      if (weight === null) complete = false;
      else entries.push({ id, weight });
    },
    notHundred() {
      return complete ? weightsNot100(entries) : null;
    },
  };
}

/** The items of one `scored` list at `listPath`, in the group `group` (null for a flat list). */
function checkScored(
  ctx: CheckContext,
  listPath: Path,
  raw: unknown,
  byId: ReadonlyMap<string, MetricDefinition>,
  seen: Set<string>,
  group: string | null,
  reportNot100: (sum: WeightsNot100) => void,
): ScoredItem[] {
  const items: ScoredItem[] = [];
  const weights = weightSum();
  asArray(raw).forEach((item, index) => {
    const path: Path = [...listPath, index];
    if (!isRecord(item)) {
      weights.add(null, null);
      return;
    }
    const weight = asNumber(item.weight);
    const metricId = asString(item.metric);
    weights.add(metricId, weight);
    if (metricId === null) return;
    const metric = byId.get(metricId);
    if (metric === undefined) {
      unknownMetric(ctx, [...path, 'metric'], metricId, byId);
      return;
    }
    if (seen.has(metricId))
      ctx.report([...path, 'metric'], 'DUPLICATE_SCORED_METRIC', {
        metric: metricId,
        scorecard: String(listPath[1]),
      });
    seen.add(metricId);
    const scoredItem =
      item.segments === undefined
        ? checkScoring(ctx, path, item, metric)
        : checkSegmented(ctx, path, item, metric);
    const quota = item.quota === undefined ? false : checkQuota(ctx, path, item, metric);
    if (scoredItem !== null && weight !== null)
      items.push({ segments: null, ...scoredItem, quota, weight, group, source: ctx.sourceOf(path) });
  });
  const sum = weights.notHundred();
  if (sum !== null) reportNot100(sum);
  return items;
}

/**
 * An item with segmented targets (v2): no method, target, floor or bands of its own; a metric
 * with a sample; a field of every table the metric reads; each segment's value once, with a
 * target and floor in the metric's unit and direction.
 */
function checkSegmented(
  ctx: CheckContext,
  path: Path,
  item: Record<string, unknown>,
  metric: MetricDefinition,
): Omit<ScoredItem, 'weight' | 'group' | 'source' | 'quota'> | null {
  const at: Path = [...path, 'segments'];
  if (!ctx.v2(at, '分段目标 segments', 'Segmented targets (segments)')) return null;
  let ok = true;
  for (const key of ['method', 'target', 'floor', 'bands'])
    if (item[key] !== undefined) {
      ctx.report(
        [...path, key],
        'SCORED_KEYS_CONFLICT',
        {
          metric: metric.id,
          what: `分段目标不使用 ${key}(每段写自己的 target 和 floor)`,
          whatEn: `segmented targets take no ${key} (each segment has its own target and floor)`,
        },
        { anchor: 'key' },
      );
      ok = false;
    }
  if (
    metric.kind === 'count' ||
    metric.kind === 'sum' ||
    metric.kind === 'formula' ||
    metric.kind === 'rating'
  ) {
    ctx.report(at, 'SEGMENTS_KIND', { metric: metric.id, kind: metric.kind }, { anchor: 'key' });
    return null;
  }
  const raw = item.segments;
  if (!isRecord(raw) || typeof raw.field !== 'string') return null;
  const field = raw.field;
  const tables = (
    metric.kind === 'ratio' ? [metric.numerator?.table, metric.denominator?.table] : [metric.table]
  ).filter((t) => t !== undefined && t !== null);
  const lacking = tables.filter((t) => !isMeasuredTable(t) || measuredFields(t)[field] === undefined);
  if (lacking.length > 0) {
    const first = lacking[0] ?? '';
    ctx.report([...at, 'field'], 'SEGMENT_FIELD_UNKNOWN', {
      metric: metric.id,
      field,
      tables: [...new Set(lacking)].join(', '),
      allowed: isMeasuredTable(first) ? Object.keys(measuredFields(first)).join(', ') : '',
    });
    ok = false;
  }
  const seen = new Set<string>();
  const segments: ItemSegments['segments'] = [];
  asArray(raw.targets).forEach((t, i) => {
    const tPath: Path = [...at, 'targets', i];
    if (!isRecord(t) || !['string', 'number', 'boolean'].includes(typeof t.value)) return;
    const value = t.value as string | number | boolean;
    const key = JSON.stringify(value);
    if (seen.has(key)) {
      ctx.report([...tPath, 'value'], 'DUPLICATE_ID', { id: String(value), what: '分段', whatEn: 'segment' });
      ok = false;
    }
    seen.add(key);
    const quantity = (k: 'target' | 'floor'): number | null => {
      const q = parseQuantity(t[k], metric.unit, metric.id);
      if (q.ok) return q.value;
      ctx.report([...tPath, k], q.code, q.params);
      ok = false;
      return null;
    };
    const target = quantity('target');
    const floor = quantity('floor');
    if (target === null || floor === null) return;
    if (metric.better === 'higher' ? target <= floor : target >= floor) {
      ctx.report([...tPath, 'target'], 'TARGET_FLOOR_ORDER', {
        metric: metric.id,
        better: metric.better,
        target: String(t.target),
        floor: String(t.floor),
      });
      ok = false;
      return;
    }
    segments.push({ value, title: asString(t.title), target, floor });
  });
  if (!ok) return null;
  return {
    metric: metric.id,
    method: 'linear',
    target: null,
    floor: null,
    bands: [],
    range: null,
    min_sample: asNumber(item.min_sample) ?? 1,
    segments: { field, segments },
  };
}

function checkScoring(
  ctx: CheckContext,
  path: Path,
  item: Record<string, unknown>,
  metric: MetricDefinition,
): Omit<ScoredItem, 'weight' | 'group' | 'source' | 'segments' | 'quota'> | null {
  const method = item.method === 'bands' || item.method === 'range' ? item.method : 'linear';
  let ok = true;
  const conflict = (zh: string, en: string, at: Path) => {
    ctx.report(at, 'SCORED_KEYS_CONFLICT', { metric: metric.id, what: zh, whatEn: en }, { anchor: 'key' });
    ok = false;
  };
  const quantity = (at: Path, raw: unknown): number | null => {
    const q = parseQuantity(raw, metric.unit, metric.id);
    if (q.ok) return q.value;
    ctx.report(at, q.code, q.params);
    ok = false;
    return null;
  };
  let minSample = 1;
  if (item.min_sample !== undefined) {
    if (metric.kind === 'count' || metric.kind === 'sum') {
      ctx.report(
        [...path, 'min_sample'],
        'MIN_SAMPLE_IGNORED',
        { metric: metric.id, kind: metric.kind },
        { severity: 'warning', anchor: 'key' },
      );
    }
    if (metric.kind === 'formula')
      ctx.report(
        [...path, 'min_sample'],
        'FORMULA_MIN_SAMPLE_IGNORED',
        { metric: metric.id },
        { severity: 'warning', anchor: 'key' },
      );
    minSample = asNumber(item.min_sample) ?? 1;
  }
  const none = { target: null, floor: null, bands: [] as Band[], range: null };
  if (method === 'range') {
    if (!ctx.v2([...path, 'method'], '两侧目标 method: range', 'A two-sided target (method: range)'))
      return null;
    if (item.bands !== undefined)
      conflict('两侧目标不使用 bands', 'a two-sided target takes no bands', [...path, 'bands']);
    const missing = ['target', 'floor'].filter((k) => item[k] === undefined);
    if (missing.length > 0) {
      ctx.report(path, 'LINEAR_NEEDS_TARGET_FLOOR', { metric: metric.id, missing: missing.join(', ') });
      return null;
    }
    const pair = (key: 'target' | 'floor'): [number, number] | null => {
      const raw = item[key];
      if (!Array.isArray(raw) || raw.length !== 2) {
        ctx.report([...path, key], 'RANGE_NOT_PAIR', { metric: metric.id, key });
        return null;
      }
      const low = quantity([...path, key, 0], raw[0]);
      const high = quantity([...path, key, 1], raw[1]);
      return low === null || high === null ? null : [low, high];
    };
    const target = pair('target');
    const floor = pair('floor');
    if (target === null || floor === null) return null;
    const [low, high] = target;
    const [floorLow, floorHigh] = floor;
    if (!(floorLow < low && low <= high && high < floorHigh)) {
      const written = (key: 'target' | 'floor', i: number) => String((item[key] as unknown[])[i]);
      ctx.report([...path, 'target'], 'RANGE_ORDER', {
        metric: metric.id,
        low: written('target', 0),
        high: written('target', 1),
        floorLow: written('floor', 0),
        floorHigh: written('floor', 1),
      });
      return null;
    }
    return ok
      ? {
          metric: metric.id,
          method,
          ...none,
          range: { low, high, floor_low: floorLow, floor_high: floorHigh },
          min_sample: minSample,
        }
      : null;
  }
  for (const key of ['target', 'floor'] as const) {
    if (Array.isArray(item[key])) {
      ctx.report([...path, key], 'RANGE_NEEDS_METHOD', { metric: metric.id, key });
      return null;
    }
  }
  if (method === 'linear') {
    if (item.bands !== undefined)
      conflict('有 bands 时请写 method: bands', 'bands need method: bands', [...path, 'bands']);
    const missing = ['target', 'floor'].filter((k) => item[k] === undefined);
    if (missing.length > 0) {
      ctx.report(path, 'LINEAR_NEEDS_TARGET_FLOOR', { metric: metric.id, missing: missing.join(', ') });
      return null;
    }
    const target = quantity([...path, 'target'], item.target);
    const floor = quantity([...path, 'floor'], item.floor);
    if (target === null || floor === null) return null;
    const ordered = metric.better === 'higher' ? target > floor : target < floor;
    if (!ordered) {
      ctx.report([...path, 'target'], 'TARGET_FLOOR_ORDER', {
        metric: metric.id,
        better: metric.better,
        target: String(item.target),
        floor: String(item.floor),
      });
      return null;
    }
    return ok ? { metric: metric.id, method, ...none, target, floor, min_sample: minSample } : null;
  }
  for (const k of ['target', 'floor']) {
    if (item[k] !== undefined) conflict(`分档计分不使用 ${k}`, `bands scoring takes no ${k}`, [...path, k]);
  }
  if (!Array.isArray(item.bands)) {
    ctx.report(path, 'BANDS_MISSING', { metric: metric.id });
    return null;
  }
  const bands: Band[] = [];
  const wanted = metric.better === 'higher' ? 'at_least' : 'at_most';
  item.bands.forEach((band, i) => {
    const at: Path = [...path, 'bands', i];
    if (!isRecord(band)) return;
    const bounds = (['at_least', 'at_most'] as const).filter((k) => band[k] !== undefined);
    if (bounds.length !== 1 || bounds[0] !== wanted) {
      ctx.report(at, 'BANDS_DIRECTION', { metric: metric.id, better: metric.better });
      ok = false;
      return;
    }
    const value = quantity([...at, wanted], band[wanted]);
    const score = asNumber(band.score);
    if (value === null || score === null) return;
    const previous = bands[bands.length - 1];
    if (
      previous !== undefined &&
      (wanted === 'at_least' ? value >= previous.value : value <= previous.value)
    ) {
      ctx.report(
        [...at, wanted],
        'BAND_UNREACHABLE',
        { previous: previous.value, value },
        { severity: 'warning' },
      );
    }
    bands.push({ bound: wanted, value, score });
  });
  return ok ? { metric: metric.id, method, ...none, bands, min_sample: minSample } : null;
}

function checkAdjustments(
  ctx: CheckContext,
  cardPath: Path,
  raw: unknown,
  byId: ReadonlyMap<string, MetricDefinition>,
): Adjustment[] {
  const out: Adjustment[] = [];
  const seen = new Set<string>();
  asArray(raw).forEach((item, index) => {
    const path: Path = [...cardPath, 'adjustments', index];
    if (!isRecord(item)) return;
    const id = asString(item.id);
    const metric = asString(item.metric);
    const points = asNumber(item.points_each);
    if (id !== null && seen.has(id))
      ctx.report([...path, 'id'], 'DUPLICATE_ID', { id, what: '加减分', whatEn: 'adjustment' });
    if (id !== null) seen.add(id);
    if (metric !== null && !byId.has(metric)) {
      unknownMetric(ctx, [...path, 'metric'], metric, byId);
      return;
    }
    const min = asNumber(item.min);
    const max = asNumber(item.max);
    if (min !== null && max !== null && min > max)
      ctx.report(path, 'ADJUSTMENT_RANGE', { id: id ?? '', min, max });
    if (id !== null && metric !== null && points !== null)
      out.push({ id, metric, points_each: points, min, max, source: ctx.sourceOf(path) });
  });
  return out;
}

function checkVetoes(
  ctx: CheckContext,
  cardPath: Path,
  raw: unknown,
  metrics: readonly MetricDefinition[],
  grades: readonly Grade[],
): Veto[] {
  const out: Veto[] = [];
  const seen = new Set<string>();
  const vocabulary = agentVocabulary(metrics, true, ctx.format, gradeNamesOf(ctx.parsed.value));
  asArray(raw).forEach((item, index) => {
    const path: Path = [...cardPath, 'vetoes', index];
    if (!isRecord(item)) return;
    const id = asString(item.id);
    if (id !== null && seen.has(id))
      ctx.report([...path, 'id'], 'DUPLICATE_ID', { id, what: '否决项', whatEn: 'veto' });
    if (id !== null) seen.add(id);
    const cap = asString(item.cap_grade);
    if (cap !== null && grades.length > 0 && !grades.some((g) => g.grade === cap)) {
      ctx.report([...path, 'cap_grade'], 'UNKNOWN_GRADE', {
        grade: cap,
        allowed: grades.map((g) => g.grade).join(', '),
      });
    }
    const when =
      item.when === undefined ? null : checkAgentCondition(ctx, [...path, 'when'], item.when, vocabulary);
    const reason = asString(item.reason);
    if (id !== null && cap !== null && when !== null && reason !== null) {
      out.push({
        id,
        reason,
        reason_en: asString(item.reason_en),
        when,
        cap_grade: cap,
        source: ctx.sourceOf(path),
      });
    }
  });
  return out;
}

function checkFlags(
  ctx: CheckContext,
  cardPath: Path,
  raw: unknown,
  metrics: readonly MetricDefinition[],
): Flag[] {
  if (raw === undefined || !ctx.v2([...cardPath, 'flags'], '需关注标记 flags', 'Flags')) return [];
  const out: Flag[] = [];
  const seen = new Set<string>();
  const vocabulary = agentVocabulary(metrics, true, ctx.format, gradeNamesOf(ctx.parsed.value));
  asArray(raw).forEach((item, index) => {
    const path: Path = [...cardPath, 'flags', index];
    if (!isRecord(item)) return;
    const id = asString(item.id);
    if (id !== null && seen.has(id))
      ctx.report([...path, 'id'], 'DUPLICATE_ID', { id, what: '需关注标记', whatEn: 'flag' });
    if (id !== null) seen.add(id);
    const when =
      item.when === undefined ? null : checkAgentCondition(ctx, [...path, 'when'], item.when, vocabulary);
    const label = asString(item.label);
    if (id !== null && when !== null && label !== null)
      out.push({ id, label, label_en: asString(item.label_en), when, source: ctx.sourceOf(path) });
  });
  return out;
}

function checkDistribution(
  ctx: CheckContext,
  cardPath: Path,
  raw: unknown,
  byId: ReadonlyMap<string, MetricDefinition>,
  grades: readonly Grade[],
): Distribution | null {
  const path: Path = [...cardPath, 'distribution'];
  if (raw === undefined || !ctx.v2(path, '强制分布 distribution', 'A forced distribution')) return null;
  if (!isRecord(raw)) return null;
  let ok = true;
  const tieBreakers: string[] = [];
  asArray(raw.tie_breakers).forEach((metric, i) => {
    if (typeof metric !== 'string') return;
    if (!byId.has(metric)) {
      unknownMetric(ctx, [...path, 'tie_breakers', i], metric, byId);
      ok = false;
    } else if (tieBreakers.includes(metric)) {
      ctx.report([...path, 'tie_breakers', i], 'DUPLICATE_ID', {
        id: metric,
        what: '并列比较指标',
        whatEn: 'tie-breaker',
      });
      ok = false;
    } else tieBreakers.push(metric);
  });
  const rules: Array<DistributionRule & { index: number }> = [];
  let minimums = 0;
  asArray(raw.grades).forEach((item, i) => {
    const at: Path = [...path, 'grades', i];
    if (!isRecord(item)) return;
    const grade = asString(item.grade);
    if (grade === null) return;
    const index = grades.findIndex((g) => g.grade === grade);
    if (index < 0) {
      if (grades.length > 0)
        ctx.report([...at, 'grade'], 'UNKNOWN_GRADE', {
          grade,
          allowed: grades.map((g) => g.grade).join(', '),
        });
      ok = false;
      return;
    }
    if (rules.some((r) => r.grade === grade)) {
      ctx.report([...at, 'grade'], 'DISTRIBUTION_GRADE_TWICE', { grade });
      ok = false;
      return;
    }
    const share = (key: 'max_share' | 'min_share'): number | null => {
      if (item[key] === undefined) return null;
      const q = parseQuantity(item[key], 'ratio', key);
      if (!q.ok) {
        ctx.report([...at, key], q.code, q.params);
        ok = false;
        return null;
      }
      if (q.value < 0 || q.value > 1) {
        ctx.report([...at, key], 'DISTRIBUTION_SHARE_RANGE', { value: q.value });
        ok = false;
        return null;
      }
      return q.value;
    };
    const max = share('max_share');
    const min = share('min_share');
    if (item.max_share === undefined && item.min_share === undefined) {
      ctx.report(at, 'DISTRIBUTION_NEEDS_SHARE', { grade });
      ok = false;
    }
    if (max !== null && index === grades.length - 1) {
      ctx.report([...at, 'max_share'], 'DISTRIBUTION_CAP_ON_LAST', { grade }, { anchor: 'key' });
      ok = false;
    }
    if (min !== null && index === 0) {
      ctx.report([...at, 'min_share'], 'DISTRIBUTION_MINIMUM_ON_FIRST', { grade }, { anchor: 'key' });
      ok = false;
    }
    if (min !== null && max !== null && min > max) {
      ctx.report([...at, 'min_share'], 'DISTRIBUTION_SHARES_ORDER', { grade, min, max });
      ok = false;
    }
    if (min !== null) minimums += min;
    rules.push({ grade, max_share: max, min_share: min, index });
  });
  if (minimums > 1 + SHARE_TOLERANCE) {
    ctx.report(
      [...path, 'grades'],
      'DISTRIBUTION_MINIMUMS_OVER_100',
      { sum: Number((minimums * 100).toPrecision(12)) },
      { anchor: 'key' },
    );
    ok = false;
  }
  if (!ok) return null;
  return {
    tie_breakers: tieBreakers,
    grades: rules.sort((a, b) => a.index - b.index).map(({ index: _index, ...rule }) => rule),
    source: ctx.sourceOf(path),
  };
}

function checkRewards(
  ctx: CheckContext,
  cardPath: Path,
  raw: unknown,
  grades: readonly Grade[],
): Rewards | null {
  const path: Path = [...cardPath, 'rewards'];
  if (raw === undefined || !ctx.v2(path, '绩效系数与奖金 rewards', 'Rewards')) return null;
  if (!isRecord(raw) || !isRecord(raw.coefficients)) return null;
  let ok = true;
  const given = raw.coefficients;
  for (const grade of Object.keys(given)) {
    if (grades.length > 0 && !grades.some((g) => g.grade === grade)) {
      ctx.report(
        [...path, 'coefficients', grade],
        'UNKNOWN_GRADE',
        {
          grade,
          allowed: grades.map((g) => g.grade).join(', '),
        },
        { anchor: 'key' },
      );
      ok = false;
    }
  }
  const missing = grades.filter((g) => !Object.hasOwn(given, g.grade)).map((g) => g.grade);
  if (missing.length > 0) {
    ctx.report(
      [...path, 'coefficients'],
      'REWARD_GRADE_MISSING',
      { grades: missing.join(', ') },
      { anchor: 'key' },
    );
    ok = false;
  }
  let base: BonusBase | null = null;
  const amount = asNumber(raw.base);
  if (amount !== null) base = { kind: 'amount', amount };
  else if (isRecord(raw.base) && typeof raw.base.field === 'string') {
    const field = raw.base.field;
    const spec = TABLES.agents.fields[field];
    if (spec !== undefined && spec.type !== 'number' && spec.type !== 'int') {
      ctx.report([...path, 'base', 'field'], 'BONUS_BASE_FIELD', { field, type: spec.type });
      ok = false;
    }
    base = { kind: 'field', field, default: asNumber(raw.base.default) };
  }
  if (!ok) return null;
  return {
    coefficients: grades.flatMap((g) => {
      const c = asNumber(given[g.grade]);
      return c === null ? [] : [{ grade: g.grade, coefficient: c }];
    }),
    not_rated: asNumber(raw.not_rated),
    base,
    source: ctx.sourceOf(path),
  };
}

function checkAwards(
  ctx: CheckContext,
  cardPath: Path,
  raw: unknown,
  byId: ReadonlyMap<string, MetricDefinition>,
): Award[] {
  if (raw === undefined || !ctx.v2([...cardPath, 'awards'], '奖项 awards', 'Awards')) return [];
  const out: Award[] = [];
  const seen = new Set<string>();
  asArray(raw).forEach((item, index) => {
    const path: Path = [...cardPath, 'awards', index];
    if (!isRecord(item)) return;
    const id = asString(item.id);
    if (id !== null && seen.has(id))
      ctx.report([...path, 'id'], 'DUPLICATE_ID', { id, what: '奖项', whatEn: 'award' });
    if (id !== null) seen.add(id);
    const metricId = asString(item.metric);
    const metric = metricId === null ? undefined : byId.get(metricId);
    if (metricId !== null && metric === undefined) {
      unknownMetric(ctx, [...path, 'metric'], metricId, byId);
      return;
    }
    if (item.min_sample !== undefined && (metric?.kind === 'count' || metric?.kind === 'sum'))
      ctx.report(
        [...path, 'min_sample'],
        'MIN_SAMPLE_IGNORED',
        { metric: metric.id, kind: metric.kind },
        { severity: 'warning', anchor: 'key' },
      );
    const title = asString(item.title);
    const top = asNumber(item.top);
    if (id === null || title === null || top === null || metric === undefined) return;
    out.push({
      id,
      title,
      title_en: asString(item.title_en),
      metric: metric.id,
      top,
      amount: asNumber(item.amount),
      min_sample: asNumber(item.min_sample) ?? 1,
      source: ctx.sourceOf(path),
    });
  });
  return out;
}

function checkEligibility(
  ctx: CheckContext,
  cardPath: Path,
  raw: unknown,
  metrics: readonly MetricDefinition[],
): Eligibility | null {
  if (!isRecord(raw)) return null;
  const path: Path = [...cardPath, 'eligibility'];
  const when =
    raw.when === undefined ? null : checkEligibilityWhen(ctx, [...path, 'when'], raw.when, metrics);
  const reason = asString(raw.reason);
  if (when === null || reason === null) return null;
  return { when, reason, reason_en: asString(raw.reason_en), source: ctx.sourceOf(path) };
}

/**
 * An eligibility condition: the agent-level vocabulary without the scores, which do not exist yet
 * when eligibility is decided. A score fact is `SCORE_FACT_IN_ELIGIBILITY` (not a suggestion of
 * a similar metric id).
 */
function checkEligibilityWhen(
  ctx: CheckContext,
  path: Path,
  raw: unknown,
  metrics: readonly MetricDefinition[],
): Condition | null {
  const scoreFacts = new Set<string>();
  const when = checkConditionAt(
    ctx,
    path,
    raw,
    agentVocabulary(metrics, false, ctx.format, gradeNamesOf(ctx.parsed.value)),
    {
      skipFact: (fact, at) => {
        if (!SCORE_FACTS.has(fact)) return false;
        scoreFacts.add(fact);
        ctx.report([...path, ...at], 'SCORE_FACT_IN_ELIGIBILITY', { fact });
        return true;
      },
    },
  );
  checkAgentMappedValues(ctx, path, raw);
  return scoreFacts.size > 0 ? null : when;
}

/**
 * Reports `UNKNOWN_METRIC` (with the nearest ids as suggestions, `suggestMetrics`) for a reference to a metric the
 * policy does not have — unless `metrics:` defines it with errors of its own, which say what to fix.
 */
function unknownMetric(
  ctx: CheckContext,
  path: Path,
  metric: string,
  byId: ReadonlyMap<string, MetricDefinition>,
): void {
  if (ctx.brokenMetrics.has(metric)) return;
  ctx.report(path, 'UNKNOWN_METRIC', { metric, suggestions: suggestMetrics(metric, [...byId.keys()]) });
}

/** An agent-level condition checked, then its comparisons with the agents table's mapped fields. */
function checkAgentCondition(
  ctx: CheckContext,
  path: Path,
  raw: unknown,
  vocabulary: ReturnType<typeof agentVocabulary>,
): Condition | null {
  const when = checkConditionAt(ctx, path, raw, vocabulary);
  checkAgentMappedValues(ctx, path, raw);
  return when;
}
