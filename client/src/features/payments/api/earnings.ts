import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, apiClient } from '@/lib/api-client';

export function getEarnings({ signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/payments/earnings', { signal }));
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
