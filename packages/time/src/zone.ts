import { IANAZone } from 'luxon';

/** True when `name` is an IANA timezone name this runtime knows (e.g. `Asia/Shanghai`). */
export function isValidTimezone(name: string): boolean {
  return IANAZone.isValidZone(name);
}

const BUCKET_MS = 15 * 60 * 1000;
const DAY_MS = 86_400_000;

/**
 * A timezone with cached UTC offsets. Offsets change only at transition instants, which fall
 * on quarter hours in every zone in use, so one lookup per 15-minute bucket is exact.
 */
export class Zone {
  readonly name: string;
  readonly #zone: IANAZone;
  readonly #offsets = new Map<number, number>();
  #lastBucket = Number.NaN;
  #lastOffset = 0;

  constructor(name: string) {
    if (!IANAZone.isValidZone(name)) throw new RangeError(`unknown IANA timezone "${name}"`);
    this.name = name;
    this.#zone = IANAZone.create(name);
  }

  /** Offset from UTC in milliseconds at the instant `ms`. */
  offsetAt(ms: number): number {
    const bucket = Math.floor(ms / BUCKET_MS);
    // Instants mostly come near one another: the last bucket's offset without a lookup.
    if (bucket === this.#lastBucket) return this.#lastOffset;
    let offset = this.#offsets.get(bucket);
    if (offset === undefined) {
      offset = this.#zone.offset(bucket * BUCKET_MS) * 60_000;
      this.#offsets.set(bucket, offset);
    }
    this.#lastBucket = bucket;
    this.#lastOffset = offset;
    return offset;
  }

  /**
   * The instant of a local wall-clock time, given as the milliseconds it would have in UTC.
   * In an overlap (clocks fall back) the earlier instant is chosen; in a gap (spring forward)
   * the time is moved forward by the gap: Temporal's "compatible" disambiguation.
   */
  instantOfWallClock(wallMs: number): number {
    const before = this.offsetAt(wallMs - DAY_MS);
    const after = this.offsetAt(wallMs + DAY_MS);
    let best: number | null = null;
    for (const offset of before === after ? [before] : [before, after]) {
      const instant = wallMs - offset;
      if (instant + this.offsetAt(instant) === wallMs && (best === null || instant < best)) best = instant;
    }
    return best ?? wallMs - before;
  }

  /** The local wall-clock time of an instant, as the milliseconds it would have in UTC. */
  wallClockOf(ms: number): number {
    return ms + this.offsetAt(ms);
  }
}
