// A worker thread of an EvaluatePool (evaluate-pool.ts): evaluates what it is sent, reading in one
// thread (the pool spreads the cores over evaluations), and answers by the request's id.
import { parentPort } from 'node:worker_threads';
import type { RejectedRow, Results } from '@scorebook/contract';
import { EvaluationError, evaluate, type ResultBytes, serializeEvaluation } from '@scorebook/engine';
import { type Problem, ScorebookError, type StopKind } from '@scorebook/problems';
import type { PooledOptions } from './evaluate-pool.ts';
import { type VetoVoid, vetoVoidsOf } from './veto-voids.ts';

/** An evaluation to run. */
export interface EvaluationRequest {
  id: number;
  options: PooledOptions;
  files: boolean;
}

/** Its results, or the stop (kind null: not a ScorebookError) as data. */
export type EvaluationAnswer =
  | { id: number; results: Results; voids: VetoVoid[]; files: Map<string, ResultBytes> | null }
  | {
      id: number;
      error: {
        kind: StopKind | null;
        evaluation: boolean;
        problems: Problem[];
        rejected: RejectedRow[];
        message: string;
      };
    };

parentPort?.on('message', async (request: EvaluationRequest) => {
  let answer: EvaluationAnswer;
  try {
    const evaluation = await evaluate({ ...request.options, parallel: { threads: 1 } });
    const files = request.files ? serializeEvaluation(evaluation) : null;
    answer = { id: request.id, results: evaluation.results, voids: vetoVoidsOf(evaluation), files };
  } catch (error) {
    const stop = error instanceof ScorebookError ? error : null;
    answer = {
      id: request.id,
      error: {
        kind: stop?.kind ?? null,
        evaluation: error instanceof EvaluationError,
        problems: stop?.problems ?? [],
        rejected: error instanceof EvaluationError ? error.rejected : [],
        message: error instanceof Error ? error.message : String(error),
      },
    };
  }
  parentPort?.postMessage(answer);
});
