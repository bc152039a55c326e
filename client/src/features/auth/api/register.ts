import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionDto } from '@shared/auth/auth.types';
import type { RegisterInput } from '@shared/auth/auth.schema';
import { answer, apiClient } from '@/lib/api-client';
import { storeSession } from './get-me';
import { login } from './login';

/** 202 for a new and for a known address alike, with no session: nobody learns who has an account. */
export function register(input: RegisterInput) {
  return answer(apiClient.POST('/api/auth/register', { body: input }));
}

export type SignUpOutcome =
  { status: 'signed_in'; session: SessionDto } | { status: 'check_email'; email: string };

/**
 * Registers, then logs in with the same email and password. A new account (or a known one whose
 * password this is) goes straight into the app; otherwise the person is asked to check their
 * inbox, which reads the same whether or not the address already had an account.
 */
export async function signUp(input: RegisterInput): Promise<SignUpOutcome> {
  const accepted = await register(input);
  try {
    const session = await login({ email: input.email, password: input.password });
    return { status: 'signed_in', session };
  } catch {
    // INVALID_CREDENTIALS, but also a rate limit or a dropped connection: the sign-up itself
    // was accepted and the email is on its way, so the inbox is the way on in every case.
    return { status: 'check_email', email: accepted.email };
  }
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signUp,
    onSuccess: (outcome) => {
      if (outcome.status === 'signed_in') storeSession(queryClient, outcome.session);
    },
  });
}
