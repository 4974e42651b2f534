import type { AppealExplanation } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import { overturnRates, periodAppealCounts } from '../src/lib/appeals.ts';
import type { SitePeriod } from '../src/lib/load.ts';

const appeal = (id: string, status: AppealExplanation['status'], reviewer?: string): AppealExplanation => ({
  id,
  file: `2026-10/${id}.yaml`,
  role: 'appellant',
  agent_id: 'a1',
  disputes: `qa_reviews/q-${id}`,
  claim: '评分不公',
  filed_at: '2026-10-20T09:00:00+08:00',
  decision: null,
  status,
  refusal: null,
  changes: [],
  ...(reviewer === undefined ? {} : { reviewer }),
});

describe('overturn rates per QA reviewer', () => {
  it('count each decided appeal on a QA review under its reviewer too', () => {
    const appeals = [
      appeal('ap-1', 'applied', '王质检'),
      appeal('ap-2', 'rejected', '王质检'),
      appeal('ap-3', 'applied', '李质检'),
      appeal('ap-4', 'refused', '李质检'),
      appeal('ap-5', 'rejected'),
    ];
    const period = {
      results: { agents: [{ agent_id: 'a1', appeals: [{ role: 'appellant' }] }] },
      explanations: new Map([['a1', { excluded: [], appeals }]]),
    } as unknown as SitePeriod;
    expect(overturnRates(period).map((r) => [r.kind, r.id, r.decided, r.overturned, r.rate])).toEqual([
      ['table', 'qa_reviews', 4, 2, 0.5],
      ['reviewer', '李质检', 1, 1, 1],
      ['reviewer', '王质检', 2, 1, 0.5],
    ]);
  });
});

describe('the period overview counts of appeals', () => {
  it('count a filed row without a decision file (appeals_filed) as filed and pending', () => {
    const appeals = [appeal('ap-1', 'applied'), appeal('ap-2', 'pending')];
    const period = {
      results: {
        agents: [
          {
            agent_id: 'a1',
            appeals: [
              { id: 'ap-1', role: 'appellant', status: 'applied' },
              { id: 'ap-2', role: 'appellant', status: 'pending' },
              { id: 'HR-7', role: 'appellant', status: 'pending' },
            ],
          },
          {
            agent_id: 'a2',
            appeals: [
              { id: 'HR-8', role: 'appellant', status: 'pending' },
              { id: 'HR-9', role: 'appellant', status: 'refused' },
            ],
          },
        ],
      },
    } as unknown as SitePeriod;
    expect(periodAppealCounts(period, appeals)).toEqual({
      filed: 5,
      decided: 1,
      upheld: 1,
      rejected: 0,
      refused: 1,
      pending: 3,
    });
  });

  it('count a refused filed row (late, not appealable, after a final decision) as filed and refused, not decided', () => {
    const refusedRow = { ...appeal('HR-3', 'refused'), file: 'appeals_filed.csv:4' };
    const appeals = [appeal('ap-1', 'rejected'), refusedRow];
    const period = {
      results: {
        agents: [
          {
            agent_id: 'a1',
            appeals: [
              { id: 'ap-1', role: 'appellant', status: 'rejected' },
              { id: 'HR-3', role: 'appellant', status: 'refused' },
            ],
          },
        ],
      },
      explanations: new Map([['a1', { excluded: [], appeals }]]),
    } as unknown as SitePeriod;
    expect(periodAppealCounts(period, appeals)).toEqual({
      filed: 2,
      decided: 1,
      upheld: 0,
      rejected: 1,
      refused: 1,
      pending: 0,
    });
    expect(overturnRates(period).map((r) => [r.kind, r.id, r.decided, r.overturned])).toEqual([
      ['table', 'qa_reviews', 1, 0],
    ]);
  });
});
