import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { AccountErrorCode, type SessionInfoDto } from '@shared/auth/account.types';
import { answer, apiClient, ApiError } from '@/lib/api-client';
import { forgetSession } from './logout';

export const sessionsQueryKey = ['auth', 'sessions'] as const;

/** Where this account is signed in, this device first, then the most recently used. */
export async function listSessions({ signal }: { signal?: AbortSignal } = {}) {
  const sessions = await answer(apiClient.GET('/api/me/sessions', { signal }));
  return [...sessions].sort(
    (a, b) =>
      Number(b.current) - Number(a.current) || Date.parse(b.lastUsedAt) - Date.parse(a.lastUsedAt),
  );
}

export function sessionsQueryOptions() {
  return queryOptions({
    queryKey: sessionsQueryKey,
    queryFn: ({ signal }) => listSessions({ signal }),
    staleTime: 0,
  });
}

export function useSessions() {
  return useQuery(sessionsQueryOptions());
}

/** Ends one session; a 404 means it had ended already, which is what was wanted. */
export async function revokeSession(id: string): Promise<void> {
  try {
    await answer(apiClient.DELETE('/api/me/sessions/{id}', { params: { path: { id } } }));
  } catch (error) {
    if (error instanceof ApiError && error.code === AccountErrorCode.SessionNotFound) return;
    throw error;
  }
}

/**
 * Signs one device out. Ending this device's own session logs this browser out: `onSignedOut`
 * runs first so the caller can leave the signed-in area before the cache is dropped.
 */
export function useRevokeSession({
  onSignedOut,
}: {
  onSignedOut: (session: SessionInfoDto) => void;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (session: SessionInfoDto) => revokeSession(session.id),
    onSuccess: (_nothing, session) => {
      onSignedOut(session);
      if (session.current) return forgetSession(queryClient);
      queryClient.setQueryData<SessionInfoDto[]>(sessionsQueryKey, (sessions) =>
        sessions?.filter((s) => s.id !== session.id),
      );
      return queryClient.invalidateQueries({ queryKey: sessionsQueryKey });
    },
  });
}
