import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PhotographerProfileDto } from '@shared/photographers/photographers.types';
import { api } from '@/lib/api-client';

export const adminPhotographersQueryKey = ['admin', 'photographers'] as const;

export function listPhotographersForAdmin({ signal }: { signal?: AbortSignal } = {}): Promise<
  PhotographerProfileDto[]
> {
  return api.get<PhotographerProfileDto[]>('/admin/photographers', { signal });
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

export function approvePhotographer(id: string): Promise<PhotographerProfileDto> {
  return api.post<PhotographerProfileDto>(`/admin/photographers/${encodeURIComponent(id)}/approve`);
}

export function useApprovePhotographer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: approvePhotographer,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: adminPhotographersQueryKey }),
  });
}
