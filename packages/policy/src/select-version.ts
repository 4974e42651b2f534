import { messageOf, type SourceProblem } from '@scorebook/problems';
import type { Period } from '@scorebook/time';
import { POLICY_ERRORS } from './errors/catalogue.ts';
import type { PolicyFamily } from './load/load-family.ts';
import type { Policy } from './model.ts';

/**
 * The version in force for a period: the one whose `effective_from` is the latest on or before
 * the period's first day. Returns a problem when there is none.
 */
export function selectVersion(
  family: PolicyFamily,
  period: Period,
): { policy: Policy | null; problem: SourceProblem | null } {
  let chosen: Policy | null = null;
  for (const v of family.versions) if (v.effective_from <= period.firstDay) chosen = v;
  if (chosen !== null) return { policy: chosen, problem: null };
  const earliest = family.versions[0]?.effective_from ?? '—';
  return {
    policy: null,
    problem: {
      file: family.dir,
      line: 1,
      column: 1,
      path: '',
      code: 'NO_VERSION_FOR_PERIOD',
      severity: 'error',
      message: messageOf(POLICY_ERRORS, 'NO_VERSION_FOR_PERIOD', {
        id: family.id,
        period: period.id,
        firstDay: period.firstDay,
        earliest,
      }),
    },
  };
}
