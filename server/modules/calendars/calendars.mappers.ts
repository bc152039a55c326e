import type { ExternalCalendarDto } from '../../../shared/calendars/calendars.types';
import type { ExternalCalendar } from './external-calendar.entity';

export function calendarDto(calendar: ExternalCalendar): ExternalCalendarDto {
  return {
    id: calendar.id,
    kind: calendar.kind,
    name: calendar.name,
    displayUrl: displayUrl(calendar.url),
    username: calendar.username,
    writesBookings: calendar.writesBookings,
    status: calendar.lastErrorCode ? 'error' : 'ok',
    lastSyncedAt: calendar.lastSyncedAt?.toISOString() ?? null,
    lastAttemptAt: calendar.lastAttemptAt?.toISOString() ?? null,
    error: calendar.lastErrorCode
      ? { code: calendar.lastErrorCode, message: calendar.lastError ?? '' }
      : null,
    eventCount: calendar.eventCount,
    skippedCount: calendar.skippedCount,
    createdAt: calendar.createdAt.toISOString(),
  };
}

/**
 * A secret ICS address (Google's `/private-<hash>/basic.ics`, Outlook's long ids) shortened so a
 * screen share does not leak it: long path segments and any query keep only their first letters.
 */
export function displayUrl(url: string): string {
  const parsed = new URL(url);
  const path = parsed.pathname
    .split('/')
    .map((segment) => (segment.length > 16 ? `${segment.slice(0, 6)}…` : segment))
    .join('/');
  return `${parsed.protocol}//${parsed.host}${path}${parsed.search ? '?…' : ''}`;
}
