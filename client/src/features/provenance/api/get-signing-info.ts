import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, apiClient } from '@/lib/api-client';

export const signingInfoQueryKey = ['provenance', 'signer'] as const;

export function getSigningInfo({ signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/provenance/signer', { signal }));
}

/** How this server signs; it changes only when the server restarts with another certificate. */
export function signingInfoQueryOptions() {
  return queryOptions({
    queryKey: signingInfoQueryKey,
    queryFn: ({ signal }) => getSigningInfo({ signal }),
    staleTime: Infinity,
  });
}

export function useSigningInfo() {
  return useQuery(signingInfoQueryOptions());
}
