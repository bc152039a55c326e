import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { PhotographerSearch } from '@shared/photographers/photographers.schema';
import { answer, apiClient } from '@/lib/api-client';

/** The directory's filters as the URL and the API spell them; empty ones are left out. */
export type DirectorySearch = Partial<PhotographerSearch>;

export function searchQueryString(search: DirectorySearch): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(withoutEmpty(search))) params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The filters that are set: an empty one is left out of the URL and of the API call. */
function withoutEmpty(search: DirectorySearch): DirectorySearch {
  return Object.fromEntries(
    Object.entries(search).filter(
      ([, value]) => value !== undefined && value !== null && value !== '',
    ),
  );
}

export function listPhotographers(
  search: DirectorySearch,
  { signal }: { signal?: AbortSignal } = {},
) {
  return answer(
    apiClient.GET('/api/photographers', { params: { query: withoutEmpty(search) }, signal }),
  );
}

export function photographersQueryOptions(search: DirectorySearch) {
  return queryOptions({
    queryKey: ['photographers', 'list', search] as const,
    queryFn: ({ signal }) => listPhotographers(search, { signal }),
    // Keep the last page on screen while the next filter's answer loads.
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

export function usePhotographers(search: DirectorySearch) {
  return useQuery(photographersQueryOptions(search));
}
