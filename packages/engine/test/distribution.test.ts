import { describe, expect, it } from 'vitest';
import { csv, runScenario } from './scenario.ts';
import { v2Policy } from './v2.ts';

// Total = the qa score. S at most 10% (⌊0.1 × 10⌋ = 1), A at most 20% (2), D at least 20% (⌈0.2 × 10⌉ = 2);
// equal totals ordered by csat_rate, then agent id.
const CARD = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: qa_score, weight: 100, target: 100, floor: 0 }
    distribution:
      tie_breakers: [csat_rate]
      grades:
        - { grade: S, max_share: 10% }
        - { grade: A, max_share: 20% }
        - { grade: D, min_share: 20% }
`;

const totals: Record<string, number> = {
  a01: 97,
  a02: 97,
  a03: 90,
  a04: 88,
  a05: 86,
  a06: 80,
  a07: 72,
  a08: 65,
  a09: 65,
  a10: 50,
};
const ids = Object.keys(totals);
const surveys = (agent: string, good: number, all: number) =>
  Array.from(
    { length: all },
    (_, i) => `${agent}-s${i},${agent},2026-10-05T10:00:00+08:00,${i < good ? 5 : 1}`,
  );
const tables = {
  agents: csv('agent_id,name,team,role', ...ids.map((a) => `${a},客服${a},一组,aftersale`)),
  qa_reviews: csv(
    'review_id,agent_id,reviewed_at,score',
    ...ids.map((a) => `q-${a},${a},2026-10-05T10:00:00+08:00,${totals[a]}`),
  ),
  // a01 9 of 10 satisfied, a02 19 of 20: a02 is placed first of the two 97s.
  surveys: csv('survey_id,agent_id,submitted_at,csat', ...surveys('a01', 9, 10), ...surveys('a02', 19, 20)),
};

describe('forced distribution (强制分布)', () => {
  it('caps best grade first and fills minimums worst first, by total, tie-breakers and agent id', async () => {
    const e = await runScenario({ policy: v2Policy(CARD), tables });
    const grades = Object.fromEntries(e.results.agents.map((a) => [a.agent_id, [a.grade_by_score, a.grade]]));
    expect(grades).toEqual({
      a01: ['S', 'A'], // second of the 97s by csat: over S's cap of 1
      a02: ['S', 'S'],
      a03: ['A', 'A'],
      a04: ['A', 'B'], // A holds a01 and a03 (cap 2)
      a05: ['A', 'B'],
      a06: ['B', 'B'],
      a07: ['B', 'B'],
      a08: ['C', 'C'], // ahead of a09 (65 too) by agent id
      a09: ['C', 'D'], // D needs 2: a10 and the lowest-placed above it
      a10: ['D', 'D'],
    });
    expect(e.results.summary.grades).toEqual({ S: 1, A: 2, B: 4, C: 1, D: 2 });
  });

  it('says where each agent was placed and by which rule it moved', async () => {
    const e = await runScenario({ policy: v2Policy(CARD), tables });
    const by = (id: string) => e.results.agents.find((a) => a.agent_id === id)!;
    expect(by('a02').distribution).toEqual({ position: 1, of: 10, moves: [] });
    expect(by('a01').distribution).toEqual({
      position: 2,
      of: 10,
      moves: [{ from: 'S', to: 'A', rule: 'max_share', grade: 'S', share: 0.1, limit: 1 }],
    });
    expect(by('a05').distribution!.moves).toEqual([
      { from: 'A', to: 'B', rule: 'max_share', grade: 'A', share: 0.2, limit: 2 },
    ]);
    expect(by('a09').distribution).toEqual({
      position: 9,
      of: 10,
      moves: [{ from: 'C', to: 'D', rule: 'min_share', grade: 'D', share: 0.2, limit: 2 }],
    });
    // Ranks stay by total: equal totals share a rank.
    expect([by('a01').rank, by('a02').rank, by('a08').rank, by('a09').rank]).toEqual([1, 1, 8, 8]);
  });

  it('moves an agent down twice when it passes two caps, and counts shares of the rated agents only', async () => {
    const twice = CARD.replace('{ grade: S, max_share: 10% }', '{ grade: S, max_share: 0% }');
    const e = await runScenario({
      policy: v2Policy(twice),
      tables: {
        ...tables,
        agents: tables.agents.replace('a10,客服a10,一组,aftersale', 'a10,客服a10,一组,presale'),
      },
    });
    const by = (id: string) => e.results.agents.find((a) => a.agent_id === id)!;
    // 9 rated: S cap 0, A cap ⌊1.8⌋ = 1, D needs ⌈1.8⌉ = 2.
    expect(by('a01').distribution!.moves.map((m) => `${m.from}→${m.to} ${m.rule} ${m.limit}`)).toEqual([
      'S→A max_share 0',
      'A→B max_share 1',
    ]);
    expect(by('a02').grade).toBe('A');
    expect(e.results.agents.filter((a) => a.grade === 'D').map((a) => a.agent_id)).toEqual(['a08', 'a09']);
    expect(by('a10')).toMatchObject({ scorecard: null, grade_by_score: null, distribution: null });
  });

  it('is recorded in policy.json with its shares as fractions', async () => {
    const e = await runScenario({ policy: v2Policy(CARD), tables });
    expect(e.policySnapshot.scorecards[0]!.distribution).toEqual({
      tie_breakers: ['csat_rate'],
      grades: [
        { grade: 'S', max_share: 0.1, min_share: null },
        { grade: 'A', max_share: 0.2, min_share: null },
        { grade: 'D', max_share: null, min_share: 0.2 },
      ],
      line: 21,
    });
  });
});
