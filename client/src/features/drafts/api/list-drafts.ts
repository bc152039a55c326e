import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DraftSummaryDto } from '@shared/drafts/drafts.types';
import { api } from '@/lib/api-client';

export const draftsQueryKey = ['drafts'] as const;

export function getDrafts({ signal }: { signal?: AbortSignal } = {}): Promise<DraftSummaryDto[]> {
  return api.get<DraftSummaryDto[]>('/drafts', { signal });
}

export function draftsQueryOptions() {
  return queryOptions({ queryKey: draftsQueryKey, queryFn: ({ signal }) => getDrafts({ signal }) });
}

export function useDrafts() {
  return useQuery(draftsQueryOptions());
}
