import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AgentPlans, AgentResult, Results } from '@scorebook/contract';
import { type Period, previousPeriod } from '@scorebook/time';

/** The previous period's published results as the plan block reads them. */
export interface PreviousPeriod {
  /** The agent's block: that period's `worst_metrics` of the agent with their value and score. */
  of(agentId: string): AgentPlans['previous'];
}

/**
 * Reads the period before `period` from the published results root (`docs/plans.md`, last
 * period's worst metrics): published when its folder has a `manifest.json` and a `results.json`,
 * whatever policy published it; its sha256 is that of the file's bytes. An unpublished period (or
 * no results root) gives every agent `file`, `sha256` and `policy` null and no worst metrics;
 * it is never evaluated for this.
 */
export function readPreviousPeriod(period: Period, resultsDir: string | null): PreviousPeriod {
  const id = previousPeriod(period).id;
  const dir = resultsDir === null ? null : join(resultsDir, id);
  if (dir === null || !existsSync(join(dir, 'manifest.json')) || !existsSync(join(dir, 'results.json')))
    return { of: () => ({ period: id, file: null, sha256: null, policy: null, worst: [] }) };
  const bytes = readFileSync(join(dir, 'results.json'));
  const results = JSON.parse(bytes.toString('utf8')) as Results;
  const agents = new Map<string, AgentResult>(results.agents.map((a) => [a.agent_id, a]));
  const head = {
    period: id,
    file: `${id}/results.json`,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    policy: { id: results.policy.id, version: results.policy.version },
  };
  return {
    of: (agentId) => {
      const agent = agents.get(agentId);
      const worst = (agent?.worst_metrics ?? []).map((metric) => {
        const m = agent?.metrics[metric];
        return { metric, value: m?.value ?? null, score: m?.score ?? null };
      });
      return { ...head, worst };
    },
  };
}
