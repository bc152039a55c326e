import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { CSRF_HEADER } from '../../../shared/auth/auth.types';
import { AuthError } from './auth.errors';
import { tokensMatch } from './session-tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A write authenticated by the session cookie must also carry the session's CSRF token in a
 * header, which a cross-site form or script cannot supply. Runs after the session guard.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.auth || SAFE_METHODS.has(request.method)) return true;
    if (tokensMatch(request.auth.csrfToken, request.header(CSRF_HEADER))) return true;
    throw AuthError.csrfTokenInvalid();
  }
}
