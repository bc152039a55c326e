import { IANAZone } from 'luxon';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Every offset change since 1970 happens on a quarter hour of UTC, so offsets are memoised per quarter. */
const QUARTER = 15 * MINUTE;

/** A wall-clock reading: months 1–12, as iCalendar writes it. */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * Wall-clock → instant in one zone (an IANA name, or a file's VTIMEZONE through its offsets), the way RFC 5545 §3.3.5 reads a local time: a time the
 * clock repeats (fall back) is its first occurrence; a time the clock skips (spring forward) is
 * read with the offset from before the change (02:30 on a 02:00→03:00 night is 03:30 new time).
 * Asking Intl for an offset is slow, so offsets are memoised per quarter hour.
 */
export class WallClock {
  private readonly offsets = new Map<number, number>();

  /** `offsetOf(instant)`: minutes east of UTC at that instant. */
  constructor(private readonly offsetOf: (instant: number) => number) {}

  static iana(timeZone: string): WallClock {
    const zone = IANAZone.create(timeZone);
    if (!zone.isValid) throw new RangeError(`Unknown time zone: ${timeZone}`);
    return new WallClock((instant) => zone.offset(instant));
  }

  static isValidZone(timeZone: string): boolean {
    return IANAZone.isValidZone(timeZone);
  }

  /** Offset from UTC, in minutes, at an instant. */
  offsetAt(instant: number): number {
    const quarter = Math.floor(instant / QUARTER);
    let offset = this.offsets.get(quarter);
    if (offset === undefined) {
      offset = this.offsetOf(quarter * QUARTER);
      this.offsets.set(quarter, offset);
    }
    return offset;
  }

  instantOf(wall: WallTime): number {
    const local = Date.UTC(
      wall.year,
      wall.month - 1,
      wall.day,
      wall.hour,
      wall.minute,
      wall.second,
    );
    const candidates = [
      ...new Set([this.offsetAt(local - DAY), this.offsetAt(local), this.offsetAt(local + DAY)]),
    ];
    const valid = candidates.filter((offset) => this.offsetAt(local - offset * MINUTE) === offset);
    // First occurrence = the larger offset; in a gap, the smaller one is the offset before it.
    const offset = valid.length > 0 ? Math.max(...valid) : Math.min(...candidates);
    return local - offset * MINUTE;
  }

  /** The wall-clock reading at an instant. */
  wallAt(instant: number): WallTime {
    const local = new Date(instant + this.offsetAt(instant) * MINUTE);
    return {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
    };
  }

  /** The instant the local date `year-month-day` begins (its first existing moment). */
  startOfDay(year: number, month: number, day: number): number {
    return this.instantOf({ year, month, day, hour: 0, minute: 0, second: 0 });
  }
}
