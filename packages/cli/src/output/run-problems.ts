import type { RejectedRow } from '@scorebook/engine';
import { formatPlace, type Problem } from '@scorebook/problems';
import { type Lang, t } from '../lang.ts';

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

/** Rejected rows, the first `limit` of them, as `file:line field reason`. */
export function formatRejected(rows: readonly RejectedRow[], lang: Lang, limit = 20): string {
  if (rows.length === 0) return '';
  const lines = rows
    .slice(0, limit)
    .map((r) => `  ${r.file}:${r.line}${r.field ? ` [${r.field}]` : ''} ${r.code}: ${r.message[lang]}`);
  const more =
    rows.length > limit
      ? t(
          lang,
          `  …还有 ${rows.length - limit} 行,见 rejected.json\n`,
          `  … ${rows.length - limit} more, see rejected.json\n`,
        )
      : '';
  return `${t(lang, `被拒绝的行(${rows.length}):`, `Rejected rows (${rows.length}):`)}\n${lines.join('\n')}\n${more}`;
}
