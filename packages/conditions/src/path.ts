/**
 * Resolves a condition's `path` inside an object fact with plain dot notation: `$.a.b`,
 * `a.b` or `a.0`. No JSONPath filters or scripts. A missing step gives null.
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

/** The value json-rules-engine's almanac gives for a fact with an optional path. */
export function factWithPath(value: unknown, path: string | undefined): unknown {
  if (path === undefined || path === '' || value === null || typeof value !== 'object') return value;
  return resolvePath(value, path);
}
