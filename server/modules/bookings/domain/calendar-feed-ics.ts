import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import type { CalendarEntry } from './calendar-ics';
import { vtimezone } from './vtimezone';

/** One booking as a subscribed calendar shows it; the feed's stamp stands for each DTSTAMP. */
export interface FeedEntry extends Omit<CalendarEntry, 'stamp'> {
  lastModified: Date;
}

export interface Feed {
  /** X-WR-CALNAME: what the calendar app names the subscription. */
  name: string;
  entries: readonly FeedEntry[];
  /** When the feed was produced (DTSTAMP of each event). */
  stamp: Date;
  /**
   * `publish` (default): a subscribed feed (METHOD:PUBLISH). `store`: a calendar object resource
   * written into a CalDAV collection, which must carry no METHOD (RFC 4791 §4.1).
   */
  purpose?: 'publish' | 'store';
}

/**
 * The photographer's bookings as one RFC 5545 calendar (METHOD:PUBLISH). Each event's times are
 * local to the studio's zone with TZID, and the calendar carries a VTIMEZONE for every zone used,
 * so calendar apps show the session where it happens even across a DST change.
 */
export function feedCalendar(feed: Feed): string {
  const from = new Date(Math.min(...feed.entries.map((e) => e.startsAt.getTime()), Infinity));
  const until = new Date(Math.max(...feed.entries.map((e) => e.endsAt.getTime()), 0));
  const calendar = ical({
    prodId: { company: 'Lensbridge', product: 'Calendar feed', language: 'EN' },
    method: feed.purpose === 'store' ? null : ICalCalendarMethod.PUBLISH,
    name: feed.name,
    // Asks subscribed apps to look again every hour (most choose their own interval anyway).
    ttl: 3600,
    // No calendar-wide zone (DTSTAMP and LAST-MODIFIED stay UTC); each event names its own.
    timezone: { name: '', generator: (zone) => vtimezone(zone, from, until) },
  });
  for (const entry of feed.entries) {
    calendar.createEvent({
      id: entry.uid,
      stamp: feed.stamp,
      start: DateTime.fromJSDate(entry.startsAt).setZone(entry.timeZone),
      end: DateTime.fromJSDate(entry.endsAt).setZone(entry.timeZone),
      timezone: entry.timeZone,
      sequence: entry.sequence,
      status: ICalEventStatus[entry.status],
      summary: entry.summary,
      description: entry.description,
      location: entry.location,
      lastModified: entry.lastModified,
    });
  }
  return calendar.toString();
}
