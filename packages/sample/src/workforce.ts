import { weekdayIndex } from '@scorebook/time';
import type { SampleAgent } from './company.ts';
import { localTime } from './conversations.ts';
import type { Random } from './random.ts';
import type { CsvTableWriter } from './table-writer.ts';

/** The writers of the tables about agents rather than conversations. */
export interface WorkforceTables {
  attendance: CsvTableWriter;
  assessments: CsvTableWriter;
  qa_reviews: CsvTableWriter;
  events: CsvTableWriter;
}

/** True when the agent is scheduled on the day: five days a week on a rotation of their own. */
export function scheduled(agent: SampleAgent, day: string, index: number): boolean {
  if (day < agent.firstDay || day > agent.lastDay) return false;
  return (weekdayIndex(day) + index) % 7 < 5;
}

/**
 * One agent's day beyond conversations: attendance, the monthly exam and trainings, QA reviews
 * (with the occasional red line), violations and knowledge shares.
 */
export function generateWorkday(
  agent: SampleAgent,
  day: string,
  midnight: number,
  random: Random,
  qaId: () => string,
  out: WorkforceTables,
): void {
  const skill = agent.skill;
  out.attendance.write({
    agent_id: agent.agent_id,
    date: day,
    status: random.weighted([
      ['on_time', 0.88 + 0.08 * skill],
      ['late', 0.06 * (1.3 - skill)],
      ['early_leave', 0.015],
      ['absent', 0.01 * (1.5 - skill)],
      ['approved_leave', 0.025],
    ]),
  });
  const dom = day.slice(8);
  if (dom === '20') {
    const score = Math.round(Math.min(100, Math.max(30, random.normal(58 + 38 * skill, 8))));
    out.assessments.write({ agent_id: agent.agent_id, date: day, kind: 'exam', attended: true, score });
  }
  if (dom === '08' || dom === '22') {
    out.assessments.write({
      agent_id: agent.agent_id,
      date: day,
      kind: 'training',
      attended: random.chance(0.8 + 0.15 * skill),
      score: null,
    });
  }
  if (random.chance(0.3)) {
    const redLine = random.chance(0.012 * (1 - skill) ** 2);
    const score = redLine
      ? random.int(20, 55)
      : Math.round(Math.min(100, Math.max(35, random.normal(72 + 27 * skill, 6))));
    out.qa_reviews.write({
      review_id: qaId(),
      agent_id: agent.agent_id,
      conversation_id: null,
      reviewed_at: localTime(midnight + random.int(10, 19) * 3_600_000),
      score,
      red_line: redLine,
    });
  }
  if (random.chance(0.006 * (1.4 - skill))) {
    out.events.write({
      agent_id: agent.agent_id,
      at: localTime(midnight + random.int(9, 20) * 3_600_000),
      type: 'violation',
      note: random.pick(['上班时间闲聊', '未按规范话术回复', '擅自离岗']),
    });
  }
  if (random.chance(0.02 * (0.5 + skill))) {
    out.events.write({
      agent_id: agent.agent_id,
      at: localTime(midnight + 17 * 3_600_000),
      type: 'knowledge_share',
      note: '分享常见问题处理经验',
    });
  }
}
