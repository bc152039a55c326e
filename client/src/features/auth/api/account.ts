import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeEmailInput,
  ChangePasswordInput,
  DeleteAccountInput,
  UpdateMeInput,
} from '@shared/auth/account.schema';
import type { AccountDeletedDto } from '@shared/auth/account.types';
import type { SessionDto } from '@shared/auth/auth.types';
import { answer, apiClient } from '@/lib/api-client';
import { meQueryKey } from './get-me';
import { forgetSession } from './logout';
import { sessionsQueryKey } from './sessions';

export function updateMe(input: UpdateMeInput) {
  return answer(apiClient.PATCH('/api/me', { body: input }));
}

/** Renames; the header and every page showing the name update from the answer. */
export function useUpdateMe() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (user) =>
      queryClient.setQueryData<SessionDto | null>(meQueryKey, (session) =>
        session ? { ...session, user } : session,
      ),
  });
}

/** 204, other sessions revoked; 400 PASSWORD_INCORRECT or WEAK_PASSWORD. */
export function changePassword(input: ChangePasswordInput): Promise<void> {
  return answer(apiClient.POST('/api/me/password', { body: input }));
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

/** 202: the address changes only once the link sent to the new one is followed. */
export function changeEmail(input: ChangeEmailInput) {
  return answer(apiClient.POST('/api/me/email', { body: input }));
}

export function useChangeEmail() {
  return useMutation({ mutationFn: changeEmail });
}

/** 200; 400 PASSWORD_INCORRECT; 409 ACCOUNT_HAS_BOOKINGS with the bookings in the way. */
export function deleteAccount(input: DeleteAccountInput) {
  return answer(apiClient.DELETE('/api/me', { body: input }));
}

/**
 * Deletes the account; the server clears the session cookie. `onDeleted` runs first so the
 * caller can leave the signed-in area before the cache is dropped.
 */
export function useDeleteAccount({
  onDeleted,
}: {
  onDeleted: (result: AccountDeletedDto) => void;
}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteAccount,
    onSuccess: (result) => {
      onDeleted(result);
      forgetSession(queryClient);
    },
  });
}
