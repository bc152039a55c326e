import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  PasswordResetConfirmInput,
  PasswordResetRequestInput,
} from '@shared/auth/account.schema';
import { answer, apiClient } from '@/lib/api-client';
import { forgetSession } from './logout';

/** 202 whether or not the address has an account. */
export function requestPasswordReset(input: PasswordResetRequestInput) {
  return answer(apiClient.POST('/api/auth/password-reset', { body: input }));
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}

/** 204; 410 RESET_TOKEN_EXPIRED, 400 RESET_TOKEN_INVALID or WEAK_PASSWORD. */
export function confirmPasswordReset(input: PasswordResetConfirmInput): Promise<void> {
  return answer(apiClient.POST('/api/auth/password-reset/confirm', { body: input }));
}

export function useConfirmPasswordReset() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: confirmPasswordReset,
    // Every session of the account ended, this browser's too if it was signed in.
    onSuccess: () => forgetSession(queryClient),
  });
}
