import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { UserRole } from '../../../shared/auth/auth.types';
import { REQUIRED_ROLES, REQUIRES_VERIFIED_EMAIL } from '../../common/auth/decorators';
import { AuthError } from './auth.errors';

/**
 * Enforces `@Roles(...)`, then `@VerifiedEmail()`. The session guard has already required a
 * session.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    const auth = context.switchToHttp().getRequest<Request>().auth;
    if (roles && roles.length > 0 && !(auth && roles.includes(auth.role))) {
      throw AuthError.forbiddenRole();
    }
    const needsVerified = this.reflector.getAllAndOverride<boolean | undefined>(
      REQUIRES_VERIFIED_EMAIL,
      [context.getHandler(), context.getClass()],
    );
    if (needsVerified && auth && !auth.emailVerified) throw AuthError.emailNotVerified();
    return true;
  }
}
