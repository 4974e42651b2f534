import type { Condition } from '@scorebook/conditions';
import type { MetricDefinition } from '@scorebook/contract';

/**
 * True when a metric of `definitions` reads `field` of conversations: as its `field`, or as a
 * fact of its `where` (either side of a ratio). Derived fields that only some policies read are
 * added to the rows of those policies alone.
 */
export function readsConversationField(definitions: readonly MetricDefinition[], field: string): boolean {
  return definitions.some((d) =>
    d.kind === 'ratio'
      ? [d.numerator, d.denominator].some((s) => s.table === 'conversations' && names(s.where, field))
      : d.table === 'conversations' && (d.field === field || names(d.where, field)),
  );
}

function names(condition: Condition | null, field: string): boolean {
  if (condition === null) return false;
  if ('all' in condition) return condition.all.some((c) => names(c, field));
  if ('any' in condition) return condition.any.some((c) => names(c, field));
  if ('not' in condition) return names(condition.not, field);
  const value = condition.value as unknown;
  const other =
    typeof value === 'object' && value !== null && 'fact' in value ? (value as { fact: unknown }).fact : null;
  return condition.fact === field || other === field;
}
