import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CalendarConflictDto } from '@shared/calendars/calendars.types';
import { answer, apiClient } from '@/lib/api-client';
import { bookingsQueryKey } from './list-bookings';

/** Upcoming confirmed bookings of mine that an event in my own calendars overlaps (photographers). */
export function getCalendarConflicts({ signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/photographers/me/calendar-conflicts', { signal }));
}

export function calendarConflictsQueryOptions() {
  return queryOptions({
    queryKey: [...bookingsQueryKey, 'calendar-conflicts'] as const,
    queryFn: ({ signal }) => getCalendarConflicts({ signal }),
    // Calendars are read in the background and from the studio: look again on each visit.
    staleTime: 0,
    select: (answer) =>
      new Map<string, CalendarConflictDto[]>(
        answer.bookings.filter((b) => b.events.length > 0).map((b) => [b.bookingId, b.events]),
      ),
  });
}

/** Clashing events by booking id; empty for anyone but a photographer. */
export function useCalendarConflicts({ enabled }: { enabled: boolean }) {
  return useQuery({ ...calendarConflictsQueryOptions(), enabled });
}
