import { daysInMonth, formatDate, type Period, parseDateParts, wallClockMs } from '@scorebook/time';
import type { Agent } from '../check/row-checks.ts';

/**
 * What an agent is, as facts of agent-level conditions (policy format 2, `docs/scorecards.md`,
 * agent facts), for a period. Calendar dates only: `hired_on` and the period's days.
 */
export interface AgentFacts {
  /** Days from `hired_on` to the day after the period (the hire day counts); null without `hired_on`. */
  tenure_days: number | null;
  /** Whole months from `hired_on` to the day after the period; null without `hired_on`. */
  tenure_months: number | null;
  /** Days of the period on or after `hired_on` (all of them without `hired_on`). */
  days_employed: number;
  /** Days in the period. */
  period_days: number;
  employment_status: string;
  team: string;
  role: string;
}

/** The facts of an agent for a period. */
export function agentFacts(agent: Agent, period: Period): AgentFacts {
  const periodDays = daysBetween(period.firstDay, period.endDay);
  const hired = agent.hired_on;
  const toEnd = hired === null ? null : daysBetween(hired, period.endDay);
  return {
    tenure_days: toEnd === null ? null : Math.max(0, toEnd),
    tenure_months: hired === null ? null : wholeMonths(hired, period.endDay),
    days_employed: toEnd === null ? periodDays : Math.max(0, Math.min(periodDays, toEnd)),
    period_days: periodDays,
    employment_status: agent.status,
    team: agent.team,
    role: agent.role,
  };
}

/** Days from one date to a later one (negative when it is earlier). */
function daysBetween(from: string, to: string): number {
  const a = parseDateParts(from);
  const b = parseDateParts(to);
  if (a === null || b === null) throw new RangeError(`not a date: ${from} or ${to}`);
  return (wallClockMs(b.year, b.month, b.day) - wallClockMs(a.year, a.month, a.day)) / 86_400_000;
}

/**
 * The largest m ≥ 0 with `from` + m months ≤ `to`, where adding months keeps the day of the month,
 * or the month's last day when it has fewer (2026-01-31 + 1 month = 2026-02-28).
 */
function wholeMonths(from: string, to: string): number {
  const start = parseDateParts(from);
  if (start === null || from > to) return 0;
  let months = 0;
  for (;;) {
    const total = start.month - 1 + months + 1;
    const year = start.year + Math.floor(total / 12);
    const month = (total % 12) + 1;
    const last = daysInMonth(year, month);
    const next = formatDate({ year, month, day: Math.min(start.day, last) });
    if (next > to) return months;
    months++;
  }
}
