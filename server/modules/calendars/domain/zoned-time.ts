import ICAL from 'ical.js';
import { WallClock } from './wall-clock';

/** An ical.js time with the TZID its property named (ical.js forgets a TZID the file does not define). */
export interface ZonedTime {
  time: ICAL.Time;
  tzid?: string;
}

export function readTime(vevent: ICAL.Component, name: string): ZonedTime | null {
  const property = vevent.getFirstProperty(name);
  const time = property?.getFirstValue() as ICAL.Time | null | undefined;
  if (!property || !time) return null;
  if (!(time instanceof ICAL.Time) || Number.isNaN(time.year)) {
    throw new Error(`${name.toUpperCase()} is not a date or date-time`);
  }
  const tzid = property.getParameter('tzid');
  return { time, tzid: typeof tzid === 'string' ? tzid : undefined };
}

export const isUtc = (time: ICAL.Time): boolean =>
  time.zone === ICAL.Timezone.utcTimezone || time.zone?.tzid === 'UTC';

/**
 * Which clock reads a time, and so which instant it is:
 * - UTC: none needed;
 * - a TZID the file defines: that VTIMEZONE's offsets (ical.js), read with RFC 5545's rules for
 *   repeated and skipped times (ical.js alone picks the later of a repeated time);
 * - a TZID the file does not define: the IANA zone of that name;
 * - floating, DATE, or an unknown name: the photographer's zone.
 * One per expansion: clocks memoise offsets.
 */
export class Clocks {
  private readonly named = new Map<string, WallClock | null>();
  private readonly defined = new Map<ICAL.Timezone, WallClock>();

  /** Without a photographer's zone, `clockOf` answers null where that zone would be needed. */
  constructor(private readonly photographer: WallClock | null) {}

  clockOf({ time, tzid }: ZonedTime): WallClock | null {
    const zone = time.zone;
    if (!time.isDate && zone && zone !== ICAL.Timezone.localTimezone && zone.tzid !== 'floating') {
      return this.definedClock(zone);
    }
    if (time.isDate || !tzid) return this.photographer;
    let clock = this.named.get(tzid);
    if (clock === undefined) {
      clock = WallClock.isValidZone(tzid) ? WallClock.iana(tzid) : null;
      this.named.set(tzid, clock);
    }
    return clock ?? this.photographer;
  }

  instantOf(zoned: ZonedTime): number {
    const { time } = zoned;
    if (!time.isDate && isUtc(time)) {
      return Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second);
    }
    const clock = this.clockOf(zoned);
    if (!clock) throw new Error('a floating time needs the photographer’s zone');
    return time.isDate ? clock.startOfDay(time.year, time.month, time.day) : clock.instantOf(time);
  }

  private definedClock(zone: ICAL.Timezone): WallClock {
    let clock = this.defined.get(zone);
    if (!clock) this.defined.set(zone, (clock = new WallClock(vtimezoneOffsets(zone))));
    return clock;
  }
}

/**
 * Offset at an instant from a VTIMEZONE's transitions. ical.js's own UTC → zone conversion
 * reads the UTC time as if it were local and so switches hours early; its table of transitions
 * (kept in UTC, sorted) is right, so it is read directly.
 */
function vtimezoneOffsets(zone: ICAL.Timezone): (instant: number) => number {
  const transitions = zone as unknown as {
    changes: {
      year: number;
      month: number;
      day: number;
      hour: number;
      minute: number;
      second: number;
      utcOffset: number;
      prevUtcOffset: number;
    }[];
    _ensureCoverage(year: number): void;
  };
  let starts: number[] = [];
  let offsets: number[] = [];
  let covered = -Infinity;
  return (instant) => {
    const year = new Date(instant).getUTCFullYear() + 1;
    if (year > covered) {
      transitions._ensureCoverage(year);
      covered = year;
      starts = transitions.changes.map((c) =>
        Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second),
      );
      offsets = transitions.changes.map((c) => c.utcOffset / 60);
    }
    // The last transition at or before the instant (binary search).
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid]! <= instant) low = mid + 1;
      else high = mid;
    }
    if (low > 0) return offsets[low - 1]!;
    return (transitions.changes[0]?.prevUtcOffset ?? 0) / 60;
  };
}
