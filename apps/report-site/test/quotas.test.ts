import type { AgentResult, PolicySnapshot, Results } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import type { SitePeriod } from '../src/lib/load.ts';
import { goalOf, scoredRows } from '../src/lib/views.ts';

// A presale scorecard whose sales item takes per-agent targets: the scorecard says 6000 / 2000.
const policy = {
  scorebook: 1,
  format: 2,
  id: 'presale-quota',
  version: '1',
  effective_from: '2026-10-01',
  title: '售前',
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
      id: 'presale',
      title: '售前',
      title_en: null,
      roles: ['presale'],
      eligibility: null,
      scored: [
        {
          metric: 'sales_amount',
          weight: 100,
          method: 'linear',
          target: 6000,
          floor: 2000,
          bands: [],
          min_sample: 1,
          group: null,
          quota: true,
          line: 1,
        },
      ],
      adjustments: [],
      vetoes: [],
      line: 1,
    },
  ],
  metrics: [],
  text: '',
} satisfies PolicySnapshot;

const agent = (id: string, quota: NonNullable<AgentResult['metrics'][string]['quota']>): AgentResult => ({
  agent_id: id,
  name: id,
  team: 't',
  role: 'presale',
  employment_status: 'active',
  scorecard: 'presale',
  status: 'rated',
  reason: null,
  reason_code: null,
  metrics: { sales_amount: { value: 3000, sample: 3, score: 50, weight: 100, status: 'scored', quota } },
  excluded: {},
  base_score: 50,
  adjustments: {},
  total_score: 50,
  vetoes: [],
  grade: 'A',
  rank: 1,
  worst_metrics: ['sales_amount'],
});
const own = agent('p1', { from: 'targets', target: 4000, floor: 2000, file: 'targets.csv', line: 7 });
const fallback = agent('p2', { from: 'scorecard', target: 6000, floor: 2000, file: null, line: null });

function period(): SitePeriod {
  return {
    id: '2026-10',
    dir: '/nowhere',
    results: { agents: [own, fallback] } as unknown as Results,
    agents: new Map([
      ['p1', own],
      ['p2', fallback],
    ]),
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

describe('an agent’s per-agent targets', () => {
  it('show on its scorecard as the target and floor it was scored by', () => {
    const [row] = scoredRows(period(), own);
    expect([row?.item?.target, row?.item?.floor]).toEqual([4000, 2000]);
    const item = row?.item;
    expect(item && goalOf(item, 'number', 'en', null)).toBe('4000 / 2000');
    const [other] = scoredRows(period(), fallback);
    expect([other?.item?.target, other?.item?.floor]).toEqual([6000, 2000]);
  });
});
