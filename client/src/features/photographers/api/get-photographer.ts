import { queryOptions, useQuery } from '@tanstack/react-query';
import type { PhotographerProfileDto } from '@shared/photographers/photographers.types';
import { api } from '@/lib/api-client';

export function getPhotographer(
  id: string,
  { signal }: { signal?: AbortSignal } = {},
): Promise<PhotographerProfileDto> {
  return api.get<PhotographerProfileDto>(`/photographers/${encodeURIComponent(id)}`, { signal });
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
