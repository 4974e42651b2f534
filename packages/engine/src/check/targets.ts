import type { MetricDefinition, RejectedRow } from '@scorebook/contract';
import type { Policy, ScoredItem } from '@scorebook/policy';
import { defineCatalogue, messageOf, type Problem } from '@scorebook/problems';
import { parsePeriod, type ZonedPeriod } from '@scorebook/time';
import { type Row, valuesOf } from '../row.ts';
import type { Agent } from './row-checks.ts';

const q = (v: string) => `"${v}"`;

/**
 * Problems of the rows of the `targets` table (`docs/scorecards.md`, per-agent targets). Codes are
 * permanent; each names the row as `file:line`.
 */
export const TARGET_ERRORS = defineCatalogue({
  TARGET_BAD_PERIOD: {
    zh: (p: { value: string }) =>
      `targets 表的 period ${q(p.value)} 不是期间。请写成月 2026-10、季度 2026-Q4 或年 2026。`,
    en: (p: { value: string }) =>
      `The period ${q(p.value)} of a targets row is not a period. Write a month 2026-10, a quarter 2026-Q4 or a year 2026.`,
  },
  TARGET_DUPLICATE: {
    zh: (p: { agent: string; metric: string; period: string; first: string }) =>
      `客服 ${q(p.agent)} 在 ${p.period} 的 ${q(p.metric)} 有两行个人目标(另一行在 ${p.first}),无法确定用哪一行。请删除其中一行。`,
    en: (p: { agent: string; metric: string; period: string; first: string }) =>
      `Agent ${q(p.agent)} has two targets rows for ${q(p.metric)} in ${p.period} (the other at ${p.first}): which one applies cannot be told. Remove one of them.`,
  },
  TARGET_METRIC_NOT_QUOTA: {
    zh: (p: { metric: string; quotas: string }) =>
      `targets 表的指标 ${q(p.metric)} 不是策略中任何考核表带 quota: true 的考核项,这一行不会被使用。${p.quotas ? `可取个人目标的指标:${p.quotas}。` : '策略中没有带 quota: true 的考核项。'}请修正指标名,或在策略的考核项上写 quota: true。`,
    en: (p: { metric: string; quotas: string }) =>
      `The metric ${q(p.metric)} of a targets row is no item with quota: true in any scorecard of the policy, so the row would never be used. ${p.quotas ? `Metrics that take per-agent targets: ${p.quotas}.` : 'No item of the policy has quota: true.'} Fix the metric, or write quota: true on the policy's item.`,
  },
  TARGET_ROW_REJECTED: {
    zh: (p: { code: string; reason: string }) =>
      `targets 表的这一行被拒绝(${p.code}:${p.reason})。个人目标是配置,不是可以容忍少量错误的数据:跳过这一行,这名客服就会悄悄按考核表的目标计分。请修正这一行后再运行。`,
    en: (p: { code: string; reason: string }) =>
      `This targets row was rejected (${p.code}: ${p.reason}). Per-agent targets are configuration, not data where a few bad rows are tolerated: without this row the agent would quietly be scored by the scorecard's target. Fix the row and run again.`,
  },
  TARGET_RATIO_RANGE: {
    zh: (p: { metric: string; value: number }) =>
      `指标 ${q(p.metric)} 是比率,个人目标和底线要写成 0 到 1 之间的小数,但这一行是 ${p.value}。${p.value > 1 && p.value <= 100 ? `是否想写 ${p.value / 100}(即 ${p.value}%)?` : ''}请修正这一行。`,
    en: (p: { metric: string; value: number }) =>
      `The metric ${q(p.metric)} is a ratio: its per-agent target and floor are fractions from 0 to 1, but this row has ${p.value}. ${p.value > 1 && p.value <= 100 ? `Did you mean ${p.value / 100} (${p.value}%)? ` : ''}Fix the row.`,
  },
  TARGETS_ONLY_FOR_MONTHS: {
    zh: (p: { period: string; rows: number; metrics: string }) =>
      `targets 表有 ${p.rows} 行属于 ${p.period} 之内的月份(或更短的期间),但没有一行的 period 是 ${p.period}:${p.period} 不读各月的个人目标,每名客服的 ${p.metrics} 都按考核表的目标计分(往往是按月写的)。如需按个人目标考核这个期间,请为 ${p.period} 写目标行。`,
    en: (p: { period: string; rows: number; metrics: string }) =>
      `The targets table has ${p.rows} rows for months (or shorter periods) within ${p.period}, but none whose period is ${p.period}: ${p.period} does not read its months' targets, so every agent's ${p.metrics} is scored by the scorecard's target (often written for a month). To score this period by personal targets, write rows for ${p.period}.`,
  },
  TARGET_NOT_APPLIED: {
    zh: (p: { agent: string; metric: string; scorecard: string }) =>
      `客服 ${q(p.agent)} 有 ${q(p.metric)} 的个人目标,但其考核表 ${p.scorecard} 不以 quota: true 考核这个指标:这一行不被使用。`,
    en: (p: { agent: string; metric: string; scorecard: string }) =>
      `Agent ${q(p.agent)} has a target for ${q(p.metric)}, but its scorecard ${p.scorecard} does not score that metric with quota: true: the row is not used.`,
  },
  TARGET_FLOOR_ORDER: {
    zh: (p: { agent: string; metric: string; better: string; target: number; floor: number }) =>
      `客服 ${q(p.agent)} 的 ${q(p.metric)} 个人目标 ${p.target} 与底线 ${p.floor} 方向不对:这个指标${p.better === 'higher' ? '越高越好,目标必须大于底线' : '越低越好,目标必须小于底线'}。请修正这一行(空的 floor 取考核项的底线)。`,
    en: (p: { agent: string; metric: string; better: string; target: number; floor: number }) =>
      `The target ${p.target} of agent ${q(p.agent)} for ${q(p.metric)} and its floor ${p.floor} are the wrong way round: ${p.better === 'higher' ? 'higher is better, so the target must be above the floor' : 'lower is better, so the target must be below the floor'}. Fix the row (an empty floor is the item's floor).`,
  },
});

/** The target and floor an agent is scored by on a quota item, and the row they came from. */
export interface AgentQuota {
  target: number;
  floor: number;
  /** The file of the targets row (relative to the data folder) and its line. */
  file: string;
  line: number;
  /** The row itself, for explanations. */
  row: Row;
}

/**
 * The rows of the `targets` table for one evaluation (`docs/scorecards.md`, per-agent targets),
 * fed as they are accepted. A row applies to the agent, the metric and the period it names when
 * the period's id is the evaluated period's (`2026-10`, `2026-Q4`; a quarter does not read its
 * months' rows) and the agent's scorecard scores that metric with `quota: true`. Errors (each
 * naming `file:line`): a period that is not one, two rows for one agent, metric and period (any
 * period), a row of the period for a metric no quota item scores, a target and floor in the wrong
 * order for the metric's direction. A row of the period for an agent whose scorecard does not
 * score the metric by quota is a warning.
 */
export class QuotaTargets {
  readonly #period: ZonedPeriod;
  readonly #files: readonly string[];
  readonly #agents: readonly Agent[];
  readonly #definitions: ReadonlyMap<string, MetricDefinition>;
  /** Quota items by scorecard of each role, then by metric. */
  readonly #quotaItems: ReadonlyMap<string, { scorecard: string; items: ReadonlyMap<string, ScoredItem> }>;
  readonly #quotaMetrics: readonly string[];
  /** `agent\u0000metric\u0000period` → where it was first read. */
  readonly #seen = new Map<string, string>();
  readonly #applied = new Map<string, AgentQuota>();
  /** Rows of the period itself, and of shorter periods within it (for TARGETS_ONLY_FOR_MONTHS). */
  #ofPeriod = 0;
  #within = 0;
  readonly problems: Problem[] = [];
  readonly warnings: Problem[] = [];

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
    this.#definitions = new Map(options.definitions.map((d) => [d.id, d]));
    const byRole = new Map<string, { scorecard: string; items: ReadonlyMap<string, ScoredItem> }>();
    const metrics = new Set<string>();
    for (const s of options.policy.scorecards) {
      const items = new Map(s.scored.filter((i) => i.quota).map((i) => [i.metric, i]));
      for (const m of items.keys()) metrics.add(m);
      for (const role of s.roles) byRole.set(role, { scorecard: s.id, items });
    }
    this.#quotaItems = byRole;
    this.#quotaMetrics = [...metrics];
  }

  /** True when the policy has an item with `quota: true`: then it reads the targets table. */
  get used(): boolean {
    return this.#quotaMetrics.length > 0;
  }

  /** Takes an accepted row of the targets table (its agent is among the accepted agents). */
  add(row: Row, agentIndex: ReadonlyMap<string, number>): void {
    const v = valuesOf('targets', row.values);
    const at = `${this.#files[row.file] ?? ''}:${row.line}`;
    const problem = (
      code: keyof typeof TARGET_ERRORS,
      severity: Problem['severity'],
      message: Problem['message'],
    ) =>
      (severity === 'error' ? this.problems : this.warnings).push({
        code,
        severity,
        message,
        file: this.#files[row.file] ?? null,
        line: row.line,
        column: null,
      });
    const period = parsePeriod(v.period);
    if (period === null) {
      problem(
        'TARGET_BAD_PERIOD',
        'error',
        messageOf(TARGET_ERRORS, 'TARGET_BAD_PERIOD', { value: v.period }),
      );
      return;
    }
    const key = `${v.agent_id}\u0000${v.metric}\u0000${period.id}`;
    const first = this.#seen.get(key);
    if (first !== undefined) {
      const params = { agent: v.agent_id, metric: v.metric, period: period.id, first };
      problem('TARGET_DUPLICATE', 'error', messageOf(TARGET_ERRORS, 'TARGET_DUPLICATE', params));
      return;
    }
    this.#seen.set(key, at);
    if (period.id !== this.#period.id) {
      if (period.firstDay >= this.#period.firstDay && period.endDay <= this.#period.endDay) this.#within++;
      return;
    }
    this.#ofPeriod++;
    if (!this.#quotaMetrics.includes(v.metric)) {
      const params = { metric: v.metric, quotas: this.#quotaMetrics.join(', ') };
      problem(
        'TARGET_METRIC_NOT_QUOTA',
        'error',
        messageOf(TARGET_ERRORS, 'TARGET_METRIC_NOT_QUOTA', params),
      );
      return;
    }
    const agent = this.#agents[agentIndex.get(v.agent_id) ?? -1];
    const card = agent === undefined ? undefined : this.#quotaItems.get(agent.role);
    const item = card?.items.get(v.metric);
    const definition = this.#definitions.get(v.metric);
    if (agent === undefined || item === undefined || definition === undefined || item.floor === null) {
      const params = { agent: v.agent_id, metric: v.metric, scorecard: card?.scorecard ?? '(无 / none)' };
      problem('TARGET_NOT_APPLIED', 'warning', messageOf(TARGET_ERRORS, 'TARGET_NOT_APPLIED', params));
      return;
    }
    const floor = v.floor ?? item.floor;
    if (definition.unit === 'ratio') {
      const outside = [v.target, v.floor].find((x) => x !== null && (x < 0 || x > 1));
      if (outside !== undefined && outside !== null) {
        const params = { metric: v.metric, value: outside };
        problem('TARGET_RATIO_RANGE', 'error', messageOf(TARGET_ERRORS, 'TARGET_RATIO_RANGE', params));
        return;
      }
    }
    const ordered = definition.better === 'higher' ? v.target > floor : v.target < floor;
    if (!ordered) {
      const params = {
        agent: v.agent_id,
        metric: v.metric,
        better: definition.better,
        target: v.target,
        floor,
      };
      problem('TARGET_FLOOR_ORDER', 'error', messageOf(TARGET_ERRORS, 'TARGET_FLOOR_ORDER', params));
      return;
    }
    this.#applied.set(`${agent.index}\u0000${v.metric}`, {
      target: v.target,
      floor,
      file: this.#files[row.file] ?? '',
      line: row.line,
      row,
    });
  }

  /**
   * A warning when the evaluated period has no targets row of its own while shorter periods
   * within it have some (a quarter evaluated with monthly quotas): call after every row is added.
   */
  periodWarnings(): Problem[] {
    if (!this.used || this.#ofPeriod > 0 || this.#within === 0) return [];
    const params = { period: this.#period.id, rows: this.#within, metrics: this.#quotaMetrics.join(', ') };
    return [
      {
        code: 'TARGETS_ONLY_FOR_MONTHS',
        severity: 'warning',
        message: messageOf(TARGET_ERRORS, 'TARGETS_ONLY_FOR_MONTHS', params),
        file: null,
        line: null,
        column: null,
      },
    ];
  }

  /**
   * Every rejected row of the targets table as an error at its `file:line`, whatever the rejected
   * rows limit, when the policy reads the table (none otherwise): a quota row is configuration.
   */
  rejectedRows(rejected: readonly RejectedRow[]): Problem[] {
    if (!this.used) return [];
    return rejected
      .filter((r) => r.table === 'targets')
      .map((r) => ({
        code: 'TARGET_ROW_REJECTED',
        severity: 'error',
        message: {
          zh: messageOf(TARGET_ERRORS, 'TARGET_ROW_REJECTED', { code: r.code, reason: r.message.zh }).zh,
          en: messageOf(TARGET_ERRORS, 'TARGET_ROW_REJECTED', { code: r.code, reason: r.message.en }).en,
        },
        file: r.file,
        line: r.line,
        column: null,
      }));
  }

  /** The targets row that applies to an agent (by index) and metric in the period, or null. */
  of(agent: number, metric: string): AgentQuota | null {
    return this.#applied.get(`${agent}\u0000${metric}`) ?? null;
  }
}
