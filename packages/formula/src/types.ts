import { messageOf } from '@scorebook/problems';
import type { FormulaNode, FormulaProblem } from './ast.ts';
import { FORMULA_ERRORS, type FormulaType } from './errors.ts';
import { problemAt } from './lex.ts';

/**
 * The type of value a formula computes, and every type problem in it. Names and numbers are
 * numbers; comparisons, `and`, `or` and `not` are conditions; `if` and `coalesce` have the type
 * of their value arguments, which must agree. A node of the wrong type is reported once, and
 * the expected type is assumed above it, so one mistake gives one problem.
 */
export function typeFormula(root: FormulaNode): { type: FormulaType; problems: FormulaProblem[] } {
  const problems: FormulaProblem[] = [];
  const want = (node: FormulaNode, expected: FormulaType, op: string, index: number | null): void => {
    const found = typeOf(node);
    if (found !== expected) {
      problems.push(
        problemAt(
          'FORMULA_TYPE',
          messageOf(FORMULA_ERRORS, 'FORMULA_TYPE', { op, index, expected, found }),
          node.start,
          node.end,
        ),
      );
    }
  };
  const typeOf = (node: FormulaNode): FormulaType => {
    switch (node.kind) {
      case 'number':
      case 'name':
        return 'number';
      case 'unary': {
        const type = node.op === 'not' ? 'boolean' : 'number';
        want(node.operand, type, node.op, null);
        return type;
      }
      case 'binary': {
        const logical = node.op === 'and' || node.op === 'or';
        const operand = logical ? 'boolean' : 'number';
        want(node.left, operand, node.op, null);
        want(node.right, operand, node.op, null);
        return logical || ['<', '<=', '>', '>=', '==', '!='].includes(node.op) ? 'boolean' : 'number';
      }
      case 'call': {
        if (node.fn === 'if') {
          want(node.args[0] as FormulaNode, 'boolean', 'if', 1);
          const type = typeOf(node.args[1] as FormulaNode);
          want(node.args[2] as FormulaNode, type, 'if', 3);
          return type;
        }
        if (node.fn === 'coalesce') {
          const [first, ...rest] = node.args as [FormulaNode, ...FormulaNode[]];
          const type = typeOf(first);
          for (const [i, arg] of rest.entries()) want(arg, type, 'coalesce', i + 2);
          return type;
        }
        for (const [i, arg] of node.args.entries()) want(arg, 'number', node.fn, i + 1);
        if (node.fn === 'round' && node.args[1] !== undefined && !isDigitsLiteral(node.args[1])) {
          problems.push(
            problemAt(
              'FORMULA_ROUND_DIGITS',
              messageOf(FORMULA_ERRORS, 'FORMULA_ROUND_DIGITS'),
              node.args[1].start,
              node.args[1].end,
            ),
          );
        }
        return 'number';
      }
    }
  };
  const type = typeOf(root);
  return { type, problems: problems.sort((a, b) => a.column - b.column) };
}

function isDigitsLiteral(node: FormulaNode): boolean {
  return node.kind === 'number' && /^(?:[0-9]|10)$/.test(node.text);
}
