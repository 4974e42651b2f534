import type { FunctionName } from './ast.ts';

/**
 * How many arguments each function takes: `min` to `max` (null for no upper bound). `round`
 * takes an optional second argument, which must be an integer literal from 0 to 10.
 */
export const FUNCTIONS: Readonly<Record<FunctionName, { min: number; max: number | null }>> = {
  min: { min: 1, max: null },
  max: { min: 1, max: null },
  abs: { min: 1, max: 1 },
  round: { min: 1, max: 2 },
  clamp: { min: 3, max: 3 },
  coalesce: { min: 1, max: null },
  if: { min: 3, max: 3 },
};

/** The names of the functions, in the order the docs list them. */
export const FUNCTION_NAMES = Object.keys(FUNCTIONS) as FunctionName[];

/** True when `name` is a function a formula may call. */
export function isFunctionName(name: string): name is FunctionName {
  return Object.hasOwn(FUNCTIONS, name);
}
