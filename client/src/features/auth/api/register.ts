import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SessionDto } from '@shared/auth/auth.types';
import type { RegisterInput } from '@shared/auth/auth.schema';
import { api } from '@/lib/api-client';
import { storeSession } from './get-me';

export function register(input: RegisterInput): Promise<SessionDto> {
  return api.post<SessionDto>('/auth/register', input);
}

export function useRegister() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: register,
    onSuccess: (session) => storeSession(queryClient, session),
  });
}
