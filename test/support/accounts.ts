import request from 'supertest';
import type { App } from 'supertest/types';
import { ACCOUNT_LINK_PATHS } from '../../shared/auth/account.types';
import { CSRF_HEADER, type SelfServiceRole, type SessionDto } from '../../shared/auth/auth.types';
import { nthEmail, tokenIn } from './mailbox';

let counter = 0;

/** Registration input with a unique email; override any field. */
export function aRegistration(
  overrides: Partial<Record<'email' | 'password' | 'name' | 'role', string>> = {},
) {
  counter += 1;
  return {
    email: `person${counter}.${Date.now().toString(36)}@example.com`,
    password: 'studio-light-42',
    name: `Test Person ${counter}`,
    role: 'client' as SelfServiceRole,
    ...overrides,
  };
}

/** A logged-in browser: its cookie and the CSRF token it must echo. */
export interface SignedIn {
  cookie: string[];
  csrf: string;
  session: SessionDto;
}

/**
 * A new account, signed in. Like a person would: sign up, follow the verification link from
 * the email (unless `verified: false`), log in.
 */
export async function signUp(
  server: App,
  overrides: Parameters<typeof aRegistration>[0] = {},
  options: { verified?: boolean } = {},
): Promise<SignedIn> {
  const input = aRegistration(overrides);
  await request(server).post('/api/auth/register').send(input).expect(202);
  if (options.verified !== false) await verifyEmailOf(server, input.email);
  const response = await request(server)
    .post('/api/auth/login')
    .send({ email: input.email, password: input.password })
    .expect(200);
  return asSignedIn(response);
}

/** Follows the (first) verification link emailed to `address`. */
export async function verifyEmailOf(server: App, address: string): Promise<void> {
  const email = await nthEmail(server, address, 'verify_email');
  await request(server)
    .post('/api/auth/verify-email')
    .send({ token: tokenIn(email, ACCOUNT_LINK_PATHS.verifyEmail) })
    .expect(204);
}

export function asSignedIn(response: request.Response): SignedIn {
  const session = response.body as SessionDto;
  const cookie = (response.headers['set-cookie'] as unknown as string[]).map(
    (c) => c.split(';')[0]!,
  );
  return { cookie, csrf: session.csrfToken, session };
}

/** Headers for a write made by a signed-in browser. */
export function writeHeaders(who: SignedIn): Record<string, string> {
  return { Cookie: who.cookie.join('; '), [CSRF_HEADER]: who.csrf };
}
