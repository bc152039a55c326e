import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, apiClient } from '@/lib/api-client';

export function getPaymentOptions({ signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/payments/options', { signal }));
}

/** Which payment provider is on (manual = pay at the studio, nothing online). Rarely changes. */
export function paymentOptionsQueryOptions() {
  return queryOptions({
    queryKey: ['payments', 'options'],
    queryFn: ({ signal }) => getPaymentOptions({ signal }),
    staleTime: 60 * 60_000,
  });
}

export function usePaymentOptions() {
  return useQuery(paymentOptionsQueryOptions());
}
