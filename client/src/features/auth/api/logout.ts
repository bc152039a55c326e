import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { answer, apiClient, ApiError, rememberCsrfToken } from '@/lib/api-client';
import { meQueryKey } from './get-me';

export async function logout(): Promise<void> {
  try {
    await answer(apiClient.POST('/api/auth/logout'));
  } catch (error) {
    // Already signed out on the server (expired session): the outcome the person wanted.
    if (error instanceof ApiError && error.status === 401) return;
    throw error;
  }
}

/** Forgets everything cached for the person once the server has ended their session. */
export function forgetSession(queryClient: QueryClient): void {
  rememberCsrfToken(undefined);
  queryClient.clear();
  queryClient.setQueryData(meQueryKey, null);
}

/**
 * Logs out, then forgets everything cached for this person. `onLoggedOut` runs first so the
 * caller can leave the signed-in area before the cache is dropped.
 */
export function useLogout({ onLoggedOut }: { onLoggedOut?: () => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      onLoggedOut?.();
      forgetSession(queryClient);
    },
  });
}
