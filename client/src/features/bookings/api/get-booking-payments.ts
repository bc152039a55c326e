import { useQuery } from '@tanstack/react-query';
import { answer, apiClient } from '@/lib/api-client';
import { bookingQueryKey } from './get-booking';

export function getBookingPayments(id: string, { signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/bookings/{id}/payments', { params: { path: { id } }, signal }));
}

/** The booking's charges and refunds (receipts); only asked for when money moves online. */
export function useBookingPayments(id: string, enabled: boolean) {
  return useQuery({
    queryKey: [...bookingQueryKey(id), 'payments'] as const,
    queryFn: ({ signal }) => getBookingPayments(id, { signal }),
    enabled,
  });
}
