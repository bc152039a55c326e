import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh, unguessable session token for the cookie (256 bits). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database stores instead of the token itself. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * The CSRF token is derived from the httpOnly session token, which only the real browser
 * holds: a forged cross-site request can carry the cookie but can never compute this header.
 */
export function csrfTokenFor(sessionToken: string): string {
  return createHmac('sha256', sessionToken).update('lensbridge-csrf').digest('base64url');
}

export function tokensMatch(expected: string, received: string | undefined): boolean {
  if (received === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * How the sessions list names a session: derived from the stored hash, so the page never holds
 * anything the database could be searched with, and nothing that opens a session.
 */
export function publicSessionId(tokenHash: string): string {
  return createHash('sha256').update(`session-id:${tokenHash}`).digest('hex').slice(0, 32);
}
