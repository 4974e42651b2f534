import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Results } from '@scorebook/contract';
import {
  type EvaluateOptions,
  EvaluationError,
  evaluate,
  type MeasureEngine,
  type ResultBytes,
  serializeEvaluation,
} from '@scorebook/engine';
import { ScorebookError } from '@scorebook/problems';
import type { EvaluationAnswer, EvaluationRequest } from './evaluate-worker.ts';
import { type VetoVoid, vetoVoidsOf } from './veto-voids.ts';

/**
 * What {@link EvaluatePool.evaluate} gives: the results, the vetoes applied appeals voided (from
 * the explanations, which stay in the thread), and the result files when asked for.
 */
export interface PooledEvaluation {
  results: Results;
  voids: VetoVoid[];
  /** The result files as `serializeEvaluation` gives them; null unless asked for. */
  files: Map<string, ResultBytes> | null;
}

/** Evaluation options a worker thread can be sent (no progress callback). */
export type PooledOptions = Omit<EvaluateOptions, 'onProgress'>;

/**
 * The `engine` option of an evaluation, from a command's options: nothing for the default engine,
 * so that the options of a TypeScript evaluation stay exactly as they were.
 */
export function engineOf(options: { engine?: MeasureEngine }): Pick<PooledOptions, 'engine'> {
  return options.engine === undefined || options.engine === 'typescript' ? {} : { engine: options.engine };
}

/**
 * The threads of each evaluation, from a command's `threads` (`verify --all --threads`, `impact
 * --threads`): nothing when not given, so the options stay as they were; given, every evaluation
 * — on the calling thread too — reads in one thread and runs DuckDB in one, so that the command
 * uses at most `threads` threads, one per evaluation side by side.
 */
export function oneThreadEach(options: { threads?: number }): Pick<PooledOptions, 'parallel' | 'sqlThreads'> {
  return options.threads === undefined ? {} : { parallel: { threads: 1 }, sqlThreads: 1 };
}

/**
 * Runs evaluations of independent periods or policy versions side by side (`docs/scale.md`):
 * at most `threads` at a time (by default the machine's cores), each on a worker thread of its
 * own reading in one thread, so that the cores are spread over evaluations rather than within
 * one. With one thread, evaluations run one after another on the calling thread, as they did
 * before. Each evaluation is the same deterministic `evaluate`: what runs beside it changes no
 * byte of its results. A stop is thrown as it was thrown (an {@link EvaluationError} with its
 * problems and rejected rows, a `ScorebookError` of its kind); any other failure as an `Error`
 * with the worker's message. {@link EvaluatePool.close} ends the workers.
 */
export class EvaluatePool {
  readonly #threads: number;
  readonly #idle: Worker[] = [];
  readonly #all: Worker[] = [];
  readonly #waiting: Array<() => void> = [];
  #running = 0;
  #next = 0;

  constructor(threads: number = availableParallelism()) {
    this.#threads = Math.max(1, Math.min(threads, 16));
  }

  /** True when evaluations run on worker threads. */
  get parallel(): boolean {
    return this.#threads > 1;
  }

  /** Evaluates, when a thread is free; `files` asks for the serialized result files too. */
  async evaluate(options: PooledOptions, files: boolean): Promise<PooledEvaluation> {
    while (this.#running >= this.#threads) await new Promise<void>((go) => this.#waiting.push(go));
    this.#running++;
    try {
      if (!this.parallel) {
        const evaluation = await evaluate(options);
        return {
          results: evaluation.results,
          voids: vetoVoidsOf(evaluation),
          files: files ? serializeEvaluation(evaluation) : null,
        };
      }
      const worker = this.#idle.pop() ?? this.#spawn();
      const answer = await this.#ask(worker, { id: this.#next++, options, files });
      // A worker that failed (ran out of memory, crashed) has stopped; the next one is new.
      if (!(answer instanceof Error && answer.cause === WORKER_FAILED)) this.#idle.push(worker);
      if (answer instanceof Error) throw answer;
      return answer;
    } finally {
      this.#running--;
      this.#waiting.shift()?.();
    }
  }

  /** Ends the worker threads. */
  async close(): Promise<void> {
    await Promise.all(this.#all.map((w) => w.terminate()));
    this.#all.length = 0;
    this.#idle.length = 0;
  }

  #spawn(): Worker {
    const worker = new Worker(new URL('./evaluate-worker.ts', import.meta.url));
    // An idle worker must not keep the process alive.
    worker.unref();
    this.#all.push(worker);
    return worker;
  }

  // The evaluation, or the error it stopped with (cause WORKER_FAILED when the worker itself failed).
  #ask(worker: Worker, request: EvaluationRequest): Promise<PooledEvaluation | Error> {
    return new Promise((resolve) => {
      const done = (answer: EvaluationAnswer) => {
        if (answer.id !== request.id) return;
        worker.off('message', done);
        worker.off('error', fail);
        resolve(
          'results' in answer
            ? { results: answer.results, voids: answer.voids, files: answer.files }
            : errorOf(answer.error),
        );
      };
      const fail = (error: Error) => {
        worker.off('message', done);
        resolve(new Error(error.message, { cause: WORKER_FAILED }));
      };
      worker.on('message', done);
      worker.once('error', fail);
      worker.postMessage(request);
    });
  }
}

const WORKER_FAILED = Symbol('worker failed');

function errorOf(error: Extract<EvaluationAnswer, { error: unknown }>['error']): Error {
  if (error.kind === null) return new Error(error.message);
  if (error.evaluation) return new EvaluationError(error.problems, error.rejected);
  return new ScorebookError(error.kind, error.problems);
}
