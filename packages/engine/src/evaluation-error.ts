import type { RejectedRow } from '@scorebook/contract';
import { type Problem, ScorebookError } from '@scorebook/problems';

/**
 * Thrown when an evaluation cannot go on: every problem found (of the policy, the source or the
 * data) and the rows rejected so far, which the caller reports in full. Nothing has been written.
 */
export class EvaluationError extends ScorebookError<{ rejected: RejectedRow[] }> {
  readonly rejected: RejectedRow[];

  constructor(problems: readonly Problem[], rejected: RejectedRow[] = []) {
    super('input', problems, { rejected });
    this.name = 'EvaluationError';
    this.rejected = rejected;
  }
}
