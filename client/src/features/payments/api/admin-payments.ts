import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Page } from '@shared/admin/admin.types';
import type { AdminPaymentDto } from '@shared/payments/payments.types';
import { api } from '@/lib/api-client';

const adminPaymentsKey = ['payments', 'admin'] as const;

export function listPayments(page: number, { signal }: { signal?: AbortSignal } = {}) {
  return api.get<Page<AdminPaymentDto>>(`/admin/payments?page=${page}&pageSize=25`, { signal });
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
      api.post<void>(`/admin/bookings/${encodeURIComponent(input.bookingId)}/refund`, {
        amountCents: input.amountCents,
        requestId: input.requestId,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminPaymentsKey }),
  });
}
