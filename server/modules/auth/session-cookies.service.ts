import { Inject, Injectable } from '@nestjs/common';
import type { CookieOptions, Response } from 'express';
import { CSRF_COOKIE, SESSION_COOKIE } from '../../../shared/auth/auth.types';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import type { OpenedSession } from './auth.service';

/** Writes and clears the two cookies of a session. */
@Injectable()
export class SessionCookies {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  set(response: Response, session: OpenedSession): void {
    const expires = new Date(session.body.expiresAt);
    response.cookie(SESSION_COOKIE, session.token, { ...this.base(), httpOnly: true, expires });
    // Readable by the page's script, which echoes it in the X-CSRF-Token header.
    response.cookie(CSRF_COOKIE, session.body.csrfToken, {
      ...this.base(),
      httpOnly: false,
      expires,
    });
  }

  clear(response: Response): void {
    response.clearCookie(SESSION_COOKIE, { ...this.base(), httpOnly: true });
    response.clearCookie(CSRF_COOKIE, { ...this.base(), httpOnly: false });
  }

  private base(): CookieOptions {
    return { sameSite: 'lax', secure: this.config.session.cookieSecure, path: '/' };
  }
}
