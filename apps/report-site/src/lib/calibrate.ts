// What-if calibration (docs/calibration.md): the published policy of a period, edited number by
// number, scored again over the published metric values with the engine's own scoring functions.
// Runs in the browser (the calibration page's island) and in Node (its tests): no node: imports.
import type { Condition } from '@scorebook/conditions';
import type { MetricResult, SegmentResult, Unit } from '@scorebook/contract';
import {
  assignRanks,
  distributeGrades,
  rateAgent,
  scoreMetric,
  scoreQuota,
  scoreSegmented,
} from '@scorebook/engine/scoring';
import type { Policy, Scorecard, ScoredItem } from '@scorebook/policy';
import { POLICY_ERRORS, weightsNot100 } from '@scorebook/policy';
import { type Bilingual, messageOf } from '@scorebook/problems';
import { Zone } from '@scorebook/time';

/** A metric as the calibration needs it: how it is scored and shown. */
export interface CalibrationMetric {
  id: string;
  title: string;
  title_en: string | null;
  kind: string;
  better: 'higher' | 'lower';
  unit: Unit;
}

/** A published metric result as the calibration reads it: value, sample, status, segments. */
export type PublishedMetric = Pick<MetricResult, 'value' | 'sample' | 'status' | 'segments' | 'quota'>;

/** One agent of the scorecard as published: what scoring reads, and what it gave. */
export interface CalibrationAgent {
  agent_id: string;
  name: string;
  team: string;
  role: string;
  employment_status: string;
  /** The published metric results the scorecard's rules read, by metric id. */
  metrics: Record<string, PublishedMetric>;
  /** Format 2: the agent facts (tenure and days), as results.json has them. */
  facts: Record<string, number | null> | null;
  /** Vetoes an upheld appeal voided (they hold but cap nothing). */
  voided_vetoes: string[];
  published: {
    status: 'rated' | 'not_rated';
    total: number | null;
    grade: string | null;
    rank: number | null;
  };
}

/** Everything the calibration page of one scorecard of one period reads. */
export interface CalibrationData {
  period: string;
  /** The policy of the period as policy.json records it (`policyOfSnapshot`), every scorecard. */
  policy: Policy;
  scorecard: string;
  metrics: CalibrationMetric[];
  agents: CalibrationAgent[];
}

/**
 * The reader's changes: a number per key, in the policy's own units (ratios as fractions, times
 * in seconds). Keys (ids URI-encoded, parts joined by `~`): `weight~m`, `target~m`, `floor~m`,
 * `min_sample~m`, `low~m`, `high~m`, `floor_low~m`, `floor_high~m`, `band~m~i`, `band_score~m~i`
 * (scored item of metric m, band i from 0), `group~g`, `grade~G` (min_score), `points~a`,
 * `min~a`, `max~a` (adjustment a), `veto~v~i` (the i-th leaf of veto v's condition, in document
 * order), `max_share~G`, `min_share~G`.
 */
export type Edits = Readonly<Record<string, number>>;

/** The key of an edit from its parts. */
export function editKey(...parts: Array<string | number>): string {
  return parts.map((p) => encodeURIComponent(String(p))).join('~');
}

function splitKey(key: string): string[] {
  return key.split('~').map((p) => decodeURIComponent(p));
}

/** The edits as the page's URL fragment (`#weight~fcr=20&target~fcr=0.85`), in key order. */
export function encodeEdits(edits: Edits): string {
  return Object.keys(edits)
    .sort()
    .map((k) => `${k}=${String(edits[k])}`)
    .join('&');
}

/** The edits of a URL fragment; entries that are not a key and a finite number are dropped. */
export function decodeEdits(fragment: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of fragment.replace(/^#/, '').split('&')) {
    const at = part.indexOf('=');
    if (at <= 0) continue;
    const value = Number(part.slice(at + 1));
    if (Number.isFinite(value) && part.slice(at + 1).trim() !== '') out[part.slice(0, at)] = value;
  }
  return out;
}

/** The numeric leaves of a condition, in document order (`all`/`any` in their order, `not` within). */
export function conditionLeaves(c: Condition): Array<{ fact: string; operator: string; value: unknown }> {
  const node = c as unknown as Record<string, unknown>;
  for (const k of ['all', 'any'] as const) {
    const list = node[k];
    if (Array.isArray(list)) return list.flatMap((x) => conditionLeaves(x as Condition));
  }
  if (node.not !== undefined) return conditionLeaves(node.not as Condition);
  return [{ fact: String(node.fact), operator: String(node.operator), value: node.value }];
}

function withLeaf(c: Condition, index: number, value: number): Condition {
  let i = 0;
  const walk = (n: unknown): unknown => {
    const node = n as Record<string, unknown>;
    for (const k of ['all', 'any'] as const)
      if (Array.isArray(node[k])) return { ...node, [k]: (node[k] as unknown[]).map(walk) };
    if (node.not !== undefined) return { ...node, not: walk(node.not) };
    return i++ === index ? { ...node, value } : node;
  };
  return walk(c) as Condition;
}

/** The scorecard of the data. */
export function scorecardOf(policy: Policy, id: string): Scorecard {
  const card = policy.scorecards.find((s) => s.id === id);
  if (card === undefined) throw new RangeError(`no scorecard "${id}"`);
  return card;
}

/** The policy with the edits applied to the data's scorecard and to the grades; the input is not changed. */
export function applyEdits(data: CalibrationData, edits: Edits): Policy {
  const policy = structuredClone(data.policy);
  const card = scorecardOf(policy, data.scorecard);
  const item = (m: string) => card.scored.find((s) => s.metric === m);
  for (const [key, value] of Object.entries(edits)) {
    const [kind = '', id = '', sub = ''] = splitKey(key);
    const scored = item(id);
    const adjustment = card.adjustments.find((a) => a.id === id);
    const rule = card.distribution?.grades.find((g) => g.grade === id);
    switch (kind) {
      case 'weight':
        if (scored) scored.weight = value;
        break;
      case 'target':
      case 'floor':
        if (scored && scored.method === 'linear') scored[kind] = value;
        break;
      case 'min_sample':
        if (scored) scored.min_sample = value;
        break;
      case 'low':
      case 'high':
      case 'floor_low':
      case 'floor_high':
        if (scored?.range) scored.range[kind] = value;
        break;
      case 'band':
      case 'band_score': {
        const band = scored?.bands[Number(sub)];
        if (band) band[kind === 'band' ? 'value' : 'score'] = value;
        break;
      }
      case 'group': {
        const group = card.groups.find((g) => g.id === id);
        if (group) group.weight = value;
        break;
      }
      case 'grade': {
        const grade = policy.grades.find((g) => g.grade === id);
        if (grade) grade.min_score = value;
        break;
      }
      case 'points':
        if (adjustment) adjustment.points_each = value;
        break;
      case 'min':
      case 'max':
        if (adjustment) adjustment[kind] = value;
        break;
      case 'veto': {
        const veto = card.vetoes.find((v) => v.id === id);
        if (veto) veto.when = withLeaf(veto.when, Number(sub), value);
        break;
      }
      case 'max_share':
      case 'min_share':
        if (rule) rule[kind] = value;
        break;
    }
  }
  return policy;
}

/** A change the policy checks would refuse: the code and message `scorebook validate` gives. */
export interface CalibrationProblem {
  code: string;
  message: Bilingual;
}

/**
 * The problems `scorebook validate` would report for the edited scorecard and grades (the checks
 * an edit of a number can break, in the policy checks' order and with their catalogue entries):
 * a number out of its schema's range, weights not adding up to 100, target and floor in the wrong
 * order, a two-sided range out of order, grades not strictly decreasing, an adjustment's min
 * above its max, a share outside 0–100% or a minimum above its cap. `raw` gives a quantity as
 * the YAML writes it (for the messages that quote it).
 */
export function checkEdits(data: CalibrationData, policy: Policy): CalibrationProblem[] {
  const problems: CalibrationProblem[] = [];
  const card = scorecardOf(policy, data.scorecard);
  const metric = metricsById(data);
  const add = (code: keyof typeof POLICY_ERRORS, message: Bilingual) => problems.push({ code, message });
  policy.grades.forEach((g, i) => {
    const previous = policy.grades[i - 1];
    if (previous !== undefined && g.min_score >= previous.min_score)
      add(
        'GRADES_ORDER',
        messageOf(POLICY_ERRORS, 'GRADES_ORDER', {
          grade: g.grade,
          value: g.min_score,
          previous: previous.min_score,
        }),
      );
  });
  const last = policy.grades[policy.grades.length - 1];
  if (last !== undefined && last.min_score !== 0)
    add('GRADES_LAST_NOT_ZERO', messageOf(POLICY_ERRORS, 'GRADES_LAST_NOT_ZERO', { grade: last.grade }));
  const entries = (items: ReadonlyArray<{ metric: string; weight: number }>) =>
    items.map((s) => ({ id: s.metric, weight: s.weight }));
  if (card.groups.length === 0) {
    const sum = weightsNot100(entries(card.scored));
    if (sum !== null)
      add('WEIGHTS_NOT_100', messageOf(POLICY_ERRORS, 'WEIGHTS_NOT_100', { scorecard: card.id, ...sum }));
  } else {
    for (const g of card.groups) {
      const sum = weightsNot100(entries(card.scored.filter((s) => s.group === g.id)));
      if (sum !== null)
        add(
          'GROUP_ITEM_WEIGHTS_NOT_100',
          messageOf(POLICY_ERRORS, 'GROUP_ITEM_WEIGHTS_NOT_100', { scorecard: card.id, group: g.id, ...sum }),
        );
    }
    const sum = weightsNot100(card.groups);
    if (sum !== null)
      add(
        'GROUP_WEIGHTS_NOT_100',
        messageOf(POLICY_ERRORS, 'GROUP_WEIGHTS_NOT_100', { scorecard: card.id, ...sum }),
      );
  }
  for (const item of card.scored) {
    const m = metric.get(item.metric);
    if (m === undefined) continue;
    if (item.method === 'linear' && item.target !== null && item.floor !== null) {
      const ordered = m.better === 'higher' ? item.target > item.floor : item.target < item.floor;
      if (!ordered)
        add(
          'TARGET_FLOOR_ORDER',
          messageOf(POLICY_ERRORS, 'TARGET_FLOOR_ORDER', {
            metric: m.id,
            better: m.better,
            target: quantityText(item.target, m.unit),
            floor: quantityText(item.floor, m.unit),
          }),
        );
    }
    const r = item.range;
    if (r !== null && !(r.floor_low < r.low && r.low <= r.high && r.high < r.floor_high))
      add(
        'RANGE_ORDER',
        messageOf(POLICY_ERRORS, 'RANGE_ORDER', {
          metric: m.id,
          floorLow: quantityText(r.floor_low, m.unit),
          low: quantityText(r.low, m.unit),
          high: quantityText(r.high, m.unit),
          floorHigh: quantityText(r.floor_high, m.unit),
        }),
      );
  }
  for (const a of card.adjustments)
    if (a.min !== null && a.max !== null && a.min > a.max)
      add(
        'ADJUSTMENT_RANGE',
        messageOf(POLICY_ERRORS, 'ADJUSTMENT_RANGE', { id: a.id, min: a.min, max: a.max }),
      );
  for (const rule of card.distribution?.grades ?? []) {
    for (const share of [rule.max_share, rule.min_share])
      if (share !== null && (share < 0 || share > 1))
        add(
          'DISTRIBUTION_SHARE_RANGE',
          messageOf(POLICY_ERRORS, 'DISTRIBUTION_SHARE_RANGE', { value: share }),
        );
    if (rule.min_share !== null && rule.max_share !== null && rule.min_share > rule.max_share)
      add(
        'DISTRIBUTION_SHARES_ORDER',
        messageOf(POLICY_ERRORS, 'DISTRIBUTION_SHARES_ORDER', {
          grade: rule.grade,
          min: rule.min_share,
          max: rule.max_share,
        }),
      );
  }
  return problems;
}

function metricsById(data: CalibrationData): Map<string, CalibrationMetric> {
  return new Map(data.metrics.map((m) => [m.id, m]));
}

/**
 * A quantity as the calibration writes it into YAML, read back by the policy checks to the same
 * number: a ratio as a percentage (`95%`, read as 95 ÷ 100), a whole number of seconds with `s`,
 * else the number itself (a ratio's fraction, seconds, any other unit).
 */
export function quantityText(value: number, unit: Unit): string {
  if (unit === 'ratio') {
    const percent = String(Number((value * 100).toPrecision(12)));
    if (Number(percent) / 100 === value) return `${percent}%`;
  }
  if (unit === 'seconds' && Number.isInteger(value)) return `${value}s`;
  return String(value);
}

/** One agent's outcome under a policy. */
export interface Outcome {
  agent_id: string;
  status: 'rated' | 'not_rated';
  base: number | null;
  total: number | null;
  grade: string | null;
  rank: number | null;
  /** Points each scored item adds to the base score (score × weight ÷ Σ weights scored). */
  points: Record<string, number>;
  vetoes: string[];
}

/**
 * Every agent of the scorecard scored again under `policy`, in the data's order, as the engine's
 * score stage does (`packages/engine/src/score/score-agents.ts`): each scored item's score from
 * the published value and sample (segments from the published segment values; a metric an
 * appeal voided stays voided; a quota item by the agent's published own target and floor), the rating (eligibility, base, adjustments, total, grade, vetoes)
 * with `rateAgent`, the forced distribution with `distributeGrades`, ranks with `assignRanks`.
 */
export function recompute(data: CalibrationData, policy: Policy): Outcome[] {
  const card = scorecardOf(policy, data.scorecard);
  const definitions = metricsById(data);
  const zone = new Zone(policy.timezone);
  const format2 = policy.scorebook === 2;
  const facts = factsOf(data, format2);
  const outcomes = data.agents.map((agent, index): Outcome => {
    // rateAgent reads the results of the scored items only; conditions read `facts`.
    const metrics: Record<string, MetricResult> = {};
    for (const item of card.scored) {
      const published = agent.metrics[item.metric];
      const d = definitions.get(item.metric);
      if (published === undefined || d === undefined) continue;
      const measured = { value: published.value, sample: published.sample };
      const definition = { kind: d.kind, better: d.better } as Parameters<typeof scoreMetric>[2];
      const scored =
        item.segments !== null
          ? scoreSegmented(measured, item, definition, (v) => segmentValue(published.segments, v))
          : item.quota
            ? scoreQuota(measured, item, definition, ownTarget(published.quota))
            : scoreMetric(measured, item, definition);
      metrics[item.metric] =
        published.status === 'appealed' ? { ...scored, score: null, status: 'appealed' } : scored;
    }
    const rating = rateAgent(policy, card, metrics, facts[index] ?? {}, zone, voided(agent.voided_vetoes));
    return {
      agent_id: agent.agent_id,
      status: rating.status,
      base: rating.base_score,
      total: rating.total_score,
      grade: rating.grade,
      rank: null,
      points: pointsOf(card, metrics),
      vetoes: rating.vetoes,
    };
  });
  if (card.distribution !== null) {
    const distribution = card.distribution;
    const better = distribution.tie_breakers.map((id) => definitions.get(id)?.better ?? 'higher');
    const entries = outcomes.flatMap((o, i) =>
      o.status === 'rated' && o.total !== null && o.grade !== null
        ? [
            {
              outcome: o,
              agent_id: o.agent_id,
              total: o.total,
              grade: o.grade,
              tieValues: distribution.tie_breakers.map((id) => data.agents[i]?.metrics[id]?.value ?? null),
            },
          ]
        : [],
    );
    for (const [entry, { grade }] of distributeGrades(distribution, policy.grades, better, entries))
      entry.outcome.grade = grade;
  }
  const totals = outcomes.flatMap((o) =>
    o.status === 'rated' && o.total !== null ? [{ key: o, total: o.total }] : [],
  );
  for (const [o, rank] of assignRanks(totals)) o.rank = rank;
  return outcomes;
}

const FACTS = new WeakMap<CalibrationData, Array<Record<string, number | string | null>>>();
const NONE: ReadonlySet<string> = new Set();

/**
 * The facts of each agent's conditions, which no edit changes (computed once per data): every
 * published metric value by id and, for policy format 2, the agent facts with status, team and
 * role, as the engine's score stage gives them.
 */
function factsOf(data: CalibrationData, format2: boolean): Array<Record<string, number | string | null>> {
  const known = FACTS.get(data);
  if (known !== undefined) return known;
  const facts = data.agents.map((agent) => {
    const values: Record<string, number | string | null> = {};
    for (const [id, m] of Object.entries(agent.metrics)) values[id] = m.value;
    return format2
      ? {
          ...values,
          ...agent.facts,
          employment_status: agent.employment_status,
          team: agent.team,
          role: agent.role,
        }
      : values;
  });
  FACTS.set(data, facts);
  return facts;
}

function voided(ids: readonly string[]): ReadonlySet<string> {
  return ids.length === 0 ? NONE : new Set(ids);
}

function segmentValue(segments: SegmentResult[] | undefined, value: string | number | boolean) {
  const s = segments?.find((x) => x.segment === value);
  return s === undefined ? { value: null, sample: 0 } : { value: s.value, sample: s.sample };
}

function pointsOf(card: Scorecard, metrics: Readonly<Record<string, MetricResult>>): Record<string, number> {
  const groupWeight = new Map(card.groups.map((g) => [g.id, g.weight]));
  const weightOf = (i: ScoredItem) =>
    i.group === null ? i.weight : (i.weight * (groupWeight.get(i.group) ?? 0)) / 100;
  const scored = card.scored.filter((i) => metrics[i.metric]?.status === 'scored');
  const sum = scored.reduce((n, i) => n + weightOf(i), 0);
  const out: Record<string, number> = {};
  for (const i of scored)
    out[i.metric] = sum === 0 ? 0 : ((metrics[i.metric]?.score ?? 0) * weightOf(i)) / sum;
  return out;
}

/** How the grades of the scorecard's agents moved from one outcome to another. */
export interface Comparison {
  /** Agents per grade (policy order) and not rated (`''`), before and after. */
  mix: Array<{ grade: string; before: number; after: number }>;
  /** The mean total of the rated agents, before and after (null without one). */
  mean: { before: number | null; after: number | null };
  /** The agents whose grade moved, in the data's order, with the item whose points moved most. */
  movers: Array<{ index: number; before: Outcome; after: Outcome; cause: string | null }>;
}

/** Compares two outcomes of the same agents. */
export function compare(policy: Policy, before: readonly Outcome[], after: readonly Outcome[]): Comparison {
  const mix = [...policy.grades.map((g) => g.grade), ''].map((grade) => ({
    grade,
    before: before.filter((o) => (o.grade ?? '') === grade).length,
    after: after.filter((o) => (o.grade ?? '') === grade).length,
  }));
  const mean = (os: readonly Outcome[]) => {
    const totals = os.flatMap((o) => (o.total === null ? [] : [o.total]));
    return totals.length === 0 ? null : totals.reduce((a, b) => a + b, 0) / totals.length;
  };
  const movers = after.flatMap((a, index) => {
    const b = before[index];
    if (b === undefined || b.grade === a.grade) return [];
    let cause: string | null = null;
    let most = 1e-9;
    for (const id of new Set([...Object.keys(a.points), ...Object.keys(b.points)])) {
      const delta = Math.abs((a.points[id] ?? 0) - (b.points[id] ?? 0));
      if (delta > most) {
        most = delta;
        cause = id;
      }
    }
    return [{ index, before: b, after: a, cause }];
  });
  return { mix, mean: { before: mean(before), after: mean(after) }, movers };
}

/**
 * The scored items whose weight hardly matters: with the item's weight set to 0 (the others as
 * they are, so the base score is shared among them) no agent's grade changes.
 */
export function weightlessItems(
  data: CalibrationData,
  policy: Policy,
  outcome: readonly Outcome[],
): string[] {
  const card = scorecardOf(policy, data.scorecard);
  return card.scored.flatMap((item) => {
    const without = structuredClone(policy);
    const at = scorecardOf(without, data.scorecard).scored.find((s) => s.metric === item.metric);
    if (at === undefined) return [];
    at.weight = 0;
    const other = recompute(data, without);
    return other.every((o, i) => o.grade === outcome[i]?.grade) ? [item.metric] : [];
  });
}

/** A line of the policy text the edits change: its 1-based number, before and after. */
export interface ChangedLine {
  line: number;
  before: string;
  after: string;
}

/**
 * The policy text with the edits written in (docs/calibration.md, "The YAML"): each edited value
 * replaces the value of its key in the rule's lines (found from the rule's line in policy.json),
 * or is added to the rule's mapping when the key was not written (`min_sample`, a share); a
 * range bound replaces its element of the `target`/`floor` pair; quantities in the notation of
 * the value they replace (`writtenLike`), else as {@link quantityText} writes them. Gives the new text and the lines that
 * differ. Edits whose place cannot be found are listed in `unplaced`.
 */
export function editedText(
  data: CalibrationData,
  edits: Edits,
): { text: string; changed: ChangedLine[]; unplaced: string[] } {
  const lines = data.policy.text.split('\n');
  const card = scorecardOf(data.policy, data.scorecard);
  const metric = metricsById(data);
  const unplaced: string[] = [];
  const grades = gradeLines(lines);
  for (const [key, value] of Object.entries(edits).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [kind = '', id = '', sub = ''] = splitKey(key);
    const item = card.scored.find((s) => s.metric === id);
    const unit = metric.get(id)?.unit ?? 'number';
    let done = false;
    switch (kind) {
      case 'weight':
      case 'min_sample':
        done = item !== undefined && setKey(lines, item.source.line, kind, String(value));
        break;
      case 'target':
      case 'floor':
        done = item !== undefined && setKey(lines, item.source.line, kind, writtenLike(value, unit));
        break;
      case 'low':
      case 'high':
      case 'floor_low':
      case 'floor_high': {
        // A range is written as two pairs: `target: [low, high]`, `floor: [floor_low, floor_high]`.
        const pair = kind === 'low' || kind === 'high' ? 'target' : 'floor';
        const nth = kind === 'low' || kind === 'floor_low' ? 0 : 1;
        done =
          item !== undefined && setPairElement(lines, item.source.line, pair, nth, writtenLike(value, unit));
        break;
      }
      case 'band':
      case 'band_score': {
        const band = item?.bands[Number(sub)];
        if (item === undefined || band === undefined) break;
        const name = kind === 'band' ? band.bound : 'score';
        done = setKey(
          lines,
          item.source.line,
          name,
          kind === 'band' ? writtenLike(value, unit) : String(value),
          {
            nth: Number(sub),
            after: 'bands',
          },
        );
        break;
      }
      case 'group': {
        const group = card.groups.find((g) => g.id === id);
        done =
          group !== undefined &&
          setKey(lines, group.source.line, 'weight', String(value), { before: 'scored' });
        break;
      }
      case 'grade': {
        const line = grades.get(id);
        done = line !== undefined && setKey(lines, line, 'min_score', String(value));
        break;
      }
      case 'points':
      case 'min':
      case 'max': {
        const a = card.adjustments.find((x) => x.id === id);
        const name = kind === 'points' ? 'points_each' : kind;
        done = a !== undefined && setKey(lines, a.source.line, name, String(value));
        break;
      }
      case 'veto': {
        const v = card.vetoes.find((x) => x.id === id);
        // A condition compares numbers as written: no unit suffix.
        done =
          v !== undefined &&
          setKey(lines, v.source.line, 'value', String(value), { nth: Number(sub), after: 'when' });
        break;
      }
      case 'max_share':
      case 'min_share': {
        const d = card.distribution;
        const at = d === null ? undefined : ruleLine(lines, d.source.line, id);
        done = at !== undefined && setKey(lines, at, kind, writtenLike(value, 'ratio'));
        break;
      }
    }
    if (!done) unplaced.push(key);
  }
  const before = data.policy.text.split('\n');
  const changed: ChangedLine[] = [];
  // Keys are only replaced or added after a line, so the texts align once added lines are skipped.
  for (let i = 0, j = 0; j < lines.length; j++) {
    const now = lines[j] ?? '';
    if (before[i] === now) {
      i++;
      continue;
    }
    const added = now.startsWith(ADDED);
    if (added) lines[j] = now.slice(ADDED.length);
    changed.push({ line: j + 1, before: added ? '' : (before[i] ?? ''), after: lines[j] ?? '' });
    if (!added) i++;
  }
  return { text: lines.join('\n'), changed, unplaced };
}

const ADDED = '\u0000';

/** The lines of a rule: from its line, every following line more indented than it (or blank). */
function extent(lines: readonly string[], line: number): [number, number] {
  const start = line - 1;
  const first = lines[start] ?? '';
  const indent = first.length - first.trimStart().length;
  let end = start + 1;
  while (end < lines.length) {
    const l = lines[end] ?? '';
    if (l.trim() !== '' && l.length - l.trimStart().length <= indent) break;
    end++;
  }
  while (end > start + 1 && (lines[end - 1] ?? '').trim() === '') end--;
  return [start, end];
}

const VALUE = /^\s*(?:"[^"]*"|'[^']*'|[^,}\]\s#][^,}\]#]*?)(?=\s*(?:[,}\]#]|$))/;

/** Where `key:` is written in the lines `[start, end)`: line index and the offset after the colon. */
function occurrences(
  lines: readonly string[],
  start: number,
  end: number,
  key: string,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (let i = start; i < end; i++) {
    const pattern = new RegExp(`(?:^|[\\s{,])${key}:`, 'g');
    for (const m of (lines[i] ?? '').matchAll(pattern)) out.push([i, m.index + m[0].length]);
  }
  return out;
}

const beforeOrAt = (a: [number, number], b: [number, number]) =>
  a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);

/**
 * Sets `key: value` in the rule starting at `line`: the `nth` occurrence of the key (after the
 * first `after:`, before the first `before:`, when given) has its value replaced; when the key is
 * absent and no `nth` is asked, it is added to the rule's mapping (inside a one-line `{ … }`, or
 * as a line).
 */
function setKey(
  lines: string[],
  line: number,
  key: string,
  value: string | Written,
  options: { nth?: number; after?: string; before?: string } = {},
): boolean {
  const [start, end] = extent(lines, line);
  const after = options.after === undefined ? undefined : occurrences(lines, start, end, options.after)[0];
  const before = options.before === undefined ? undefined : occurrences(lines, start, end, options.before)[0];
  if (options.after !== undefined && after === undefined) return false;
  const found = occurrences(lines, start, end, key).filter(
    (o) => (after === undefined || beforeOrAt(after, o)) && (before === undefined || beforeOrAt(o, before)),
  );
  const write = typeof value === 'string' ? () => value : value;
  const at = found[options.nth ?? 0];
  if (at !== undefined) {
    const [i, offset] = at;
    const text = lines[i] ?? '';
    const v = VALUE.exec(text.slice(offset));
    if (v === null) return false;
    lines[i] = `${text.slice(0, offset)} ${write(v[0].trim())}${text.slice(offset + v[0].length)}`;
    return true;
  }
  if (found.length > 0 || options.nth !== undefined) return false;
  const first = lines[start] ?? '';
  if (end - start === 1 && /\}\s*(#.*)?$/.test(first)) {
    lines[start] = first.replace(/\s*\}(\s*(#.*)?)$/, `, ${key}: ${write(null)} }$1`);
    return true;
  }
  const body = lines[start + 1] ?? '';
  const dash = first.indexOf('- ');
  const indent = dash === -1 ? body.length - body.trimStart().length : dash + 2;
  lines.splice(start + 1, 0, `${ADDED}${' '.repeat(indent)}${key}: ${write(null)}`);
  return true;
}

const PAIR = /^(\s*\[\s*)([^,\]\s][^,\]]*?)(\s*,\s*)([^,\]\s][^,\]]*?)(\s*\])/;

/**
 * Sets the `nth` element (0 or 1) of the pair written under `key` in the rule starting at `line`:
 * a flow pair (`target: [5m, 15m]`) or a block one (`target:` and two `- ` lines under it).
 */
function setPairElement(lines: string[], line: number, key: string, nth: number, write: Written): boolean {
  const [start, end] = extent(lines, line);
  const at = occurrences(lines, start, end, key)[0];
  if (at === undefined) return false;
  const [i, offset] = at;
  const text = lines[i] ?? '';
  const rest = text.slice(offset);
  const flow = PAIR.exec(rest);
  if (flow !== null) {
    const [whole, open = '', first = '', comma = '', second = '', close = ''] = flow;
    const pair = nth === 0 ? [write(first), second] : [first, write(second)];
    lines[i] =
      `${text.slice(0, offset)}${open}${pair[0]}${comma}${pair[1]}${close}${rest.slice(whole.length)}`;
    return true;
  }
  if (!/^\s*(#.*)?$/.test(rest)) return false;
  const j = i + 1 + nth;
  const item = /^(\s*-\s+)([^#\s][^#]*?)(\s*(#.*)?)$/.exec(lines[j] ?? '');
  if (j >= end || item === null) return false;
  lines[j] = `${item[1]}${write(item[2] ?? '')}${item[3] ?? ''}`;
  return true;
}

/** Writes a new value in place of the one written (null when the key is added). */
type Written = (old: string | null) => string;

const WRITTEN = /^(-?\d+(?:\.\d+)?)\s*(%|s|m|h)?$/;
const SECONDS_PER: Readonly<Record<string, number>> = { m: 60, h: 3600 };

/**
 * A quantity in the notation of the value it replaces, read back by the policy to the same
 * number: a ratio written as a fraction stays a fraction, durations written in minutes or hours
 * stay in them when the new value is a plain decimal of that unit, a duration written as a bare
 * number of seconds stays bare; otherwise (and when the key is added) as {@link quantityText}.
 */
function writtenLike(value: number, unit: Unit): Written {
  return (old) => {
    const m = old === null ? null : WRITTEN.exec(old.replace(/^(["'])(.*)\1$/, '$2').trim());
    if (m === null) return quantityText(value, unit);
    const suffix = m[2];
    if (suffix === undefined && (unit === 'ratio' || unit === 'seconds')) return String(value);
    const per = suffix === undefined ? undefined : SECONDS_PER[suffix];
    if (unit === 'seconds' && per !== undefined) {
      const n = String(Number((value / per).toPrecision(12)));
      if (/^-?\d+(\.\d+)?$/.test(n) && Number(n) * per === value) return `${n}${suffix}`;
    }
    return quantityText(value, unit);
  };
}

/** The line of each grade's item under the top-level `grades:`, by grade. */
function gradeLines(lines: readonly string[]): Map<string, number> {
  const out = new Map<string, number>();
  const at = lines.findIndex((l) => /^grades:/.test(l));
  if (at === -1) return out;
  const [, end] = extent(lines, at + 1);
  for (let i = at + 1; i < end; i++) {
    const m = /^\s*-\s.*?grade:\s*["']?([^,"'}\s]+)/.exec(lines[i] ?? '');
    if (m?.[1] !== undefined) out.set(m[1], i + 1);
  }
  return out;
}

/**
 * The line of the forced distribution's rule of a grade (the item naming `grade: <grade>`).
 * policy.json gives a block mapping's line as that of its first key (`tie_breakers:`), so the
 * rules are searched under the `distribution:` line above it.
 */
function ruleLine(lines: readonly string[], line: number, grade: string): number | undefined {
  const own = /^\s*(?:-\s+)?distribution:/.test(lines[line - 1] ?? '') ? line : parentLine(lines, line);
  const [start, end] = extent(lines, own);
  for (let i = start; i < end; i++) {
    const m = /^(\s*)-\s.*?grade:\s*["']?([^,"'}\s]+)/.exec(lines[i] ?? '');
    if (m?.[2] === grade) return i + 1;
  }
  return undefined;
}

/** The nearest line above `line` that is less indented than it (not blank, not a comment). */
function parentLine(lines: readonly string[], line: number): number {
  const text = lines[line - 1] ?? '';
  const indent = text.length - text.trimStart().length;
  for (let i = line - 2; i >= 0; i--) {
    const l = lines[i] ?? '';
    if (l.trim() !== '' && !l.trimStart().startsWith('#') && l.length - l.trimStart().length < indent)
      return i + 1;
  }
  return line;
}

/** A number as the reader types it in its unit: a ratio in percent (`95` for 0.95), else as it is. */
export function toInput(value: number, unit: Unit | 'number'): string {
  return unit === 'ratio' ? String(Number((value * 100).toPrecision(12))) : String(value);
}

/** What the reader typed, in the policy's units (a percentage ÷ 100, as `95%` is read); null when not a number. */
export function fromInput(text: string, unit: Unit | 'number'): number | null {
  const n = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(n)) return null;
  return unit === 'ratio' ? n / 100 : n;
}

// The agent's own targets row of a quota item as published; null when it was scored by the
// scorecard's target (an edit of the item's target and floor moves only those agents).
function ownTarget(quota: MetricResult['quota']): Parameters<typeof scoreQuota>[3] {
  if (quota === undefined || quota.from !== 'targets' || quota.file === null || quota.line === null)
    return null;
  return { target: quota.target, floor: quota.floor, file: quota.file, line: quota.line };
}
