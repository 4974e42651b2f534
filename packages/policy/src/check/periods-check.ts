import { defineCatalogue, messageOf } from '@scorebook/problems';
import type { PeriodRules, Scorecard } from '../model.ts';
import { asNumber, type CheckContext, isRecord } from './context.ts';

const HOW = {
  enum: ['recompute', 'from_months'],
  description:
    'recompute:按期间内全部记录重新计算(默认);from_months:总分取各月总分的平均 / recompute over the period (default), or the mean of the monthly totals',
} as const;

/** The schema of a policy's optional `periods:` section (v2), a part of the policy's schema. */
export const PERIOD_RULES_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  description:
    '季度和年度如何考核(v2,可省略:按期间记录重新计算)/ how quarters and years are scored (v2; default: recomputed)',
  properties: {
    quarter: HOW,
    year: HOW,
    min_months: {
      type: 'integer',
      minimum: 1,
      maximum: 12,
      description:
        'from_months:至少有几个月参与评级才评季度/年度,默认 1 / from_months: months rated needed to be rated, default 1',
    },
  },
} as const;

/** Problems of the `periods:` section after its schema. Codes are permanent. */
const PERIOD_RULE_ERRORS = defineCatalogue({
  PERIODS_MIN_MONTHS_OVER_QUARTER: {
    zh: (p: { months: number }) =>
      `periods.min_months 为 ${p.months},但季度只有 3 个月(quarter: from_months):没有客服能参与季度评级。请写 1 到 3。`,
    en: (p: { months: number }) =>
      `periods.min_months is ${p.months}, but a quarter has 3 months (quarter: from_months): no agent could be rated for a quarter. Write 1 to 3.`,
  },
  FROM_MONTHS_NOT_WITH: {
    zh: (p: { scorecard: string; key: string }) =>
      `考核表 "${p.scorecard}" 有 ${p.key},而 periods 让季度或年度取各月总分的平均(from_months):${p.key} 按期间本身的排名改变等级,而各月总分的平均不经过这一步,尚不能同时使用。请删除 ${p.key},或把 periods 改为 recompute。`,
    en: (p: { scorecard: string; key: string }) =>
      `Scorecard "${p.scorecard}" has ${p.key}, while periods scores quarters or years as the mean of their months (from_months): ${p.key} moves grades by the period's own ranks, a step the mean of the months does not take, so the two cannot be combined yet. Remove ${p.key}, or set periods to recompute.`,
  },
});

/**
 * Checks the `periods:` section (its shape is the schema's; v2 only): `min_months` must fit a
 * quarter scored from its months, and a scorecard scored from months may not have a forced
 * distribution (rewards and awards are allowed). Returns the rules, or null when the policy has no section.
 */
export function checkPeriodRules(
  ctx: CheckContext,
  raw: unknown,
  scorecards: readonly Scorecard[],
): PeriodRules | null {
  if (!isRecord(raw)) return null;
  if (!ctx.v2(['periods'], '季度/年度考核方式 periods', 'How quarters and years are scored (periods)'))
    return null;
  const how = (key: 'quarter' | 'year') => (raw[key] === 'from_months' ? 'from_months' : 'recompute');
  const rules: PeriodRules = {
    quarter: how('quarter'),
    year: how('year'),
    min_months: asNumber(raw.min_months) ?? 1,
  };
  if (rules.quarter === 'from_months' && rules.min_months > 3)
    ctx.add(
      ['periods', 'min_months'],
      'PERIODS_MIN_MONTHS_OVER_QUARTER',
      messageOf(PERIOD_RULE_ERRORS, 'PERIODS_MIN_MONTHS_OVER_QUARTER', { months: rules.min_months }),
    );
  if (rules.quarter === 'from_months' || rules.year === 'from_months') {
    for (const s of scorecards) {
      // Rewards and awards are paid again on the period's grades (docs/periods.md).
      if (s.distribution !== null) {
        const key = 'distribution';
        ctx.add(
          ['scorecards', s.id, key],
          'FROM_MONTHS_NOT_WITH',
          messageOf(PERIOD_RULE_ERRORS, 'FROM_MONTHS_NOT_WITH', { scorecard: s.id, key }),
          { anchor: 'key' },
        );
      }
    }
  }
  return rules;
}
