import request from 'supertest';
import type { App } from 'supertest/types';
import type { BookingDto } from '../../shared/bookings/bookings.types';
import { BookingsService } from '../../server/modules/bookings/bookings.service';
import { ScheduledJobsService } from '../../server/modules/notifications/scheduled-jobs.service';
import { signUp, type SignedIn, writeHeaders } from '../support/accounts';
import { aProofJpeg } from '../support/gallery-fixtures';
import { FakeStripe, type FakeStripeEvent } from '../support/fake-stripe/fake-stripe';
import { travelPastSession } from '../support/fake-stripe/stripe-bookings';
import { startTestAppWithStripe } from '../support/fake-stripe/stripe-test-app';
import {
  aListedPhotographer,
  BOOKING_TEST_ENV,
  freeSlots,
  type ListedPhotographer,
  signInAdmin,
} from '../support/photographers';
import type { TestApp } from '../support/test-app';

const HOUR = 3_600_000;
// The default test package: 240.00 EUR with a 30 % deposit (72.00), balance 168.00.
const TOTAL = 24_000;
const DEPOSIT = 7_200;
const BALANCE = 16_800;

describe('booking payments through Stripe (e2e)', () => {
  const fake = new FakeStripe();
  let t: TestApp;
  let server: App;
  let studio: ListedPhotographer;
  let client: SignedIn;
  let slotIndex = 0;

  beforeAll(async () => {
    t = await startTestAppWithStripe(fake, {
      ...BOOKING_TEST_ENV,
      PLATFORM_FEE_PERCENT: '15',
      NOTIFICATIONS_INTERVAL_SECONDS: '0',
    });
    server = t.app.getHttpServer() as App;
    studio = await aListedPhotographer(server, await signInAdmin(server));
    client = await signUp(server, { role: 'client' });
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });
  afterEach(() => t.clock.reset());

  async function aHold(daysAhead = 10): Promise<BookingDto> {
    // A window of 20 hours keeps every slot inside one cancellation tier.
    const from = new Date(Date.now() + daysAhead * 24 * HOUR);
    const to = new Date(from.getTime() + 20 * HOUR);
    const { slots } = await freeSlots(server, studio.profile.id, studio.packageId, {
      from: from.toISOString(),
      to: to.toISOString(),
    });
    slotIndex += 3;
    const held = await request(server)
      .post('/api/bookings')
      .set(writeHeaders(client))
      .send({ packageId: studio.packageId, startsAt: slots[slotIndex % slots.length] })
      .expect(201);
    return held.body as BookingDto;
  }

  const get = async (id: string, who: SignedIn = client): Promise<BookingDto> =>
    (await request(server).get(`/api/bookings/${id}`).set('Cookie', who.cookie).expect(200))
      .body as BookingDto;

  const sessionOf = (bookingId: string) =>
    fake
      .all('cs_test')
      .find(
        (s) =>
          (s.metadata as { referenceId?: string }).referenceId === bookingId && s.status === 'open',
      )!;

  async function aPaidBooking(daysAhead = 10): Promise<BookingDto> {
    const held = await aHold(daysAhead);
    await request(server)
      .post(`/api/bookings/${held.id}/checkout`)
      .set(writeHeaders(client))
      .expect(201);
    await fake.completeCheckout(sessionOf(held.id).id);
    return get(held.id);
  }

  /** The app's clock moves past the booking's session, then the studio completes it. */
  async function complete(id: string): Promise<BookingDto> {
    travelPastSession(t, await get(id));
    await request(server)
      .post(`/api/bookings/${id}/complete`)
      .set(writeHeaders(studio.who))
      .expect(200);
    return get(id);
  }

  it('takes the deposit at checkout, priced on the server, and the payment confirms the booking', async () => {
    const held = await aHold();
    expect(held.payment).toMatchObject({
      provider: 'stripe',
      status: 'not_started',
      amountDueCents: TOTAL,
    });
    const confirm = await request(server)
      .post(`/api/bookings/${held.id}/confirm`)
      .set(writeHeaders(client))
      .expect(409);
    expect(confirm.body.code).toBe('BOOKING_PAYMENT_REQUIRED');

    const checkout = await request(server)
      .post(`/api/bookings/${held.id}/checkout`)
      .set(writeHeaders(client))
      .expect(201);
    expect(checkout.body.url).toContain(fake.baseUrl);
    const session = sessionOf(held.id);
    expect(session).toMatchObject({ amount_total: DEPOSIT, currency: 'eur' });
    // The hold lasts as long as the hosted page can be paid (Stripe's minimum is 30 minutes).
    const awaiting = await get(held.id);
    expect(new Date(awaiting.holdExpiresAt!).getTime() - Date.now()).toBeGreaterThan(30 * 60_000);
    expect(awaiting.payment.status).toBe('awaiting_payment');

    await fake.completeCheckout(session.id);
    const paid = await get(held.id);
    expect(paid.status).toBe('confirmed');
    expect(paid.payment).toMatchObject({
      status: 'deposit_paid',
      amountPaidCents: DEPOSIT,
      amountDueCents: BALANCE,
    });
    const receipts = await request(server)
      .get(`/api/bookings/${held.id}/payments`)
      .set('Cookie', client.cookie)
      .expect(200);
    expect(receipts.body).toMatchObject({
      paidCents: DEPOSIT,
      refundedCents: 0,
      entries: [{ type: 'charge', amountCents: DEPOSIT }],
    });
  });

  it('ignores a client-sent amount: checkout takes no price from the browser', async () => {
    const held = await aHold();
    const tampered = await request(server)
      .post(`/api/bookings/${held.id}/checkout`)
      .set(writeHeaders(client))
      .send({ amountCents: 1 });
    expect(tampered.status).toBe(201);
    expect(sessionOf(held.id).amount_total).toBe(DEPOSIT);
  });

  it('keeps the booking held when Stripe fails, and the retry uses the same idempotency key', async () => {
    const held = await aHold();
    fake.injectFault({ status: 500 }, 3);
    const failed = await request(server)
      .post(`/api/bookings/${held.id}/checkout`)
      .set(writeHeaders(client))
      .expect(503);
    expect(failed.body.code).toBe('PAYMENT_PROVIDER_UNAVAILABLE');
    expect((await get(held.id)).status).toBe('held');
    await request(server)
      .post(`/api/bookings/${held.id}/checkout`)
      .set(writeHeaders(client))
      .expect(201);
    const keys = fake.requests.filter(
      (r) =>
        r.path === '/v1/checkout/sessions' &&
        r.params.metadata &&
        (r.params.metadata as { referenceId?: string }).referenceId === held.id,
    );
    expect(new Set(keys.map((r) => r.idempotencyKey))).toEqual(
      new Set([`booking-${held.id}-deposit`]),
    );
  });

  it('charges the balance to the saved card when the photographer completes the session', async () => {
    const booking = await aPaidBooking();
    const done = await complete(booking.id);
    expect(done.payment).toMatchObject({
      status: 'paid',
      amountPaidCents: TOTAL,
      amountDueCents: 0,
    });
    const balance = fake
      .all('pi')
      .find(
        (pi) =>
          pi.amount === BALANCE &&
          (pi.metadata as { referenceId?: string }).referenceId === booking.id,
      );
    expect(balance).toMatchObject({ status: 'succeeded', transfer_group: `booking-${booking.id}` });
  });

  it('offers a pay link when the bank wants the card holder for the balance', async () => {
    const booking = await aPaidBooking();
    const session = fake
      .all('cs_test')
      .find((s) => (s.metadata as { referenceId?: string }).referenceId === booking.id)!;
    fake.cardsNeedingAuthentication.add(String(session.customer));
    const done = await complete(booking.id);
    expect(done.payment.status).toBe('balance_due');
    expect(done.payment.payUrl).toContain(fake.baseUrl);
    const balanceSession = sessionOf(booking.id);
    expect(balanceSession.amount_total).toBe(BALANCE);

    // The client is emailed the pay link; the confirmation email went out when the deposit arrived.
    await t.app.get(ScheduledJobsService).runAll();
    const admin = await signInAdmin(server);
    const outbox = await request(server)
      .get('/api/admin/outbox')
      .query({ bookingId: booking.id, pageSize: 100 })
      .set('Cookie', admin.cookie.join('; '))
      .expect(200);
    const kinds = (outbox.body.items as { kind: string }[]).map((m) => m.kind);
    expect(kinds).toEqual(expect.arrayContaining(['booking_confirmed', 'balance_pay_link']));

    await fake.completeCheckout(balanceSession.id);
    expect((await get(booking.id)).payment).toMatchObject({
      status: 'paid',
      amountPaidCents: TOTAL,
      payUrl: null,
    });
  });

  it.each([
    [10, 100, DEPOSIT],
    [3, 50, DEPOSIT / 2],
    [1, 0, 0],
  ])(
    'a client cancelling %i days ahead gets exactly the %i %% tier of what was paid',
    async (days, percent, refund) => {
      const booking = await aPaidBooking(days);
      const preview = await request(server)
        .get(`/api/bookings/${booking.id}/cancellation-preview`)
        .set('Cookie', client.cookie)
        .expect(200);
      expect(preview.body).toMatchObject({ refundPercent: percent, refundCents: refund });
      await request(server)
        .post(`/api/bookings/${booking.id}/cancel`)
        .set(writeHeaders(client))
        .expect(200);
      const after = await get(booking.id);
      expect(after.payment.amountRefundedCents).toBe(refund);
      const refunds = fake
        .all('re')
        .filter(
          (r) =>
            r.payment_intent ===
            fake
              .all('cs_test')
              .find((s) => (s.metadata as { referenceId?: string }).referenceId === booking.id)!
              .payment_intent,
        );
      expect(refunds.reduce((sum, r) => sum + Number(r.amount), 0)).toBe(refund);
    },
  );

  it('refunds a deleted client account under each booking’s policy, through Stripe', async () => {
    const leaving = await signUp(server, { role: 'client', password: 'leaving-for-good-4' });
    const book = async (daysAhead: number) => {
      const from = new Date(Date.now() + daysAhead * 24 * HOUR);
      const { slots } = await freeSlots(server, studio.profile.id, studio.packageId, {
        from: from.toISOString(),
        to: new Date(from.getTime() + 20 * HOUR).toISOString(),
      });
      slotIndex += 3;
      const held = await request(server)
        .post('/api/bookings')
        .set(writeHeaders(leaving))
        .send({ packageId: studio.packageId, startsAt: slots[slotIndex % slots.length] })
        .expect(201);
      await request(server)
        .post(`/api/bookings/${held.body.id}/checkout`)
        .set(writeHeaders(leaving))
        .expect(201);
      await fake.completeCheckout(sessionOf(held.body.id as string).id);
      return held.body as BookingDto;
    };
    const farAhead = await book(12);
    const soon = await book(3);

    const deleted = await request(server)
      .delete('/api/me')
      .set(writeHeaders(leaving))
      .send({ password: 'leaving-for-good-4' })
      .expect(200);
    expect(deleted.body.cancelledBookings).toEqual(
      expect.arrayContaining([
        { id: farAhead.id, refundCents: DEPOSIT, currency: 'EUR' },
        { id: soon.id, refundCents: DEPOSIT / 2, currency: 'EUR' },
      ]),
    );
    for (const [booking, refund] of [
      [farAhead, DEPOSIT],
      [soon, DEPOSIT / 2],
    ] as const) {
      const after = await get(booking.id, studio.who);
      expect(after.status).toBe('cancelled_by_client');
      expect(after.client.name).toBe('Former client');
      expect(after.payment.amountRefundedCents).toBe(refund);
      const intent = fake
        .all('cs_test')
        .find(
          (x) => (x.metadata as { referenceId?: string }).referenceId === booking.id,
        )!.payment_intent;
      const refunded = fake.all('re').filter((r) => r.payment_intent === intent);
      expect(refunded.reduce((sum, r) => sum + Number(r.amount), 0)).toBe(refund);
    }
  });

  it('refunds everything when the photographer cancels', async () => {
    const booking = await aPaidBooking();
    await request(server)
      .post(`/api/bookings/${booking.id}/cancel`)
      .set(writeHeaders(studio.who))
      .expect(200);
    expect((await get(booking.id)).payment).toMatchObject({
      status: 'refunded',
      amountRefundedCents: DEPOSIT,
    });
  });

  it('refunds a payment that arrives after the hold lapsed, and keeps the slot free', async () => {
    const held = await aHold();
    await request(server)
      .post(`/api/bookings/${held.id}/checkout`)
      .set(writeHeaders(client))
      .expect(201);
    const session = sessionOf(held.id);
    const { holdExpiresAt } = await get(held.id);
    t.clock.travelTo(new Date(Date.parse(holdExpiresAt!) + 1000));
    expect((await get(held.id)).status).toBe('expired');

    await fake.completeCheckout(session.id);
    const after = await get(held.id);
    expect(after.status).toBe('expired');
    expect(after.payment).toMatchObject({
      amountPaidCents: DEPOSIT,
      amountRefundedCents: DEPOSIT,
      status: 'refunded',
    });
    const events = await request(server)
      .get(`/api/bookings/${held.id}/events`)
      .set('Cookie', client.cookie)
      .expect(200);
    expect(events.body.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['late_payment', 'refunded']),
    );
  });

  it('pays the photographer their share minus the fee on delivery, once their payout account is ready', async () => {
    const booking = await aPaidBooking();
    await complete(booking.id);
    const photographerAuth = {
      userId: studio.who.session.user.id,
      role: 'photographer' as const,
      sessionId: 'x',
      csrfToken: 'x',
      emailVerified: true,
      sessionExpiresAt: new Date(),
    };
    await t.app.get(BookingsService).markDelivered(photographerAuth, booking.id);
    const transferOf = () =>
      fake.all('tr').find((tr) => tr.transfer_group === `booking-${booking.id}`);
    expect(transferOf()).toBeUndefined(); // held: no payout account yet

    await request(server)
      .post('/api/payments/connect/onboarding')
      .set(writeHeaders(studio.who))
      .expect(201);
    const account = fake.all('acct').at(-1)!;
    await fake.enableAccount(account.id);
    expect(transferOf()).toMatchObject({
      amount: TOTAL - Math.floor(TOTAL * 0.15),
      destination: account.id,
    });
  });

  it('ends in the same state however ~100 webhook deliveries are ordered and repeated', async () => {
    const bookings = await Promise.all([aHold(20), aHold(21), aHold(22), aHold(23), aHold(24)]);
    const events: FakeStripeEvent[] = [];
    for (const b of bookings) {
      await request(server)
        .post(`/api/bookings/${b.id}/checkout`)
        .set(writeHeaders(client))
        .expect(201);
      const session = sessionOf(b.id);
      const [completed] = await fake.completeCheckout(session.id, { deliver: false });
      const expired = fake.event('checkout.session.expired', {
        ...fake.get(session.id),
        status: 'expired',
      });
      events.push(completed!, completed!, completed!, expired, expired);
    }
    while (events.length < 100)
      events.push(
        fake.event('customer.updated', { id: `cus_noise_${events.length}`, object: 'customer' }),
      );
    const shuffled = events
      .map((e) => ({ e, k: Math.random() }))
      .sort((a, b) => a.k - b.k)
      .map(({ e }) => e);
    for (const event of shuffled) expect((await fake.deliver(event)).status).toBe(200);

    for (const b of bookings) {
      const after = await get(b.id);
      expect({
        status: after.status,
        payment: after.payment.status,
        paid: after.payment.amountPaidCents,
      }).toEqual({
        status: 'confirmed',
        payment: 'deposit_paid',
        paid: DEPOSIT,
      });
      const receipts = await request(server)
        .get(`/api/bookings/${b.id}/payments`)
        .set('Cookie', client.cookie);
      expect(receipts.body.entries).toHaveLength(1);
    }
  });

  it("shows the photographer's held, transferred and fee amounts", async () => {
    const photographer = await aListedPhotographer(server, await signInAdmin(server));
    const before = await request(server)
      .get('/api/payments/earnings')
      .set('Cookie', photographer.who.cookie)
      .expect(200);
    expect(before.body).toEqual({
      byCurrency: [],
      atStudio: [],
      platformFeePercent: 15,
      payoutStatus: 'not_connected',
    });

    const from = new Date(Date.now() + 12 * 24 * HOUR).toISOString();
    const { slots } = await freeSlots(server, photographer.profile.id, photographer.packageId, {
      from,
    });
    const held = await request(server)
      .post('/api/bookings')
      .set(writeHeaders(client))
      .send({ packageId: photographer.packageId, startsAt: slots[0] })
      .expect(201);
    await request(server)
      .post(`/api/bookings/${held.body.id}/checkout`)
      .set(writeHeaders(client))
      .expect(201);
    await fake.completeCheckout(sessionOf(held.body.id).id);

    const after = await request(server)
      .get('/api/payments/earnings')
      .set('Cookie', photographer.who.cookie)
      .expect(200);
    expect(after.body.byCurrency).toEqual([
      {
        currency: 'EUR',
        heldCents: DEPOSIT - Math.floor(DEPOSIT * 0.15),
        transferredCents: 0,
        platformFeeCents: 0,
      },
    ]);
    await request(server).get('/api/payments/earnings').set('Cookie', client.cookie).expect(403);
  });

  it('lets an admin refund part of a booking once per request', async () => {
    const booking = await aPaidBooking();
    const admin = await signInAdmin(server);
    const body = { amountCents: 2_000, requestId: '6c3e2b1a-4b8f-4c55-9a55-2f5f0d8c1a11' };
    await request(server)
      .post(`/api/admin/bookings/${booking.id}/refund`)
      .set(writeHeaders(admin))
      .send(body)
      .expect(204);
    await request(server)
      .post(`/api/admin/bookings/${booking.id}/refund`)
      .set(writeHeaders(admin))
      .send(body)
      .expect(204);
    expect((await get(booking.id)).payment).toMatchObject({
      amountRefundedCents: 2_000,
      status: 'partially_refunded',
    });

    const list = await request(server)
      .get('/api/admin/payments')
      .set('Cookie', admin.cookie)
      .expect(200);
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          referenceId: booking.id,
          kind: 'deposit',
          amountCents: DEPOSIT,
          refundedCents: 2_000,
          status: 'partially_refunded',
        }),
      ]),
    );
    await request(server).get('/api/admin/payments').set('Cookie', client.cookie).expect(403);

    await request(server)
      .post(`/api/admin/bookings/${booking.id}/refund`)
      .set(writeHeaders(client))
      .send(body)
      .expect(403);
    const bad = await request(server)
      .post(`/api/admin/bookings/${booking.id}/refund`)
      .set(writeHeaders(admin))
      .send({ amountCents: 12.5, requestId: 'nope' })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
  });

  it('charges agreed extra photos through Checkout after the session, without touching the session money', async () => {
    const booking = await aPaidBooking();
    await complete(booking.id);
    const proofs = request(server)
      .post(`/api/bookings/${booking.id}/gallery/proofs`)
      .set(writeHeaders(studio.who));
    for (let i = 0; i < 6; i += 1)
      void proofs.attach('images', await aProofJpeg(i), `IMG_${i + 1}.jpg`);
    const uploaded = (await proofs.expect(201)).body as { accepted: { id: string }[] };
    await request(server)
      .post(`/api/bookings/${booking.id}/gallery/publish`)
      .set(writeHeaders(studio.who))
      .expect(200);

    const selection = await request(server)
      .post(`/api/bookings/${booking.id}/gallery/selection`)
      .set(writeHeaders(client))
      .send({ imageIds: uploaded.accepted.map((p) => p.id), acceptExtraCharge: true })
      .expect(200);
    expect(JSON.stringify(selection.body)).toContain(fake.baseUrl);
    const session = sessionOf(booking.id);
    expect(session.amount_total).toBe(2_500); // one photo over the five included
    await fake.completeCheckout(session.id);

    const gallery = await request(server)
      .get(`/api/bookings/${booking.id}/gallery`)
      .set('Cookie', client.cookie)
      .expect(200);
    expect(gallery.body.selection).toMatchObject({ extraCount: 1, extraCharge: 'paid' });
    const after = await get(booking.id);
    expect(after.payment).toMatchObject({
      status: 'paid',
      amountPaidCents: TOTAL,
      amountRefundedCents: 0,
    });
    const events = await request(server)
      .get(`/api/bookings/${booking.id}/events`)
      .set('Cookie', client.cookie)
      .expect(200);
    const actions = (events.body as { action: string }[]).map((e) => e.action);
    expect(actions).toContain('extras_paid');
    expect(actions).not.toContain('late_payment');
  });
});
