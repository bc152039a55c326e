import { queryOptions, useMutation, useQuery } from '@tanstack/react-query';
import type { OnboardingLinkDto, PayoutAccountDto } from '@shared/payments/payments.types';
import { api } from '@/lib/api-client';

export const payoutAccountQueryKey = ['payments', 'payout-account'] as const;

export function getPayoutAccount({
  signal,
}: { signal?: AbortSignal } = {}): Promise<PayoutAccountDto> {
  return api.get<PayoutAccountDto>('/payments/connect/status', { signal });
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

export function startPayoutOnboarding(): Promise<OnboardingLinkDto> {
  return api.post<OnboardingLinkDto>('/payments/connect/onboarding');
}

/** Opens the payment provider's hosted onboarding in this tab. */
export function useStartPayoutOnboarding({ navigate }: { navigate: (url: string) => void }) {
  return useMutation({
    mutationFn: startPayoutOnboarding,
    onSuccess: (link) => navigate(link.url),
  });
}
