/**
 * The p-th quantile (0 ≤ p ≤ 1) of finite values, exactly as numpy's default
 * `np.quantile(values, p)` (method `linear`, Hyndman & Fan's 7th, Excel's PERCENTILE.INC)
 * computes it in float64, bit for bit; null for no values. The median is `percentile(values, 0.5)`.
 * `docs/metrics.md` gives the formula step by step.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  // numpy's `(n - 1) * quantiles`, which it prefers to the general virtual-index formula.
  const virtualIndex = (n - 1) * p;
  // numpy's `_get_indexes` and `_get_gamma`: at or beyond the last rank both neighbours are the
  // last value and the previous index counts as -1; below the first, both are the first value.
  let previous: number;
  let next: number;
  let gamma: number;
  if (virtualIndex >= n - 1) {
    previous = n - 1;
    next = n - 1;
    gamma = virtualIndex - -1;
  } else if (virtualIndex < 0) {
    previous = 0;
    next = 0;
    gamma = virtualIndex;
  } else {
    previous = Math.floor(virtualIndex);
    next = previous + 1;
    gamma = virtualIndex - previous;
  }
  const a = sorted[previous];
  const b = sorted[next];
  // Both indexes are within 0 … n - 1, n ≥ 1: neither is ever undefined.
  return a === undefined || b === undefined ? null : lerp(a, b, gamma);
}

/** numpy's `_lerp`: interpolates from the nearer end, so that `t` = 1 gives `b` exactly. */
function lerp(a: number, b: number, t: number): number {
  const diff = b - a;
  return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
}
