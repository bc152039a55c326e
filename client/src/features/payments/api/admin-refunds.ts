import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { AdminRefundListQuery } from '@shared/payments/payments.schema';
import { answer, apiClient } from '@/lib/api-client';

const adminRefundsKey = ['payments', 'admin', 'refunds'] as const;

export type RefundListFilter = Pick<AdminRefundListQuery, 'page' | 'status'>;

export function listRefundRequests(
  { page, status }: RefundListFilter,
  { signal }: { signal?: AbortSignal } = {},
) {
  const query = { page, pageSize: 25, ...(status ? { status } : {}) };
  return answer(apiClient.GET('/api/admin/refunds', { params: { query }, signal }));
}

export function adminRefundsQueryOptions(filter: RefundListFilter) {
  return queryOptions({
    queryKey: [...adminRefundsKey, filter] as const,
    queryFn: ({ signal }) => listRefundRequests(filter, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAdminRefunds(filter: RefundListFilter) {
  return useQuery(adminRefundsQueryOptions(filter));
}

export function retryRefund(id: string) {
  return answer(apiClient.POST('/api/admin/refunds/{id}/retry', { params: { path: { id } } }));
}

/** Asks the provider again now, instead of waiting for the retry job's next attempt. */
export function useRetryRefund() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: retryRefund,
    // The refund and, once it went through, the payment's refunded total both change.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['payments', 'admin'] }),
  });
}
