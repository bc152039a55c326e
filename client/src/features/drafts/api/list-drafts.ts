import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, apiClient } from '@/lib/api-client';

export const draftsQueryKey = ['drafts'] as const;

export function getDrafts({ signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/drafts', { signal }));
}

export function draftsQueryOptions() {
  return queryOptions({ queryKey: draftsQueryKey, queryFn: ({ signal }) => getDrafts({ signal }) });
}

export function useDrafts() {
  return useQuery(draftsQueryOptions());
}
