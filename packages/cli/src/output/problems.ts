import { readFileSync } from 'node:fs';
import { displayWidth, type SourceProblem as Problem } from '@scorebook/problems';
import type { Lang } from '../lang.ts';
import { say } from '../text.ts';

/**
 * Problems for people: `file:line:col`, severity and code, the message, and a code frame with a
 * caret under the problem.
 */
export function formatProblemsHuman(problems: readonly Problem[], lang: Lang, color: boolean): string {
  const sources = new Map<string, string[] | null>();
  const lines = (file: string) => {
    if (!sources.has(file)) {
      try {
        sources.set(file, readFileSync(file, 'utf8').split(/\r?\n/));
      } catch {
        sources.set(file, null);
      }
    }
    return sources.get(file)!;
  };
  const paint = (code: string, text: string) => (color ? `\x1b[${code}m${text}\x1b[0m` : text);
  const out: string[] = [];
  for (const p of problems) {
    const label =
      p.severity === 'error'
        ? paint('31;1', say(lang, 'SEVERITY_ERROR'))
        : paint('33;1', say(lang, 'SEVERITY_WARNING'));
    out.push(
      `${paint('1', `${p.file}:${p.line}:${p.column}`)} ${label} ${paint('2', p.code)}${p.path ? paint('2', ` (${p.path})`) : ''}`,
    );
    out.push(`  ${p.message[lang]}`);
    const text = lines(p.file);
    const src = text?.[p.line - 1];
    if (src !== undefined && text !== null) {
      const width = String(p.line).length + 1;
      if (p.line > 1)
        out.push(paint('2', `  ${String(p.line - 1).padStart(width)} | ${text[p.line - 2] ?? ''}`));
      out.push(`  ${paint('1', `>${String(p.line).padStart(width - 1)}`)} | ${src}`);
      out.push(`  ${' '.repeat(width)} | ${paint('31', caretLine(src, p))}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * The caret line under a problem's source line: spaces as wide on screen as the text before its
 * column, then a caret as wide as the text it marks (to its end column on the same line, else to
 * the line's end; at least one, at most 60) — a Chinese character takes two columns of a terminal.
 */
export function caretLine(
  src: string,
  p: Pick<Problem, 'line' | 'column' | 'endLine' | 'endColumn'>,
): string {
  const end = p.endLine === p.line && p.endColumn !== undefined ? p.endColumn : src.length + 1;
  const from = Math.max(0, p.column - 1);
  const marked = displayWidth(src.slice(from, Math.max(from, Math.min(end, src.length + 1) - 1)));
  return `${' '.repeat(displayWidth(src.slice(0, from)))}${'^'.repeat(Math.min(Math.max(1, marked), 60))}`;
}

/** Problems as a JSON array (stable field order), both languages included. */
export function formatProblemsJson(problems: readonly Problem[]): string {
  const list = problems.map((p) => ({
    file: p.file,
    line: p.line,
    column: p.column,
    endLine: p.endLine ?? null,
    endColumn: p.endColumn ?? null,
    path: p.path,
    code: p.code,
    severity: p.severity,
    message: p.message,
  }));
  return `${JSON.stringify(list, null, 2)}\n`;
}

/** GitHub Actions workflow commands, so a pull request shows each problem on its line. */
export function formatProblemsGithub(problems: readonly Problem[], lang: Lang): string {
  return problems
    .map((p) => {
      const props = [`file=${prop(p.file)}`, `line=${p.line}`, `col=${p.column}`];
      if (p.endLine !== undefined) props.push(`endLine=${p.endLine}`);
      if (p.endColumn !== undefined && p.endLine === p.line) props.push(`endColumn=${p.endColumn}`);
      props.push(`title=${prop(p.code)}`);
      return `::${p.severity === 'error' ? 'error' : 'warning'} ${props.join(',')}::${data(p.message[lang])}\n`;
    })
    .join('');
}

function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function prop(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
