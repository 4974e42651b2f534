/** The most earlier periods a history fact looks back: `mean12`, and a streak. */
export const HISTORY_MAX_PERIODS = 12;

/** A history fact named in a formula or a condition (`docs/history.md`). */
export type HistoryFactName =
  /** `history.prev.<metric>`: the metric's value in the previous period. */
  | { kind: 'prev'; metric: string; periods: 1 }
  /** `history.prev.total_score`, `history.prev.base_score`, `history.prev.grade`. */
  | { kind: 'prev_result'; field: 'total_score' | 'base_score' | 'grade'; periods: 1 }
  /** `history.mean<N>.<metric>`: the mean of its values over the last N periods that have one. */
  | { kind: 'mean'; metric: string; periods: number }
  /** `history.streak.<grade>`: earlier periods in a row, newest first, rated at that grade or better. */
  | { kind: 'streak'; grade: string; periods: number };

const RESULT_FIELDS = ['total_score', 'base_score', 'grade'] as const;

/** Reads a history fact name; null for any other name (or an N outside 2–12). */
export function parseHistoryFactName(name: string): HistoryFactName | null {
  const m = /^history\.([a-z0-9]+)\.(.+)$/.exec(name);
  if (m === null) return null;
  const [, which = '', rest = ''] = m;
  if (which === 'prev') {
    const field = RESULT_FIELDS.find((f) => f === rest);
    return field === undefined
      ? { kind: 'prev', metric: rest, periods: 1 }
      : { kind: 'prev_result', field, periods: 1 };
  }
  if (which === 'streak') return { kind: 'streak', grade: rest, periods: HISTORY_MAX_PERIODS };
  const mean = /^mean([0-9]+)$/.exec(which);
  const n = Number(mean?.[1]);
  if (mean === null || !Number.isInteger(n) || n < 2 || n > HISTORY_MAX_PERIODS || mean[1]?.startsWith('0'))
    return null;
  return { kind: 'mean', metric: rest, periods: n };
}

/**
 * Every numeric history fact a formula may read, given the catalog's metric ids and the policy's
 * grades: `history.prev.<metric>`, `history.mean2.<metric>` … `history.mean12.<metric>`,
 * `history.prev.total_score`, `history.prev.base_score`, `history.streak.<grade>`.
 */
export function historyVocabulary(metricIds: readonly string[], grades: readonly string[]): string[] {
  const means = Array.from({ length: HISTORY_MAX_PERIODS - 1 }, (_, i) => `mean${i + 2}`);
  return [
    ...metricIds.map((id) => `history.prev.${id}`),
    ...means.flatMap((m) => metricIds.map((id) => `history.${m}.${id}`)),
    'history.prev.total_score',
    'history.prev.base_score',
    ...grades.map((g) => `history.streak.${g}`),
  ];
}

/** The grade names a policy document lists (before its checks), for the names of streak facts. */
export function gradeNamesOf(document: unknown): string[] {
  const grades = (document as { grades?: unknown } | null)?.grades;
  if (!Array.isArray(grades)) return [];
  return grades.flatMap((g) => {
    const grade = (g as { grade?: unknown } | null)?.grade;
    return typeof grade === 'string' ? [grade] : [];
  });
}
