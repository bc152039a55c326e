import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import { answer, apiClient } from '@/lib/api-client';

export const payoutAccountQueryKey = ['payments', 'payout-account'] as const;

export function getPayoutAccount({ signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/payments/connect/status', { signal }));
}

export function payoutAccountQueryOptions() {
  return queryOptions({
    queryKey: payoutAccountQueryKey,
    queryFn: ({ signal }) => getPayoutAccount({ signal }),
  });
}

export function usePayoutAccount() {
  return useQuery(payoutAccountQueryOptions());
}

export function startPayoutOnboarding() {
  return answer(apiClient.POST('/api/payments/connect/onboarding'));
}

/** Opens the payment provider's hosted onboarding in this tab. */
export function useStartPayoutOnboarding({ navigate }: { navigate: (url: string) => void }) {
  return useMutation({
    mutationFn: startPayoutOnboarding,
    onSuccess: (link) => navigate(link.url),
  });
}
