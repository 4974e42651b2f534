import { mkdirSync } from 'node:fs';
import { addDays, localMidnight, parsePeriod, Zone } from '@scorebook/time';
import { dayFactor, daysBetween, HOURLY_WEIGHTS } from './calendar.ts';
import { generateAgents, type SampleAgent } from './company.ts';
import { type ConversationTables, generateConversation, type Ids } from './conversations.ts';
import { writeImprovementPlans } from './improvement-plans.ts';
import { Random } from './random.ts';
import { RATING_COLUMNS, writeRatings } from './ratings.ts';
import { CsvTableWriter } from './table-writer.ts';
import { generateWorkday, scheduled, type WorkforceTables } from './workforce.ts';

/** Options of {@link generateSample}. */
export interface SampleOptions {
  out: string;
  agents: number;
  /** The first month, `YYYY-MM`. */
  start: string;
  months: number;
  seed: number;
  /** Average conversations an agent handles on a working day (before the day's traffic factor). */
  conversationsPerDay: number;
  onProgress?: (progress: { day: string; days: number; done: number; conversations: number }) => void;
}

/** Rows written per table. */
export type SampleSummary = Record<string, number>;

const COLUMNS = {
  agents: ['agent_id', 'name', 'team', 'role', 'hired_on', 'status'],
  conversations: [
    'conversation_id',
    'agent_id',
    'channel',
    'started_at',
    'ended_at',
    'resolved',
    'reopened',
    'transferred',
    'sla_due_at',
    'closed_at',
  ],
  messages: ['conversation_id', 'sent_at', 'sender', 'agent_id', 'text'],
  surveys: ['survey_id', 'agent_id', 'conversation_id', 'submitted_at', 'csat', 'nps'],
  complaints: ['complaint_id', 'agent_id', 'conversation_id', 'filed_at', 'category', 'upheld'],
  qa_reviews: ['review_id', 'agent_id', 'conversation_id', 'reviewed_at', 'score', 'red_line'],
  orders: ['order_id', 'agent_id', 'conversation_id', 'placed_at', 'amount'],
  attendance: ['agent_id', 'date', 'status'],
  assessments: ['agent_id', 'date', 'kind', 'attended', 'score'],
  events: ['agent_id', 'at', 'type', 'note'],
  targets: ['agent_id', 'metric', 'period', 'target', 'floor'],
  ratings: RATING_COLUMNS,
} as const;

const ROLE_VOLUME = { presale: 1.1, aftersale: 1, community: 0.55 } as const;

/**
 * Writes a synthetic company laid out as the data contract into `out`: the same options give
 * the same bytes. Rows are streamed to disk day by day, so memory does not grow with size.
 */
export function generateSample(options: SampleOptions): SampleSummary {
  const first = parsePeriod(options.start);
  if (first === null || first.kind !== 'month')
    throw new RangeError(`--start takes a month such as 2026-10 (got "${options.start}")`);
  const zone = new Zone('Asia/Shanghai');
  const lastDay = addDays(monthsAfter(first.firstDay, options.months), -1);
  const days = daysBetween(first.firstDay, lastDay);
  const random = new Random(options.seed);
  mkdirSync(options.out, { recursive: true });
  const writer = (table: keyof typeof COLUMNS) => new CsvTableWriter(options.out, table, COLUMNS[table]);
  const tables: ConversationTables &
    WorkforceTables & { agents: CsvTableWriter; targets: CsvTableWriter; ratings: CsvTableWriter } = {
    agents: writer('agents'),
    conversations: writer('conversations'),
    messages: writer('messages'),
    surveys: writer('surveys'),
    complaints: writer('complaints'),
    qa_reviews: writer('qa_reviews'),
    orders: writer('orders'),
    attendance: writer('attendance'),
    assessments: writer('assessments'),
    events: writer('events'),
    targets: writer('targets'),
    ratings: writer('ratings'),
  };
  const agents = generateAgents(options.agents, first.firstDay, lastDay, days, random);
  for (const a of agents)
    tables.agents.write({
      agent_id: a.agent_id,
      name: a.name,
      team: a.team,
      role: a.role,
      hired_on: a.hired_on,
      status: a.status,
    });

  const ids: Ids = { conversation: 0, survey: 0, complaint: 0, order: 0 };
  let qa = 0;
  const qaId = () => `q${String(++qa).padStart(7, '0')}`;
  days.forEach((day, d) => {
    const midnight = localMidnight(day, zone);
    const busy = dayFactor(day);
    const working = agents.filter((a, i) => scheduled(a, day, i));
    for (const agent of working) {
      generateWorkday(agent, day, midnight, random, qaId, tables);
      const teammates = working.filter((o) => o.team === agent.team && o !== agent);
      const count = random.poisson(options.conversationsPerDay * busy * ROLE_VOLUME[agent.role]);
      for (let c = 0; c < count; c++) {
        const hour = random.weighted(HOURLY_WEIGHTS);
        generateConversation({ agent, teammates, midnight, hour, busy }, random, ids, tables);
      }
    }
    options.onProgress?.({ day, days: days.length, done: d + 1, conversations: ids.conversation });
  });
  writeSalesQuotas(tables.targets, agents, first.firstDay, options.months);
  const months = Array.from({ length: options.months }, (_, m) => monthsAfter(first.firstDay, m).slice(0, 7));
  writeRatings({ out: tables.ratings, agents, months, seed: options.seed, zone });
  const summary: SampleSummary = {};
  for (const [name, w] of Object.entries(tables)) {
    w.close();
    summary[name] = w.rows;
  }
  const monthStarts = Array.from({ length: options.months }, (_, m) => monthsAfter(first.firstDay, m));
  summary.improvement_plans = writeImprovementPlans(options.out, agents, monthStarts);
  return summary;
}

/**
 * Monthly sales quotas (`sales_amount`, in yuan) of the presale agents, drawn from no random
 * numbers so that the other tables keep their bytes: an agent hired less than 90 days before the
 * month gets 2500 with the scorecard's floor (an empty cell); the others 4000, 5000 or 6000 by
 * their place in the agents table, with a floor of 40% of it. Agents who left get no row (they
 * are scored by the scorecard's target).
 */
function writeSalesQuotas(
  out: CsvTableWriter,
  agents: readonly SampleAgent[],
  firstDay: string,
  months: number,
): void {
  for (let m = 0; m < months; m++) {
    const monthStart = monthsAfter(firstDay, m);
    const period = monthStart.slice(0, 7);
    agents.forEach((a, i) => {
      if (a.role !== 'presale' || a.status !== 'active') return;
      const fresh = daysBetween(a.hired_on, monthStart).length <= 90;
      const target = fresh ? 2500 : 4000 + (i % 3) * 1000;
      out.write({
        agent_id: a.agent_id,
        metric: 'sales_amount',
        period,
        target,
        floor: fresh ? null : target * 0.4,
      });
    });
  }
}

function monthsAfter(firstDay: string, months: number): string {
  const year = Number(firstDay.slice(0, 4));
  const month = Number(firstDay.slice(5, 7)) - 1 + months;
  return `${year + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-01`;
}
