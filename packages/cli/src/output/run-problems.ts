import { formatPlace, type Problem } from '@scorebook/problems';
import type { Lang } from '../lang.ts';

/**
 * Problems that stopped a run, each headed by its mark (✗ an error, ⚠ a warning given with them),
 * its place, its code and, when it has one, its path in parentheses (the place in a YAML file, or
 * the table of TOO_MANY_REJECTED), then its message; the errors first, in their order, then the
 * warnings.
 */
export function formatRunProblems(
  problems: ReadonlyArray<
    Pick<Problem, 'code' | 'message' | 'file' | 'line'> & {
      column?: number | null;
      path?: string;
      severity?: Problem['severity'];
    }
  >,
  lang: Lang,
): string {
  const warning = (p: (typeof problems)[number]) => p.severity === 'warning';
  return [...problems.filter((p) => !warning(p)), ...problems.filter(warning)]
    .map((p) => {
      const place = formatPlace({ file: p.file, line: p.line, column: p.column ?? null });
      const path = p.path === undefined || p.path === '' ? '' : ` (${p.path})`;
      const mark = warning(p) ? '⚠' : '✗';
      return `${mark} ${place === '' ? '' : `${place} `}${p.code}${path}\n  ${p.message[lang]}\n`;
    })
    .join('');
}
