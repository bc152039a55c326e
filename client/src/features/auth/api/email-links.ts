import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { EmailTokenInput } from '@shared/auth/account.schema';
import { answer, apiClient } from '@/lib/api-client';
import { meQueryKey } from './get-me';

/** 204; 400 LINK_INVALID, 410 LINK_EXPIRED. */
export function verifyEmail(input: EmailTokenInput): Promise<void> {
  return answer(apiClient.POST('/api/auth/verify-email', { body: input }));
}

/** 204; 400 LINK_INVALID, 410 LINK_EXPIRED, 409 EMAIL_TAKEN. */
export function confirmEmailChange(input: EmailTokenInput): Promise<void> {
  return answer(apiClient.POST('/api/auth/email-change/confirm', { body: input }));
}

/** After either link the signed-in user (if any) is out of date: its address or its badge. */
function useEmailLinkMutation(mutationFn: (input: EmailTokenInput) => Promise<void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: async () => {
      // A session check started with the page may have read the account before the link
      // changed it: drop that answer rather than wait for it, then ask again.
      await queryClient.cancelQueries({ queryKey: meQueryKey });
      await queryClient.invalidateQueries({ queryKey: meQueryKey });
    },
  });
}

export function useVerifyEmail() {
  return useEmailLinkMutation(verifyEmail);
}

export function useConfirmEmailChange() {
  return useEmailLinkMutation(confirmEmailChange);
}
