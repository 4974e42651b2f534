import { describe, expect, it } from 'vitest';
import { csv, runScenario } from './scenario.ts';
import { v2Policy } from './v2.ts';

const CARD = `  aftersale:
    title: 售后
    roles: [aftersale]
    scored:
      - { metric: complaint_rate, weight: 100, target: 0%, floor: 50% }
`;
const exclusions = (value: string) => `exclusions:
  - id: product-defect
    table: complaints
    reason: 产品缺陷
    when:
      all:
        - { fact: category, operator: in, value: [${value}] }
`;
const tables = {
  agents: csv('agent_id,name,team,role', 'w1,甲,一组,aftersale'),
  conversations: csv(
    'conversation_id,agent_id,channel,started_at',
    'c1,w1,chat,2026-10-05T10:00:00+08:00',
    'c2,w1,chat,2026-10-06T10:00:00+08:00',
  ),
  complaints: csv(
    'complaint_id,agent_id,conversation_id,filed_at,category,upheld',
    'k1,w1,c1,2026-10-05T11:00:00+08:00,product_defect,true',
    'k2,w1,c2,2026-10-06T11:00:00+08:00,attitude,true',
  ),
};
const removedNothing = <W extends { code: string }>(warnings: readonly W[]) =>
  warnings.filter((w) => w.code === 'EXCLUSION_REMOVED_NOTHING');

describe('an exclusion that removed no row of the period', () => {
  it('is a warning at its policy line, naming the values no row has and the values seen', async () => {
    const e = await runScenario({ policy: v2Policy(CARD, exclusions('product_defekt, logistics')), tables });
    const [w, ...more] = removedNothing(e.warnings);
    expect(more).toEqual([]);
    expect([w?.severity, w?.line, w?.column]).toEqual(['warning', 8, 5]);
    expect(w?.file?.endsWith('2026-01-01.yaml')).toBe(true);
    expect(w?.message.en).toBe(
      'The exclusion product-defect removed none of the 2 rows of complaints in the period. Values of the rule that no row has (a typo?): complaints.category: "product_defekt", "logistics" ∉ {attitude, product_defect}.',
    );
    // Both complaints count: complaint rate 2 of 2 conversations.
    expect(e.results.agents[0]?.metrics.complaint_rate?.value).toBe(1);
  });

  it('is not given when the exclusion removed a row, or when its table has no row in the period', async () => {
    const used = await runScenario({ policy: v2Policy(CARD, exclusions('product_defect')), tables });
    expect(removedNothing(used.warnings)).toEqual([]);
    expect(used.results.agents[0]?.metrics.complaint_rate?.value).toBe(0.5);
    // No complaint in October: nothing could be removed, and nothing is said.
    const none = await runScenario({
      policy: v2Policy(CARD, exclusions('product_defekt')),
      tables: {
        ...tables,
        complaints: csv(
          'complaint_id,agent_id,conversation_id,filed_at,category,upheld',
          'k1,w1,c1,2026-09-30T11:00:00+08:00,attitude,true',
        ),
      },
    });
    expect(removedNothing(none.warnings)).toEqual([]);
  });
});
