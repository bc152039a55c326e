import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { answer, apiClient } from '@/lib/api-client';

const outboxQueryKey = (page: number) => ['notifications', 'outbox', page] as const;

export function getOutbox(page: number, { signal }: { signal?: AbortSignal } = {}) {
  return answer(
    apiClient.GET('/api/admin/outbox', { params: { query: { page, pageSize: 25 } }, signal }),
  );
}

export function outboxQueryOptions(page: number) {
  return queryOptions({
    queryKey: outboxQueryKey(page),
    queryFn: ({ signal }) => getOutbox(page, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useOutbox(page: number) {
  return useQuery(outboxQueryOptions(page));
}

/** Runs the email jobs now instead of waiting for the timer. */
export function useRunEmailJobs() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => answer(apiClient.POST('/api/admin/outbox/run')),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['notifications', 'outbox'] }),
  });
}
