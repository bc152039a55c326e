import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginInput } from '@shared/auth/auth.schema';
import { answer, apiClient } from '@/lib/api-client';
import { storeSession } from './get-me';

export function login(input: LoginInput) {
  return answer(apiClient.POST('/api/auth/login', { body: input }));
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => storeSession(queryClient, session),
  });
}
