import { builtinMetrics, type MetricDefinition } from '@scorebook/contract';
import type { Policy } from './model.ts';

/** Every metric a policy can use: the built-in catalog, then the policy's own, in that order. */
export function metricsOf(policy: Policy): MetricDefinition[] {
  return [...builtinMetrics(), ...policy.metrics];
}
