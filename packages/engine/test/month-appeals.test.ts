import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Evaluation, evaluate } from '../src/index.ts';
import { basePolicy, csv, writeScenario } from './scenario.ts';

// A recomputed quarter and the appeals of its months (docs/appeals.md): by default it applies
// only its own folder's and warns of its months' decisions on records; with
// `appeals.months: records` it applies those, and not the months' voids.

const scorecards = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: csat_rate, weight: 50, target: 100%, floor: 50% }
      - metric: complaints_n
        weight: 50
        method: bands
        bands: [ { at_most: 0, score: 100 }, { at_most: 1, score: 50 } ]
    vetoes:
      - { id: red-line, reason: 红线, cap_grade: C, when: { all: [ { fact: red_line_count, operator: greaterThanInclusive, value: 1 } ] } }`;

const metrics = `metrics:
  - { id: complaints_n, title: 投诉数, kind: count, better: lower, table: complaints }`;

const tables = {
  agents: csv('agent_id,name,team,role', 'a1,张三,一组,aftersale', 'a2,李四,一组,aftersale'),
  surveys: csv(
    'survey_id,agent_id,submitted_at,csat',
    's1,a1,2026-10-05T10:00:00+08:00,5',
    's2,a1,2026-11-06T10:00:00+08:00,2',
    's3,a2,2026-10-05T10:00:00+08:00,5',
    's4,a2,2026-11-06T10:00:00+08:00,5',
  ),
  qa_reviews: csv(
    'review_id,agent_id,reviewed_at,score,red_line',
    'q1,a1,2026-10-05T10:00:00+08:00,95,false',
    'q2,a2,2026-10-05T10:00:00+08:00,85,true',
  ),
  complaints: csv(
    'complaint_id,agent_id,filed_at,category,upheld',
    'p1,a1,2026-10-09T10:00:00+08:00,service,true',
    'p2,a1,2026-11-09T10:00:00+08:00,service,true',
  ),
};

const CORRECT_P1 = `scorebook: 1
kind: appeal
agent: a1
filed_at: 2026-11-03T10:00:00+08:00
disputes: { record: complaints/p1 }
claim: 产品缺陷
decision:
  outcome: upheld
  decided_by: 李主管
  decided_at: 2026-11-05
  reason: 复核属实
  actions:
    - correct: { record: complaints/p1, field: category, value: product_defect }
`;

const VOID_RED_LINE = `scorebook: 1
kind: appeal
agent: a2
filed_at: 2026-11-03T10:00:00+08:00
disputes: { veto: red-line }
claim: 误判
decision:
  outcome: upheld
  decided_by: 李主管
  decided_at: 2026-11-05
  reason: 复核属实
`;

const REJECTED_S1 = `scorebook: 1
kind: appeal
agent: a1
filed_at: 2026-11-04T10:00:00+08:00
disputes: { record: surveys/s1 }
claim: 不是我
decision:
  outcome: rejected
  decided_by: 李主管
  decided_at: 2026-11-05
  reason: 属实
`;

const OCTOBER = { 'ap-1.yaml': CORRECT_P1, 'ap-2.yaml': VOID_RED_LINE, 'ap-3.yaml': REJECTED_S1 };

async function quarter(rules: string, appeals: Record<string, string> = OCTOBER): Promise<Evaluation> {
  const policy = basePolicy({ scorecards, metrics }).replace('scorebook: 1', 'scorebook: 2');
  const { policiesDir, dataDir } = writeScenario({ policy: `${policy}${rules}`, tables });
  const appealsDir = join(dataDir, '..', 'appeals');
  mkdirSync(join(appealsDir, '2026-10'), { recursive: true });
  for (const [name, text] of Object.entries(appeals)) writeFileSync(join(appealsDir, '2026-10', name), text);
  return evaluate({
    policiesDir,
    dataDir,
    period: '2026-Q4',
    appealsDir,
    allowMissing: ['conversations', 'messages', 'orders', 'attendance', 'assessments', 'events'],
  });
}

const agent = (e: Evaluation, id: string) => {
  const found = e.results.agents.find((a) => a.agent_id === id);
  if (found === undefined) throw new Error(`no agent ${id}`);
  return found;
};

const MONTHS_RECORDS = 'appeals:\n  months: records\n';

describe('a recomputed quarter and its months’ appeals', () => {
  it('by default applies none of them, adds no key, and warns of each decision on records at its file', async () => {
    const e = await quarter('');
    const none = await quarter('', {});
    expect(e.results).toEqual(none.results);
    expect(e.explanations).toEqual(none.explanations);
    expect('appeals' in e.results).toBe(false);
    // a1: complaints p1 and p2 both count (2 → band score 0); csat (5 + 2 → 1 of 2 satisfied).
    expect(agent(e, 'a1').metrics.complaints_n?.value).toBe(2);
    expect(agent(e, 'a2').vetoes).toEqual(['red-line']);
    const months = e.warnings.filter((w) => w.code.startsWith('APPEAL_'));
    expect(months.map((w) => [w.code, w.file?.split('/').slice(-2).join('/'), w.line, w.column])).toEqual([
      ['APPEAL_MONTHS_NOT_APPLIED', '2026-10/ap-1.yaml', 7, 1],
    ]);
    expect(months[0]?.message.en).toContain('(correct complaints/p1.category)');
    expect(months[0]?.message.en).toContain('appeals.months: records');
  });

  it('with appeals.months: records applies their record actions, each in its month', async () => {
    const e = await quarter(MONTHS_RECORDS);
    const a1 = agent(e, 'a1');
    // p1 corrected to product_defect, then removed by the defects exclusion: one complaint left.
    expect(a1.metrics.complaints_n?.value).toBe(1);
    expect(a1.metrics.complaints_n?.score).toBe(50);
    expect(e.results.inputs.complaints?.excluded).toEqual({ defects: 1 });
    expect(a1.appeals).toEqual([
      { id: 'ap-1', disputes: 'complaints/p1', outcome: 'upheld', status: 'applied', role: 'appellant' },
      { id: 'ap-3', disputes: 'surveys/s1', outcome: 'rejected', status: 'rejected', role: 'appellant' },
    ]);
    expect(e.results.appeals?.map((a) => a.file)).toEqual([
      '2026-10/ap-1.yaml',
      '2026-10/ap-2.yaml',
      '2026-10/ap-3.yaml',
    ]);
    expect(e.policySnapshot.appeals).toEqual({
      window_days: null,
      tables: null,
      metrics: null,
      vetoes: null,
      final: null,
      months: 'records',
    });
  });

  it('does not carry a month’s voids: the veto still caps, the explanation and a warning say so', async () => {
    const e = await quarter(MONTHS_RECORDS);
    const a2 = agent(e, 'a2');
    expect(a2.vetoes).toEqual(['red-line']);
    expect(a2.grade).toBe('C');
    expect(a2.appeals).toEqual([
      { id: 'ap-2', disputes: 'veto:red-line', outcome: 'upheld', status: 'applied', role: 'appellant' },
    ]);
    const explained = e.explanations.agents.find((x) => x.agent_id === 'a2')?.appeals?.[0];
    expect(explained?.changes).toEqual([]);
    expect(explained?.not_carried).toEqual([{ action: 'void_veto', target: 'red-line' }]);
    const a1Explained = e.explanations.agents.find((x) => x.agent_id === 'a1')?.appeals?.[0];
    expect('not_carried' in (a1Explained ?? {})).toBe(false);
    const warned = e.warnings.filter((w) => w.code.startsWith('APPEAL_'));
    expect(warned.map((w) => [w.code, w.file?.split('/').slice(-2).join('/'), w.line, w.column])).toEqual([
      ['APPEAL_MONTH_VOID_NOT_CARRIED', '2026-10/ap-2.yaml', 7, 1],
    ]);
  });

  it('refuses a month’s appeal after its month’s window, as its month does', async () => {
    const late = CORRECT_P1.replace('2026-11-03T10:00:00', '2026-12-01T10:00:00').replace(
      '2026-11-05',
      '2026-12-02',
    );
    const e = await quarter(MONTHS_RECORDS, { 'ap-1.yaml': late });
    expect(agent(e, 'a1').metrics.complaints_n?.value).toBe(2);
    expect(agent(e, 'a1').appeals?.[0]?.status).toBe('refused');
    expect(e.warnings.map((w) => w.code)).toContain('APPEAL_LATE');
    // Refused in its month, it is no decision a quarter without the key leaves out.
    expect((await quarter('', { 'ap-1.yaml': late })).warnings.map((w) => w.code)).not.toContain(
      'APPEAL_MONTHS_NOT_APPLIED',
    );
  });
});
