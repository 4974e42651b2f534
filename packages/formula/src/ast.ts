import type { Bilingual } from '@scorebook/problems';
import type { FormulaProblemCode, FormulaType } from './errors.ts';

/** The binary operators, by the name written in a formula. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';

/** The unary operators: arithmetic negation and logical `not`. */
export type UnaryOperator = '-' | 'not';

/** The functions a formula may call. */
export type FunctionName = 'min' | 'max' | 'abs' | 'round' | 'clamp' | 'coalesce' | 'if';

/**
 * Where a node is in the formula text: `start` is the 0-based offset of its first character,
 * `end` the offset just after its last (UTF-16 code units), parentheses around it included.
 * Columns shown to people are `start + 1`.
 */
export interface Span {
  start: number;
  end: number;
}

/** A number as written: `text` is the literal (`90%`), `value` the double it denotes (0.9). */
export interface NumberNode extends Span {
  kind: 'number';
  text: string;
  value: number;
}

/** A metric or fact read by name: `aov`, `history.prev.aov`, `courtesy-messages`. */
export interface NameNode extends Span {
  kind: 'name';
  name: string;
}

/** `-x` or `not c`. */
export interface UnaryNode extends Span {
  kind: 'unary';
  op: UnaryOperator;
  operand: FormulaNode;
}

/** `a op b`. */
export interface BinaryNode extends Span {
  kind: 'binary';
  op: BinaryOperator;
  left: FormulaNode;
  right: FormulaNode;
}

/** `fn(a, b, …)`. */
export interface CallNode extends Span {
  kind: 'call';
  fn: FunctionName;
  args: FormulaNode[];
}

/** A node of a parsed formula. Parentheses leave no node: they only group. */
export type FormulaNode = NumberNode | NameNode | UnaryNode | BinaryNode | CallNode;

/** A parsed, well-typed formula: its root node and the type of value it computes. */
export interface Formula {
  text: string;
  root: FormulaNode;
  type: FormulaType;
}

/**
 * A problem in a formula: a permanent code, the message, and where it is in the formula text
 * (`column` 1-based, `endColumn` just after the last character, both in UTF-16 code units).
 */
export interface FormulaProblem {
  code: FormulaProblemCode;
  severity: 'error';
  message: Bilingual;
  column: number;
  endColumn: number;
}
