import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReviewDto } from '@shared/gallery/gallery.types';
import { api } from '@/lib/api-client';

/** A listed photographer's latest reviews (public; clients named by first name and initial). */
export function getPhotographerReviews(
  id: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<ReviewDto[]> {
  return api.get<ReviewDto[]>(`/photographers/${encodeURIComponent(id)}/reviews`, { signal });
}

export function usePhotographerReviews(id: string) {
  return useQuery(
    queryOptions({
      queryKey: ['photographers', 'reviews', id] as const,
      queryFn: ({ signal }) => getPhotographerReviews(id, { signal }),
    }),
  );
}
