import type { Evaluation } from '@scorebook/engine';

/**
 * A veto whose condition holds for an agent and that an applied appeal voided (`void_veto`,
 * docs/appeals.md): shown holding in explanations, left out of the agent's `vetoes`.
 */
export interface VetoVoid {
  agent_id: string;
  veto: string;
  /** The id of the applied appeal whose decision voided it. */
  appeal: string;
}

/**
 * The vetoes an evaluation's applied appeals voided, agent by agent in results order, each veto
 * in policy order: those whose condition holds in the explanations and that the agent's results do
 * not list. The appeal is the first applied one whose changes void the veto.
 */
export function vetoVoidsOf(evaluation: Pick<Evaluation, 'results' | 'explanations'>): VetoVoid[] {
  const explained = new Map(evaluation.explanations.agents.map((a) => [a.agent_id, a]));
  const voids: VetoVoid[] = [];
  for (const agent of evaluation.results.agents) {
    const explanation = explained.get(agent.agent_id);
    if (explanation === undefined || (explanation.appeals ?? []).length === 0) continue;
    for (const veto of explanation.vetoes) {
      if (!veto.holds || agent.vetoes.includes(veto.id)) continue;
      const appeal = (explanation.appeals ?? []).find(
        (a) =>
          a.status === 'applied' && a.changes.some((c) => c.action === 'void_veto' && c.target === veto.id),
      );
      if (appeal !== undefined) voids.push({ agent_id: agent.agent_id, veto: veto.id, appeal: appeal.id });
    }
  }
  return voids;
}
