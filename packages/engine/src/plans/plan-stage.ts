import { closest } from '@scorebook/config-file';
import type { AgentPlans, MetricDefinition, PlanExplanation } from '@scorebook/contract';
import type { Policy } from '@scorebook/policy';
import { defineCatalogue, messageOf, type Problem } from '@scorebook/problems';
import { parsePeriod, type ZonedPeriod } from '@scorebook/time';
import type { Agent } from '../check/row-checks.ts';
import { type Row, valuesOf } from '../row.ts';

const q = (v: string) => `"${v}"`;

/**
 * Problems of the rows of the `improvement_plans` table (`docs/plans.md`). Codes are permanent;
 * each names the row as `file:line`.
 */
export const PLAN_ERRORS = defineCatalogue({
  PLAN_BAD_PERIOD: {
    zh: (p: { value: string }) =>
      `改进计划的 period ${q(p.value)} 不是期间。请写成月 2026-10、季度 2026-Q4 或年 2026。`,
    en: (p: { value: string }) =>
      `The period ${q(p.value)} of an improvement plan is not a period. Write a month 2026-10, a quarter 2026-Q4 or a year 2026.`,
  },
  PLAN_UNKNOWN_METRIC: {
    zh: (p: { metric: string; plan: string; meant: { id: string; title: string; titleEn: string } | null }) =>
      `改进计划 ${q(p.plan)} 的指标 ${q(p.metric)} 不是策略指标目录中的指标。${p.meant === null ? '请写指标 id(例如 first_response_time),指标目录见策略页面。' : `是否想写 ${q(p.meant.id)}(指标“${p.meant.title}”的 id)?metric 列写指标 id,不写标题。`}`,
    en: (p: { metric: string; plan: string; meant: { id: string; title: string; titleEn: string } | null }) =>
      `The metric ${q(p.metric)} of improvement plan ${q(p.plan)} is no metric of the policy's catalog. ${p.meant === null ? 'Write a metric id (first_response_time, say); the policy page lists the catalog.' : `Did you mean ${q(p.meant.id)} (the id of "${p.meant.titleEn}")? The metric column takes a metric id, not a title.`}`,
  },
  PLAN_DONE_WITHOUT_DATE: {
    zh: (p: { plan: string }) =>
      `改进计划 ${q(p.plan)} 的状态是 done(已完成),但没有完成日期 completed_at,无法判断是否按期完成。请填写完成日期。`,
    en: (p: { plan: string }) =>
      `Improvement plan ${q(p.plan)} is done but has no completed_at, so whether it was done by its due date cannot be told. Fill in the completion date.`,
  },
  PLAN_METRIC_NOT_IN_SCORECARD: {
    zh: (p: { plan: string; metric: string; agent: string; scorecard: string }) =>
      `客服 ${q(p.agent)} 的改进计划 ${q(p.plan)} 针对指标 ${q(p.metric)},但其考核表 ${p.scorecard} 既不考核也不按它加减分:计划照常计入完成率,请确认指标是否写对。`,
    en: (p: { plan: string; metric: string; agent: string; scorecard: string }) =>
      `Improvement plan ${q(p.plan)} of agent ${q(p.agent)} is about ${q(p.metric)}, which the agent's scorecard ${p.scorecard} neither scores nor adjusts by: the plan still counts in the completion rate; check the metric.`,
  },
});

/**
 * The rows of the `improvement_plans` table for one evaluation (`docs/plans.md`), fed as they
 * are accepted. A row belongs to the period its `period` names when that is the evaluated
 * period's id (a quarter does not read its months' plans). Of such a row: the metric must be
 * in the policy's catalog (error), and a `done` plan must have a `completed_at` (error); a
 * metric the agent's scorecard neither scores nor adjusts by is a warning. A period that is no
 * period is an error for any row. Each kept row gets the derived fields `counted`, `completed`
 * and `late`, and is handed to the measure stage by the caller.
 */
export class PlanStage {
  readonly #period: ZonedPeriod;
  readonly #files: readonly string[];
  readonly #agents: readonly Agent[];
  readonly #catalog: ReadonlySet<string>;
  readonly #definitions: readonly MetricDefinition[];
  /** The metrics each role's scorecard scores or adjusts by, and the scorecard's id. */
  readonly #cards: ReadonlyMap<string, { scorecard: string; metrics: ReadonlySet<string> }>;
  readonly #plans = new Map<number, PlanExplanation[]>();
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];
  /** True when a metric of the catalog measures `improvement_plans`: then the table is read. */
  readonly used: boolean;

  constructor(options: {
    policy: Policy;
    definitions: readonly MetricDefinition[];
    period: ZonedPeriod;
    agents: readonly Agent[];
    files: readonly string[];
  }) {
    this.#period = options.period;
    this.#files = options.files;
    this.#agents = options.agents;
    this.#catalog = new Set(options.definitions.map((d) => d.id));
    this.#definitions = options.definitions;
    const cards = new Map<string, { scorecard: string; metrics: ReadonlySet<string> }>();
    for (const s of options.policy.scorecards) {
      const metrics = new Set([...s.scored.map((i) => i.metric), ...s.adjustments.map((a) => a.metric)]);
      for (const role of s.roles) cards.set(role, { scorecard: s.id, metrics });
    }
    this.#cards = cards;
    this.used = options.definitions.some(readsPlans);
  }

  /**
   * Takes an accepted row (its agent is among the accepted agents): returns it with its derived
   * fields when it is a plan of the period that the measure stage counts, else null.
   */
  add(row: Row, agentIndex: ReadonlyMap<string, number>): Row | null {
    const v = valuesOf('improvement_plans', row.values);
    const file = this.#files[row.file] ?? null;
    const problem = (code: keyof typeof PLAN_ERRORS, message: Problem['message'], warning = false) =>
      (warning ? this.warnings : this.problems).push({
        code,
        severity: warning ? 'warning' : 'error',
        message,
        file,
        line: row.line,
        column: null,
      });
    const period = parsePeriod(v.period);
    if (period === null) {
      problem('PLAN_BAD_PERIOD', messageOf(PLAN_ERRORS, 'PLAN_BAD_PERIOD', { value: v.period }));
      return null;
    }
    if (period.id !== this.#period.id) return null;
    if (!this.#catalog.has(v.metric)) {
      const meant = this.#meant(v.metric);
      const params = {
        metric: v.metric,
        plan: v.plan_id,
        meant: meant && { id: meant.id, title: meant.title, titleEn: meant.title_en ?? meant.title },
      };
      problem('PLAN_UNKNOWN_METRIC', messageOf(PLAN_ERRORS, 'PLAN_UNKNOWN_METRIC', params));
      return null;
    }
    if (v.status === 'done' && v.completed_at === null) {
      problem(
        'PLAN_DONE_WITHOUT_DATE',
        messageOf(PLAN_ERRORS, 'PLAN_DONE_WITHOUT_DATE', { plan: v.plan_id }),
      );
      return null;
    }
    const agent = this.#agents[agentIndex.get(v.agent_id) ?? -1];
    if (agent === undefined) return null;
    const card = this.#cards.get(agent.role);
    const inScorecard = card?.metrics.has(v.metric) ?? false;
    if (!inScorecard) {
      const params = {
        plan: v.plan_id,
        metric: v.metric,
        agent: v.agent_id,
        scorecard: card?.scorecard ?? '(无 / none)',
      };
      problem(
        'PLAN_METRIC_NOT_IN_SCORECARD',
        messageOf(PLAN_ERRORS, 'PLAN_METRIC_NOT_IN_SCORECARD', params),
        true,
      );
    }
    const done = v.status === 'done' && v.completed_at !== null;
    // Dates are YYYY-MM-DD: their text order is their calendar order.
    const completed = done && v.completed_at !== null && v.completed_at <= v.due_date;
    const derived = { counted: v.status !== 'cancelled', completed, late: done && !completed };
    Object.assign(row.values, derived);
    const plans = this.#plans.get(agent.index) ?? [];
    plans.push({
      plan_id: v.plan_id,
      metric: v.metric,
      action: v.action,
      due_date: v.due_date,
      status: v.status as PlanExplanation['status'],
      completed_at: v.completed_at,
      ...derived,
      in_scorecard: inScorecard,
      file,
      line: row.line,
    });
    this.#plans.set(agent.index, plans);
    return row;
  }

  /**
   * The metric a plan most likely meant by a name not in the catalog: the one whose title or
   * English title it is (spaces and case aside), else the one whose id or title is nearest by
   * edit distance (a typo, 首次响应时长 for 首次响应时间); null when none is close.
   */
  #meant(name: string): MetricDefinition | null {
    const key = (text: string) => text.replace(/\s+/g, '').toLowerCase();
    const wanted = key(name);
    const titled = this.#definitions.find(
      (d) => key(d.title) === wanted || (d.title_en !== null && key(d.title_en) === wanted),
    );
    if (titled !== undefined) return titled;
    const names = new Map<string, MetricDefinition>();
    for (const d of this.#definitions)
      for (const n of [d.id, d.title, d.title_en]) if (n !== null && !names.has(key(n))) names.set(key(n), d);
    const near = closest(wanted, [...names.keys()]);
    return near === null ? null : (names.get(near) ?? null);
  }

  /** An agent's plans of the period, in plan-id order. */
  plansOf(agent: number): PlanExplanation[] {
    return [...(this.#plans.get(agent) ?? [])].sort((a, b) =>
      a.plan_id < b.plan_id ? -1 : a.plan_id > b.plan_id ? 1 : 0,
    );
  }

  /** The explanation block of an agent, with the previous period's worst metrics given. */
  explain(agent: number, previous: AgentPlans['previous']): AgentPlans {
    return { previous, plans: this.plansOf(agent) };
  }
}

/** True for a metric definition that measures the `improvement_plans` table. */
export function readsPlans(d: MetricDefinition): boolean {
  if (d.kind === 'formula') return false;
  if (d.kind === 'ratio')
    return d.numerator.table === 'improvement_plans' || d.denominator.table === 'improvement_plans';
  return d.table === 'improvement_plans';
}
