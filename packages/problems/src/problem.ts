/** A message in Chinese (shown first) and English. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** The two languages of everything people read. */
export type Lang = 'zh' | 'en';

/** Whether a problem stops the work (`error`) or is only reported (`warning`). */
export type Severity = 'error' | 'warning';

/**
 * A problem found anywhere: a permanent `code` (SCREAMING_SNAKE, never reused), a message that
 * says what happened and what to do, and where it is. `file`, `line` and `column` are null when
 * the problem has no place (a bad command-line value, a period without data).
 */
export interface Problem {
  code: string;
  severity: Severity;
  message: Bilingual;
  file: string | null;
  /** 1-based. */
  line: number | null;
  /** 1-based. */
  column: number | null;
  endLine?: number;
  endColumn?: number;
  /** Dotted JSON path inside a YAML file (`scorecards.aftersale.scored[2].weight`), or a field name. */
  path?: string;
}

/** A problem at a place in a YAML file (a policy, a source): file, line, column and path are known. */
export interface SourceProblem extends Problem {
  file: string;
  line: number;
  column: number;
  path: string;
}

/** Formats a path of keys and indexes as `a.b[2].c`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else out += out === '' ? step : `.${step}`;
  }
  return out;
}

/** True when any problem is an error (warnings do not stop anything). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Problems in a stable order: file, line, column, code; problems without a place first. */
export function sortProblems<P extends Problem>(problems: readonly P[]): P[] {
  return [...problems].sort(
    (a, b) =>
      compareText(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0) ||
      compareText(a.code, b.code),
  );
}

/** `file:line:col` (as much of it as is known), or an empty string. */
export function formatPlace(problem: Pick<Problem, 'file' | 'line' | 'column'>): string {
  if (problem.file === null) return '';
  let place = problem.file;
  if (problem.line !== null) {
    place += `:${problem.line}`;
    if (problem.column !== null) place += `:${problem.column}`;
  }
  return place;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
