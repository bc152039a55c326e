import { queryOptions, useQuery } from '@tanstack/react-query';
import { answer, apiClient } from '@/lib/api-client';

/** A listed photographer's latest reviews (public; clients named by first name and initial). */
export function getPhotographerReviews(id: string, { signal }: { signal?: AbortSignal } = {}) {
  return answer(
    apiClient.GET('/api/photographers/{id}/reviews', { params: { path: { id } }, signal }),
  );
}

export function usePhotographerReviews(id: string) {
  return useQuery(
    queryOptions({
      queryKey: ['photographers', 'reviews', id] as const,
      queryFn: ({ signal }) => getPhotographerReviews(id, { signal }),
    }),
  );
}
