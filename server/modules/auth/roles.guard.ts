import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import type { UserRole } from '../../../shared/auth/auth.types';
import { REQUIRED_ROLES } from '../../common/auth/decorators';
import { AuthError } from './auth.errors';

/** Enforces `@Roles(...)`. The session guard has already required a session. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!roles || roles.length === 0) return true;
    const role = context.switchToHttp().getRequest<Request>().auth?.role;
    if (role && roles.includes(role)) return true;
    throw AuthError.forbiddenRole();
  }
}
