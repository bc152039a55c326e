import request from 'supertest';
import type { App } from 'supertest/types';
import type { BookingDto } from '../../shared/bookings/bookings.types';
import type { EarningsDto } from '../../shared/payments/payments.types';
import { signUp, writeHeaders } from '../support/accounts';
import { aCompletedBooking, aConfirmedBooking } from '../support/gallery-fixtures';
import { aListedPhotographer, BOOKING_TEST_ENV, signInAdmin } from '../support/photographers';
import { startTestApp, type TestApp } from '../support/test-app';

describe('payouts page figures when clients pay at the studio (e2e)', () => {
  let t: TestApp;
  let server: App;

  beforeAll(async () => {
    // No payment provider configured: the embedded default, clients pay at the session.
    t = await startTestApp({ ...BOOKING_TEST_ENV, NOTIFICATIONS_INTERVAL_SECONDS: '0' });
    server = t.app.getHttpServer() as App;
  });
  afterAll(() => t.close());

  it('shows what is due at sessions to come and what sessions already held brought, per currency', async () => {
    const admin = await signInAdmin(server);
    const euros = await aListedPhotographer(server, admin, {
      pkg: { priceCents: 24_000, currency: 'EUR' },
    });
    const client = await signUp(server);
    const earningsOf = async () =>
      (
        await request(server)
          .get('/api/payments/earnings')
          .set('Cookie', euros.who.cookie)
          .expect(200)
      ).body as EarningsDto;
    expect((await earningsOf()).atStudio).toEqual([]);

    const upcoming: BookingDto = await aConfirmedBooking(t, euros, client);
    expect(upcoming.payment.amountDueCents).toBe(24_000);
    await aConfirmedBooking(t, euros, client);
    await aCompletedBooking(t, euros, client);
    // A cancelled session brings nothing.
    const cancelled = await aConfirmedBooking(t, euros, client);
    await request(server)
      .post(`/api/bookings/${cancelled.id}/cancel`)
      .set(writeHeaders(client))
      .expect(200);

    const earnings = await earningsOf();
    expect(earnings.byCurrency).toEqual([]);
    expect(earnings.atStudio).toEqual([
      {
        currency: 'EUR',
        dueCents: 2 * upcoming.payment.amountDueCents,
        dueSessions: 2,
        heldSessionsCents: 24_000,
        heldSessions: 1,
      },
    ]);
  });
});
