import type { AgentResult, PolicySnapshot, Results, SnapshotScoredItem } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import type { SitePeriod } from '../src/lib/load.ts';
import { pointsLost, weightsShared } from '../src/lib/scorecard.ts';
import { scoredRows } from '../src/lib/views.ts';

// A period of policy format 2: one scorecard of two groups, efficiency 60 (fcr 50, reply 50) and
// feedback 40 (csat 100), and an agent whose reply rate has no data.
const item = (metric: string, weight: number, group: string): SnapshotScoredItem => ({
  metric,
  weight,
  method: 'linear',
  target: 0.9,
  floor: 0.5,
  bands: [],
  min_sample: 1,
  group,
  line: 1,
});

const policy = {
  scorebook: 1,
  format: 2,
  id: 'v2',
  version: '1',
  effective_from: '2026-10-01',
  title: '考核',
  title_en: null,
  description: null,
  timezone: 'Asia/Shanghai',
  file: '2026-10-01.yaml',
  sha256: 'aaaa',
  grades: [{ grade: 'A', min_score: 0, label: null, label_en: null }],
  business_hours: null,
  exclusions: [],
  scorecards: [
    {
      id: 'aftersale',
      title: '售后',
      title_en: null,
      roles: ['aftersale'],
      eligibility: null,
      scored: [
        item('fcr', 50, 'efficiency'),
        item('reply_rate', 50, 'efficiency'),
        item('csat_rate', 100, 'feedback'),
      ],
      adjustments: [],
      vetoes: [],
      groups: [
        { id: 'efficiency', title: '服务效率', title_en: null, weight: 60, line: 1 },
        { id: 'feedback', title: '客户反馈', title_en: null, weight: 40, line: 1 },
      ],
      line: 1,
    },
  ],
  metrics: [],
  text: '',
} satisfies PolicySnapshot;

const agent: AgentResult = {
  agent_id: 'a1',
  name: '张三',
  team: 't',
  role: 'aftersale',
  employment_status: 'active',
  scorecard: 'aftersale',
  status: 'rated',
  reason: null,
  reason_code: null,
  metrics: {
    fcr: { value: 0.8, sample: 20, score: 75, weight: 50, status: 'scored' },
    reply_rate: { value: null, sample: 0, score: null, weight: 50, status: 'no_data' },
    csat_rate: { value: 0.9, sample: 20, score: 100, weight: 100, status: 'scored' },
  },
  excluded: {},
  base_score: 85,
  adjustments: {},
  total_score: 85,
  vetoes: [],
  grade: 'A',
  rank: 1,
  worst_metrics: ['fcr'],
  groups: [
    { id: 'efficiency', weight: 60, status: 'scored', subtotal: 75, contribution: 45 },
    { id: 'feedback', weight: 40, status: 'scored', subtotal: 100, contribution: 40 },
  ],
};

function period(): SitePeriod {
  const results = { agents: [agent] } as unknown as Results;
  return {
    id: '2026-10',
    dir: '/nowhere',
    results,
    agents: new Map([['a1', agent]]),
    explanations: new Map(),
    manifest: null,
    history: [],
    policy,
    currency: null,
    metrics: new Map(),
    files: [],
    altered: [],
    rejectedByAgent: new Map(),
  };
}

describe('an agent’s scorecard of format 2', () => {
  it('gives each item its contribution through its group: score × weight ÷ the group’s scored weights × the group’s share', () => {
    const rows = scoredRows(period(), agent);
    expect(rows.map((r) => [r.metric, r.item?.group, r.contribution])).toEqual([
      ['fcr', 'efficiency', 45],
      ['reply_rate', 'efficiency', null],
      ['csat_rate', 'feedback', 40],
    ]);
  });

  it('gives each item its effective weight through its group, so that the base is 100 less the points lost', () => {
    const rows = scoredRows(period(), agent);
    // fcr: 50 × 100 ÷ 50 (reply_rate has no data) × 60 ÷ 100; csat_rate: 100 × 100 ÷ 100 × 40 ÷ 100.
    expect(rows.map((r) => [r.metric, r.effectiveWeight, pointsLost(r)])).toEqual([
      ['fcr', 60, 15],
      ['reply_rate', 0, null],
      ['csat_rate', 40, 0],
    ]);
    expect(weightsShared(rows)).toBe(true);
    expect(100 - rows.reduce((s, r) => s + (pointsLost(r) ?? 0), 0)).toBe(agent.base_score);
  });
});
