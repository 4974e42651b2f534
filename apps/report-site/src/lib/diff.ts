import type { Condition } from '@scorebook/conditions';
import type { PolicySnapshot, SnapshotBand, Unit } from '@scorebook/contract';
import { formatPolicyCondition, type PolicyChange } from '@scorebook/policy';
import { type Currency, formatBands, formatValue } from './format.ts';
import { type FixedTextKey, type Lang, localized, t } from './messages.ts';

/** One change between two policy versions, in words: where it is, what changed, before and after. */
export interface ChangeRow {
  where: string;
  what: string;
  before: string;
  after: string;
  kind: PolicyChange['kind'];
}

/**
 * A change of the policy package's meaning-level diff in the reader's words: a scorecard, metric,
 * exclusion, adjustment or veto named by its title (from the snapshot that has it) with its id in
 * brackets; quantities in the metric's unit; conditions as sentences (a ratio metric's threshold
 * as a percentage, as the policy package writes it); a rule that was added or removed as its main
 * properties in words — never as raw JSON.
 */
export function describeChangeRow(
  change: PolicyChange,
  before: PolicySnapshot,
  after: PolicySnapshot,
  lang: Lang,
  currency: Currency,
): ChangeRow {
  const scorecardOf = (id: string) =>
    after.scorecards.find((s) => s.id === id) ?? before.scorecards.find((s) => s.id === id) ?? null;
  const metricOf = (id: string) =>
    after.metrics.find((m) => m.id === id) ?? before.metrics.find((m) => m.id === id) ?? null;
  const named = (title: string | null, id: string) =>
    title === null || title === id ? id : `${title} (${id})`;
  const parts: string[] = [];
  if (change.scorecard !== null) {
    const s = scorecardOf(change.scorecard);
    parts.push(
      `${t(lang, 'scorecard')} ${named(s && localized(lang, s.title, s.title_en), change.scorecard)}`,
    );
  }
  if (change.area !== 'scorecard') parts.push(t(lang, AREA[change.area]));
  if (change.subject !== null) {
    const m = change.area === 'scored' || change.area === 'metric' ? metricOf(change.subject) : null;
    parts.push(named(m && localized(lang, m.title, m.title_en), change.subject));
  }
  const field = change.field;
  const what =
    field === null
      ? t(
          lang,
          change.kind === 'added'
            ? 'changeAdded'
            : change.kind === 'removed'
              ? 'changeRemoved'
              : 'changeChanged',
        )
      : Object.hasOwn(FIELD, field)
        ? t(lang, FIELD[field] ?? 'changeChanged')
        : field;
  const text = (value: unknown) =>
    valueText(
      value,
      field,
      { unit: change.unit ?? 'number', ratioFacts: change.ratio_facts ?? [] },
      lang,
      currency,
    );
  return {
    where: parts.join(' › '),
    what,
    before: text(change.before),
    after: text(change.after),
    kind: change.kind,
  };
}

/** How a change's values read: quantities in `unit`, and the ratio metrics its conditions compare. */
interface ValueUnits {
  unit: Unit;
  ratioFacts: readonly string[];
}

function valueText(
  value: unknown,
  field: string | null,
  units: ValueUnits,
  lang: Lang,
  currency: Currency,
): string {
  const { unit } = units;
  const condition = (c: unknown) => formatPolicyCondition(c as Condition, lang, units.ratioFacts);
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number')
    return field === 'target' || field === 'floor' ? formatValue(value, unit, lang, currency) : String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return t(lang, value ? 'yes' : 'no');
  if (field === 'when' || field === 'where') return condition(value);
  if (Array.isArray(value)) {
    if (field === 'bands') return formatBands(value as SnapshotBand[], unit, lang, currency) || '—';
    return value.map((v) => valueText(v, null, units, lang, currency)).join(', ') || '—';
  }
  if (typeof value !== 'object') return String(value);
  return Object.entries(value)
    .filter(
      ([k, v]) =>
        v !== null && k !== 'source' && k !== 'line' && k !== 'id' && !(Array.isArray(v) && v.length === 0),
    )
    .map(([k, v]) => {
      const label = Object.hasOwn(FIELD, k) ? t(lang, FIELD[k] ?? 'changeChanged') : k;
      const inner = k === 'when' || k === 'where' ? condition(v) : valueText(v, k, units, lang, currency);
      return `${label} ${inner}`;
    })
    .join(' · ');
}

const AREA: Readonly<Record<PolicyChange['area'], FixedTextKey>> = {
  policy: 'policy',
  business_hours: 'businessHours',
  exclusion: 'exclusions',
  metric: 'diffAreaMetric',
  grade: 'grade',
  scorecard: 'scorecard',
  eligibility: 'eligibility',
  scored: 'diffAreaScored',
  adjustment: 'adjustments',
  veto: 'vetoes',
  distribution: 'forcedDistribution',
  group: 'group',
  flag: 'flags',
  reward: 'rewards',
  award: 'awards',
  appeals: 'diffAreaAppeals',
  periods: 'diffAreaPeriods',
};

const FIELD: Readonly<Record<string, FixedTextKey>> = {
  weight: 'weight',
  target: 'target',
  floor: 'floor',
  bands: 'bands',
  min_sample: 'minSample',
  method: 'method',
  when: 'condition',
  reason: 'reason',
  reason_en: 'diffReasonEn',
  cap_grade: 'capGrade',
  points_each: 'pointsEach',
  min: 'min',
  max: 'max',
  min_score: 'minScore',
  label: 'gradeLabel',
  label_en: 'diffLabelEn',
  title: 'diffTitle',
  title_en: 'diffTitleEn',
  description: 'diffDescription',
  description_en: 'diffDescriptionEn',
  roles: 'roles',
  version: 'version',
  effective_from: 'effectiveFrom',
  timezone: 'timezone',
  intervals: 'businessHours',
  dates: 'holidays',
  table: 'table',
  kind: 'kind',
  better: 'direction',
  unit: 'diffUnit',
  field: 'field',
  numerator: 'numerator',
  denominator: 'denominator',
  metric: 'metric',
  order: 'diffOrder',
};
