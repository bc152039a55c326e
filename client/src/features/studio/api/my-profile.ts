import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ProfileInput } from '@shared/photographers/photographers.schema';
import { PhotographerErrorCode } from '@shared/photographers/photographers.types';
import { answer, apiClient, ApiError } from '@/lib/api-client';

export const myStudioQueryKey = ['studio'] as const;
export const myProfileQueryKey = [...myStudioQueryKey, 'profile'] as const;

/** My profile, or `null` before the first save (404 PROFILE_MISSING is an answer). */
export async function getMyProfile({ signal }: { signal?: AbortSignal } = {}) {
  try {
    return await answer(apiClient.GET('/api/photographers/me', { signal }));
  } catch (error) {
    if (error instanceof ApiError && error.code === PhotographerErrorCode.ProfileMissing) {
      return null;
    }
    throw error;
  }
}

export function myProfileQueryOptions() {
  return queryOptions({
    queryKey: myProfileQueryKey,
    queryFn: ({ signal }) => getMyProfile({ signal }),
  });
}

export function useMyProfile() {
  return useQuery(myProfileQueryOptions());
}

export function saveMyProfile(input: ProfileInput) {
  return answer(apiClient.PUT('/api/photographers/me', { body: input }));
}

export function useSaveMyProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveMyProfile,
    onSuccess: (profile) => {
      queryClient.setQueryData(myProfileQueryKey, profile);
      void queryClient.invalidateQueries({ queryKey: ['photographers'] });
    },
  });
}
