import { defineCatalogue, messageOf } from '@scorebook/problems';
import type { AppealRules, Scorecard } from '../model.ts';
import { asArray, asNumber, asString, type CheckContext, isRecord, type Path } from './context.ts';
import { suggestMetrics } from './metric-suggestion.ts';

/** Days after the period's last day to file an appeal when the policy does not say. */
export const DEFAULT_APPEAL_WINDOW_DAYS = 30;

/** The tables whose records an appeal can name (`docs/appeals.md`); every one when a policy lists none. */
export const APPEAL_RECORD_TABLES = [
  'conversations',
  'surveys',
  'complaints',
  'qa_reviews',
  'orders',
] as const;
const ids = { type: 'array', items: { type: 'string', minLength: 1 } } as const;

/** The schema of a policy's optional `appeals:` section, a part of the policy's schema. */
export const APPEAL_RULES_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description: '申诉规则(可省略:30 天、全部记录表、全部指标和否决项、终局)/ appeal rules',
  properties: {
    window_days: {
      type: 'integer',
      minimum: 0,
      description: '期间最后一天之后可提交申诉的天数,默认 30 / days after the period to file, default 30',
    },
    tables: {
      type: 'array',
      items: { enum: [...APPEAL_RECORD_TABLES] },
      description: '可申诉其记录的表,默认全部 / tables whose records may be appealed, default all',
    },
    metrics: { ...ids, description: '可申诉的指标,默认全部 / metrics that may be appealed, default all' },
    vetoes: { ...ids, description: '可申诉的一票否决,默认全部 / vetoes that may be appealed, default all' },
    final: { type: 'boolean', description: '裁决默认是否终局,默认 true / decisions final by default' },
    months: {
      enum: ['none', 'records'],
      description:
        '重新计算的季度/年度是否采用各月申诉对记录的裁决(v2):none 不采用(默认),records 采用移除、更正、改记 / whether a recomputed quarter or year applies its months\u2019 decisions on records (v2): none (default) or records',
    },
  },
} as const;

/** Problems of the `appeals:` section after its schema. Codes are permanent. */
const APPEAL_RULE_ERRORS = defineCatalogue({
  APPEAL_RULE_UNKNOWN_METRIC: {
    zh: (p: { metric: string; suggestions: readonly string[] }) =>
      `appeals.metrics 中的 ${p.metric} 不是任何考核表的计分指标。${p.suggestions.length > 0 ? `是否想写 ${p.suggestions.join(' 或 ')}?` : '请写计分指标的编号。'}`,
    en: (p: { metric: string; suggestions: readonly string[] }) =>
      `appeals.metrics lists ${p.metric}, which no scorecard scores. ${p.suggestions.length > 0 ? `Did you mean ${p.suggestions.join(' or ')}?` : 'Write the id of a scored metric.'}`,
  },
  APPEAL_RULE_UNKNOWN_VETO: {
    zh: (p: { veto: string }) =>
      `appeals.vetoes 中的 ${p.veto} 不是任何考核表的一票否决。请写一票否决的编号。`,
    en: (p: { veto: string }) =>
      `appeals.vetoes lists ${p.veto}, which is no scorecard's veto. Write the id of a veto.`,
  },
});

/**
 * Checks the `appeals:` section (its shape is the schema's): the metrics and vetoes it lists
 * must be some scorecard's. Returns the rules, or null when the policy has no section.
 */
export function checkAppealRules(
  ctx: CheckContext,
  raw: unknown,
  scorecards: readonly Scorecard[],
): AppealRules | null {
  if (!isRecord(raw)) return null;
  const scored = new Set(scorecards.flatMap((s) => s.scored.map((i) => i.metric)));
  const vetoes = new Set(scorecards.flatMap((s) => s.vetoes.map((v) => v.id)));
  const listed = (key: string, known: ReadonlySet<string> | null): string[] | null => {
    if (raw[key] === undefined) return null;
    return asArray(raw[key]).flatMap((item, i) => {
      const id = asString(item);
      if (id === null) return [];
      const path: Path = ['appeals', key, i];
      if (known?.has(id) === false) {
        const message =
          key === 'metrics'
            ? messageOf(APPEAL_RULE_ERRORS, 'APPEAL_RULE_UNKNOWN_METRIC', {
                metric: id,
                suggestions: suggestMetrics(id, [...scored]),
              })
            : messageOf(APPEAL_RULE_ERRORS, 'APPEAL_RULE_UNKNOWN_VETO', { veto: id });
        ctx.add(path, key === 'metrics' ? 'APPEAL_RULE_UNKNOWN_METRIC' : 'APPEAL_RULE_UNKNOWN_VETO', message);
      }
      return [id];
    });
  };
  const months =
    (raw.months === 'none' || raw.months === 'records') &&
    ctx.v2(
      ['appeals', 'months'],
      '季度/年度采用各月申诉 appeals.months',
      'Months\u2019 appeals in a quarter or year (appeals.months)',
    )
      ? raw.months
      : null;
  return {
    window_days: asNumber(raw.window_days),
    tables: listed('tables', null),
    metrics: listed('metrics', scored),
    vetoes: listed('vetoes', vetoes),
    final: typeof raw.final === 'boolean' ? raw.final : null,
    months,
  };
}
