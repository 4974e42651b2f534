import { addDays } from '@scorebook/time';
import type { SampleAgent } from './company.ts';
import { CsvTableWriter } from './table-writer.ts';

const COLUMNS = ['plan_id', 'agent_id', 'period', 'metric', 'action', 'due_date', 'status', 'completed_at'];

/** Below this skill an agent was weak in the month before and gets improvement plans (`docs/plans.md`). */
const WEAK_SKILL = 0.4;

// Two plans a month per weak agent, on the presale scorecard's metrics the skill drives.
const PLANS = [
  { metric: 'first_response_time', action: '开启快捷回复与排队提醒,首次响应控制在 15 秒内' },
  { metric: 'conversion_rate', action: '每周复盘 5 个未成交会话,跟进话术培训' },
] as const;

// The outcome of the n-th plan of the file: on time, late, missed, cancelled, still open.
const OUTCOMES = [
  { status: 'done', completedAfterDue: -3 },
  { status: 'done', completedAfterDue: -1 },
  { status: 'done', completedAfterDue: 4 },
  { status: 'missed', completedAfterDue: null },
  { status: 'done', completedAfterDue: 0 },
  { status: 'cancelled', completedAfterDue: null },
  { status: 'open', completedAfterDue: null },
] as const;

/**
 * Writes `improvement_plans.csv` into `out`: from the second month on, each active presale agent
 * whose skill is below {@link WEAK_SKILL} (weak the month before) gets two plans for the month,
 * one per metric of {@link PLANS}, due on the 20th; their outcomes cycle through
 * {@link OUTCOMES} in file order. Draws no random numbers, so the other tables keep their bytes.
 * Returns the number of rows written.
 */
export function writeImprovementPlans(
  out: string,
  agents: readonly SampleAgent[],
  monthStarts: readonly string[],
): number {
  const writer = new CsvTableWriter(out, 'improvement_plans', COLUMNS);
  let n = 0;
  for (const monthStart of monthStarts.slice(1)) {
    const period = monthStart.slice(0, 7);
    const due = `${period}-20`;
    for (const agent of agents) {
      if (agent.role !== 'presale' || agent.status !== 'active' || agent.skill >= WEAK_SKILL) continue;
      for (const plan of PLANS) {
        const outcome = OUTCOMES[n % OUTCOMES.length] ?? OUTCOMES[0];
        n++;
        writer.write({
          plan_id: `ip${String(n).padStart(4, '0')}`,
          agent_id: agent.agent_id,
          period,
          metric: plan.metric,
          action: plan.action,
          due_date: due,
          status: outcome.status,
          completed_at: outcome.completedAfterDue === null ? null : addDays(due, outcome.completedAfterDue),
        });
      }
    }
  }
  writer.close();
  return writer.rows;
}
