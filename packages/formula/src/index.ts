export type {
  BinaryNode,
  BinaryOperator,
  CallNode,
  Formula,
  FormulaNode,
  FormulaProblem,
  FunctionName,
  NameNode,
  NumberNode,
  Span,
  UnaryNode,
  UnaryOperator,
} from './ast.ts';
export { FORMULA_ERRORS, type FormulaProblemCode, type FormulaType } from './errors.ts';
export { evaluateFormula, type FormulaLookup, type FormulaValue, roundHalfAway } from './evaluate.ts';
export { FUNCTION_NAMES } from './functions.ts';
export { checkFormula, formulaNames } from './names.ts';
export { type DependencyOrder, dependencyOrder, type FormulaCycle, type FormulaReads } from './order.ts';
export { type ParsedFormula, parseFormula } from './parse.ts';
export { printFormula } from './print.ts';
export {
  parseTeamFactName,
  quantileOfSorted,
  TEAM_STATISTICS,
  type TeamFactName,
  type TeamStatistic,
  teamStatistic,
} from './team.ts';
export {
  type FormulaScalar,
  formulaPlaceInYaml,
  formulaSourceProblem,
  type ScalarStyle,
  type YamlPlace,
} from './yaml-place.ts';
