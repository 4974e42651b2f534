import { metricDefinition, type RatingMetricDefinition, TABLES } from '@scorebook/contract';
import { checkConditionAt, rowVocabulary } from './conditions-check.ts';
import { asNumber, type CheckContext, isRecord, type Path } from './context.ts';
import { checkMappedValues } from './mapped-values-check.ts';
import { metricHeadOf } from './metric-head.ts';

/** The keys only a metric of kind `rating` takes. */
export const RATING_KEYS = ['dimension', 'roles', 'min_raters', 'include_self'] as const;

const NOT_FOR_RATING = ['table', 'field', 'numerator', 'denominator', 'formula'] as const;

/**
 * Checks a metric of kind `rating` (`docs/ratings.md`): policy format 2, `roles` with at least
 * one role and every weight above 0, `min_raters` of at least 1, a `where` over the fields of
 * `ratings`, none of the keys of the other kinds; warns about a weight on `self` without
 * `include_self: true`. Role names are an open vocabulary: any name is accepted. Returns the
 * definition, or null when it has an error.
 */
export function checkRatingMetric(
  ctx: CheckContext,
  path: Path,
  item: Record<string, unknown>,
): RatingMetricDefinition | null {
  let ok = ctx.v2([...path, 'kind'], '评分指标 kind: rating', 'A rating metric (kind: rating)');
  const id = typeof item.id === 'string' ? item.id : '';
  const need = (zh: string, en: string, at: Path) => {
    ctx.report(at, 'METRIC_KIND_KEYS', { kind: 'rating', need: zh, needEn: en }, { anchor: 'key' });
    ok = false;
  };
  for (const key of NOT_FOR_RATING)
    if (item[key] !== undefined)
      need(
        `不使用 ${key}(评分指标总是读 ratings 表的 score)`,
        `takes no ${key} (it always reads score of the ratings table)`,
        [...path, key],
      );
  const roles: Record<string, number> = {};
  if (!isRecord(item.roles)) {
    if (item.roles === undefined)
      need('需要 roles(评分人角色及权重)', 'needs roles (the rater roles and their weights)', path);
    ok = false;
  } else {
    const entries = Object.entries(item.roles);
    if (entries.length === 0) {
      ctx.report([...path, 'roles'], 'RATING_ROLES_EMPTY', { metric: id });
      ok = false;
    }
    for (const [role, weight] of entries) {
      // JavaScript lists keys that are array indices (a whole number without sign or leading zero,
      // below 2³² − 1) first, in numeric order, whatever order the YAML wrote: the roles' order
      // (their weighted sum, the explanations) would not be the policy's.
      if (/^(0|[1-9][0-9]*)$/.test(role) && Number(role) <= 4_294_967_294) {
        ctx.report(
          [...path, 'roles', role],
          'RATING_ROLE_DIGITS_ONLY',
          { metric: id, role },
          { anchor: 'key' },
        );
        ok = false;
      }
      const w = asNumber(weight);
      if (w === null) {
        ok = false;
        continue;
      }
      if (w <= 0) {
        ctx.report([...path, 'roles', role], 'RATING_WEIGHT_NOT_POSITIVE', { metric: id, role, weight: w });
        ok = false;
      }
      roles[role] = w;
    }
    if (Object.hasOwn(roles, 'self') && item.include_self !== true)
      ctx.report(
        [...path, 'roles', 'self'],
        'RATING_SELF_WEIGHT_UNUSED',
        { metric: id },
        { severity: 'warning', anchor: 'key' },
      );
  }
  const minRaters = item.min_raters === undefined ? 1 : asNumber(item.min_raters);
  if (minRaters === null) ok = false;
  else if (minRaters < 1) {
    ctx.report([...path, 'min_raters'], 'RATING_MIN_RATERS_BELOW_ONE', { metric: id, value: minRaters });
    ok = false;
  }
  const raw = item.dimension;
  const dimension =
    raw === undefined ? null : typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : null;
  if (raw !== undefined && (dimension === null || !dimension.every((d) => typeof d === 'string'))) ok = false;
  if (item.where !== undefined) {
    const vocabulary = rowVocabulary(
      { ...ctx.extraFields.ratings, ...TABLES.ratings.fields },
      'ratings',
      true,
    );
    checkMappedValues(ctx, [...path, 'where'], item.where, 'ratings');
    if (checkConditionAt(ctx, [...path, 'where'], item.where, vocabulary) === null) ok = false;
  }
  const head = ok && minRaters !== null ? metricHeadOf(item, 'score') : null;
  if (head === null || minRaters === null) return null;
  const definition = metricDefinition(head, {
    kind: 'rating',
    where: isRecord(item.where) ? (item.where as RatingMetricDefinition['where']) : null,
    dimension: dimension as string[] | null,
    roles,
    min_raters: minRaters,
    include_self: item.include_self === true,
  });
  return definition.kind === 'rating' ? definition : null;
}
