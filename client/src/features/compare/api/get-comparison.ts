import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { CompareQuery } from '@shared/compare/compare.schema';
import { answer, apiClient } from '@/lib/api-client';

export type ComparisonSearch = CompareQuery;

/**
 * `?useCase=…&draftId=…&city=…&date=…&viewerTimeZone=…`, leaving out what is empty. The page
 * keeps the viewer's choices in its URL and adds the browser's zone only to the API call.
 */
export function comparisonSearchParams(search: ComparisonSearch): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ['draftId', 'useCase', 'city', 'date', 'viewerTimeZone'] as const) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  return params;
}

export function getComparison(search: ComparisonSearch, { signal }: { signal?: AbortSignal } = {}) {
  // Empty choices are left out (undefined), as in the page's URL.
  const query = {
    draftId: search.draftId || undefined,
    useCase: search.useCase || undefined,
    city: search.city || undefined,
    date: search.date || undefined,
    viewerTimeZone: search.viewerTimeZone || undefined,
  };
  return answer(apiClient.GET('/api/compare', { params: { query }, signal }));
}

export const comparisonQueryKey = (search: ComparisonSearch) =>
  [
    'compare',
    search.useCase,
    search.draftId ?? null,
    search.city ?? null,
    search.date ?? null,
    search.viewerTimeZone ?? null,
  ] as const;

export function comparisonQueryOptions(search: ComparisonSearch) {
  return queryOptions({
    queryKey: comparisonQueryKey(search),
    queryFn: ({ signal }) => getComparison(search, { signal }),
    // Changing the use case or city keeps the last answer on screen until the new one arrives.
    placeholderData: keepPreviousData,
  });
}

export function useComparison(search: ComparisonSearch) {
  return useQuery(comparisonQueryOptions(search));
}
