import { closest } from '@scorebook/config-file/suggest';
import { messageOf } from '@scorebook/problems';
import type { Formula, FormulaNode, FormulaProblem } from './ast.ts';
import { FORMULA_ERRORS } from './errors.ts';
import { problemAt } from './lex.ts';

/** The distinct names a formula reads, in the order they first appear in its text. */
export function formulaNames(formula: Formula): string[] {
  const names = new Set<string>();
  for (const node of nameNodes(formula.root)) names.add(node.name);
  return [...names];
}

/**
 * A problem for every name the formula reads that is not in `known`, in text order, each
 * with the nearest known name when one is close (edit distance), or, for a hyphenated name
 * whose parts are all known (`aov-prev_aov`), the subtraction spelled with spaces.
 */
export function checkFormula(formula: Formula, known: Iterable<string>): FormulaProblem[] {
  const knownSet = new Set(known);
  const candidates = [...knownSet];
  const problems: FormulaProblem[] = [];
  for (const node of nameNodes(formula.root)) {
    if (knownSet.has(node.name)) continue;
    const parts = node.name.split('-');
    const split = parts.length > 1 && parts.every((p) => knownSet.has(p)) ? parts.join(' - ') : null;
    const suggestion = closest(node.name, candidates);
    problems.push(
      problemAt(
        'FORMULA_UNKNOWN_NAME',
        messageOf(FORMULA_ERRORS, 'FORMULA_UNKNOWN_NAME', { name: node.name, suggestion, split }),
        node.start,
        node.end,
      ),
    );
  }
  return problems;
}

function* nameNodes(node: FormulaNode): Generator<Extract<FormulaNode, { kind: 'name' }>> {
  switch (node.kind) {
    case 'name':
      yield node;
      return;
    case 'number':
      return;
    case 'unary':
      yield* nameNodes(node.operand);
      return;
    case 'binary':
      yield* nameNodes(node.left);
      yield* nameNodes(node.right);
      return;
    case 'call':
      for (const arg of node.args) yield* nameNodes(arg);
  }
}
