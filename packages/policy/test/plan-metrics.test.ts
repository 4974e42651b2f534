import { describe, expect, it } from 'vitest';
import { policyMetricCatalog } from '../src/index.ts';
import { loadText, v2Text, where } from './v2-policy.ts';

const card = (items: string) => `  s:
    title: t
    roles: [r]
    scored:
${items}`;
const PLANS = '      - { metric: plan_completion_rate, weight: 100, target: 100%, floor: 0% }\n';

describe('the built-in plan metrics (docs/plans.md)', () => {
  it('join the catalog of a policy that names one, after the built-ins', () => {
    const loaded = loadText(v2Text(card(PLANS)));
    expect(loaded.problems).toEqual([]);
    const ids = policyMetricCatalog(loaded.policy ?? { metrics: [] }).map((m) => m.id);
    expect(ids.length).toBe(27);
    expect(ids[26]).toBe('plan_completion_rate');
    expect(loaded.policy?.scorecards[0]?.scored[0]).toMatchObject({ target: 1, floor: 0 });
  });

  it('are not in the catalog of a policy that does not name them, where naming one is unknown', () => {
    const plain = loadText(
      v2Text(card('      - { metric: qa_score, weight: 100, target: 90, floor: 60 }\n')),
    );
    expect(policyMetricCatalog(plain.policy ?? { metrics: [] }).map((m) => m.id)).not.toContain(
      'plan_completion_rate',
    );
    // A word that only contains the id is no mention of it.
    const near = loadText(
      v2Text(card('      - { metric: plan_completion_rate_2, weight: 100, target: 100%, floor: 0% }\n')),
    );
    expect(where(near).map(([code]) => code)).toEqual(['UNKNOWN_METRIC']);
  });

  it('may not be redefined by a policy', () => {
    const loaded = loadText(
      v2Text(card(PLANS), {
        top: 'metrics:\n  - { id: plan_completion_rate, title: x, kind: count, better: higher, table: events }\n',
      }),
    );
    expect(where(loaded).map(([code, , , , path]) => [code, path])).toEqual([
      ['METRIC_REDEFINES_BUILTIN', 'metrics[0].id'],
    ]);
  });
});
