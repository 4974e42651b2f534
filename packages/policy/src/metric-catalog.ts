import { builtinCatalog, type MetricDefinition } from '@scorebook/contract';
import type { Policy } from './model.ts';

/**
 * The metric catalog a policy version works with: every built-in metric (`builtinCatalog()`,
 * in catalog order), then the policy's own `metrics:`, in policy order. Agent-level conditions
 * see each of them as a fact.
 */
export function policyMetricCatalog(policy: Pick<Policy, 'metrics'>): MetricDefinition[] {
  return [...builtinCatalog(), ...policy.metrics];
}
