import { describe, expect, it } from 'vitest';
import { evaluate, serializeEvaluation, textOf } from '../src/index.ts';
import { csv, runScenario, writeScenario } from './scenario.ts';
import { v2Policy } from './v2.ts';

const metric = (extra = '') => `metrics:
  - id: teamwork
    title: 团队协作
    kind: rating
    better: higher
    dimension: teamwork
    roles: { supervisor: 0.6, peer: 0.4 }
    min_raters: 2${extra}
`;
const card = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: teamwork, weight: 100, target: 5, floor: 1 }
`;
const agents = csv(
  'agent_id,name,team,role',
  'a1,甲,一组,aftersale',
  'a2,乙,一组,aftersale',
  'a3,丙,一组,aftersale',
  'a4,丁,一组,aftersale',
);
const ratings = csv(
  'rating_id,agent_id,rater_id,rater_role,dimension,score,rated_at',
  // a1: the supervisor 4; p1 twice (5, 3: its mean 4) and p2 2 → peers (4 + 2) / 2 = 3.
  'k1,a1,s1,supervisor,teamwork,4,2026-10-05T10:00:00+08:00',
  'k2,a1,p1,peer,teamwork,5,2026-10-06T10:00:00+08:00',
  'k3,a1,p1,peer,teamwork,3,2026-10-07T10:00:00+08:00',
  'k4,a1,p2,peer,teamwork,2,2026-10-08T10:00:00+08:00',
  // Left out: a self rating by role, one by rater_id, a role without weight; not counted at all:
  // another dimension, another period.
  'k5,a1,a1,self,teamwork,5,2026-10-09T10:00:00+08:00',
  'k6,a1,a1,peer,teamwork,5,2026-10-09T11:00:00+08:00',
  'k7,a1,c1,cross_dept,teamwork,1,2026-10-10T10:00:00+08:00',
  'k8,a1,s1,supervisor,attitude,1,2026-10-10T11:00:00+08:00',
  'k9,a1,s1,supervisor,teamwork,1,2026-09-30T23:00:00+08:00',
  // a2: two supervisors (5, 3), no peer: the supervisors' weight alone → 4.
  'k10,a2,s1,supervisor,teamwork,5,2026-10-05T10:00:00+08:00',
  'k11,a2,s2,supervisor,teamwork,3,2026-10-05T11:00:00+08:00',
  // a3: one rater, below min_raters 2 → no value.
  'k12,a3,p1,peer,teamwork,4,2026-10-05T10:00:00+08:00',
);

describe('rating metrics', () => {
  it('averages per rater, then per role, and weights the roles that have ratings', async () => {
    const e = await runScenario({ policy: v2Policy(card, metric()), tables: { agents, ratings } });
    const result = (id: string) => e.results.agents.find((a) => a.agent_id === id)?.metrics.teamwork;
    // a1: 0.6 × 4 + 0.4 × 3 = 3.6 from 3 raters (s1, p1, p2); score (3.6 − 1) / (5 − 1) × 100.
    expect(result('a1')).toMatchObject({ value: 3.6, sample: 3, status: 'scored' });
    expect(result('a1')?.score).toBe(65);
    expect(result('a2')).toMatchObject({ value: 4, sample: 2 });
    expect(result('a3')).toMatchObject({ value: null, sample: 0 });
    expect(result('a4')).toMatchObject({ value: null, sample: 0 });
    expect(e.results.inputs.ratings).toMatchObject({ rows: 12, rejected: 0, absent: false });

    const explained = (id: string) => e.explanations.agents.find((a) => a.agent_id === id)?.metrics.teamwork;
    const a1 = explained('a1')?.rating;
    expect(a1?.roles).toEqual([
      { role: 'supervisor', weight: 0.6, mean: 4, raters: 1, ratings: 1 },
      { role: 'peer', weight: 0.4, mean: 3, raters: 2, ratings: 3 },
    ]);
    expect(a1?.raters).toBe(3);
    expect(a1?.left_out_total).toBe(3);
    expect(a1?.left_out.map((l) => [l.reason, l.record.file, l.record.line])).toEqual([
      ['self', 'ratings.csv', 6],
      ['self', 'ratings.csv', 7],
      ['role_not_weighted', 'ratings.csv', 8],
    ]);
    expect(explained('a1')?.evidence).toMatchObject({ role: 'counted', total: 4 });
    expect(explained('a1')?.evidence.records.map((r) => r.line)).toEqual([2, 3, 4, 5]);
    expect(explained('a2')?.rating?.roles[1]).toEqual({
      role: 'peer',
      weight: 0.4,
      mean: null,
      raters: 0,
      ratings: 0,
    });
    const a3 = explained('a3')?.rating;
    expect(a3?.left_out.map((l) => [l.reason, l.record.line])).toEqual([['below_min_raters', 13]]);
    expect(a3?.roles[1]).toEqual({ role: 'peer', weight: 0.4, mean: 4, raters: 1, ratings: 1 });
    expect(explained('a3')?.evidence.total).toBe(0);
    expect(e.policySnapshot.metrics.find((m) => m.id === 'teamwork')).toMatchObject({
      kind: 'rating',
      dimension: ['teamwork'],
      roles: { supervisor: 0.6, peer: 0.4 },
      min_raters: 2,
      include_self: false,
    });
  });

  it('gives the mean itself when the roles with ratings share one mean (0.7 × 3 / 0.7 is not 3 in doubles)', async () => {
    const policy = v2Policy(
      card,
      metric().replace('{ supervisor: 0.6, peer: 0.4 }', '{ supervisor: 0.3, peer: 0.7 }'),
    );
    const rows = csv(
      'rating_id,agent_id,rater_id,rater_role,dimension,score,rated_at',
      // a1: peers only, 4 and 2 → 3. a2: a supervisor 3 and peers 3 → 3. a3: 2 and peers 4, 4 → 3.4.
      'k1,a1,p1,peer,teamwork,4,2026-10-05T10:00:00+08:00',
      'k2,a1,p2,peer,teamwork,2,2026-10-05T11:00:00+08:00',
      'k3,a2,s1,supervisor,teamwork,3,2026-10-05T10:00:00+08:00',
      'k4,a2,p1,peer,teamwork,3,2026-10-05T11:00:00+08:00',
      'k5,a3,s1,supervisor,teamwork,2,2026-10-05T10:00:00+08:00',
      'k6,a3,p1,peer,teamwork,4,2026-10-05T11:00:00+08:00',
    );
    const e = await runScenario({ policy, tables: { agents, ratings: rows } });
    const value = (id: string) => e.results.agents.find((a) => a.agent_id === id)?.metrics.teamwork?.value;
    expect((0.7 * 3) / 0.7).toBe(2.9999999999999996);
    expect(value('a1')).toBe(3);
    expect(value('a2')).toBe(3);
    expect(value('a3')).toBe((0.3 * 2 + 0.7 * 4) / (0.3 + 0.7));
  });

  it('warns at the scorecard item of a dimension or a weighted role that no rating of the period has', async () => {
    const policy = v2Policy(
      card,
      metric()
        .replace('{ supervisor: 0.6, peer: 0.4 }', '{ supervsor: 0.6, peer: 0.4 }')
        .replace('dimension: teamwork', 'dimension: [teamwork, 团队协作]'),
    );
    const e = await runScenario({ policy, tables: { agents, ratings } });
    const warned = e.warnings.filter((w) => w.code.startsWith('RATING_'));
    expect(warned.map((w) => [w.code, w.line])).toEqual([
      ['RATING_DIMENSION_NOT_IN_DATA', 27],
      ['RATING_ROLE_NOT_IN_DATA', 27],
    ]);
    // The period's ratings: 9 of teamwork and 1 of attitude (k9 is September's).
    expect(warned[0]?.message.en).toContain('"团队协作"');
    expect(warned[0]?.message.en).toContain('dimensions in the period: teamwork 10 · attitude 1');
    expect(warned[1]?.message.en).toContain('"supervsor"');
    expect(warned[1]?.message.en).toContain(
      'roles in the period: peer 5 · supervisor 3 · cross_dept 1 · self 1',
    );
    // Spelled as the data has them: no warning.
    const clean = await runScenario({ policy: v2Policy(card, metric()), tables: { agents, ratings } });
    expect(clean.warnings.filter((w) => w.code.startsWith('RATING_'))).toEqual([]);
  });

  it('warns when every agent’s value lies far outside the scale of the item’s target and floor', async () => {
    // The same ratings on a 0–100 scale (×20) against target 5, floor 1: a1 72, a2 80.
    const hundred = ratings.replace(
      /,(\d+),(2026-)/g,
      (_, n: string, y: string) => `,${Number(n) * 20},${y}`,
    );
    const e = await runScenario({ policy: v2Policy(card, metric()), tables: { agents, ratings: hundred } });
    const value = (id: string) => e.results.agents.find((a) => a.agent_id === id)?.metrics.teamwork;
    expect([value('a1')?.value, value('a1')?.score, value('a2')?.value]).toEqual([72, 100, 80]);
    const warned = e.warnings.filter((w) => w.code === 'RATING_SCALE_MISMATCH');
    expect(warned.map((w) => w.line)).toEqual([27]);
    expect(warned[0]?.message.en).toContain('teamwork lie between 72 and 80, far outside the scale');
    expect(warned[0]?.message.en).toContain('(1–5)');
    const clean = await runScenario({ policy: v2Policy(card, metric()), tables: { agents, ratings } });
    expect(clean.warnings.filter((w) => w.code === 'RATING_SCALE_MISMATCH')).toEqual([]);
  });

  it('with include_self, a self rating counts under its own role when that role is weighted', async () => {
    const e = await runScenario({
      policy: v2Policy(card, metric('\n    include_self: true')),
      tables: { agents, ratings },
    });
    const a1 = e.results.agents.find((a) => a.agent_id === 'a1')?.metrics.teamwork;
    // k6 (rater a1, role peer) joins the peers: (4 + 2 + 5) / 3; k5 (role self) has no weight.
    expect(a1).toMatchObject({ value: 0.6 * 4 + 0.4 * (11 / 3), sample: 4 });
    const left = e.explanations.agents.find((a) => a.agent_id === 'a1')?.metrics.teamwork?.rating?.left_out;
    expect(left?.map((l) => [l.reason, l.record.line])).toEqual([
      ['role_not_weighted', 6],
      ['role_not_weighted', 8],
    ]);
  });

  it('a policy without rating metrics neither reads nor lists the ratings table', async () => {
    const e = await runScenario({
      policy: v2Policy(card.replace('teamwork', 'qa_score')),
      tables: {
        agents,
        qa_reviews: csv('review_id,agent_id,reviewed_at,score', 'r1,a1,2026-10-05T10:00:00+08:00,80'),
        ratings: 'not,a,ratings,header\n',
      },
    });
    expect(Object.keys(e.results.inputs)).not.toContain('ratings');
  });

  it('the SQL engine measures and explains it as the TypeScript engine, byte for byte', async () => {
    for (const extra of [
      '',
      '\n    include_self: true\n    where: { all: [ { fact: score, operator: greaterThan, value: 1 } ] }',
    ]) {
      const { policiesDir, dataDir } = writeScenario({
        policy: v2Policy(card, metric(extra)),
        tables: { agents, ratings },
      });
      const options = { policiesDir, dataDir, period: '2026-10', allowMissing: ['conversations'] };
      const sql = serializeEvaluation(await evaluate({ ...options, engine: 'duckdb' }));
      expect(sql).toEqual(serializeEvaluation(await evaluate(options)));
      expect(
        JSON.parse(textOf(sql.get('explanations.json') ?? [])).agents[0].metrics.teamwork.rating
          .left_out_total,
      ).toBeGreaterThan(0);
    }
  });
});
