import type { MetricDefinition } from '@scorebook/contract';
import type { CheckContext, Path } from './context.ts';

/**
 * Checks `quota` on the scored item at `path` (v2, per-agent targets, `docs/scorecards.md`):
 * a format 2 file (`NEEDS_FORMAT_2`), and a linear item, the only method a row's target and
 * floor can replace (`QUOTA_NEEDS_LINEAR` for `method: bands`, `method: range` or `segments`).
 * True when the item takes per-agent targets; false for `quota: false` or a refused one.
 */
export function checkQuota(
  ctx: CheckContext,
  path: Path,
  item: Readonly<Record<string, unknown>>,
  metric: MetricDefinition,
): boolean {
  const at: Path = [...path, 'quota'];
  if (!ctx.v2(at, '个人目标 quota', 'Per-agent targets (quota)')) return false;
  if (item.quota !== true) return false;
  const method = item.segments !== undefined ? 'segments' : item.method;
  if (method === 'segments' || method === 'bands' || method === 'range') {
    ctx.report(at, 'QUOTA_NEEDS_LINEAR', { metric: metric.id, method: String(method) }, { anchor: 'key' });
    return false;
  }
  return true;
}
