import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RejectedRow } from '@scorebook/engine';
import type { Lang, Problem, SourceProblem } from '@scorebook/problems';
import { quoteValue } from '@scorebook/source';
import { say } from '../text.ts';
import { formatProblemsHuman } from './problems.ts';
import { formatRunProblems } from './run-problems.ts';

/** Rejected rows printed before pointing at the full list. */
const SHOWN = 20;

/**
 * Warnings that explain every error after them, printed first: every appeal of the folder is
 * another data set's (APPEALS_NOT_FOR_THIS_DATA), so its per-file errors follow from it.
 */
const HEADLINES: ReadonlySet<string> = new Set(['APPEALS_NOT_FOR_THIS_DATA']);

/** The stops that rejected rows cause: only then are the first rows printed with the problems. */
const STOPPED_BY_ROWS: ReadonlySet<string> = new Set(['TOO_MANY_REJECTED', 'UNMAPPED_IN_PERIOD']);

/**
 * Why a run stopped, for people: every problem (those in a YAML file with a code frame; the
 * warnings without a place after the rest, but one that explains the errors first), then the
 * first rejected rows, each with the row that caused it, and — when there were rejected rows —
 * the complete list written to a file outside any results folder, whose path is printed. When
 * rejected rows are not what stopped the run (an appeal or policy error), one line counts them
 * and names the file instead of listing them after the real error (trial 12). The message never
 * names a file that was not written.
 */
export function formatFailure(
  problems: readonly Problem[],
  rejected: readonly RejectedRow[],
  lang: Lang,
  color: boolean,
  options: { reportPath?: string; writes?: boolean } = {},
): string {
  const reportPath = options.reportPath ?? defaultReportPath();
  const positioned = problems.filter(
    (p): p is SourceProblem => p.line !== null && p.column !== null && p.file !== null,
  );
  const others = problems.filter((p) => !positioned.includes(p as SourceProblem));
  // A warning that explains the errors comes first; the other warnings given with the errors
  // (what was not checked because of them) come last.
  let out = formatRunProblems(
    [
      ...others.filter((p) => HEADLINES.has(p.code)),
      ...others.filter((p) => p.severity !== 'warning' && !HEADLINES.has(p.code)),
    ],
    lang,
  );
  if (positioned.length > 0) out += formatProblemsHuman(positioned, lang, color);
  out += formatRunProblems(
    others.filter((p) => p.severity === 'warning' && !HEADLINES.has(p.code)),
    lang,
  );
  if (rejected.length > 0) {
    let where: string;
    try {
      mkdirSync(join(reportPath, '..'), { recursive: true });
      writeFileSync(
        reportPath,
        `${JSON.stringify({ scorebook: 1, total: rejected.length, rows: rejected }, null, 2)}\n`,
      );
      where = reportPath;
    } catch (error) {
      where = '';
      out += `${say(lang, 'REJECTED_REPORT_FAILED', { reason: (error as NodeJS.ErrnoException).code ?? String(error) })}\n`;
    }
    if (!problems.some((p) => STOPPED_BY_ROWS.has(p.code)) && where !== '')
      out += `${say(lang, 'REJECTED_ALSO', { n: rejected.length, path: where })}\n`;
    else {
      out += formatRejected(rejected, lang, where);
      if (where !== '') out += `${say(lang, 'REJECTED_REPORT', { path: where })}\n`;
    }
  }
  return options.writes === false ? out : `${out}${say(lang, 'NOTHING_WRITTEN')}\n`;
}

/**
 * Rejected rows, the first {@link SHOWN} of them, as `file:line (id-field "value") [field] CODE:
 * reason`, each
 * followed by the earlier row that caused it; `where` names the file holding all of them.
 */
export function formatRejected(rows: readonly RejectedRow[], lang: Lang, where: string): string {
  if (rows.length === 0) return '';
  const shown = rows.slice(0, SHOWN);
  const lines = shown.flatMap((r, i) => {
    // The record's id too (none when null), quoted as the messages quote values, so that an id with
    // an invisible character can be told from one without: it is how the record is found.
    const id = r.record_id === null ? '' : ` (${r.record_id.field} ${quoteValue(r.record_id.value)})`;
    const head = `  ${r.file}:${r.line}${id}${r.field ? ` [${r.field}]` : ''} ${r.code}`;
    if (r.cause === null) return [`${head}: ${r.message[lang]}`];
    const place = `${r.cause.file}:${r.cause.line} ${r.cause.code}`;
    // A row rejected for the same cause and code as the row listed before it: its message is that
    // row's (the whole text is in the rejected-rows file), said once (trial 16 finding 9).
    const before = shown[i - 1];
    if (
      before?.cause != null &&
      before.code === r.code &&
      before.cause.file === r.cause.file &&
      before.cause.line === r.cause.line
    )
      return [`${head}: ${say(lang, 'REJECTED_SAME_CAUSE', { place })}`];
    return [`${head}: ${r.message[lang]}`, say(lang, 'CAUSED_BY', { place })];
  });
  const more =
    rows.length > SHOWN && where !== ''
      ? `${say(lang, 'REJECTED_MORE', { n: rows.length - SHOWN, where })}\n`
      : '';
  return `${say(lang, 'REJECTED_HEADING', { n: rows.length })}\n${lines.join('\n')}\n${more}`;
}

/** Where a failed run writes its complete list of rejected rows: the system's temporary folder. */
export function defaultReportPath(): string {
  return join(tmpdir(), 'scorebook', `rejected-${process.pid}.json`);
}
