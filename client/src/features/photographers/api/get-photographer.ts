import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, apiClient } from '@/lib/api-client';

export function getPhotographer(id: string, { signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/photographers/{id}', { params: { path: { id } }, signal }));
}

export function photographerQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['photographers', 'profile', id] as const,
    queryFn: ({ signal }) => getPhotographer(id, { signal }),
  });
}

export function usePhotographer(id: string) {
  return useQuery(photographerQueryOptions(id));
}
