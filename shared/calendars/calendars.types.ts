/** A photographer's own calendar, connected so that its events block their slots. */
export interface ExternalCalendarDto {
  id: string;
  kind: 'ics' | 'caldav';
  /** The calendar's own name when the server gives one, else the address's host. */
  name: string;
  /** The address with its secret parts shortened (`…`): enough to recognise, not to reuse. */
  displayUrl: string;
  /** CalDAV only. */
  username: string | null;
  /** CalDAV only: confirmed bookings are written into it, and removed when cancelled. */
  writesBookings: boolean;
  /** `ok`: the last sync worked; `error`: it failed (busy time of the last good sync still counts). */
  status: 'ok' | 'error';
  lastSyncedAt: string | null;
  lastAttemptAt: string | null;
  error: { code: string; message: string } | null;
  /** Busy events read in the synced window (a recurring series counts once). */
  eventCount: number;
  /** Events that could not be read and so block nothing. */
  skippedCount: number;
  createdAt: string;
}

export interface ExternalCalendarListDto {
  calendars: ExternalCalendarDto[];
  /** Minutes between automatic syncs (0: only "Sync now"). */
  syncMinutes: number;
  /** How many calendars one photographer may connect. */
  limit: number;
}

/** An event in the photographer's own calendar that overlaps a confirmed booking. */
export interface CalendarConflictDto {
  calendarId: string;
  calendarName: string;
  /** The event's title, when it has one. */
  summary: string | null;
  from: string;
  until: string;
}

export const CalendarErrorCode = {
  NotFound: 'EXTERNAL_CALENDAR_NOT_FOUND',
  AlreadyConnected: 'CALENDAR_ALREADY_CONNECTED',
  LimitReached: 'CALENDAR_LIMIT_REACHED',
  NoProfile: 'CALENDAR_NEEDS_PROFILE',
  NotICalendar: 'CALENDAR_NOT_ICALENDAR',
  UrlInvalid: 'CALENDAR_URL_INVALID',
  AddressRefused: 'CALENDAR_ADDRESS_REFUSED',
  Unreachable: 'CALENDAR_UNREACHABLE',
  Timeout: 'CALENDAR_TIMEOUT',
  TooLarge: 'CALENDAR_TOO_LARGE',
  TooManyRedirects: 'CALENDAR_TOO_MANY_REDIRECTS',
  AuthFailed: 'CALENDAR_AUTH_FAILED',
  RemoteNotFound: 'CALENDAR_NOT_FOUND',
  HttpError: 'CALENDAR_HTTP_ERROR',
  NotCaldav: 'CALENDAR_NOT_CALDAV',
  CredentialsUnreadable: 'CALENDAR_CREDENTIALS_UNREADABLE',
} as const;

/** Upcoming confirmed bookings that an event of the photographer's own calendars overlaps. */
export interface CalendarConflictsDto {
  bookings: { bookingId: string; events: CalendarConflictDto[] }[];
}
