import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import type { UserRole } from '../../../shared/auth/auth.types';
import type { AuthContext } from './auth-context';

export const IS_PUBLIC = 'lensbridge:isPublic';
export const REQUIRED_ROLES = 'lensbridge:requiredRoles';
export const REQUIRES_VERIFIED_EMAIL = 'lensbridge:requiresVerifiedEmail';

/** Opens a route to callers without a session. Every other route requires one. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/** Restricts a route to the given roles (on top of requiring a session). */
export const Roles = (...roles: UserRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRED_ROLES, roles);

/** Refuses callers whose email address is not confirmed yet (403 EMAIL_NOT_VERIFIED). */
export const VerifiedEmail = (): MethodDecorator & ClassDecorator =>
  SetMetadata(REQUIRES_VERIFIED_EMAIL, true);

/** The caller of a guarded route. */
export const Auth = createParamDecorator((_: unknown, context: ExecutionContext): AuthContext => {
  const auth = context.switchToHttp().getRequest<Request>().auth;
  if (!auth) throw new Error('@Auth() used on a route without a session');
  return auth;
});

/** The caller of a `@Public()` route when they sent a live session, else null. */
export const OptionalAuth = createParamDecorator(
  (_: unknown, context: ExecutionContext): AuthContext | null =>
    context.switchToHttp().getRequest<Request>().auth ?? null,
);
