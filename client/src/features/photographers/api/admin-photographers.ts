import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { answer, apiClient } from '@/lib/api-client';

export const adminPhotographersQueryKey = ['admin', 'photographers'] as const;

export function listPhotographersForAdmin({ signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/admin/photographers', { signal }));
}

export function adminPhotographersQueryOptions() {
  return queryOptions({
    queryKey: adminPhotographersQueryKey,
    queryFn: ({ signal }) => listPhotographersForAdmin({ signal }),
  });
}

export function useAdminPhotographers() {
  return useQuery(adminPhotographersQueryOptions());
}

export function approvePhotographer(id: string) {
  return answer(
    apiClient.POST('/api/admin/photographers/{id}/approve', { params: { path: { id } } }),
  );
}

export function useApprovePhotographer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approvePhotographer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminPhotographersQueryKey }),
  });
}
