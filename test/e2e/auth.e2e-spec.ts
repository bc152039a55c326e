import request from 'supertest';
import type { App } from 'supertest/types';
import { aRegistration, asSignedIn, signUp, writeHeaders } from '../support/accounts';
import { emailsTo, nthEmail } from '../support/mailbox';
import { startTestApp, type TestApp } from '../support/test-app';

describe('accounts and sessions (e2e)', () => {
  let t: TestApp;
  let server: App;

  beforeAll(async () => {
    t = await startTestApp();
    server = t.app.getHttpServer() as App;
  });
  afterAll(() => t.close());
  afterEach(() => t.clock.reset());

  describe('sign-up', () => {
    it('creates the account without a session and emails a verification link; log-in then works', async () => {
      const input = aRegistration({ email: '  Mixed.Case@Example.COM ', role: 'photographer' });
      const response = await request(server).post('/api/auth/register').send(input).expect(202);
      expect(response.body).toEqual({ status: 'check_email', email: 'mixed.case@example.com' });
      expect(response.headers['set-cookie']).toBeUndefined();
      const email = await nthEmail(server, 'mixed.case@example.com', 'verify_email');
      expect(email.subject).toBe('Confirm your email address for Lensbridge');

      const login = await request(server)
        .post('/api/auth/login')
        .send({ email: 'mixed.case@example.com', password: input.password })
        .expect(200);
      expect(login.body.user).toEqual({
        id: expect.any(String),
        email: 'mixed.case@example.com',
        name: input.name,
        role: 'photographer',
        emailVerified: false,
        createdAt: expect.any(String),
      });
      expect(JSON.stringify(login.body)).not.toMatch(/password|scrypt/i);
      const cookies = login.headers['set-cookie'] as unknown as string[];
      const session = cookies.find((c) => c.startsWith('lb_session='));
      expect(session).toMatch(/HttpOnly/);
      expect(session).toMatch(/SameSite=Lax/);
      expect(session).not.toMatch(/Secure/); // NODE_ENV=test over plain HTTP
      expect(cookies.find((c) => c.startsWith('lb_csrf='))).not.toMatch(/HttpOnly/);
    });

    it('answers a registered address exactly like a new one, and tells the owner instead', async () => {
      const owner = aRegistration({ email: 'taken@example.com', name: 'Owner Person' });
      await request(server).post('/api/auth/register').send(owner).expect(202);
      const again = await request(server)
        .post('/api/auth/register')
        .send(aRegistration({ email: 'TAKEN@example.com ', name: 'Someone Else' }))
        .expect(202);
      expect(again.body).toEqual({ status: 'check_email', email: 'taken@example.com' });
      expect(again.headers['set-cookie']).toBeUndefined();

      const notice = await nthEmail(server, 'taken@example.com', 'sign_up_attempt');
      expect(notice.toName).toBe('Owner Person');
      expect(notice.textBody).toContain('already has one');
      // The owner's password and name are untouched; the second password opens nothing.
      await request(server)
        .post('/api/auth/login')
        .send({ email: 'taken@example.com', password: owner.password })
        .expect(200);
      expect(await emailsTo(server, 'taken@example.com', 'verify_email')).toHaveLength(1);
    });

    it('creates one account from two simultaneous sign-ups with the same email', async () => {
      const input = aRegistration({ email: 'race@example.com' });
      const statuses = await Promise.all(
        [1, 2].map(
          async () => (await request(server).post('/api/auth/register').send(input)).status,
        ),
      );
      expect(statuses).toEqual([202, 202]);
      await nthEmail(server, 'race@example.com', 'verify_email');
      await nthEmail(server, 'race@example.com', 'sign_up_attempt');
      expect(await emailsTo(server, 'race@example.com', 'verify_email')).toHaveLength(1);
    });

    it.each([
      ['a short password', { password: 'short' }, 'password'],
      ['an invalid email', { email: 'not-an-email' }, 'email'],
      ['the admin role', { role: 'admin' }, 'role'],
      ['an empty name', { name: '   ' }, 'name'],
    ])('rejects %s with 400 VALIDATION_FAILED naming the field', async (_, override, field) => {
      const response = await request(server)
        .post('/api/auth/register')
        .send(aRegistration(override))
        .expect(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.details).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: field })]),
      );
    });

    it('rejects a common password with 400 WEAK_PASSWORD and creates nothing', async () => {
      const input = aRegistration({ password: 'password123' });
      const response = await request(server).post('/api/auth/register').send(input).expect(400);
      expect(response.body.code).toBe('WEAK_PASSWORD');
      await request(server)
        .post('/api/auth/login')
        .send({ email: input.email, password: 'password123' })
        .expect(401);
    });
  });

  describe('log-in', () => {
    it('opens a new session with the right password', async () => {
      const input = aRegistration();
      await request(server).post('/api/auth/register').send(input).expect(202);
      const response = await request(server)
        .post('/api/auth/login')
        .send({ email: input.email.toUpperCase(), password: input.password })
        .expect(200);
      const me = await request(server)
        .get('/api/auth/me')
        .set('Cookie', asSignedIn(response).cookie)
        .expect(200);
      expect(me.body.user.email).toBe(input.email);
      expect(me.body.csrfToken).toBe(response.body.csrfToken);
    });

    it('answers a wrong password and an unknown email the same way', async () => {
      const input = aRegistration();
      await request(server).post('/api/auth/register').send(input).expect(202);
      const wrong = await request(server)
        .post('/api/auth/login')
        .send({ email: input.email, password: 'not-the-password' });
      const unknown = await request(server)
        .post('/api/auth/login')
        .send({ email: 'nobody-here@example.com', password: 'not-the-password' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(unknown.body).toEqual(wrong.body);
      expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    });
  });

  describe('sessions', () => {
    it('logout really ends the session: the old cookie is refused afterwards', async () => {
      const who = await signUp(server);
      await request(server).post('/api/auth/logout').set(writeHeaders(who)).expect(204);
      const after = await request(server).get('/api/auth/me').set('Cookie', who.cookie).expect(401);
      expect(after.body.code).toBe('UNAUTHENTICATED');
    });

    it('refuses a forged session cookie with 401', async () => {
      const response = await request(server)
        .get('/api/auth/me')
        .set('Cookie', 'lb_session=forged-token-that-was-never-issued')
        .expect(401);
      expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED' });
    });

    it('refuses an expired session with 401', async () => {
      const who = await signUp(server);
      t.clock.travelTo(new Date(Date.parse(who.session.expiresAt) + 1000));
      const response = await request(server)
        .get('/api/auth/me')
        .set('Cookie', who.cookie)
        .expect(401);
      expect(response.body.message).toMatch(/session has ended/);
    });

    it('keeps a session that is in use alive past its first expiry', async () => {
      const who = await signUp(server);
      const firstExpiry = Date.parse(who.session.expiresAt);
      t.clock.travelTo(new Date(firstExpiry - 3_600_000));
      await request(server).get('/api/auth/me').set('Cookie', who.cookie).expect(200);
      t.clock.travelTo(new Date(firstExpiry + 3_600_000));
      await request(server).get('/api/auth/me').set('Cookie', who.cookie).expect(200);
    });
  });

  describe('CSRF defence for cookie-authenticated writes', () => {
    it('refuses a write without the X-CSRF-Token header with 403', async () => {
      const who = await signUp(server);
      const response = await request(server)
        .post('/api/auth/logout')
        .set('Cookie', who.cookie)
        .expect(403);
      expect(response.body.code).toBe('CSRF_TOKEN_INVALID');
      await request(server).get('/api/auth/me').set('Cookie', who.cookie).expect(200);
    });

    it("refuses another session's token", async () => {
      const [alice, bob] = [await signUp(server), await signUp(server)];
      await request(server)
        .post('/api/auth/logout')
        .set({ Cookie: alice.cookie.join('; '), 'X-CSRF-Token': bob.csrf })
        .expect(403);
    });

    it('lets reads through without the header', async () => {
      const who = await signUp(server);
      await request(server).get('/api/auth/me').set('Cookie', who.cookie).expect(200);
    });
  });
});
