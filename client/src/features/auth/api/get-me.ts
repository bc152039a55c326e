import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import type { SessionDto } from '@shared/auth/auth.types';
import { CommonErrorCode } from '@shared/errors';
import { answer, apiClient, ApiError, rememberCsrfToken } from '@/lib/api-client';

export const meQueryKey = ['auth', 'me'] as const;

/** The current session, or `null` when signed out (401 UNAUTHENTICATED is an answer, not an error). */
export async function getMe({ signal }: { signal?: AbortSignal } = {}): Promise<SessionDto | null> {
  try {
    const session = await answer(apiClient.GET('/api/auth/me', { signal }));
    rememberCsrfToken(session.csrfToken);
    return session;
  } catch (error) {
    if (
      error instanceof ApiError &&
      error.status === 401 &&
      error.code === CommonErrorCode.Unauthenticated
    ) {
      rememberCsrfToken(undefined);
      return null;
    }
    throw error;
  }
}

export function meQueryOptions() {
  return queryOptions({
    queryKey: meQueryKey,
    queryFn: ({ signal }) => getMe({ signal }),
    staleTime: 5 * 60_000,
  });
}

export function useMe() {
  return useQuery(meQueryOptions());
}

/** Stores a fresh session after log-in or sign-up so the app frame needs no extra request. */
export function storeSession(queryClient: QueryClient, session: SessionDto): void {
  rememberCsrfToken(session.csrfToken);
  queryClient.setQueryData(meQueryKey, session);
}
