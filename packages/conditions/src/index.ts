export { type CheckOptions, type ConditionProblem, checkCondition } from './check.ts';
export { compileCondition, type FactAccess, objectFactAccess, type Predicate } from './compile.ts';
export { CONDITION_ERRORS, type ConditionProblemCode, type KeyPlace } from './errors.ts';
export {
  type ConditionFold,
  type ConditionPath,
  EMPTY_GROUP_HOLDS,
  foldCondition,
  foldUnchecked,
  type GroupKind,
  groupHolds,
  type UncheckedFold,
} from './fold.ts';
export { type FormatOptions, formatCondition } from './format.ts';
export {
  containsAnyKeyword,
  instantOfText,
  keywordsOf,
  OPERATORS,
  OPERATORS_BY_NAME,
  type OperatorFunction,
  type OperatorInfo,
  type OperatorValueKind,
  operatorFunctions,
} from './operators.ts';
export { factWithPath, isSupportedPath, resolvePath } from './path.ts';
export { evaluateWithJsonRulesEngine, type ReferenceOptions } from './reference.ts';
export { normalizeText } from './text-normalize.ts';
export { type ConditionTrace, traceCondition } from './trace.ts';
export {
  type Condition,
  type FactReference,
  type FactType,
  type FactVocabulary,
  isFactReference,
  type LeafCondition,
} from './types.ts';
