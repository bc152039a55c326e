import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, apiClient } from '@/lib/api-client';

export const bookingsQueryKey = ['bookings'] as const;

/** Everything the caller may see, soonest first (the server pages at 100). */
export function listBookings({ signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/bookings', { params: { query: { pageSize: 100 } }, signal }));
}

export function bookingsQueryOptions() {
  return queryOptions({
    queryKey: [...bookingsQueryKey, 'list'] as const,
    queryFn: ({ signal }) => listBookings({ signal }),
    staleTime: 10_000,
  });
}

export function useBookings() {
  return useQuery(bookingsQueryOptions());
}
