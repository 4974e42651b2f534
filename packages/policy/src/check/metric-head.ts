import { type MetricHead, UNITS, type Unit } from '@scorebook/contract';

/**
 * The head of a metric the policy defines (id, titles, descriptions, direction, unit) from its
 * YAML item, for the kinds checked by hand (formula, rating); null when the item lacks an id, a
 * title or a direction (the schema has reported it). A unit not among the units is `unit`.
 */
export function metricHeadOf(item: Readonly<Record<string, unknown>>, unit: Unit): MetricHead | null {
  if (typeof item.id !== 'string' || typeof item.title !== 'string') return null;
  if (item.better !== 'higher' && item.better !== 'lower') return null;
  return {
    id: item.id,
    title: item.title,
    title_en: typeof item.title_en === 'string' ? item.title_en : null,
    description: typeof item.description === 'string' ? item.description : null,
    description_en: typeof item.description_en === 'string' ? item.description_en : null,
    better: item.better,
    unit: UNITS.find((u) => u === item.unit) ?? unit,
    builtin: false,
  };
}
