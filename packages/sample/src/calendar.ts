import { addDays, weekdayIndex } from '@scorebook/time';

/** Every day from `first` to `last`, inclusive. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let d = first; d <= last; d = addDays(d, 1)) days.push(d);
  return days;
}

/** The traffic multiplier of a day: weekends are busier in e-commerce, 双十一 peaks on 11-11. */
export function dayFactor(day: string): number {
  const weekday = weekdayIndex(day);
  let factor = weekday >= 5 ? 1.15 : 1;
  const md = day.slice(5);
  if (md >= '11-01' && md <= '11-11') factor *= 1.4 + (Number(md.slice(3)) / 11) * 1.6;
  else if (md >= '11-12' && md <= '11-15') factor *= 1.6;
  else if (md === '12-12') factor *= 1.8;
  return factor;
}

// Share of inquiries per local hour: quiet nights, a morning and an evening peak.
const HOURLY = [
  0.8, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 1.8, 3.5, 5.5, 6.5, 6.2, 4.8, 5.0, 6.0, 6.2, 5.8, 5.2, 4.8, 5.6, 6.6,
  7.0, 5.5, 2.9,
];
const HOURLY_TOTAL = HOURLY.reduce((a, b) => a + b, 0);

/** The hourly curve, as weights per hour 0–23. */
export const HOURLY_WEIGHTS: ReadonlyArray<readonly [number, number]> = HOURLY.map(
  (w, h) => [h, w / HOURLY_TOTAL] as const,
);

/** Load of an hour (0–23) relative to the average hour (busy hours make agents slower); 0 for another number. */
export function hourLoad(hour: number): number {
  return ((HOURLY[hour] ?? 0) / HOURLY_TOTAL) * 24;
}
