import type { AgentExplanation, RatingExplanation, RatingMetricDefinition } from '@scorebook/contract';
import type { SitePeriod } from './load.ts';
import type { Lang } from './messages.ts';
import { metricTitle } from './views.ts';

/** A left-out rating as the agent page lists it: why, who rated in what role, and where. */
export interface LeftOutRating {
  reason: RatingExplanation['left_out'][number]['reason'];
  rater: string;
  role: string;
  score: number | null;
  file: string | null;
  line: number | null;
}

/** One rating metric of an agent: its title, value, per-role breakdown and left-out ratings. */
export interface RatingView {
  metric: string;
  title: string;
  rating: RatingExplanation;
  leftOut: LeftOutRating[];
}

/**
 * The agent's rating metrics (`docs/ratings.md`), in the order of the scorecard's items as the
 * explanations hold them: each with its breakdown by rater role and the ratings left out (self,
 * a role without weight, fewer raters than `min_raters`), with the file and line of each.
 * Empty when the explanations carry no rating metric.
 */
export function ratingViews(
  explanation: AgentExplanation | null,
  period: SitePeriod,
  lang: Lang,
): RatingView[] {
  return Object.entries(explanation?.metrics ?? {}).flatMap(([metric, m]) =>
    m.rating === undefined
      ? []
      : [
          {
            metric,
            title: metricTitle(period, metric, lang),
            rating: m.rating,
            leftOut: m.rating.left_out.map(({ reason, record }) => ({
              reason,
              rater: String(record.fields.rater_id ?? ''),
              role: String(record.fields.rater_role ?? ''),
              score: typeof record.fields.score === 'number' ? record.fields.score : null,
              file: record.file,
              line: record.line,
            })),
          },
        ],
  );
}

/**
 * A rating metric's rule in one line, as its metric page shows it: the weight of each role in the
 * policy's order, the dimensions (when given), `min_raters`, and `include_self` when true —
 * `supervisor 0.6, peer 0.4 · dimension teamwork · min_raters 2`.
 */
export function ratingRule(
  d: Pick<RatingMetricDefinition, 'roles' | 'dimension' | 'min_raters' | 'include_self'>,
): string {
  const roles = Object.entries(d.roles)
    .map(([role, weight]) => `${role} ${weight}`)
    .join(', ');
  return [
    roles,
    ...(d.dimension === null ? [] : [`dimension ${d.dimension.join(', ')}`]),
    `min_raters ${d.min_raters}`,
    ...(d.include_self ? ['include_self'] : []),
  ].join(' · ');
}

// The conventional rater roles (docs/ratings.md; what `source init` maps 主管, 同事 … onto).
const ROLE_ZH: Readonly<Record<string, string>> = {
  supervisor: '主管',
  peer: '同事',
  self: '自评',
  customer: '客户',
  qa: '质检',
  cross_dept: '跨部门',
};

/**
 * A rater role's name for the page's language beside the role as the policy writes it: the
 * Chinese name of a conventional role on a Chinese page (`主管`), null otherwise (the role is
 * shown as written: the vocabulary is open).
 */
export function roleName(role: string, lang: Lang): string | null {
  return lang === 'zh' && Object.hasOwn(ROLE_ZH, role) ? (ROLE_ZH[role] ?? null) : null;
}
