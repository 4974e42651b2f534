import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { INPUT_TABLES } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../src/index.ts';
import { csv, writeScenario } from './scenario.ts';
import { stopped } from './stopped.ts';
import { v2Policy } from './v2.ts';

const CARD = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: qa_score, weight: 100, target: 100, floor: 0 }
`;
const FILED_HEADER = 'appeal_id,agent_id,period,disputes,claim,filed_at';
const decision = (filed: string, record = 'q1', agent = 'a1') => `scorebook: 1
kind: appeal
agent: ${agent}
filed_at: 2026-10-20T09:00:00+08:00
disputes: { record: qa_reviews/${record} }
claim: 评分不公
filed: ${filed}
decision: { outcome: upheld, decided_by: 质检主管, decided_at: 2026-10-21, reason: 复核 }
`;

function scenario(filed: string[] | null, files: Record<string, string>, rules = '') {
  const { policiesDir, dataDir } = writeScenario({
    policy: v2Policy(CARD, rules),
    tables: {
      agents: csv('agent_id,name,team,role', 'a1,甲,一组,aftersale', 'a2,乙,一组,aftersale'),
      qa_reviews: csv(
        'review_id,agent_id,reviewed_at,score',
        'q1,a1,2026-10-05T10:00:00+08:00,40',
        'q2,a1,2026-10-06T10:00:00+08:00,80',
        'q3,a2,2026-10-06T10:00:00+08:00,90',
      ),
      ...(filed === null ? {} : { appeals_filed: csv(FILED_HEADER, ...filed) }),
    },
  });
  const appealsDir = join(dataDir, '..', 'appeals');
  mkdirSync(join(appealsDir, '2026-10'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(appealsDir, '2026-10', name), text);
  const allowMissing = INPUT_TABLES.filter((t) => t !== 'agents' && t !== 'qa_reviews');
  return evaluate({ policiesDir, dataDir, period: '2026-10', appealsDir, allowMissing });
}

const ROWS = [
  'HR-2,a1,2026-10,qa_reviews/q2,分数偏低,2026-10-22T10:00:00+08:00',
  'HR-1,a1,2026-10,qa_reviews/q1,评分不公,2026-10-20T09:00:00+08:00',
  'HR-9,a2,2026-09,qa_reviews/q3,上月的申诉,2026-10-01T09:00:00+08:00',
];

describe('appeals filed in an HR/OA table (appeals_filed)', () => {
  it('lists a filed row without a decision file as pending, and a decided one once', async () => {
    const e = await scenario(ROWS, { 'ap-1.yaml': decision('HR-1') });
    const a1 = e.results.agents.find((a) => a.agent_id === 'a1');
    expect(a1?.appeals).toEqual([
      { id: 'ap-1', disputes: 'qa_reviews/q1', outcome: 'upheld', status: 'applied', role: 'appellant' },
      { id: 'HR-2', disputes: 'qa_reviews/q2', outcome: null, status: 'pending', role: 'appellant' },
    ]);
    // The pending appeal changes nothing: q2 still counts, q1 was removed by ap-1.
    expect(a1?.appealed).toEqual({ 'ap-1': 1 });
    expect(a1?.metrics.qa_score?.value).toBe(80);
    // HR-9 is of 2026-09: not this period's.
    expect(e.results.agents.find((a) => a.agent_id === 'a2')?.appeals).toEqual([]);
    expect(e.results.inputs.appeals_filed?.rows).toBe(3);
    // The agent page reads explanations: the pending row is there with its claim, time and line.
    const explained = e.explanations.agents.find((x) => x.agent_id === 'a1')?.appeals ?? [];
    expect(explained.map((a) => [a.id, a.status, a.file])).toEqual([
      ['ap-1', 'applied', '2026-10/ap-1.yaml'],
      ['HR-2', 'pending', 'appeals_filed.csv:2'],
    ]);
    expect(explained[1]).toEqual({
      id: 'HR-2',
      file: 'appeals_filed.csv:2',
      role: 'appellant',
      agent_id: 'a1',
      disputes: 'qa_reviews/q2',
      claim: '分数偏低',
      filed_at: '2026-10-22T10:00:00+08:00',
      decision: null,
      status: 'pending',
      refusal: null,
      changes: [],
    });
  });

  it('refuses a pending row filed late, on what may not be appealed, or after a final decision', async () => {
    const rows = [
      ...ROWS.slice(0, 2),
      'HR-3,a1,2026-10,qa_reviews/q2,晚了,2026-11-08T00:00:00+08:00',
      'HR-4,a1,2026-10,complaints/p9,投诉,2026-10-25T10:00:00+08:00',
      'HR-5,a1,2026-10,qa_reviews/q1,再次申诉,2026-10-23T10:00:00+08:00',
      'HR-6,a1,2026-10,qa_reviews/q1,更早,2026-10-19T10:00:00+08:00',
    ];
    const rules = 'appeals:\n  window_days: 7\n  tables: [qa_reviews]\n';
    const e = await scenario(rows, { 'ap-1.yaml': decision('HR-1') }, rules);
    const a1 = e.results.agents.find((a) => a.agent_id === 'a1');
    expect(a1?.appeals?.map((a) => [a.id, a.status, a.outcome])).toEqual([
      ['ap-1', 'applied', 'upheld'],
      ['HR-2', 'pending', null],
      ['HR-3', 'refused', null],
      ['HR-4', 'refused', null],
      ['HR-5', 'refused', null],
      ['HR-6', 'pending', null],
    ]);
    // Refused rows change nothing either: q2 counts, q1 was removed by ap-1 alone.
    expect(a1?.metrics.qa_score?.value).toBe(80);
    expect(
      e.warnings.filter((w) => w.code.startsWith('APPEAL_')).map((w) => [w.code, w.file, w.line, w.column]),
    ).toEqual([
      ['APPEAL_LATE', 'appeals_filed.csv', 4, null],
      ['APPEAL_NOT_APPEALABLE', 'appeals_filed.csv', 5, null],
      ['APPEAL_AFTER_FINAL', 'appeals_filed.csv', 6, null],
    ]);
    const explained = e.explanations.agents.find((x) => x.agent_id === 'a1')?.appeals ?? [];
    expect(explained.map((a) => [a.id, a.status, a.refusal?.code ?? null])).toEqual([
      ['ap-1', 'applied', null],
      ['HR-2', 'pending', null],
      ['HR-3', 'refused', 'APPEAL_LATE'],
      ['HR-4', 'refused', 'APPEAL_NOT_APPEALABLE'],
      ['HR-5', 'refused', 'APPEAL_AFTER_FINAL'],
      ['HR-6', 'pending', null],
    ]);
    expect(explained[2]?.refusal?.message.en).toBe(
      'The appeal HR-3 was filed on 2026-11-08, after the deadline 2026-11-07 (7 days after the period): refused, it changes nothing.',
    );
    expect(explained[3]?.refusal?.message.en).toContain('(appealable: qa_reviews)');
    expect(explained[4]?.refusal?.message.en).toContain('in the appeal ap-1 ');
  });

  it('makes a table of filed appeals alone enough for the appeals keys', async () => {
    const e = await scenario([ROWS[1] ?? ''], {});
    expect(e.results.appeals).toEqual([]);
    expect(e.results.agents.find((a) => a.agent_id === 'a1')?.appeals).toEqual([
      { id: 'HR-1', disputes: 'qa_reviews/q1', outcome: null, status: 'pending', role: 'appellant' },
    ]);
  });

  it('adds nothing to results of data without the table', async () => {
    const e = await scenario(null, {});
    expect('appeals_filed' in e.results.inputs).toBe(false);
    expect('appeals' in e.results).toBe(false);
    expect(Object.keys(e.results.agents[0] ?? {}).includes('appeals')).toBe(false);
  });

  it('stops on an unknown filed id, a differing row and duplicate ids, naming both places', async () => {
    const { problems } = await stopped(
      scenario([...ROWS, 'HR-2,a1,2026-10,qa_reviews/q2,又一次,2026-10-23T10:00:00+08:00'], {
        'ap-1.yaml': decision('HR-1', 'q2'),
        'ap-2.yaml': decision('HR-7'),
        'ap-3.yaml': decision('HR-1', 'q3', 'a2'),
      }),
    );
    expect(problems.map((p) => `${p.file?.split('/').slice(-1)[0]}:${p.line}:${p.column} ${p.code}`)).toEqual(
      [
        'ap-1.yaml:5:21 APPEAL_FILED_MISMATCH',
        'ap-2.yaml:7:8 APPEAL_FILED_UNKNOWN',
        'ap-3.yaml:7:8 APPEAL_FILED_DUPLICATE',
        'appeals_filed.csv:5:null APPEAL_FILED_DUPLICATE',
      ],
    );
    const mismatch = problems.find((p) => p.code === 'APPEAL_FILED_MISMATCH');
    expect(mismatch?.message.en).toMatch(
      /^The disputes of appeal "HR-1" is "qa_reviews\/q1" in the appeals_filed table \(.*appeals_filed\.csv:3\) but differs in the appeal file .*ap-1\.yaml:7:8\. Make them agree\.$/,
    );
  });
});
