import type { AgentExplanation, SnapshotMetric } from '@scorebook/contract';
import { describe, expect, it } from 'vitest';
import type { SitePeriod } from '../src/lib/load.ts';
import { ratingRule, ratingViews } from '../src/lib/ratings.ts';

const metric = {
  id: 'teamwork_rating',
  title: '团队协作评分',
  title_en: 'Teamwork rating',
  description: null,
  description_en: null,
  kind: 'rating',
  better: 'higher',
  unit: 'score',
  table: null,
  field: null,
  where: null,
  numerator: null,
  denominator: null,
  dimension: ['teamwork'],
  roles: { supervisor: 0.6, peer: 0.4 },
  min_raters: 2,
  include_self: false,
  builtin: false,
} as const satisfies SnapshotMetric;

const record = (line: number, rater: string, role: string, score: number) => ({
  table: 'ratings',
  file: 'ratings.csv',
  line,
  fields: { rating_id: `k${line}`, agent_id: 'e1', rater_id: rater, rater_role: role, score },
});
const line = { file: '2027-01-01.yaml', line: 60, path: 'scorecards.express.groups[3].scored[3]' };

// As the engine explains e1 of configs/policies/express-cs/tests/ratings.yaml.
const explanation: AgentExplanation = {
  agent_id: 'e1',
  scorecard: 'express',
  scorecard_source: null,
  metrics: {
    qa_score: { source: line, evidence: { role: 'against', total: 0, records: [] } },
    teamwork_rating: {
      source: line,
      evidence: { role: 'counted', total: 4, records: [] },
      rating: {
        value: 4.7,
        raters: 3,
        min_raters: 2,
        include_self: false,
        roles: [
          { role: 'supervisor', weight: 0.6, mean: 5, raters: 1, ratings: 1 },
          { role: 'peer', weight: 0.4, mean: 4.25, raters: 2, ratings: 3 },
        ],
        left_out_total: 2,
        left_out: [
          { reason: 'self', record: record(6, 'e1', 'self', 5) },
          { reason: 'role_not_weighted', record: record(7, 'ops-01', 'cross_dept', 1) },
        ],
      },
    },
  },
  excluded: [],
  eligibility: null,
  vetoes: [],
  grade_before_vetoes: 'S',
};

const period = { metrics: new Map([[metric.id, metric]]) } as unknown as SitePeriod;

describe('an agent’s rating metrics', () => {
  it('list each rating metric with its roles and the ratings left out, with file and line', () => {
    const views = ratingViews(explanation, period, 'en');
    expect(views.map((v) => [v.metric, v.title, v.rating.value, v.rating.raters])).toEqual([
      ['teamwork_rating', 'Teamwork rating', 4.7, 3],
    ]);
    expect(views[0]?.rating.roles.map((r) => [r.role, r.weight, r.mean, r.raters])).toEqual([
      ['supervisor', 0.6, 5, 1],
      ['peer', 0.4, 4.25, 2],
    ]);
    expect(views[0]?.leftOut).toEqual([
      { reason: 'self', rater: 'e1', role: 'self', score: 5, file: 'ratings.csv', line: 6 },
      {
        reason: 'role_not_weighted',
        rater: 'ops-01',
        role: 'cross_dept',
        score: 1,
        file: 'ratings.csv',
        line: 7,
      },
    ]);
    expect(ratingViews(explanation, period, 'zh')[0]?.title).toBe('团队协作评分');
  });

  it('are none for an agent without rating metrics, or without an explanation', () => {
    const { teamwork_rating: _, ...others } = explanation.metrics;
    expect(ratingViews({ ...explanation, metrics: others }, period, 'en')).toEqual([]);
    expect(ratingViews(null, period, 'en')).toEqual([]);
  });
});

describe('a rating metric’s page', () => {
  it('states its rule in one line: roles and weights, dimensions, min_raters, include_self', () => {
    expect(ratingRule(metric)).toBe('supervisor 0.6, peer 0.4 · dimension teamwork · min_raters 2');
    expect(ratingRule({ ...metric, dimension: null, include_self: true })).toBe(
      'supervisor 0.6, peer 0.4 · min_raters 2 · include_self',
    );
  });
});
