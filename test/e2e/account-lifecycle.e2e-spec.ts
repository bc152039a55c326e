import { readdirSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { AccountToken } from '../../server/modules/accounts/account-token.entity';
import { ACCOUNT_LINK_PATHS } from '../../shared/auth/account.types';
import type { BookingDto } from '../../shared/bookings/bookings.types';
import {
  aRegistration,
  asSignedIn,
  signUp,
  type SignedIn,
  writeHeaders,
} from '../support/accounts';
import { photos, uploadPhoto } from '../support/draft-fixtures';
import {
  aCompletedBooking,
  aConfirmedBooking,
  aFinalJpeg,
  aProofJpeg,
} from '../support/gallery-fixtures';
import { emailsTo, nthEmail, tokenIn } from '../support/mailbox';
import {
  aListedPhotographer,
  BOOKING_TEST_ENV,
  freeSlots,
  type ListedPhotographer,
  signInAdmin,
} from '../support/photographers';
import { startTestApp, type TestApp } from '../support/test-app';

const CHROME_ON_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_ON_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

describe('account lifecycle: reset, verification, account page, deletion (e2e)', () => {
  let t: TestApp;
  let server: App;
  let admin: SignedIn;
  let studio: ListedPhotographer;

  const logIn = (email: string, password: string, agent = CHROME_ON_LINUX) =>
    request(server).post('/api/auth/login').set('User-Agent', agent).send({ email, password });
  const me = (who: SignedIn) => request(server).get('/api/auth/me').set('Cookie', who.cookie);

  /** A verified client whose password we know, signed in from one browser. */
  async function aClient(): Promise<{ input: ReturnType<typeof aRegistration>; who: SignedIn }> {
    const input = aRegistration();
    const who = await signUp(server, input);
    return { input, who };
  }

  beforeAll(async () => {
    t = await startTestApp({ ...BOOKING_TEST_ENV, NOTIFICATIONS_INTERVAL_SECONDS: '0' });
    server = t.app.getHttpServer() as App;
    admin = await signInAdmin(server);
    studio = await aListedPhotographer(server, admin);
  });
  afterAll(() => t.close());

  describe('forgot password', () => {
    it('answers 202 for known and unknown addresses alike; only the account gets a link', async () => {
      const { input } = await aClient();
      const known = await request(server)
        .post('/api/auth/password-reset')
        .send({ email: input.email.toUpperCase() })
        .expect(202);
      const unknown = await request(server)
        .post('/api/auth/password-reset')
        .send({ email: 'nobody.at.all@example.com' })
        .expect(202);
      expect(unknown.body).toEqual(known.body);
      const email = await nthEmail(server, input.email, 'password_reset');
      expect(email.subject).toBe('Reset your Lensbridge password');
      expect(email.textBody).toContain('30 minutes');
      expect(await emailsTo(server, 'nobody.at.all@example.com')).toHaveLength(0);
    });

    it('sets the new password once, signs out every session, and refuses the link again', async () => {
      const { input, who } = await aClient();
      const phone = asSignedIn(await logIn(input.email, input.password, SAFARI_ON_IPHONE));
      await request(server).post('/api/auth/password-reset').send({ email: input.email });
      const token = tokenIn(
        await nthEmail(server, input.email, 'password_reset'),
        ACCOUNT_LINK_PATHS.passwordReset,
      );
      // Only a hash is kept.
      const rows = await t.app.get(DataSource).getRepository(AccountToken).find();
      expect(rows.some((r) => r.tokenHash === token)).toBe(false);

      const weak = await request(server)
        .post('/api/auth/password-reset/confirm')
        .send({ token, password: 'password123' })
        .expect(400);
      expect(weak.body.code).toBe('WEAK_PASSWORD');

      await request(server)
        .post('/api/auth/password-reset/confirm')
        .send({ token, password: 'a-brand-new-secret-9' })
        .expect(204);
      await me(who).expect(401);
      await me(phone).expect(401);
      await logIn(input.email, input.password).expect(401);
      await logIn(input.email, 'a-brand-new-secret-9').expect(200);

      const again = await request(server)
        .post('/api/auth/password-reset/confirm')
        .send({ token, password: 'yet-another-secret-7' })
        .expect(410);
      expect(again.body.code).toBe('RESET_TOKEN_EXPIRED');
    });

    it('refuses an unknown token with 400 and a link older than 30 minutes with 410', async () => {
      const unknown = await request(server)
        .post('/api/auth/password-reset/confirm')
        .send({ token: 'never-issued-token-value', password: 'a-brand-new-secret-9' })
        .expect(400);
      expect(unknown.body.code).toBe('RESET_TOKEN_INVALID');

      const { input } = await aClient();
      await request(server).post('/api/auth/password-reset').send({ email: input.email });
      const token = tokenIn(
        await nthEmail(server, input.email, 'password_reset'),
        ACCOUNT_LINK_PATHS.passwordReset,
      );
      // Thirty-one minutes later (the row is aged; the API has no clock to set yet).
      const thirtyOneMinutesAgo = new Date(Date.now() - 31 * 60_000);
      await t.app
        .get(DataSource)
        .getRepository(AccountToken)
        .createQueryBuilder()
        .update()
        .set({ expiresAt: new Date(thirtyOneMinutesAgo.getTime() + 30 * 60_000) })
        .where('user_id = (SELECT id FROM users WHERE email = :email)', { email: input.email })
        .execute();
      const expired = await request(server)
        .post('/api/auth/password-reset/confirm')
        .send({ token, password: 'a-brand-new-secret-9' })
        .expect(410);
      expect(expired.body.code).toBe('RESET_TOKEN_EXPIRED');
      await logIn(input.email, input.password).expect(200);
    });

    it('sends at most three reset links an hour, and still answers 202', async () => {
      const { input } = await aClient();
      for (let i = 0; i < 5; i += 1) {
        await request(server)
          .post('/api/auth/password-reset')
          .send({ email: input.email })
          .expect(202);
      }
      await nthEmail(server, input.email, 'password_reset', 3);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await emailsTo(server, input.email, 'password_reset')).toHaveLength(3);
    });
  });

  describe('email verification', () => {
    it('lets an unverified client draft but not book, until the emailed link is followed', async () => {
      const input = aRegistration();
      const who = await signUp(server, input, { verified: false });
      expect(who.session.user.emailVerified).toBe(false);
      await uploadPhoto(server, who, await photos.astronaut()).expect(202);

      const { slots } = await freeSlots(server, studio.profile.id, studio.packageId, {
        from: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      });
      const book = () =>
        request(server)
          .post('/api/bookings')
          .set(writeHeaders(who))
          .send({ packageId: studio.packageId, startsAt: slots[0] });
      const refused = await book().expect(403);
      expect(refused.body.code).toBe('EMAIL_NOT_VERIFIED');

      // "Send it again": a second link; either one works once.
      await request(server).post('/api/me/verification-email').set(writeHeaders(who)).expect(202);
      const second = await nthEmail(server, input.email, 'verify_email', 2);
      const token = tokenIn(second, ACCOUNT_LINK_PATHS.verifyEmail);
      await request(server).post('/api/auth/verify-email').send({ token }).expect(204);
      const reused = await request(server)
        .post('/api/auth/verify-email')
        .send({ token })
        .expect(410);
      expect(reused.body.code).toBe('LINK_EXPIRED');
      const unknown = await request(server)
        .post('/api/auth/verify-email')
        .send({ token: 'not-a-token-we-sent' })
        .expect(400);
      expect(unknown.body.code).toBe('LINK_INVALID');

      expect((await me(who).expect(200)).body.user.emailVerified).toBe(true);
      await book().expect(201);
    });

    it('does not approve, or start payouts for, a photographer who has not confirmed', async () => {
      const who = await signUp(server, { role: 'photographer' }, { verified: false });
      const profile = await request(server)
        .put('/api/photographers/me')
        .set(writeHeaders(who))
        .send({
          displayName: 'Unconfirmed Studio',
          bio: '',
          city: 'Berlin',
          studioAddress: null,
          timeZone: 'Europe/Berlin',
          styles: ['corporate'],
          published: true,
        })
        .expect(200);
      const approval = await request(server)
        .post(`/api/admin/photographers/${profile.body.id}/approve`)
        .set(writeHeaders(admin))
        .expect(403);
      expect(approval.body.code).toBe('EMAIL_NOT_VERIFIED');
      const payouts = await request(server)
        .post('/api/payments/connect/onboarding')
        .set(writeHeaders(who))
        .expect(403);
      expect(payouts.body.code).toBe('EMAIL_NOT_VERIFIED');
    });
  });

  describe('account page', () => {
    it('renames the account', async () => {
      const { who } = await aClient();
      const renamed = await request(server)
        .patch('/api/me')
        .set(writeHeaders(who))
        .send({ name: '  Ada Lovelace ' })
        .expect(200);
      expect(renamed.body.name).toBe('Ada Lovelace');
      expect((await me(who)).body.user.name).toBe('Ada Lovelace');
    });

    it('lists sessions with their device and signs one out', async () => {
      const { input } = await aClient();
      const laptop = asSignedIn(await logIn(input.email, input.password, CHROME_ON_LINUX));
      const phone = asSignedIn(await logIn(input.email, input.password, SAFARI_ON_IPHONE));
      const listed = await request(server)
        .get('/api/me/sessions')
        .set('Cookie', laptop.cookie)
        .expect(200);
      const sessions = listed.body as { id: string; device: string; current: boolean }[];
      expect(sessions.map((s) => s.device)).toEqual(
        expect.arrayContaining(['Chrome on Linux', 'Safari on iPhone']),
      );
      expect(sessions.filter((s) => s.current)).toEqual([
        expect.objectContaining({ device: 'Chrome on Linux' }),
      ]);
      expect(JSON.stringify(listed.body)).not.toContain(phone.cookie[0]!.split('=')[1]);

      const phoneSession = sessions.find((s) => s.device === 'Safari on iPhone')!;
      await request(server)
        .delete(`/api/me/sessions/${phoneSession.id}`)
        .set(writeHeaders(laptop))
        .expect(204);
      await me(phone).expect(401);
      await me(laptop).expect(200);
      const gone = await request(server)
        .delete(`/api/me/sessions/${phoneSession.id}`)
        .set(writeHeaders(laptop))
        .expect(404);
      expect(gone.body.code).toBe('SESSION_NOT_FOUND');
      await request(server)
        .delete('/api/me/sessions/not-a-session')
        .set(writeHeaders(laptop))
        .expect(400);

      // Someone else's session id is not ours to end.
      const other = await aClient();
      const theirs = await request(server).get('/api/me/sessions').set('Cookie', other.who.cookie);
      await request(server)
        .delete(`/api/me/sessions/${(theirs.body as { id: string }[])[0]!.id}`)
        .set(writeHeaders(laptop))
        .expect(404);
      await me(other.who).expect(200);
    });

    it('changes the password with the current one, keeping only this session', async () => {
      const { input, who } = await aClient();
      const phone = asSignedIn(await logIn(input.email, input.password, SAFARI_ON_IPHONE));
      const wrong = await request(server)
        .post('/api/me/password')
        .set(writeHeaders(who))
        .send({ currentPassword: 'not-my-password', newPassword: 'a-brand-new-secret-9' })
        .expect(400);
      expect(wrong.body).toMatchObject({
        code: 'PASSWORD_INCORRECT',
        details: [expect.objectContaining({ path: 'currentPassword' })],
      });
      await request(server)
        .post('/api/me/password')
        .set(writeHeaders(who))
        .send({ currentPassword: input.password, newPassword: 'a-brand-new-secret-9' })
        .expect(204);
      await me(who).expect(200);
      await me(phone).expect(401);
      await logIn(input.email, 'a-brand-new-secret-9').expect(200);
      const notice = await nthEmail(server, input.email, 'password_changed');
      expect(notice.subject).toBe('Your Lensbridge password was changed');
    });

    it('changes the email only when the link sent to the new address is followed', async () => {
      const { input, who } = await aClient();
      const newEmail = `moved.${Date.now()}@example.net`;
      const wrong = await request(server)
        .post('/api/me/email')
        .set(writeHeaders(who))
        .send({ newEmail, password: 'not-my-password' })
        .expect(400);
      expect(wrong.body.code).toBe('PASSWORD_INCORRECT');
      const accepted = await request(server)
        .post('/api/me/email')
        .set(writeHeaders(who))
        .send({ newEmail: newEmail.toUpperCase(), password: input.password })
        .expect(202);
      expect(accepted.body).toEqual({ status: 'check_email', pendingEmail: newEmail });
      const link = await nthEmail(server, newEmail, 'email_change');
      // Until then, nothing moved.
      expect((await me(who)).body.user.email).toBe(input.email);

      await request(server)
        .post('/api/auth/email-change/confirm')
        .send({ token: tokenIn(link, ACCOUNT_LINK_PATHS.emailChange) })
        .expect(204);
      expect((await me(who)).body.user).toMatchObject({ email: newEmail, emailVerified: true });
      await logIn(input.email, input.password).expect(401);
      await logIn(newEmail, input.password).expect(200);
      const notice = await nthEmail(server, input.email, 'email_changed');
      expect(notice.textBody).toContain(newEmail);
    });

    it('answers a change to a registered address the same, and sends that owner a notice', async () => {
      const { input, who } = await aClient();
      const other = await aClient();
      const accepted = await request(server)
        .post('/api/me/email')
        .set(writeHeaders(who))
        .send({ newEmail: other.input.email, password: input.password })
        .expect(202);
      expect(accepted.body).toEqual({ status: 'check_email', pendingEmail: other.input.email });
      const notice = await nthEmail(server, other.input.email, 'email_change_attempt');
      expect(notice.textBody).toContain('Nothing has changed on your account');
      expect(await emailsTo(server, other.input.email, 'email_change')).toHaveLength(0);
    });
  });

  describe('deleting an account', () => {
    it('refuses a wrong password and changes nothing', async () => {
      const { input, who } = await aClient();
      const refused = await request(server)
        .delete('/api/me')
        .set(writeHeaders(who))
        .send({ password: 'not-my-password' })
        .expect(400);
      expect(refused.body.code).toBe('PASSWORD_INCORRECT');
      await logIn(input.email, input.password).expect(200);
    });

    it('deletes a client: drafts and sessions go, bookings are cancelled with refunds, reviews stay as "Former client"', async () => {
      const { input, who } = await aClient();
      await uploadPhoto(server, who, await photos.astronaut()).expect(202);
      const future = await aConfirmedBooking(t, studio, who);
      const reviewed = await aReviewedBooking(who);

      const deleted = await request(server)
        .delete('/api/me')
        .set(writeHeaders(who))
        .send({ password: input.password })
        .expect(200);
      expect(deleted.body).toEqual({
        deleted: true,
        // Payments are made at the studio here (no online provider): nothing was paid yet.
        // The Stripe suite checks the refunds of a paid booking.
        cancelledBookings: [{ id: future.id, refundCents: 0, currency: future.price.currency }],
      });
      expect((deleted.headers['set-cookie'] as unknown as string[]).join()).toMatch(/lb_session=;/);
      await me(who).expect(401);
      await logIn(input.email, input.password).expect(401);

      // The photographer still has both bookings, with a client who has no name any more.
      const cancelled = (
        await request(server)
          .get(`/api/bookings/${future.id}`)
          .set('Cookie', studio.who.cookie)
          .expect(200)
      ).body as BookingDto;
      expect(cancelled.status).toBe('cancelled_by_client');
      expect(cancelled.client.name).toBe('Former client');
      const reviews = await request(server)
        .get(`/api/photographers/${studio.profile.id}/reviews`)
        .expect(200);
      expect(reviews.body).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ clientName: 'Former client', text: 'Kind and quick.' }),
        ]),
      );
      expect(JSON.stringify(reviews.body)).not.toContain(input.name.split(' ')[0]!);
      expect(reviewed.id).toBeDefined();

      // No draft rows or files of theirs are left; the farewell went to the old address.
      const drafts = await t.app
        .get(DataSource)
        .query(`SELECT COUNT(*) AS n FROM drafts WHERE owner_id = '${who.session.user.id}'`);
      expect(Number((drafts as { n: number | string }[])[0]!.n)).toBe(0);
      const farewell = await nthEmail(server, input.email, 'account_deleted');
      expect(farewell.subject).toBe('Your Lensbridge account was deleted');
      // The address is free again.
      await request(server)
        .post('/api/auth/register')
        .send(aRegistration({ email: input.email }))
        .expect(202);
      await nthEmail(server, input.email, 'verify_email', 2);
    });

    it('refuses a photographer with clients booked (409 listing them) and deletes one without', async () => {
      const busy = await aListedPhotographer(server, admin);
      const { who: client } = await aClient();
      const booking = await aConfirmedBooking(t, busy, client);
      const refused = await request(server)
        .delete('/api/me')
        .set(writeHeaders(busy.who))
        .send({ password: aRegistration().password })
        .expect(409);
      expect(refused.body.code).toBe('ACCOUNT_HAS_BOOKINGS');
      expect(refused.body.details.bookings).toEqual([
        expect.objectContaining({
          id: booking.id,
          status: 'confirmed',
          startsAt: booking.startsAt,
        }),
      ]);
      await me(busy.who).expect(200);
      await request(server).get(`/api/photographers/${busy.profile.id}`).expect(200);

      const idle = await aListedPhotographer(server, admin);
      await request(server)
        .post('/api/photographers/me/portfolio')
        .set(writeHeaders(idle.who))
        .attach('image', await aProofJpeg(0), 'portfolio.jpg')
        .expect(201);
      await request(server)
        .delete('/api/me')
        .set(writeHeaders(idle.who))
        .send({ password: aRegistration().password })
        .expect(200);
      await request(server).get(`/api/photographers/${idle.profile.id}`).expect(404);
      const portfolioDir = path.join(t.config.storage.blobDir, 'portfolio', idle.profile.id);
      expect(readdirSafe(portfolioDir)).toEqual([]);
    });
  });

  /** Delivered with one final and reviewed by `client`. */
  async function aReviewedBooking(client: SignedIn): Promise<BookingDto> {
    const booking = await aCompletedBooking(t, studio, client);
    const post = (who: SignedIn, url: string, body?: object) =>
      request(server).post(url).set(writeHeaders(who)).send(body);
    const proofs = await request(server)
      .post(`/api/bookings/${booking.id}/gallery/proofs`)
      .set(writeHeaders(studio.who))
      .attach('images', await aProofJpeg(0), 'IMG_1.jpg')
      .expect(201);
    const proofId = (proofs.body as { accepted: { id: string }[] }).accepted[0]!.id;
    await post(studio.who, `/api/bookings/${booking.id}/gallery/publish`).expect(200);
    await post(client, `/api/bookings/${booking.id}/gallery/selection`, {
      imageIds: [proofId],
    }).expect(200);
    await request(server)
      .post(`/api/bookings/${booking.id}/gallery/finals`)
      .set(writeHeaders(studio.who))
      .field('proofId', proofId)
      .attach('image', await aFinalJpeg(0), 'final-1.jpg')
      .expect(201);
    await post(studio.who, `/api/bookings/${booking.id}/gallery/deliver`).expect(200);
    await post(client, `/api/bookings/${booking.id}/review`, {
      rating: 5,
      text: 'Kind and quick.',
    }).expect(201);
    return booking;
  }
});

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
