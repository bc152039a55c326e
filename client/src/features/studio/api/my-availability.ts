import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AvailabilityInput, TimeOffInput } from '@shared/photographers/photographers.schema';
import { answer, apiClient } from '@/lib/api-client';
import { myStudioQueryKey } from './my-profile';

export const myAvailabilityQueryKey = [...myStudioQueryKey, 'availability'] as const;

export function getMyAvailability({ signal }: { signal?: AbortSignal } = {}) {
  return answer(apiClient.GET('/api/photographers/me/availability', { signal }));
}

export function myAvailabilityQueryOptions() {
  return queryOptions({
    queryKey: myAvailabilityQueryKey,
    queryFn: ({ signal }) => getMyAvailability({ signal }),
  });
}

export function useMyAvailability() {
  return useQuery(myAvailabilityQueryOptions());
}

export function saveMyAvailability(input: AvailabilityInput) {
  return answer(apiClient.PUT('/api/photographers/me/availability', { body: input }));
}

export function useSaveMyAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveMyAvailability,
    onSuccess: (saved) => {
      queryClient.setQueryData(myAvailabilityQueryKey, saved);
      void queryClient.invalidateQueries({ queryKey: myStudioQueryKey });
    },
  });
}

export function addTimeOff(input: TimeOffInput) {
  return answer(apiClient.POST('/api/photographers/me/time-off', { body: input }));
}

export function removeTimeOff(id: string): Promise<void> {
  return answer(
    apiClient.DELETE('/api/photographers/me/time-off/{id}', { params: { path: { id } } }),
  );
}

export function useAddTimeOff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: addTimeOff,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myAvailabilityQueryKey }),
  });
}

export function useRemoveTimeOff() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeTimeOff,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: myAvailabilityQueryKey }),
  });
}
