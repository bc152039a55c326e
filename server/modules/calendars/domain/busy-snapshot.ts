import { type BusyInstance, busyInstances, type BusyWindow, parseCalendar } from './busy-time';

/**
 * The busy time of one connected calendar, computed at sync for a window ahead (the booking
 * horizon) in the photographer's zone and stored as JSON, so that a slot list is a filter over
 * numbers in every process, never a parse of iCalendar or a call to a remote server.
 */
export class BusySnapshot {
  /** Longest event: how far before a window an overlapping event can start. */
  private readonly longest: number;

  constructor(
    readonly zone: string,
    readonly from: number,
    readonly until: number,
    /** Sorted by start. */
    readonly events: readonly BusyInstance[],
  ) {
    this.longest = events.reduce((max, e) => Math.max(max, e.until - e.from), 0);
  }

  /** Events overlapping [from, until). */
  overlapping(from: number, until: number): BusyInstance[] {
    const found: BusyInstance[] = [];
    for (let i = this.firstStartingFrom(from - this.longest); i < this.events.length; i++) {
      const event = this.events[i]!;
      if (event.from >= until) break;
      if (event.until > from) found.push(event);
    }
    return found;
  }

  private firstStartingFrom(instant: number): number {
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.events[middle]!.from < instant) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  toJSON(): string {
    const uids: string[] = [];
    const uidIndex = new Map<string, number>();
    const rows = this.events.map((e) => {
      let index = uidIndex.get(e.uid);
      if (index === undefined) {
        index = uids.push(e.uid) - 1;
        uidIndex.set(e.uid, index);
      }
      return [e.from, e.until, index, e.summary];
    });
    return JSON.stringify({
      v: 1,
      zone: this.zone,
      from: this.from,
      until: this.until,
      uids,
      rows,
    });
  }

  /** A stored snapshot; null when it is missing or of an unknown version. */
  static parse(json: string | null): BusySnapshot | null {
    if (!json) return null;
    const stored = JSON.parse(json) as {
      v: number;
      zone: string;
      from: number;
      until: number;
      uids: string[];
      rows: [number, number, number, string | null][];
    };
    if (stored.v !== 1) return null;
    const events = stored.rows.map(([from, until, uid, summary]) => ({
      from,
      until,
      uid: stored.uids[uid] ?? '',
      summary,
    }));
    return new BusySnapshot(stored.zone, stored.from, stored.until, events);
  }
}

export interface SnapshotResult {
  snapshot: BusySnapshot;
  /** Events (series count once) that block time somewhere in the window. */
  eventCount: number;
  /** One line per event that could not be read (the rest still count). */
  skipped: string[];
}

/**
 * Busy time of a calendar's iCalendar texts (one ICS file, or a CalDAV collection's objects).
 * A text that is not iCalendar at all throws CALENDAR_NOT_ICALENDAR when it is the only one (an
 * ICS URL that serves a web page); among several objects it is skipped like a bad event.
 */
export function takeSnapshot(texts: string[], window: BusyWindow, zone: string): SnapshotResult {
  const events: BusyInstance[] = [];
  const skipped: string[] = [];
  for (const text of texts) {
    let calendar;
    try {
      calendar = parseCalendar(text);
    } catch (error) {
      if (texts.length === 1) throw error;
      skipped.push(`an object that is not iCalendar was ignored`);
      continue;
    }
    const expanded = busyInstances(calendar, window, zone);
    events.push(...expanded.instances);
    skipped.push(...expanded.skipped);
  }
  events.sort((a, b) => a.from - b.from || a.until - b.until);
  return {
    snapshot: new BusySnapshot(zone, window.from.getTime(), window.until.getTime(), events),
    eventCount: new Set(events.map((e) => e.uid)).size,
    skipped,
  };
}
