/** A message in Chinese (shown first) and English. */
export interface Bilingual {
  zh: string;
  en: string;
}

/** Where a problem is: 1-based line and column in a file, and the JSON path inside the policy. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  /** Dotted JSON path, e.g. `scorecards.aftersale.scored[2].weight`; empty for the whole file. */
  path: string;
}

/** A problem found in a policy: a permanent code, a message that says what to do, and where. */
export interface Problem extends SourcePosition {
  code: string;
  severity: 'error' | 'warning';
  message: Bilingual;
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

/** True when any problem is an error (warnings do not fail validation). */
export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error');
}

/** Problems in a stable order: file, line, column, code. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) ||
      a.line - b.line ||
      a.column - b.column ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
