import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import type { Page } from '@shared/admin/admin.types';
import type { AdminRefundListQuery } from '@shared/payments/payments.schema';
import type { AdminRefundRequestDto } from '@shared/payments/payments.types';
import { api } from '@/lib/api-client';

const adminRefundsKey = ['payments', 'admin', 'refunds'] as const;

export type RefundListFilter = Pick<AdminRefundListQuery, 'page' | 'status'>;

export function listRefundRequests(
  { page, status }: RefundListFilter,
  { signal }: { signal?: AbortSignal } = {},
): Promise<Page<AdminRefundRequestDto>> {
  const query = new URLSearchParams({ page: String(page), pageSize: '25' });
  if (status) query.set('status', status);
  return api.get<Page<AdminRefundRequestDto>>(`/admin/refunds?${query.toString()}`, { signal });
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

export function retryRefund(id: string): Promise<AdminRefundRequestDto> {
  return api.post<AdminRefundRequestDto>(`/admin/refunds/${encodeURIComponent(id)}/retry`);
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
