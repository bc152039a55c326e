import { useMutation } from '@tanstack/react-query';
import { AccountErrorCode } from '@shared/auth/account.types';
import { answer, apiClient, ApiError } from './api-client';

/*
 * Here rather than in a feature: booking, payouts and the account pages all meet an unconfirmed
 * address (403 EMAIL_NOT_VERIFIED) and offer the same "send the link again".
 */

/** The server refused because the account's email address is not confirmed yet. */
export function isEmailNotVerified(error: unknown): boolean {
  return error instanceof ApiError && error.code === AccountErrorCode.EmailNotVerified;
}

/** Sends a fresh confirmation link to the signed-in person's address (202). */
export function resendVerificationEmail() {
  return answer(apiClient.POST('/api/me/verification-email'));
}

export function useResendVerificationEmail() {
  return useMutation({ mutationFn: resendVerificationEmail });
}
