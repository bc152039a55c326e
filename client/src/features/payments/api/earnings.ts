import { queryOptions, useQuery } from '@tanstack/react-query';
import type { EarningsDto } from '@shared/payments/payments.types';
import { api } from '@/lib/api-client';

export function getEarnings({ signal }: { signal?: AbortSignal } = {}): Promise<EarningsDto> {
  return api.get<EarningsDto>('/payments/earnings', { signal });
}

export function earningsQueryOptions() {
  return queryOptions({
    queryKey: ['payments', 'earnings'],
    queryFn: ({ signal }) => getEarnings({ signal }),
  });
}

export function useEarnings() {
  return useQuery(earningsQueryOptions());
}
