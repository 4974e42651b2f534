import { localMidnight, type Zone } from '@scorebook/time';
import { daysBetween } from './calendar.ts';
import type { SampleAgent } from './company.ts';
import { localTime } from './conversations.ts';
import { Random } from './random.ts';
import type { CsvTableWriter } from './table-writer.ts';

/** The columns of `ratings.csv`, in the data contract's order. */
export const RATING_COLUMNS = [
  'rating_id',
  'agent_id',
  'rater_id',
  'rater_role',
  'dimension',
  'score',
  'rated_at',
] as const;

// Seeded apart from the generator's own sequence, so that every other table keeps its bytes.
const RATINGS_SEED = 0x13a7;

/**
 * Monthly ratings by people (`docs/ratings.md`) of every agent who works on the month's 25th:
 * on the 25th the team's supervisor (`lead-<team number>`) rates `teamwork`; on the 26th two
 * teammates chosen at random rate `teamwork` (one of them twice when a draw says so); on the
 * 27th the agent rates itself (role `self`); on the 28th an operations colleague (`ops-01`,
 * `cross_dept`) rates `collaboration`. Scores are integers 1–5 around the agent's skill. Draws
 * come from a generator seeded by `seed` and {@link RATINGS_SEED}, in agent and month order.
 */
export function writeRatings(options: {
  out: CsvTableWriter;
  agents: readonly SampleAgent[];
  months: readonly string[];
  seed: number;
  zone: Zone;
}): void {
  const { out, agents, months, zone } = options;
  const random = new Random((options.seed ^ RATINGS_SEED) >>> 0);
  const teams = [...new Set(agents.map((a) => a.team))];
  let n = 0;
  const at = (month: string, day: number, hour: number) => {
    const date = `${month}-${String(day).padStart(2, '0')}`;
    return localTime(localMidnight(date, zone) + hour * 3_600_000);
  };
  const write = (
    agent: SampleAgent,
    rater: string,
    role: string,
    dimension: string,
    score: number,
    when: string,
  ) =>
    out.write({
      rating_id: `rt${String(++n).padStart(6, '0')}`,
      agent_id: agent.agent_id,
      rater_id: rater,
      rater_role: role,
      dimension,
      score,
      rated_at: when,
    });
  for (const month of months) {
    const day = `${month}-25`;
    const working = agents.filter(
      (a) => a.firstDay <= day && a.lastDay >= day && daysBetween(a.hired_on, day).length > 0,
    );
    for (const agent of working) {
      const score = (bias: number) =>
        Math.max(1, Math.min(5, Math.round(1.5 + agent.skill * 3 + bias + random.next() - 0.5)));
      write(
        agent,
        `lead-${teams.indexOf(agent.team) + 1}`,
        'supervisor',
        'teamwork',
        score(0),
        at(month, 25, 10),
      );
      const mates = working.filter((o) => o.team === agent.team && o !== agent);
      const first = mates.length > 0 ? random.pick(mates) : null;
      const rest = mates.filter((o) => o !== first);
      const second = rest.length > 0 ? random.pick(rest) : null;
      for (const mate of [first, second]) {
        if (mate === null) continue;
        write(agent, mate.agent_id, 'peer', 'teamwork', score(0.3), at(month, 26, 14));
        if (random.chance(0.15))
          write(agent, mate.agent_id, 'peer', 'teamwork', score(0.3), at(month, 26, 16));
      }
      write(agent, agent.agent_id, 'self', 'teamwork', 5, at(month, 27, 9));
      write(agent, 'ops-01', 'cross_dept', 'collaboration', score(-0.2), at(month, 28, 11));
    }
  }
}
