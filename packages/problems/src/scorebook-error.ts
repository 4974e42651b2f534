import { type Problem, sortProblems } from './problem.ts';

/**
 * Why work stopped, for the one place (the command line) that turns problems into exit codes:
 * `input` — a policy, source or data problem the user can fix (exit 1); `refused` — a rule of
 * governance refused the action (exit 1); `busy` — another process holds a lock (exit 1).
 */
export type StopKind = 'input' | 'refused' | 'busy';

/**
 * Thrown when work cannot go on; carries every problem found, never just the first. Nothing has
 * been written when it is thrown. `detail` carries what the thrower can add for the reader (the
 * rejected rows of a failed run, say).
 */
export class ScorebookError<D = unknown> extends Error {
  readonly kind: StopKind;
  readonly problems: Problem[];
  readonly detail: D | undefined;

  constructor(kind: StopKind, problems: readonly Problem[], detail?: D) {
    super(problems.map((p) => p.message.en).join('\n'));
    this.name = 'ScorebookError';
    this.kind = kind;
    this.problems = sortProblems(problems);
    this.detail = detail;
  }
}
