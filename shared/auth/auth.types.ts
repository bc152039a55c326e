export const USER_ROLES = ['client', 'photographer', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/** Roles a person may choose when signing up; admins are created by an operator. */
export const SELF_SERVICE_ROLES = ['client', 'photographer'] as const;
export type SelfServiceRole = (typeof SELF_SERVICE_ROLES)[number];

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  /** False until the owner follows the link sent to `email`: they may draft but not book. */
  emailVerified: boolean;
  createdAt: string;
}

export interface SessionDto {
  user: UserDto;
  /** Send back as the `X-CSRF-Token` header on every write. */
  csrfToken: string;
  expiresAt: string;
}

export const AuthErrorCode = {
  EmailTaken: 'EMAIL_TAKEN',
  InvalidCredentials: 'INVALID_CREDENTIALS',
  WeakPassword: 'WEAK_PASSWORD',
} as const;

/** What sign-up answers, the same whether or not the address already had an account. */
export interface SignUpAcceptedDto {
  status: 'check_email';
  /** The address the link went to (as typed, normalised). */
  email: string;
}

export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_COOKIE = 'lb_csrf';
export const SESSION_COOKIE = 'lb_session';
