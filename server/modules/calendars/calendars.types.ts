/** An event of a photographer's own calendar that blocks time (read by bookings). */
export interface ExternalBusyEvent {
  calendarId: string;
  calendarName: string;
  uid: string;
  summary: string | null;
  from: Date;
  until: Date;
}

/** A booking as it should be in the photographer's CalDAV calendars: an event, or none. */
export interface BookingEventWrite {
  bookingId: string;
  uid: string;
  /** The whole VCALENDAR with one VEVENT; null: the booking must not be there (cancelled). */
  ics: string | null;
}

/** Told after every sync of a photographer's calendar (bookings checks conflicts, writes events). */
export type CalendarSyncListener = (userId: string) => Promise<void>;
