import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import {
  type BookingStatus,
  CLOSED_BOOKING_STATUSES,
} from '../../../../shared/bookings/bookings.types';

/** The UID of a booking's event, the same in emails, downloads and the feed, so calendars merge them. */
export function bookingUid(bookingId: string): string {
  return `booking-${bookingId}@lensbridge`;
}

/** Whether an event read from a photographer's calendar is one of our bookings (we wrote it). */
export function isBookingUid(uid: string): boolean {
  return /^booking-[0-9a-f-]+@lensbridge$/.test(uid);
}

/** How calendars show a booking: cancelled once closed, tentative until it is confirmed. */
export function calendarStatus(status: BookingStatus): CalendarEntry['status'] {
  if (CLOSED_BOOKING_STATUSES.includes(status)) return 'CANCELLED';
  return status === 'held' || status === 'requested' ? 'TENTATIVE' : 'CONFIRMED';
}

/** What goes into a booking's calendar file. */
export interface CalendarEntry {
  uid: string;
  startsAt: Date;
  endsAt: Date;
  /** The photographer's zone: named in the file so calendars can show it. */
  timeZone: string;
  summary: string;
  description: string;
  location: string | null;
  status: 'CONFIRMED' | 'TENTATIVE' | 'CANCELLED';
  /** When the file was produced (DTSTAMP). */
  stamp: Date;
  /** Increases with every change so calendars replace the old copy. */
  sequence: number;
}

/**
 * An RFC 5545 calendar with one event, written by ical-generator (escaping and line folding
 * included). Times are in UTC (`…Z`), which every calendar converts to the reader's zone without
 * a VTIMEZONE block; the studio's zone is named in X-WR-TIMEZONE and in the description.
 */
export function bookingCalendar(entry: CalendarEntry): string {
  const calendar = ical({
    prodId: { company: 'Lensbridge', product: 'Bookings', language: 'EN' },
    method: ICalCalendarMethod.PUBLISH,
    x: [{ key: 'X-WR-TIMEZONE', value: entry.timeZone }],
  });
  calendar.createEvent({
    id: entry.uid,
    stamp: entry.stamp,
    start: entry.startsAt,
    end: entry.endsAt,
    sequence: entry.sequence,
    status: ICalEventStatus[entry.status],
    summary: entry.summary,
    description: entry.description,
    location: entry.location,
  });
  return calendar.toString();
}
