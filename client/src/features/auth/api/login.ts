import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionDto } from '@shared/auth/auth.types';
import type { LoginInput } from '@shared/auth/auth.schema';
import { api } from '@/lib/api-client';
import { storeSession } from './get-me';

export function login(input: LoginInput): Promise<SessionDto> {
  return api.post<SessionDto>('/auth/login', input);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => storeSession(queryClient, session),
  });
}
