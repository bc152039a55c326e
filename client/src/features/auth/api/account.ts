import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  ChangeEmailInput,
  ChangePasswordInput,
  DeleteAccountInput,
  UpdateMeInput,
} from '@shared/auth/account.schema';
import type { AccountDeletedDto, EmailChangeAcceptedDto } from '@shared/auth/account.types';
import type { SessionDto, UserDto } from '@shared/auth/auth.types';
import { api } from '@/lib/api-client';
import { meQueryKey } from './get-me';
import { forgetSession } from './logout';
import { sessionsQueryKey } from './sessions';

export function updateMe(input: UpdateMeInput): Promise<UserDto> {
  return api.patch<UserDto>('/me', input);
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
  return api.post<void>('/me/password', input);
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: sessionsQueryKey }),
  });
}

/** 202: the address changes only once the link sent to the new one is followed. */
export function changeEmail(input: ChangeEmailInput): Promise<EmailChangeAcceptedDto> {
  return api.post<EmailChangeAcceptedDto>('/me/email', input);
}

export function useChangeEmail() {
  return useMutation({ mutationFn: changeEmail });
}

/** 200; 400 PASSWORD_INCORRECT; 409 ACCOUNT_HAS_BOOKINGS with the bookings in the way. */
export function deleteAccount(input: DeleteAccountInput): Promise<AccountDeletedDto> {
  return api.delete<AccountDeletedDto>('/me', { body: input });
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
