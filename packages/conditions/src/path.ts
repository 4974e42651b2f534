// A step is a property name or an array index: letters, digits, `_` and `-`, nothing that
// JSONPath gives a meaning to (`*`, `..`, `[]`, `?()`, `@`, `$`, `^`, `~`, quotes, spaces).
const STEP = String.raw`[\p{L}\p{N}_-]+`;
const PATH_FORM = new RegExp(String.raw`^(?:\$|\$\.${STEP}(?:\.${STEP})*|${STEP}(?:\.${STEP})*)$`, 'u');

/**
 * True for the `path` forms Scorebook resolves, the ones whose meaning in JSONPath (which
 * json-rules-engine uses) is plain property access: `$`, `$.a.b`, `a.b`, `items.0`. Filters,
 * wildcards, brackets, recursive descent and scripts are refused by validation.
 */
export function isSupportedPath(path: string): boolean {
  return PATH_FORM.test(path);
}

/**
 * Resolves a supported `path` (see {@link isSupportedPath}) inside a fact's value: each step is
 * an own property of the object or array reached so far. A missing step gives null.
 */
export function resolvePath(value: unknown, path: string): unknown {
  const steps = path
    .replace(/^\$\.?/, '')
    .split('.')
    .filter((s) => s.length > 0);
  let current: unknown = value;
  for (const step of steps) {
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, step)) return null;
    current = (current as Record<string, unknown>)[step];
  }
  return current ?? null;
}

/**
 * The value json-rules-engine's almanac gives for a fact with an optional path: the path is
 * applied only to an object (or array) value; any other value is given as it is.
 */
export function factWithPath(value: unknown, path: string | undefined): unknown {
  if (path === undefined || path === '' || value === null || typeof value !== 'object') return value;
  return resolvePath(value, path);
}
