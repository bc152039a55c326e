import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page } from '@shared/admin/admin.types';
import type { BookingDto } from '@shared/bookings/bookings.types';
import { api } from '@/lib/api-client';

export const bookingsQueryKey = ['bookings'] as const;

/** Everything the caller may see, soonest first (the server pages at 100). */
export function listBookings({ signal }: { signal?: AbortSignal } = {}): Promise<Page<BookingDto>> {
  return api.get<Page<BookingDto>>('/bookings?pageSize=100', { signal });
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
