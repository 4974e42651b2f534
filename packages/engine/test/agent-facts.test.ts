import { describe, expect, it } from 'vitest';
import { csv, runScenario } from './scenario.ts';
import { v2Policy } from './v2.ts';

// A scorecard rated on violations alone: without a rule on who the agent is, a new hire with no
// work would be rated S. Eligibility reads days_employed; a veto reads employment_status.
const CARD = `  aftersale:
    title: 售后
    roles: [aftersale]
    eligibility:
      when: { all: [ { fact: days_employed, operator: greaterThanInclusive, value: 15 } ] }
      reason: 本月在职不足 15 天,不参与评级
    scored:
      - { metric: violation_count, weight: 100, target: 0, floor: 5 }
    vetoes:
      - id: left
        reason: 已离职
        cap_grade: C
        when: { all: [ { fact: employment_status, operator: equal, value: left }, { fact: team, operator: equal, value: 一组 } ] }
`;

const agents = csv(
  'agent_id,name,team,role,hired_on,status',
  'n1,新人,一组,aftersale,2026-10-20,active',
  'n2,月底,一组,aftersale,2026-08-31,active',
  'n3,无日期,一组,aftersale,,active',
  'n4,未入职,一组,aftersale,2026-11-05,active',
  'n5,闰日,二组,aftersale,2024-02-29,left',
  'n6,离职,一组,aftersale,2025-01-01,left',
);

describe('agent facts (format 2)', () => {
  it('measure tenure and days employed against the period’s days', async () => {
    const e = await runScenario({
      policy: v2Policy(CARD),
      tables: { agents, events: csv('agent_id,at,type', 'n2,2026-10-03T12:00:00+08:00,praise') },
    });
    const facts = Object.fromEntries(e.results.agents.map((a) => [a.agent_id, a.facts]));
    expect(facts).toEqual({
      n1: { tenure_days: 12, tenure_months: 0, days_employed: 12, period_days: 31 },
      // 2026-08-31 + 2 months = 2026-10-31 ≤ 2026-11-01; + 3 months = 2026-11-30 is after it.
      n2: { tenure_days: 62, tenure_months: 2, days_employed: 31, period_days: 31 },
      n3: { tenure_days: null, tenure_months: null, days_employed: 31, period_days: 31 },
      n4: { tenure_days: 0, tenure_months: 0, days_employed: 0, period_days: 31 },
      // 2024-02-29 + 32 months = 2026-10-29; + 33 months = 2026-11-29.
      n5: { tenure_days: 976, tenure_months: 32, days_employed: 31, period_days: 31 },
      n6: { tenure_days: 669, tenure_months: 22, days_employed: 31, period_days: 31 },
    });
  });

  it('decide eligibility and vetoes: a new hire with no work is not rated S', async () => {
    const e = await runScenario({
      policy: v2Policy(CARD),
      tables: { agents, events: csv('agent_id,at,type', 'n2,2026-10-03T12:00:00+08:00,praise') },
    });
    const by = (id: string) => e.results.agents.find((a) => a.agent_id === id)!;
    expect(by('n1')).toMatchObject({
      status: 'not_rated',
      reason: '本月在职不足 15 天,不参与评级',
      grade: null,
    });
    expect(by('n4').status).toBe('not_rated');
    expect(by('n2')).toMatchObject({ status: 'rated', grade: 'S', vetoes: [] });
    // n5 left but is in 二组; n6 left and is in 一组.
    expect(by('n5')).toMatchObject({ grade: 'S', vetoes: [] });
    expect(by('n6')).toMatchObject({ grade: 'C', vetoes: ['left'] });
    const n1 = e.explanations.agents.find((a) => a.agent_id === 'n1')!;
    expect(n1.eligibility?.condition).toMatchObject({
      result: false,
      conditions: [{ fact: 'days_employed', factValue: 12, result: false }],
    });
  });

  it('are not facts of a format 1 policy, whose results do not carry them', async () => {
    const e = await runScenario({
      policy: v2Policy(
        CARD.replace('days_employed', 'conversations_handled').replace(/ {4}vetoes:[\s\S]*$/, ''),
      ).replace('scorebook: 2', 'scorebook: 1'),
      tables: { agents, events: csv('agent_id,at,type', 'n2,2026-10-03T12:00:00+08:00,praise') },
    });
    expect(e.results.agents[0]).not.toHaveProperty('facts');
  });
});
