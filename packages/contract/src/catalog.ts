import { BUILTIN_CATALOG } from './generated/builtin-catalog.ts';
import type { MetricDefinition } from './metrics.ts';

/**
 * The built-in metric catalog, in catalog order: the metrics of `configs/catalog/metrics.yaml`,
 * compiled into this package by `npm run generate -w @scorebook/contract` (a test keeps the two
 * equal), so that nothing is read at run time.
 */
export function builtinCatalog(): readonly MetricDefinition[] {
  return BUILTIN_CATALOG;
}
