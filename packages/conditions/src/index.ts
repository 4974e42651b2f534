export { type ConditionProblem, type ConditionProblemCode, checkCondition } from './check.ts';
export { compileCondition, type FactAccess, objectFactAccess, type Predicate } from './compile.ts';
export { formatCondition } from './format.ts';
export {
  instantOfText,
  OPERATORS,
  OPERATORS_BY_NAME,
  type OperatorFunction,
  type OperatorInfo,
  type OperatorValueKind,
  operatorFunctions,
} from './operators.ts';
export { factWithPath, resolvePath } from './path.ts';
export { evaluateWithJsonRulesEngine } from './reference.ts';
export { normalizeText } from './text-normalize.ts';
export { type ConditionTrace, traceCondition } from './trace.ts';
export type { Condition, FactType, FactVocabulary, LeafCondition } from './types.ts';
