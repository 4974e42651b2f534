import { formatPlace, type Problem } from '@scorebook/problems';
import type { Lang } from '../lang.ts';

/**
 * Problems that stopped a run, each headed by its place, its code and, when it has one, its path
 * in parentheses (the place in a YAML file, or the table of TOO_MANY_REJECTED), then its message.
 */
export function formatRunProblems(
  problems: ReadonlyArray<
    Pick<Problem, 'code' | 'message' | 'file' | 'line'> & { column?: number | null; path?: string }
  >,
  lang: Lang,
): string {
  return problems
    .map((p) => {
      const place = formatPlace({ file: p.file, line: p.line, column: p.column ?? null });
      const path = p.path === undefined || p.path === '' ? '' : ` (${p.path})`;
      return `✗ ${place === '' ? '' : `${place} `}${p.code}${path}\n  ${p.message[lang]}\n`;
    })
    .join('');
}
