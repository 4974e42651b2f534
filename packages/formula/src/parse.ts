import { closest } from '@scorebook/config-file/suggest';
import { messageOf } from '@scorebook/problems';
import type { BinaryOperator, Formula, FormulaNode, FormulaProblem, UnaryOperator } from './ast.ts';
import { type Expected, FORMULA_ERRORS } from './errors.ts';
import { FUNCTION_NAMES, FUNCTIONS, isFunctionName } from './functions.ts';
import { problemAt, SyntaxStop, type Token, tokenize } from './lex.ts';
import { typeFormula } from './types.ts';

/** The result of parsing: the formula when it has no problem, else null and every problem found. */
export interface ParsedFormula {
  formula: Formula | null;
  problems: FormulaProblem[];
  /**
   * The formula when its syntax is right, type problems or not: what a caller checks the names
   * of, so that a wrong type and an unknown name in one formula are reported together.
   */
  syntax: Formula | null;
}

const COMPARISONS = new Set<string>(['<', '<=', '>', '>=', '==', '!=']);

/**
 * Parses formula text (grammar in docs/formulas.md). Syntax stops at the first problem, which is
 * the only one returned; a formula whose syntax is right is then type-checked, and every type
 * problem is returned. Never evaluates anything.
 */
export function parseFormula(text: string): ParsedFormula {
  try {
    const tokens = tokenize(text);
    if (tokens.length === 1) {
      return {
        formula: null,
        problems: [problemAt('FORMULA_EMPTY', messageOf(FORMULA_ERRORS, 'FORMULA_EMPTY'), 0, 0)],
        syntax: null,
      };
    }
    const parser = new Parser(tokens);
    const root = parser.expression();
    parser.expectEnd();
    const { type, problems } = typeFormula(root);
    const syntax = { text, root, type };
    return problems.length > 0
      ? { formula: null, problems, syntax }
      : { formula: syntax, problems: [], syntax };
  } catch (error) {
    if (error instanceof SyntaxStop) return { formula: null, problems: [error.problem], syntax: null };
    throw error;
  }
}

class Parser {
  readonly #tokens: Token[];
  #at = 0;

  constructor(tokens: Token[]) {
    this.#tokens = tokens;
  }

  expression(): FormulaNode {
    return this.#leftAssociative(['or'], () => this.#leftAssociative(['and'], () => this.#not()));
  }

  expectEnd(): void {
    const token = this.#peek();
    if (token.kind !== 'end') this.#unexpected(token, 'operator');
  }

  #not(): FormulaNode {
    return this.#prefix(
      'not',
      () => this.#not(),
      () => this.#comparison(),
    );
  }

  // `op operand` when the next token is `op`, else whatever `otherwise` reads.
  #prefix(op: UnaryOperator, operand: () => FormulaNode, otherwise: () => FormulaNode): FormulaNode {
    const token = this.#peek();
    if (token.kind !== 'op' || token.text !== op) return otherwise();
    this.#at++;
    const inner = operand();
    return { kind: 'unary', op, operand: inner, start: token.start, end: inner.end };
  }

  #comparison(): FormulaNode {
    const left = this.#additive();
    const token = this.#peek();
    if (token.kind !== 'op' || !COMPARISONS.has(token.text)) return left;
    this.#at++;
    const right = this.#additive();
    const next = this.#peek();
    if (next.kind === 'op' && COMPARISONS.has(next.text)) {
      throw new SyntaxStop(
        problemAt(
          'FORMULA_CHAINED_COMPARISON',
          messageOf(FORMULA_ERRORS, 'FORMULA_CHAINED_COMPARISON'),
          next.start,
          next.end,
        ),
      );
    }
    return binary(token, left, right);
  }

  #additive(): FormulaNode {
    return this.#leftAssociative(['+', '-'], () => this.#leftAssociative(['*', '/'], () => this.#unary()));
  }

  #leftAssociative(ops: readonly string[], operand: () => FormulaNode): FormulaNode {
    let left = operand();
    for (;;) {
      const token = this.#peek();
      if (token.kind !== 'op' || !ops.includes(token.text)) return left;
      this.#at++;
      const right = operand();
      left = binary(token, left, right);
    }
  }

  #unary(): FormulaNode {
    return this.#prefix(
      '-',
      () => this.#unary(),
      () => this.#primary(),
    );
  }

  #primary(): FormulaNode {
    const token = this.#next();
    if (token.kind === 'number')
      return { kind: 'number', text: token.text, value: token.value, start: token.start, end: token.end };
    if (token.kind === 'name') {
      const after = this.#peek();
      if (after.kind === 'op' && after.text === '(') return this.#call(token);
      return { kind: 'name', name: token.text, start: token.start, end: token.end };
    }
    if (token.kind === 'op' && token.text === '(') {
      const inner = this.expression();
      const close = this.#close(token);
      return { ...inner, start: token.start, end: close.end };
    }
    return this.#unexpected(token, 'value');
  }

  #call(name: Token): FormulaNode {
    if (!isFunctionName(name.text)) {
      const suggestion = closest(name.text, FUNCTION_NAMES);
      throw new SyntaxStop(
        problemAt(
          'FORMULA_UNKNOWN_FUNCTION',
          messageOf(FORMULA_ERRORS, 'FORMULA_UNKNOWN_FUNCTION', {
            name: name.text,
            suggestion,
            known: FUNCTION_NAMES.join(', '),
          }),
          name.start,
          name.end,
        ),
      );
    }
    const open = this.#next();
    const args: FormulaNode[] = [];
    const first = this.#peek();
    if (!(first.kind === 'op' && first.text === ')')) {
      args.push(this.expression());
      for (let t = this.#peek(); t.kind === 'op' && t.text === ','; t = this.#peek()) {
        this.#at++;
        args.push(this.expression());
      }
    }
    const close = this.#close(open);
    const arity = FUNCTIONS[name.text];
    if (args.length < arity.min || (arity.max !== null && args.length > arity.max)) {
      const expected =
        arity.max === null
          ? `≥ ${arity.min}`
          : arity.min === arity.max
            ? `${arity.min}`
            : `${arity.min}–${arity.max}`;
      throw new SyntaxStop(
        problemAt(
          'FORMULA_ARGUMENT_COUNT',
          messageOf(FORMULA_ERRORS, 'FORMULA_ARGUMENT_COUNT', {
            name: name.text,
            expected,
            got: args.length,
          }),
          name.start,
          close.end,
        ),
      );
    }
    return { kind: 'call', fn: name.text, args, start: name.start, end: close.end };
  }

  #close(open: Token): Token {
    const token = this.#peek();
    if (token.kind === 'op' && token.text === ')') return this.#next();
    if (token.kind === 'end') {
      throw new SyntaxStop(
        problemAt(
          'FORMULA_UNCLOSED_PARENTHESIS',
          messageOf(FORMULA_ERRORS, 'FORMULA_UNCLOSED_PARENTHESIS'),
          open.start,
          open.end,
        ),
      );
    }
    return this.#unexpected(token, 'closing');
  }

  #unexpected(token: Token, expected: Expected): never {
    throw new SyntaxStop(
      token.kind === 'end'
        ? problemAt(
            'FORMULA_UNEXPECTED_END',
            messageOf(FORMULA_ERRORS, 'FORMULA_UNEXPECTED_END', { expected }),
            token.start,
            token.end,
          )
        : problemAt(
            'FORMULA_UNEXPECTED_TOKEN',
            messageOf(FORMULA_ERRORS, 'FORMULA_UNEXPECTED_TOKEN', { found: token.text, expected }),
            token.start,
            token.end,
          ),
    );
  }

  #peek(): Token {
    return this.#tokens[this.#at] as Token;
  }

  #next(): Token {
    return this.#tokens[this.#at++] as Token;
  }
}

function binary(operator: Token, left: FormulaNode, right: FormulaNode): FormulaNode {
  return {
    kind: 'binary',
    op: operator.text as BinaryOperator,
    left,
    right,
    start: left.start,
    end: right.end,
  };
}
