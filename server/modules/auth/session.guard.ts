import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { SESSION_COOKIE } from '../../../shared/auth/auth.types';
import { IS_PUBLIC } from '../../common/auth/decorators';
import { AuthError } from './auth.errors';
import { AuthService } from './auth.service';

/**
 * Default-deny: every route needs a live session unless it is marked `@Public()`. A valid
 * cookie on a public route still identifies the caller.
 */
@Injectable()
export class SessionGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request>();
    const token = readCookie(request, SESSION_COOKIE);
    if (token) request.auth = (await this.auth.resolveSession(token)) ?? undefined;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic || request.auth) return true;
    throw AuthError.unauthenticated(token ? 'expired' : 'missing');
  }
}

function readCookie(request: Request, name: string): string | undefined {
  const value: unknown = (request.cookies as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}
