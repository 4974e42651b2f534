import type { SourceProblem } from '@scorebook/problems';
import type { FormulaProblem } from './ast.ts';

/** How a YAML scalar is written, as the `yaml` package names it (`Scalar.type`). */
export type ScalarStyle = 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/** A scalar holding a formula: the whole YAML text, where the scalar starts in it, its style. */
export interface FormulaScalar {
  source: string;
  /** 0-based offset of the scalar's first character (its opening quote, if any): `node.range[0]`. */
  start: number;
  style: ScalarStyle;
}

/** A place in a YAML file: 0-based offset, 1-based line and column. */
export interface YamlPlace {
  offset: number;
  line: number;
  column: number;
}

/**
 * Where the character at `column` (1-based) of a formula stands in the YAML file holding it, so
 * that a formula problem can be reported as file:line:col. Plain, single- and double-quoted
 * scalars are followed exactly: quotes, `''`, backslash escapes and line folding (a line break
 * with the blanks around it reads as one space, n breaks as n − 1 newlines; such a character is
 * placed at the first character after the fold). Block scalars are placed at their start.
 */
export function formulaPlaceInYaml(scalar: FormulaScalar, column: number): YamlPlace {
  return placeOf(scalar.source, rawOffset(scalar, column - 1));
}

/**
 * A formula problem as a problem of the YAML file holding the formula: its columns placed by
 * formulaPlaceInYaml (`line`/`column` at the first character, `endLine`/`endColumn` just after
 * the last), with the file and the dotted path of the scalar.
 */
export function formulaSourceProblem(
  problem: FormulaProblem,
  at: { file: string; path: string; scalar: FormulaScalar },
): SourceProblem {
  const start = formulaPlaceInYaml(at.scalar, problem.column);
  const end = formulaPlaceInYaml(at.scalar, problem.endColumn);
  return {
    code: problem.code,
    severity: problem.severity,
    message: problem.message,
    file: at.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    path: at.path,
  };
}

function rawOffset({ source, start, style }: FormulaScalar, wanted: number): number {
  if (style !== 'PLAIN' && style !== 'QUOTE_SINGLE' && style !== 'QUOTE_DOUBLE') return start;
  let i = style === 'PLAIN' ? start : start + 1;
  let produced = 0;
  while (produced < wanted && i < source.length) {
    const fold = foldAt(source, i);
    if (fold !== null) {
      i = fold.end;
      produced += fold.chars;
    } else if (style === 'QUOTE_SINGLE' && source.startsWith("''", i)) {
      i += 2;
      produced++;
    } else if (style === 'QUOTE_DOUBLE' && source[i] === '\\') {
      const lineBreak = /^\\[ \t]*\r?\n[ \t]*/.exec(source.slice(i, i + 200));
      if (lineBreak) i += lineBreak[0].length;
      else {
        i += ESCAPE_LENGTH[source[i + 1] ?? ''] ?? 2;
        produced++;
      }
    } else {
      i++;
      produced++;
    }
  }
  return i;
}

// `\xNN`, `\uNNNN` and `\UNNNNNNNN` take their hex digits; other escapes are two characters.
const ESCAPE_LENGTH: Record<string, number> = { x: 4, u: 6, U: 10 };

// Blanks, then one or more line breaks each followed by blanks: a fold of `chars` value characters.
function foldAt(source: string, i: number): { end: number; chars: number } | null {
  const m = /^[ \t]*(?:\r?\n[ \t]*)+/.exec(source.slice(i, i + 400));
  if (m === null || !m[0].includes('\n')) return null;
  const breaks = m[0].split('\n').length - 1;
  return { end: i + m[0].length, chars: breaks === 1 ? 1 : breaks - 1 };
}

function placeOf(source: string, offset: number): YamlPlace {
  let line = 1;
  let lineStart = 0;
  for (let i = source.indexOf('\n'); i !== -1 && i < offset; i = source.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { offset, line, column: offset - lineStart + 1 };
}
