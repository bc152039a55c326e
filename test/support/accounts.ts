import request from 'supertest';
import type { App } from 'supertest/types';
import { CSRF_HEADER, type SelfServiceRole, type SessionDto } from '../../shared/auth/auth.types';

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

export async function signUp(
  server: App,
  overrides: Parameters<typeof aRegistration>[0] = {},
): Promise<SignedIn> {
  const response = await request(server)
    .post('/api/auth/register')
    .send(aRegistration(overrides))
    .expect(201);
  return asSignedIn(response);
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
