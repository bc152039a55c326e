import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, apiClient } from '@/lib/api-client';
import { bookingsQueryKey } from './list-bookings';

const byId = (id: string) => ({ path: { id } });

export const bookingQueryKey = (id: string) => [...bookingsQueryKey, 'detail', id] as const;

export function getBooking(id: string, { signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/bookings/{id}', { params: byId(id), signal }));
}

export function bookingQueryOptions(id: string) {
  return queryOptions({
    queryKey: bookingQueryKey(id),
    queryFn: ({ signal }) => getBooking(id, { signal }),
    staleTime: 5_000,
  });
}

export function useBooking(id: string) {
  return useQuery(bookingQueryOptions(id));
}

export function getBookingEvents(id: string, { signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/bookings/{id}/events', { params: byId(id), signal }));
}

export function useBookingEvents(id: string) {
  return useQuery({
    queryKey: [...bookingQueryKey(id), 'events'] as const,
    queryFn: ({ signal }) => getBookingEvents(id, { signal }),
  });
}

export function getCancellationPreview(id: string, { signal }: { signal?: AbortSignal } = {}) {
  return answer(
    apiClient.GET('/api/bookings/{id}/cancellation-preview', { params: byId(id), signal }),
  );
}

/** What cancelling now would refund; asked fresh each time, since it depends on the clock. */
export function useCancellationPreview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...bookingQueryKey(id), 'cancellation-preview'] as const,
    queryFn: ({ signal }) => getCancellationPreview(id, { signal }),
    enabled,
    staleTime: 0,
    gcTime: 0,
  });
}

/** The calendar file; an authorised route, so a plain link downloads it with the cookie. */
export function calendarFileUrl(id: string): string {
  return `/api/bookings/${encodeURIComponent(id)}/calendar.ics`;
}
