import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AvailabilityInput, TimeOffInput } from '@shared/photographers/photographers.schema';
import type { AvailabilityDto, TimeOffDto } from '@shared/photographers/photographers.types';
import { api } from '@/lib/api-client';
import { myStudioQueryKey } from './my-profile';

export const myAvailabilityQueryKey = [...myStudioQueryKey, 'availability'] as const;

export function getMyAvailability({ signal }: { signal?: AbortSignal } = {}) {
  return api.get<AvailabilityDto>('/photographers/me/availability', { signal });
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

export function saveMyAvailability(input: AvailabilityInput): Promise<AvailabilityDto> {
  return api.put<AvailabilityDto>('/photographers/me/availability', input);
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

export function addTimeOff(input: TimeOffInput): Promise<TimeOffDto> {
  return api.post<TimeOffDto>('/photographers/me/time-off', input);
}

export function removeTimeOff(id: string): Promise<void> {
  return api.delete<void>(`/photographers/me/time-off/${encodeURIComponent(id)}`);
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
