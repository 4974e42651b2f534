import { messageOf } from '@scorebook/problems';
import type { FormulaProblem } from './ast.ts';
import { FORMULA_ERRORS, type FormulaProblemCode } from './errors.ts';

/** A token of formula text, with its 0-based span. */
export type Token =
  | { kind: 'number'; text: string; value: number; start: number; end: number }
  | { kind: 'name'; text: string; start: number; end: number }
  | { kind: 'op'; text: string; start: number; end: number }
  | { kind: 'end'; text: ''; start: number; end: number };

/** Thrown inside the parser to stop at the first syntax problem; never leaves this package. */
export class SyntaxStop extends Error {
  readonly problem: FormulaProblem;
  constructor(problem: FormulaProblem) {
    super(problem.message.en);
    this.problem = problem;
  }
}

/** A formula problem over the span `[start, end)` of the text. */
export function problemAt(
  code: FormulaProblemCode,
  message: FormulaProblem['message'],
  start: number,
  end: number,
): FormulaProblem {
  return { code, severity: 'error', message, column: start + 1, endColumn: Math.max(end, start + 1) + 1 };
}

const OPERATORS = ['<=', '>=', '==', '!=', '<', '>', '+', '-', '*', '/', '(', ')', ','];
const KEYWORDS = new Set(['and', 'or', 'not']);

// What to write for characters other languages and full-width input use.
const INSTEAD: Readonly<Record<string, string>> = {
  '=': '==',
  '&': 'and',
  '|': 'or',
  '!': 'not',
  '×': '*',
  '÷': '/',
  '（': '(',
  '）': ')',
  '，': ',',
  '％': '%',
  '－': '-',
  '＋': '+',
};

/**
 * Splits formula text into tokens, ending with an `end` token. Throws SyntaxStop at the first
 * character that starts no token and at a malformed number.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
    } else if (isDigit(c)) {
      const token = numberAt(text, i);
      tokens.push(token);
      i = token.end;
    } else if (isNameStart(c)) {
      const end = nameEnd(text, i);
      const word = text.slice(i, end);
      tokens.push({ kind: KEYWORDS.has(word) ? 'op' : 'name', text: word, start: i, end });
      i = end;
    } else {
      const op = OPERATORS.find((o) => text.startsWith(o, i));
      if (op === undefined) {
        const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
        throw new SyntaxStop(
          problemAt(
            'FORMULA_UNEXPECTED_CHARACTER',
            messageOf(FORMULA_ERRORS, 'FORMULA_UNEXPECTED_CHARACTER', {
              char,
              instead: INSTEAD[char] ?? null,
            }),
            i,
            i + char.length,
          ),
        );
      }
      tokens.push({ kind: 'op', text: op, start: i, end: i + op.length });
      i += op.length;
    }
  }
  tokens.push({ kind: 'end', text: '', start: text.length, end: text.length });
  return tokens;
}

// `12`, `0.5`, `90%`: digits, an optional fraction, an optional percent sign. Anything that
// runs on (`1.`, `1.2.3`, `12abc`) is one malformed number, reported whole.
function numberAt(text: string, start: number): Token {
  const m = /^[0-9]+(?:\.[0-9]+)?%?/.exec(text.slice(start)) as RegExpExecArray;
  let end = start + m[0].length;
  const runsOn = end < text.length && /[A-Za-z0-9_.%]/.test(text[end] as string);
  if (runsOn) {
    while (end < text.length && /[A-Za-z0-9_.%]/.test(text[end] as string)) end++;
    const bad = text.slice(start, end);
    throw new SyntaxStop(
      problemAt(
        'FORMULA_BAD_NUMBER',
        messageOf(FORMULA_ERRORS, 'FORMULA_BAD_NUMBER', { text: bad }),
        start,
        end,
      ),
    );
  }
  const literal = m[0];
  const value = literal.endsWith('%') ? Number(literal.slice(0, -1)) / 100 : Number(literal);
  // Beyond the largest double (309 nines, say): Number gives Infinity.
  if (!Number.isFinite(value))
    throw new SyntaxStop(
      problemAt(
        'FORMULA_NUMBER_TOO_LARGE',
        messageOf(FORMULA_ERRORS, 'FORMULA_NUMBER_TOO_LARGE', { text: literal }),
        start,
        end,
      ),
    );
  return { kind: 'number', text: literal, value, start, end };
}

// A name is segments joined by dots; a segment is a letter or `_`, then letters, digits, `_`,
// and `-` when a letter follows it at once (`courtesy-messages`; `a - b` is a subtraction).
function nameEnd(text: string, start: number): number {
  let i = start + 1;
  for (;;) {
    const c = text[i];
    if (c === undefined) return i;
    if (isNameStart(c) || isDigit(c)) i++;
    else if (c === '-' && isLetter(text[i + 1])) i += 2;
    else if (c === '.' && isNameStart(text[i + 1])) i += 2;
    else return i;
  }
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= '0' && c <= '9';
}

function isLetter(c: string | undefined): boolean {
  return c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
}

function isNameStart(c: string | undefined): boolean {
  return c === '_' || isLetter(c);
}
