import type {
  CalendarConflictDto,
  ExternalCalendarDto,
  ExternalCalendarListDto,
} from '@shared/calendars/calendars.types';

export const CALENDAR_ID = '2e4f6a8c-1b3d-4e5f-8a7b-9c0d1e2f3a4b';

/** A Google calendar connected by its secret address, read a few minutes ago. */
export function anExternalCalendar(
  overrides: Partial<ExternalCalendarDto> = {},
): ExternalCalendarDto {
  const minutesAgo = new Date(Date.now() - 5 * 60_000).toISOString();
  return {
    id: CALENDAR_ID,
    kind: 'ics',
    name: 'Lena private',
    displayUrl: 'https://calendar.google.com/calendar/ical/lena…/basic.ics',
    username: null,
    writesBookings: false,
    status: 'ok',
    lastSyncedAt: minutesAgo,
    lastAttemptAt: minutesAgo,
    error: null,
    eventCount: 12,
    skippedCount: 0,
    createdAt: '2030-01-02T09:00:00.000Z',
    ...overrides,
  };
}

export function aCalendarList(
  calendars: ExternalCalendarDto[] = [],
  overrides: Partial<Omit<ExternalCalendarListDto, 'calendars'>> = {},
): ExternalCalendarListDto {
  return { calendars, syncMinutes: 15, limit: 5, ...overrides };
}

export function aCalendarConflict(
  overrides: Partial<CalendarConflictDto> = {},
): CalendarConflictDto {
  return {
    calendarId: CALENDAR_ID,
    calendarName: 'Lena private',
    summary: 'School play',
    from: '2030-03-10T08:30:00.000Z',
    until: '2030-03-10T10:00:00.000Z',
    ...overrides,
  };
}
