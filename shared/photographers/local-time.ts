import { IANAZone } from 'luxon';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;

/** A calendar date in some zone, `YYYY-MM-DD`. */
export type LocalDate = string;

/**
 * Wall-clock arithmetic in an IANA zone, done with offsets rather than luxon's `fromObject`,
 * which silently moves a nonexistent time forward and picks the LATER of two repeated times.
 * Booking rules need both cases explicit: a nonexistent time is no slot, a repeated one is
 * offered once (its first occurrence).
 */
export class ZoneClock {
  private readonly zone: IANAZone;
  /** Per local date: its one offset when the clock does not change that day, else null. */
  private readonly steadyOffsets = new Map<LocalDate, number | null>();

  constructor(readonly timeZone: string) {
    const zone = IANAZone.create(timeZone);
    if (!zone.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
    this.zone = zone;
  }

  static isValidZone(timeZone: string): boolean {
    return IANAZone.isValidZone(timeZone);
  }

  /** Offset from UTC in minutes at an instant. */
  offsetAt(instant: number): number {
    return this.zone.offset(instant);
  }

  /**
   * Every instant whose wall-clock time is `minuteOfDay` on `date` (minute 1440 is the next
   * midnight): none inside a spring-forward gap, two inside a fall-back overlap, else one.
   */
  instantsAt(date: LocalDate, minuteOfDay: number): number[] {
    const wall = wallMillis(date, minuteOfDay);
    const steady = minuteOfDay < 1440 ? this.steadyOffset(date) : null;
    if (steady !== null) return [wall - steady * MINUTE];
    const found = new Set<number>();
    for (const offset of this.nearbyOffsets(wall)) {
      const instant = wall - offset * MINUTE;
      if (this.zone.offset(instant) === offset) found.add(instant);
    }
    return [...found].sort((a, b) => a - b);
  }

  /** The first occurrence of a wall-clock time, or null when the clock skips it. */
  firstInstantAt(date: LocalDate, minuteOfDay: number): number | null {
    return this.instantsAt(date, minuteOfDay)[0] ?? null;
  }

  /**
   * The earliest instant at which the wall clock reads `minuteOfDay` on `date` or later: the
   * time itself when it exists (its first occurrence), else the moment the clock jumps past it.
   */
  boundaryAt(date: LocalDate, minuteOfDay: number): number {
    const first = this.firstInstantAt(date, minuteOfDay);
    if (first !== null) return first;
    // In a gap: the transition lies between the two readings of the wall time.
    const wall = wallMillis(date, minuteOfDay);
    const offsets = this.nearbyOffsets(wall);
    const after = Math.max(...offsets);
    let low = wall - after * MINUTE; // still on the old offset
    let high = wall - Math.min(...offsets) * MINUTE; // already on the new offset
    while (high - low > MINUTE) {
      const mid = low + Math.floor((high - low) / MINUTE / 2) * MINUTE;
      if (this.zone.offset(mid) === after) high = mid;
      else low = mid;
    }
    return high;
  }

  /** The wall-clock date and minute of day at an instant. */
  localAt(instant: number): { date: LocalDate; minuteOfDay: number; weekday: number } {
    const wall = instant + this.zone.offset(instant) * MINUTE;
    const dayStart = Math.floor(wall / DAY) * DAY;
    const date = new Date(dayStart).toISOString().slice(0, 10);
    return { date, minuteOfDay: Math.round((wall - dayStart) / MINUTE), weekday: isoWeekday(date) };
  }

  /**
   * Asking Intl for an offset is the slow part of slot computation, and almost every day has
   * one offset from start to end: probe the day's edges (and middle) once, and only take the
   * careful path on the few days the clock changes.
   */
  private steadyOffset(date: LocalDate): number | null {
    if (this.steadyOffsets.has(date)) return this.steadyOffsets.get(date)!;
    const midnight = wallMillis(date, 0);
    // Every zone's local day lies within [midnight − 14 h, next midnight + 12 h] in UTC.
    const probes = [midnight - 14 * HOUR, midnight + 12 * HOUR, midnight + DAY + 12 * HOUR].map(
      (instant) => this.zone.offset(instant),
    );
    const steady = probes.every((offset) => offset === probes[0]) ? probes[0]! : null;
    this.steadyOffsets.set(date, steady);
    return steady;
  }

  private nearbyOffsets(wall: number): number[] {
    // Real zones change offset at most once within a day either side.
    return [
      ...new Set([
        this.zone.offset(wall - DAY),
        this.zone.offset(wall),
        this.zone.offset(wall + DAY),
      ]),
    ];
  }
}

function wallMillis(date: LocalDate, minuteOfDay: number): number {
  return Date.parse(`${date}T00:00:00Z`) + minuteOfDay * MINUTE;
}

/** ISO weekday of a calendar date: Monday 1 … Sunday 7. */
export function isoWeekday(date: LocalDate): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
}

/** Every date from `first` to `last`, both included. */
export function datesBetween(first: LocalDate, last: LocalDate): LocalDate[] {
  const dates: LocalDate[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) dates.push(date);
  return dates;
}
