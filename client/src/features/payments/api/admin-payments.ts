import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, apiClient } from '@/lib/api-client';

const adminPaymentsKey = ['payments', 'admin'] as const;

export function listPayments(page: number, { signal }: { signal?: AbortSignal } = {}) {
  return answer(
    apiClient.GET('/api/admin/payments', { params: { query: { page, pageSize: 25 } }, signal }),
  );
}

export function useAdminPayments(page: number) {
  return useQuery({
    queryKey: [...adminPaymentsKey, page] as const,
    queryFn: ({ signal }) => listPayments(page, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Refunds part of a booking; the request id makes a double click refund once. */
export function useRefundBooking() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { bookingId: string; amountCents: number; requestId: string }) =>
      answer(
        apiClient.POST('/api/admin/bookings/{id}/refund', {
          params: { path: { id: input.bookingId } },
          body: { amountCents: input.amountCents, requestId: input.requestId },
        }),
      ),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminPaymentsKey }),
  });
}
