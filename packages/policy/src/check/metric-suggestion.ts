import { closest } from '@scorebook/config-file';

/** At most this many metrics are named when several extend the written word (`csat` → `csat_score`, `csat_rate`). */
const MAX_EXTENSIONS = 3;

/**
 * The metric ids to suggest for an unknown one, nearest first: the one `closest` gives (edit
 * distance within its threshold); when there is none, the ids that extend the written word by
 * `_` and more (`csat` → `csat_score`, `csat_rate`; `first_response` → `first_response_time`),
 * in the candidates' order, at most three. A short id is often written without its suffix, and
 * then its edit distance is over the threshold. Empty when neither finds one.
 */
export function suggestMetrics(word: string, ids: readonly string[]): string[] {
  const near = closest(word, ids);
  if (near !== null) return [near];
  if (word === '') return [];
  return ids.filter((id) => id.startsWith(`${word}_`)).slice(0, MAX_EXTENSIONS);
}

/** One suggestion, for a message that names one (a condition's unknown fact). */
export function suggestMetric(word: string, ids: readonly string[]): string | null {
  return suggestMetrics(word, ids)[0] ?? null;
}
