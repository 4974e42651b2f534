import type { FormulaNode } from './ast.ts';

/**
 * Formula text for a node, with the fewest parentheses that parse back to the same tree:
 * binary operators spaced (`a - b`, so a subtraction never reads as a hyphenated name),
 * numbers as written.
 */
export function printFormula(node: FormulaNode): string {
  return print(node, 0);
}

const LEVEL: Record<string, number> = {
  or: 1,
  and: 2,
  not: 3,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '==': 4,
  '!=': 4,
  '+': 5,
  '-': 5,
  '*': 6,
  '/': 6,
};
const UNARY_MINUS = 7;
const PRIMARY = 8;

function levelOf(node: FormulaNode): number {
  if (node.kind === 'binary') return LEVEL[node.op] as number;
  if (node.kind === 'unary') return node.op === 'not' ? (LEVEL.not as number) : UNARY_MINUS;
  return PRIMARY;
}

function print(node: FormulaNode, least: number): string {
  const text = bare(node);
  return levelOf(node) < least ? `(${text})` : text;
}

function bare(node: FormulaNode): string {
  switch (node.kind) {
    case 'number':
      return node.text;
    case 'name':
      return node.name;
    case 'unary':
      return node.op === 'not'
        ? `not ${print(node.operand, LEVEL.not as number)}`
        : `-${print(node.operand, UNARY_MINUS)}`;
    case 'binary': {
      const level = LEVEL[node.op] as number;
      // Comparisons do not chain, so both sides sit one level up; the others associate left.
      const left = level === 4 ? level + 1 : level;
      return `${print(node.left, left)} ${node.op} ${print(node.right, level + 1)}`;
    }
    case 'call':
      return `${node.fn}(${node.args.map((a) => print(a, 0)).join(', ')})`;
  }
}
