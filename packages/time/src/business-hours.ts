import { weekdayIndex } from './calendar.ts';
import type { Zone } from './zone.ts';

/** Weekday keys of a policy's `business_hours`, Monday first. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Opening intervals per weekday in minutes after local midnight, and closed dates. */
export interface BusinessHours {
  week: Record<Weekday, Array<[number, number]>>;
  holidays: ReadonlySet<string>;
}

/** A record of one value per weekday, Monday first: what cannot miss a day. */
export function byWeekday<V>(make: (day: Weekday) => V): Record<Weekday, V> {
  // Object.fromEntries cannot say that the keys are exactly WEEKDAYS; the map over them does.
  return Object.fromEntries(WEEKDAYS.map((day) => [day, make(day)])) as Record<Weekday, V>;
}

const DAY_MS = 86_400_000;
const INTERVAL_RE = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]|24):([0-5]\d)$/;

/**
 * Parses `HH:MM-HH:MM` into minutes after midnight. `24:00` is allowed as an end only.
 * Returns null when malformed or when the end is not after the start.
 */
export function parseInterval(text: string): [number, number] | null {
  const m = INTERVAL_RE.exec(text);
  if (!m) return null;
  const start = Number(m[1]) * 60 + Number(m[2]);
  const end = Number(m[3]) * 60 + Number(m[4]);
  if (end > 24 * 60 || end <= start) return null;
  return [start, end];
}

/**
 * Counts the seconds between two instants that fall inside business hours, in a zone.
 * Wall-clock intervals are turned into real instants day by day, so a day with a DST change
 * counts the real elapsed time.
 */
export class BusinessClock {
  readonly #hours: BusinessHours;
  readonly #zone: Zone;
  readonly #days = new Map<number, Array<[number, number]>>();

  /** Local day number (days since 1970-01-01 in the zone's wall clock) of an instant. */
  dayOf(ms: number): number {
    return Math.floor(this.#zone.wallClockOf(ms) / DAY_MS);
  }

  constructor(hours: BusinessHours, zone: Zone) {
    this.#hours = hours;
    this.#zone = zone;
  }

  /** Seconds of business time in `[fromMs, toMs)`; 0 when `toMs <= fromMs`. */
  secondsBetween(fromMs: number, toMs: number): number {
    if (toMs <= fromMs) return 0;
    let total = 0;
    const lastDay = Math.floor(this.#zone.wallClockOf(toMs) / DAY_MS);
    for (let day = Math.floor(this.#zone.wallClockOf(fromMs) / DAY_MS); day <= lastDay; day++) {
      for (const [open, close] of this.openings(day)) {
        const a = Math.max(open, fromMs);
        const b = Math.min(close, toMs);
        if (b > a) total += b - a;
      }
    }
    return total / 1000;
  }

  /**
   * The opening intervals of a local day as instants `[open, close)` in epoch milliseconds, by
   * day number (days since 1970-01-01 in local time); none on a holiday. What
   * {@link secondsBetween} adds up, exposed for engines that join a calendar (`docs/scale.md`).
   */
  openings(dayNumber: number): ReadonlyArray<readonly [number, number]> {
    let intervals = this.#days.get(dayNumber);
    if (intervals === undefined) {
      intervals = [];
      const day = new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
      if (!this.#hours.holidays.has(day)) {
        // biome-ignore lint/style/noNonNullAssertion: weekdayIndex is 0–6, an index of the seven WEEKDAYS
        const weekday = WEEKDAYS[weekdayIndex(day)]!;
        // The wall clock of the day's midnight (what wallMidnight gives for `day`).
        const midnight = dayNumber * DAY_MS;
        for (const [start, end] of this.#hours.week[weekday]) {
          const open = this.#zone.instantOfWallClock(midnight + start * 60_000);
          const close = this.#zone.instantOfWallClock(midnight + end * 60_000);
          intervals.push([open, close]);
        }
      }
      this.#days.set(dayNumber, intervals);
    }
    return intervals;
  }
}
