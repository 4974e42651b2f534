import type { Unit } from '@scorebook/contract';
import type { ParamsOf } from '@scorebook/problems';
import type { POLICY_ERRORS } from '../errors/catalogue.ts';

const QUANTITY_RE = /^\s*(-?\d+(?:\.\d+)?)\s*(%|s|m|h)?\s*$/;
const SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600 };

type QuantityCode = 'QUANTITY_INVALID' | 'QUANTITY_UNIT_MISMATCH' | 'QUANTITY_RATIO_RANGE';

/** Why a quantity cannot be read: a code of the policy catalogue and its parameters. */
type QuantityProblem = {
  [K in QuantityCode]: { ok: false; code: K; params: ParamsOf<(typeof POLICY_ERRORS)[K]> };
}[QuantityCode];

/** A quantity read in a metric's unit, or why it cannot be. */
export type QuantityResult = { ok: true; value: number } | QuantityProblem;

/**
 * Reads a target, floor or band threshold in the metric's unit: a number as it is, `95%` and
 * `0.5%` as fractions for ratios, `20s`, `2m`, `1.5h` as seconds for durations. A ratio above 1
 * without `%` is refused (it is almost certainly a percentage).
 */
export function parseQuantity(raw: unknown, unit: Unit, metric: string): QuantityResult {
  let value: number;
  let suffix: string | undefined;
  if (typeof raw === 'number') {
    value = raw;
  } else if (typeof raw === 'string') {
    const m = QUANTITY_RE.exec(raw);
    if (!m) return { ok: false, code: 'QUANTITY_INVALID', params: { value: raw } };
    value = Number(m[1]);
    suffix = m[2];
  } else {
    return { ok: false, code: 'QUANTITY_INVALID', params: { value: String(raw) } };
  }
  if (suffix === '%') {
    if (unit !== 'ratio') return mismatch(raw, unit, metric);
    return { ok: true, value: value / 100 };
  }
  if (suffix !== undefined) {
    const seconds = SECONDS[suffix];
    if (unit !== 'seconds' || seconds === undefined) return mismatch(raw, unit, metric);
    return { ok: true, value: value * seconds };
  }
  if (unit === 'ratio' && (value > 1 || value < 0)) {
    return { ok: false, code: 'QUANTITY_RATIO_RANGE', params: { metric, value } };
  }
  return { ok: true, value };
}

function mismatch(raw: unknown, unit: Unit, metric: string): QuantityResult {
  const hints: Record<string, [string, string]> = {
    ratio: ['比率请写百分数(95%)或小数(0.95)。', 'Write ratios as a percentage (95%) or a fraction (0.95).'],
    seconds: ['时长请写秒数,或带 s、m、h。', 'Write durations in seconds, or with s, m or h.'],
  };
  const [hint, hintEn] = hints[unit] ?? ['请直接写数字。', 'Write a plain number.'];
  return {
    ok: false,
    code: 'QUANTITY_UNIT_MISMATCH',
    params: { value: String(raw), metric, unit, hint, hintEn },
  };
}
