import type { SessionInfoDto } from '@shared/auth/account.types';
import type { SessionDto, UserDto } from '@shared/auth/auth.types';

export function aUser(overrides: Partial<UserDto> = {}): UserDto {
  return {
    id: '5f0c6a2e-8f5e-4b8e-9a51-0d3c1e2b7a10',
    email: 'ada@example.com',
    name: 'Ada Lovelace',
    role: 'client',
    emailVerified: true,
    createdAt: '2025-03-14T09:30:00.000Z',
    ...overrides,
  };
}

export function aSession(
  user: Partial<UserDto> = {},
  overrides: Partial<Omit<SessionDto, 'user'>> = {},
): SessionDto {
  return {
    user: aUser(user),
    csrfToken: 'csrf-token-from-session',
    expiresAt: '2030-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** One row of "where you're signed in". */
export function aSessionInfo(overrides: Partial<SessionInfoDto> = {}): SessionInfoDto {
  return {
    id: '0123456789abcdef0123456789abcdef',
    device: 'Chrome on Linux',
    createdAt: '2030-01-02T09:00:00.000Z',
    lastUsedAt: '2030-01-05T16:30:00.000Z',
    current: true,
    ...overrides,
  };
}
