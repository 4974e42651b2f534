import { describe, expect, it } from 'vitest';
import { loadText, v2Text, where } from './v2-policy.ts';

const card = (when: string) => `  s:
    title: t
    roles: [r]
    eligibility:
      when: { all: [ ${when} ] }
      reason: 不参评
    scored:
      - { metric: fcr, weight: 100, target: 80%, floor: 50% }
`;

describe('agent facts in conditions', () => {
  it('are facts of format 2: tenure, days employed, status, team and role', () => {
    const loaded = loadText(
      v2Text(
        card(
          '{ fact: tenure_days, operator: greaterThanInclusive, value: 30 }, { fact: days_employed, operator: greaterThan, value: 0 }, { fact: employment_status, operator: equal, value: active }, { fact: team, operator: notEqual, value: 试用组 }, { fact: role, operator: in, value: [r] }, { fact: tenure_months, operator: greaterThan, value: 1 }, { fact: period_days, operator: greaterThan, value: 1 }',
        ),
      ),
    );
    expect(loaded.problems).toEqual([]);
  });

  it('are unknown in format 1, whose conditions see metric ids only', () => {
    const loaded = loadText(
      v2Text(card('{ fact: tenure_days, operator: greaterThanInclusive, value: 30 }'), { format: 1 }),
    );
    expect(where(loaded)).toEqual([
      ['CONDITION_UNKNOWN_FACT', 'error', 19, 30, 'scorecards.s.eligibility.when.all[0].fact'],
    ]);
  });

  it('may not be the ids of a format 2 policy’s own metrics', () => {
    const loaded = loadText(
      v2Text(card('{ fact: fcr, operator: greaterThan, value: 0 }'), {
        top: 'metrics:\n  - { id: team, title: 组, kind: count, better: higher, table: events }\n',
      }),
    );
    expect(where(loaded)).toEqual([['METRIC_ID_AGENT_FACT', 'error', 8, 11, 'metrics[0].id']]);
  });
});

describe('scores in eligibility', () => {
  it('are refused as not known yet, instead of suggesting a similar metric', () => {
    for (const format of [1, 2] as const) {
      const loaded = loadText(
        v2Text(card('{ fact: base_score, operator: greaterThan, value: 60 }'), { format }),
      );
      expect(where(loaded)).toEqual([
        ['SCORE_FACT_IN_ELIGIBILITY', 'error', 19, 30, 'scorecards.s.eligibility.when.all[0].fact'],
      ]);
      expect(loaded.problems[0]!.message.en).toBe(
        'Eligibility cannot use "base_score": who is rated is decided before any score exists. Write eligibility with metrics (such as conversations_handled); for a rule on scores use a veto (vetoes) or a flag (flags, format 2).',
      );
    }
  });
});
