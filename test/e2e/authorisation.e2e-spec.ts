import request from 'supertest';
import type { App } from 'supertest/types';
import { signUp } from '../support/accounts';
import { startTestApp, type TestApp } from '../support/test-app';

/** Routes anyone may call. Adding a @Public() route means adding it here, on purpose. */
const PUBLIC_ROUTES = [
  'POST /api/auth/register',
  'POST /api/auth/login',
  // The pages emailed links open: the token in the body is the credential.
  'POST /api/auth/password-reset',
  'POST /api/auth/password-reset/confirm',
  'POST /api/auth/verify-email',
  'POST /api/auth/email-change/confirm',
  'GET /api/health',
  // The photographer directory, public profiles, their portfolio images and free slots.
  'GET /api/photographers',
  'GET /api/photographers/:id',
  'GET /api/photographers/:id/portfolio/:imageId/image',
  'GET /api/photographers/:id/slots',
  // Reviews on public profiles, and the usage licence that finals point to in their XMP.
  'GET /api/photographers/:id/reviews',
  'GET /api/licences/portrait',
  // Signed by Stripe instead of a session; the signature is checked on the raw body.
  'POST /api/payments/stripe/webhook',
  // Which payment provider is on and the draft unlock price, shown before anyone signs in.
  'GET /api/payments/options',
  // AI vs studio without a draft (the landing page's sample); a draftId needs its owner's session.
  'GET /api/compare',
  // A photographer's calendar feed: the secret token in the URL is the credential.
  'GET /api/calendar-feeds/:token.ics',
  // Anyone may check an image's Content Credentials, and how this server signs them.
  'POST /api/provenance/verify',
  'GET /api/provenance/signer',
];
/** Swagger UI and the OpenAPI document are served outside Nest's guards, and are public. */
const DOCS_PREFIX = '/api/docs';

interface ExpressLayer {
  route?: { path: string; methods: Record<string, boolean> };
}

function registeredApiRoutes(t: TestApp): string[] {
  const express = t.app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  return express.router.stack
    .flatMap((layer) =>
      layer.route
        ? Object.keys(layer.route.methods).map((m) => `${m.toUpperCase()} ${layer.route!.path}`)
        : [],
    )
    .filter(
      (route) =>
        route.split(' ')[1]!.startsWith('/api/') && !route.split(' ')[1]!.startsWith(DOCS_PREFIX),
    );
}

describe('authorisation (e2e)', () => {
  let t: TestApp;
  let server: App;

  beforeAll(async () => {
    t = await startTestApp();
    server = t.app.getHttpServer() as App;
  });
  afterAll(() => t.close());

  it('denies every non-public route to a caller without a session (401)', async () => {
    const routes = registeredApiRoutes(t);
    expect(routes.length).toBeGreaterThan(PUBLIC_ROUTES.length);
    expect(routes).toEqual(expect.arrayContaining(PUBLIC_ROUTES));

    for (const route of routes.filter((r) => !PUBLIC_ROUTES.includes(r))) {
      const [method, pattern] = route.split(' ') as [string, string];
      const url = pattern.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const response = await request(server)[method.toLowerCase() as 'get'](url).send({});
      expect({ route, status: response.status, code: response.body.code }).toEqual({
        route,
        status: 401,
        code: 'UNAUTHENTICATED',
      });
    }
  });

  it('keeps admin routes from clients and photographers (403) and opens them to admins', async () => {
    const client = await signUp(server, { role: 'client' });
    const photographer = await signUp(server, { role: 'photographer' });
    for (const who of [client, photographer]) {
      const response = await request(server)
        .get('/api/admin/users')
        .set('Cookie', who.cookie)
        .expect(403);
      expect(response.body.code).toBe('FORBIDDEN');
    }
  });
});

describe('admin account from the environment (e2e)', () => {
  let t: TestApp;
  let server: App;

  beforeAll(async () => {
    t = await startTestApp({
      ADMIN_EMAIL: 'Ops@Example.com',
      ADMIN_PASSWORD: 'operator-secret-77',
    });
    server = t.app.getHttpServer() as App;
  });
  afterAll(() => t.close());

  it('can log in as admin and list accounts', async () => {
    const login = await request(server)
      .post('/api/auth/login')
      .send({ email: 'ops@example.com', password: 'operator-secret-77' })
      .expect(200);
    expect(login.body.user.role).toBe('admin');
    await signUp(server, { role: 'photographer', name: 'Listed Photographer' });

    const cookie = (login.headers['set-cookie'] as unknown as string[]).map(
      (c) => c.split(';')[0]!,
    );
    const list = await request(server)
      .get('/api/admin/users?role=photographer')
      .set('Cookie', cookie)
      .expect(200);
    expect(list.body).toMatchObject({
      page: 1,
      total: 1,
      items: [{ name: 'Listed Photographer' }],
    });

    const bad = await request(server)
      .get('/api/admin/users?pageSize=1000')
      .set('Cookie', cookie)
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('log-in throttling (e2e)', () => {
  let t: TestApp;
  let server: App;

  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
    server = t.app.getHttpServer() as App;
  });
  afterAll(() => t.close());

  it('answers 429 RATE_LIMITED with Retry-After once the limit is used up', async () => {
    const attempt = () =>
      request(server)
        .post('/api/auth/login')
        .send({ email: 'x@example.com', password: 'guess-guess' });
    for (let i = 0; i < 3; i += 1) expect((await attempt()).status).toBe(401);
    const blocked = await attempt();
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // Other routes are not throttled.
    await request(server).get('/api/health').expect(200);
  });
});

describe('demo data (e2e)', () => {
  let t: TestApp;
  let server: App;

  beforeAll(async () => {
    // Demo data renders portfolios and hashes a dozen passwords: give it room on a busy machine.
    t = await startTestApp({ SEED_DEMO_DATA: 'true', SCRYPT_LOG_N: '14' });
    server = t.app.getHttpServer() as App;
  }, 180_000);
  afterAll(() => t.close());

  it.each([
    ['client@demo.lensbridge.test', 'client'],
    ['photographer@demo.lensbridge.test', 'photographer'],
    ['admin@demo.lensbridge.test', 'admin'],
  ])('seeds %s as a %s who can log in with the documented password', async (email, role) => {
    const response = await request(server)
      .post('/api/auth/login')
      .send({ email, password: 'lensbridge-demo' })
      .expect(200);
    expect(response.body.user.role).toBe(role);
  });
});
