import type { RejectedRow } from '@scorebook/contract';
import { ScorebookError } from '@scorebook/problems';
import { EvaluationError } from '../src/index.ts';

/** The ScorebookError an action throws; fails the test when it throws nothing or something else. */
export function stopOf(action: () => unknown): ScorebookError {
  try {
    action();
  } catch (error) {
    if (error instanceof ScorebookError) return error;
    throw error;
  }
  throw new Error('expected a ScorebookError');
}

/** Why a run stopped: its problems, and the rows rejected until then (none for other stops). */
export async function stopped(
  run: Promise<unknown>,
): Promise<{ problems: ScorebookError['problems']; rejected: RejectedRow[] }> {
  try {
    await run;
  } catch (error) {
    if (error instanceof EvaluationError) return error;
    if (error instanceof ScorebookError) return { problems: error.problems, rejected: [] };
    throw error;
  }
  throw new Error('expected the run to stop');
}
