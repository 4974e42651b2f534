import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_TABLES } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.ts';
import { csv, writeScenario } from './scenario.ts';
import { v2Policy } from './v2.ts';

const CARD = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: qa_score, weight: 100, target: 100, floor: 0 }
`;
const appeal = (record: string, outcome: string) => `scorebook: 1
kind: appeal
agent: a1
filed_at: 2026-10-20T09:00:00+08:00
disputes: { record: qa_reviews/${record} }
claim: 评分不公
decision: { outcome: ${outcome}, decided_by: 质检主管, decided_at: 2026-10-21, reason: 复核 }
`;

async function run(header: string, rows: string[]) {
  const { policiesDir, dataDir } = writeScenario({
    policy: v2Policy(CARD),
    tables: {
      agents: csv('agent_id,name,team,role', 'a1,甲,一组,aftersale'),
      qa_reviews: csv(header, ...rows),
    },
  });
  const appealsDir = join(dataDir, '..', 'appeals');
  mkdirSync(join(appealsDir, '2026-10'), { recursive: true });
  writeFileSync(join(appealsDir, '2026-10', 'ap-1.yaml'), appeal('q1', 'upheld'));
  writeFileSync(join(appealsDir, '2026-10', 'ap-2.yaml'), appeal('q2', 'rejected'));
  const allowMissing = INPUT_TABLES.filter((t) => t !== 'agents' && t !== 'qa_reviews');
  const e = await evaluate({ policiesDir, dataDir, period: '2026-10', appealsDir, allowMissing });
  return e.explanations.agents[0]?.appeals ?? [];
}

describe('the QA reviewer of a disputed QA review (an optional extra column)', () => {
  it('is recorded on the appeal when the review has one, decided either way', async () => {
    const appeals = await run('review_id,agent_id,reviewed_at,score,reviewer', [
      'q1,a1,2026-10-05T10:00:00+08:00,40, 王质检 ',
      'q2,a1,2026-10-06T10:00:00+08:00,50,',
    ]);
    expect(appeals.map((a) => [a.id, a.status, a.reviewer])).toEqual([
      ['ap-1', 'applied', '王质检'],
      ['ap-2', 'rejected', undefined],
    ]);
  });

  it('adds no key without the column', async () => {
    const appeals = await run('review_id,agent_id,reviewed_at,score', [
      'q1,a1,2026-10-05T10:00:00+08:00,40',
      'q2,a1,2026-10-06T10:00:00+08:00,50',
    ]);
    expect(appeals.some((a) => 'reviewer' in a)).toBe(false);
  });
});
