import { formatPlace, type Problem } from '@scorebook/problems';
import type { Lang } from '../lang.ts';

/** Problems that stopped a run, one per line with its place. */
export function formatRunProblems(
  problems: ReadonlyArray<Pick<Problem, 'code' | 'message' | 'file' | 'line'> & { column?: number | null }>,
  lang: Lang,
): string {
  return problems
    .map((p) => {
      const place = formatPlace({ file: p.file, line: p.line, column: p.column ?? null });
      return `✗ ${place === '' ? '' : `${place} `}${p.code}\n  ${p.message[lang]}\n`;
    })
    .join('');
}
