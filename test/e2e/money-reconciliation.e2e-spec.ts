import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import type { BookingDto } from '../../shared/bookings/bookings.types';
import type { AdminRefundRequestDto } from '../../shared/payments/payments.types';
import { BookingPayoutsService } from '../../server/modules/bookings/booking-payouts.service';
import { BookingAccessService } from '../../server/modules/bookings/booking-access.service';
import { ScheduledJobsService } from '../../server/modules/notifications/scheduled-jobs.service';
import { RefundsService } from '../../server/modules/payments/refunds.service';
import { signUp, type SignedIn, writeHeaders } from '../support/accounts';
import { FakeStripe, type FakeStripeEvent } from '../support/fake-stripe/fake-stripe';
import { checkoutSessionOf, travelPastSession } from '../support/fake-stripe/stripe-bookings';
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

/**
 * Issue 11: every amount in the currency of what is paid for; only paid checkouts confirm;
 * delayed payments; refunds reconciled by Stripe's refund id whoever reports them first (our
 * API answer, a webhook, the Dashboard), in any order; "due" never counts a refund as debt;
 * failed refunds retried; malformed events answered 400. Real SDK, fake Stripe, both engines.
 */
describe('money you can trust (e2e)', () => {
  const fake = new FakeStripe();
  let t: TestApp;
  let server: App;
  let admin: SignedIn;
  let client: SignedIn;
  let euro: ListedPhotographer;
  let dollar: ListedPhotographer;
  let yen: ListedPhotographer;
  let slotIndex = 0;

  beforeAll(async () => {
    t = await startTestAppWithStripe(fake, {
      ...BOOKING_TEST_ENV,
      PLATFORM_FEE_PERCENT: '15',
      NOTIFICATIONS_INTERVAL_SECONDS: '0',
      REFUND_RETRY_SECONDS: '0',
    });
    server = t.app.getHttpServer() as App;
    admin = await signInAdmin(server);
    euro = await aListedPhotographer(server, admin);
    // Ava Brooks' "Headshot session": $250 with a 30 % deposit.
    dollar = await aListedPhotographer(server, admin, {
      profile: { displayName: 'Ava Brooks', city: 'New York', timeZone: 'America/New_York' },
      pkg: { name: 'Headshot session', priceCents: 25_000, currency: 'USD' },
    });
    // A currency without minor units: ¥30,000, 30 % deposit ¥9,000.
    yen = await aListedPhotographer(server, admin, {
      profile: { displayName: 'Hana Sato', city: 'Tokyo', timeZone: 'Asia/Tokyo' },
      pkg: { name: 'Portrait', priceCents: 30_000, currency: 'JPY', extraImagePriceCents: 2_000 },
    });
    client = await signUp(server, { role: 'client' });
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });
  afterEach(() => {
    fake.webhooksBeforeAnswer = false;
    t.clock.reset();
  });

  let holds = 0;
  /** A held booking on its own day (8–47 days ahead), so suites never run out of slots. */
  async function aHold(studio: ListedPhotographer): Promise<BookingDto> {
    holds += 1;
    const daysAhead = 8 + (holds % 40);
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
      .send({ packageId: studio.packageId, startsAt: slots[slotIndex % slots.length] });
    expect(held.body).toMatchObject({ status: 'held' });
    return held.body as BookingDto;
  }

  const get = async (id: string): Promise<BookingDto> =>
    (await request(server).get(`/api/bookings/${id}`).set('Cookie', client.cookie).expect(200))
      .body as BookingDto;

  const sessionOf = (bookingId: string) => checkoutSessionOf(fake, bookingId);

  async function checkout(booking: BookingDto) {
    await request(server)
      .post(`/api/bookings/${booking.id}/checkout`)
      .set(writeHeaders(client))
      .expect(201);
    return sessionOf(booking.id);
  }

  async function aPaidBooking(studio: ListedPhotographer = euro): Promise<BookingDto> {
    const held = await aHold(studio);
    await fake.completeCheckout((await checkout(held)).id);
    return get(held.id);
  }

  const receipts = async (id: string) =>
    (
      await request(server)
        .get(`/api/bookings/${id}/payments`)
        .set('Cookie', client.cookie)
        .expect(200)
    ).body as {
      currency: string;
      paidCents: number;
      refundedCents: number;
      entries: { type: string; amountCents: number; currency: string; note: string | null }[];
    };

  const adminRefund = (id: string, amountCents: number, requestId = randomUUID()) =>
    request(server)
      .post(`/api/admin/bookings/${id}/refund`)
      .set(writeHeaders(admin))
      .send({ amountCents, requestId });

  const ledgerRows = async (bookingId: string) =>
    (await t.app
      .get(DataSource)
      .query(
        t.dialect === 'postgres'
          ? 'SELECT type, amount_cents, currency, provider_ref FROM ledger_entries WHERE reference_id = $1'
          : 'SELECT type, amount_cents, currency, provider_ref FROM ledger_entries WHERE reference_id = ?',
        [bookingId],
      )) as {
      type: string;
      amount_cents: number | string;
      currency: string;
      provider_ref: string;
    }[];

  const intentOf = (bookingId: string) => String(sessionOf(bookingId).payment_intent);

  describe('currencies', () => {
    it('opens Checkout in the package’s currency, and every amount after it carries that currency', async () => {
      const held = await aHold(dollar);
      expect(held.price).toMatchObject({
        currency: 'USD',
        totalCents: 25_000,
        depositCents: 7_500,
      });
      const session = await checkout(held);
      expect(session).toMatchObject({ amount_total: 7_500, currency: 'usd' });
      await fake.completeCheckout(session.id);

      const paid = await get(held.id);
      expect(paid.payment).toMatchObject({
        currency: 'USD',
        status: 'deposit_paid',
        amountPaidCents: 7_500,
        amountDueCents: 17_500,
      });
      await adminRefund(held.id, 1_000).expect(204);
      const rows = await ledgerRows(held.id);
      expect(rows.map((r) => r.currency)).toEqual(['USD', 'USD']);
      expect((await receipts(held.id)).entries).toEqual([
        expect.objectContaining({ type: 'charge', amountCents: 7_500, currency: 'USD' }),
        expect.objectContaining({ type: 'refund', amountCents: 1_000, currency: 'USD' }),
      ]);
      const refund = fake.all('re_').find((r) => r.payment_intent === intentOf(held.id));
      expect(refund).toMatchObject({ amount: 1_000, currency: 'usd' });

      const list = await request(server)
        .get('/api/admin/payments')
        .set('Cookie', admin.cookie)
        .expect(200);
      expect(
        (list.body.items as { referenceId: string; currency: string }[]).find(
          (p) => p.referenceId === held.id,
        ),
      ).toMatchObject({ currency: 'USD', amountCents: 7_500, refundedCents: 1_000 });
    });

    it('charges a currency without minor units in whole yen, and pays the photographer in it', async () => {
      const held = await aHold(yen);
      expect(held.price).toMatchObject({
        currency: 'JPY',
        totalCents: 30_000,
        depositCents: 9_000,
      });
      const session = await checkout(held);
      expect(session).toMatchObject({ amount_total: 9_000, currency: 'jpy' });
      await fake.completeCheckout(session.id);

      await request(server)
        .post('/api/payments/connect/onboarding')
        .set(writeHeaders(yen.who))
        .expect(201);
      await fake.enableAccount(fake.all('acct').at(-1)!.id);
      await t.app.get(BookingPayoutsService).transferShare(held.id);
      const transfer = fake.all('tr_').find((tr) => tr.transfer_group === `booking-${held.id}`);
      expect(transfer).toMatchObject({ amount: 9_000 - Math.floor(9_000 * 0.15), currency: 'jpy' });

      const earnings = await request(server)
        .get('/api/payments/earnings')
        .set('Cookie', yen.who.cookie)
        .expect(200);
      expect(earnings.body.byCurrency).toEqual([
        {
          currency: 'JPY',
          heldCents: 0,
          transferredCents: 9_000 - Math.floor(9_000 * 0.15),
          platformFeeCents: Math.floor(9_000 * 0.15),
        },
      ]);
    });
  });

  describe('delayed payment methods', () => {
    it('keeps an unpaid checkout held (extended, not expired) and confirms only when the money arrives', async () => {
      const held = await aHold(euro);
      const session = await checkout(held);
      await fake.completeCheckout(session.id, { method: 'sepa_debit' });

      const waiting = await get(held.id);
      expect(waiting.status).toBe('held');
      expect(waiting.payment).toMatchObject({
        status: 'payment_processing',
        amountPaidCents: 0,
        amountDueCents: 24_000,
      });
      expect(waiting.holdExpiresAt).toBe(waiting.startsAt);
      expect(await ledgerRows(held.id)).toEqual([]);
      // An hour later the sweeper leaves it alone; paying again is refused while it is on its way.
      await t.app.get(BookingAccessService).expireLapsedHolds(new Date(Date.now() + HOUR));
      expect((await get(held.id)).status).toBe('held');
      const again = await request(server)
        .post(`/api/bookings/${held.id}/checkout`)
        .set(writeHeaders(client))
        .expect(409);
      expect(again.body.code).toBe('PAYMENT_PROCESSING');

      await fake.settleDelayedPayment(session.id, 'succeeded');
      const paid = await get(held.id);
      expect(paid.status).toBe('confirmed');
      expect(paid.payment).toMatchObject({ status: 'deposit_paid', amountPaidCents: 7_200 });
      expect((await ledgerRows(held.id)).map((r) => [r.type, Number(r.amount_cents)])).toEqual([
        ['charge', 7_200],
      ]);
    });

    it('releases the hold, marks the payment failed and emails the client when a delayed payment fails', async () => {
      const held = await aHold(euro);
      const session = await checkout(held);
      await fake.completeCheckout(session.id, { method: 'sepa_debit' });
      await fake.settleDelayedPayment(session.id, 'failed');

      const failed = await get(held.id);
      expect(failed.status).toBe('expired');
      expect(failed.payment).toMatchObject({ status: 'payment_failed', amountPaidCents: 0 });
      expect(await ledgerRows(held.id)).toEqual([]);
      const payments = await request(server)
        .get('/api/admin/payments')
        .set('Cookie', admin.cookie)
        .expect(200);
      expect(
        (payments.body.items as { referenceId: string; status: string }[]).find(
          (p) => p.referenceId === held.id,
        ),
      ).toMatchObject({ status: 'failed' });
      // The slot is free again for someone else.
      const slots = await freeSlots(server, euro.profile.id, euro.packageId, {
        from: new Date(new Date(held.startsAt).getTime() - HOUR).toISOString(),
        to: new Date(new Date(held.startsAt).getTime() + HOUR).toISOString(),
      });
      expect(slots.slots).toContain(held.startsAt);

      await t.app.get(ScheduledJobsService).runAll();
      const outbox = await request(server)
        .get('/api/admin/outbox')
        .query({ bookingId: held.id, pageSize: 100 })
        .set('Cookie', admin.cookie.join('; '))
        .expect(200);
      const mail = (outbox.body.items as { kind: string; subject: string }[]).find(
        (m) => m.kind === 'payment_failed',
      );
      expect(mail?.subject).toMatch(/Payment failed/);
    });

    it('applies the bank’s answer before the checkout completion the same way (any order)', async () => {
      const held = await aHold(euro);
      const session = await checkout(held);
      const [completed] = await fake.completeCheckout(session.id, {
        method: 'sepa_debit',
        deliver: false,
      });
      const settled = await fake.settleDelayedPayment(session.id, 'succeeded', { deliver: false });
      await fake.deliver(settled);
      await fake.deliver(completed!);
      await fake.deliver(settled);
      const paid = await get(held.id);
      expect(paid.status).toBe('confirmed');
      expect(paid.payment).toMatchObject({ status: 'deposit_paid', amountPaidCents: 7_200 });
    });
  });

  describe('malformed events', () => {
    const signedEvent = (type: string, object: unknown): FakeStripeEvent =>
      ({ id: `evt_${randomUUID()}`, type, created: 1, data: { object } }) as FakeStripeEvent;

    it.each([
      ['checkout.session.completed', null],
      ['checkout.session.completed', { object: 'checkout.session', payment_status: 'paid' }],
      ['checkout.session.completed', { id: 'cs_x', payment_status: 'weird' }],
      ['charge.refunded', { id: 'ch_x' }],
      ['refund.created', { id: 're_x', amount: 'ten', currency: 'eur' }],
      ['account.updated', []],
    ])('answers a signed %s with a broken object 400 WEBHOOK_MALFORMED', async (type, object) => {
      const answer = await fake.deliver(signedEvent(type, object));
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'WEBHOOK_MALFORMED' });
    });

    it('acknowledges a well-formed event it does not act on', async () => {
      const answer = await fake.deliver(signedEvent('customer.created', null));
      expect(answer).toMatchObject({ status: 200, body: { result: 'ignored' } });
    });
  });

  describe('refunds reconciled by Stripe’s refund id', () => {
    it('shows a refund made in the Stripe Dashboard on the booking, its receipts, the ledger and the photographer’s share', async () => {
      const booking = await aPaidBooking(euro);
      const { events } = await fake.dashboardRefund(intentOf(booking.id), 2_000);
      for (const event of events) await fake.deliver(event); // duplicates change nothing

      const after = await get(booking.id);
      expect(after.payment).toMatchObject({
        status: 'partially_refunded',
        amountPaidCents: 7_200,
        amountRefundedCents: 2_000,
        amountDueCents: 16_800,
      });
      const money = await receipts(booking.id);
      expect(money).toMatchObject({ paidCents: 7_200, refundedCents: 2_000 });
      expect(money.entries.at(-1)).toMatchObject({
        type: 'refund',
        amountCents: 2_000,
        note: expect.stringMatching(/dashboard/i),
      });
      const history = await request(server)
        .get(`/api/bookings/${booking.id}/events`)
        .set('Cookie', client.cookie)
        .expect(200);
      expect(history.body.map((e: { action: string }) => e.action)).toContain('refunded');
      const earnings = await request(server)
        .get('/api/payments/earnings')
        .set('Cookie', euro.who.cookie)
        .expect(200);
      const eur = (earnings.body.byCurrency as { currency: string; heldCents: number }[]).find(
        (r) => r.currency === 'EUR',
      );
      // Every paid euro booking so far, less this refund, at the photographer's 85 %.
      expect(eur!.heldCents).toBeGreaterThan(0);
      const rows = await ledgerRows(booking.id);
      expect(rows.filter((r) => r.type === 'refund')).toHaveLength(1);
    });

    it('counts a refund once when Stripe’s webhook arrives before its API answer', async () => {
      const booking = await aPaidBooking(euro);
      fake.webhooksBeforeAnswer = true;
      await adminRefund(booking.id, 2_235).expect(204);
      fake.webhooksBeforeAnswer = false;
      // And Stripe delivers the same events again later.
      for (const event of fake.events.slice(-2)) await fake.deliver(event);

      const after = await get(booking.id);
      expect(after.payment).toMatchObject({
        status: 'partially_refunded',
        amountRefundedCents: 2_235,
      });
      expect((await receipts(booking.id)).refundedCents).toBe(2_235);
      // What is left can still be refunded.
      await adminRefund(booking.id, 7_200 - 2_235).expect(204);
      expect((await get(booking.id)).payment).toMatchObject({
        status: 'refunded',
        amountRefundedCents: 7_200,
      });
      await adminRefund(booking.id, 1).expect(409);
    });
  });

  describe('what is due', () => {
    it('never shows a refund of a fully paid booking as money still due', async () => {
      const held = await aHold(dollar);
      await request(server)
        .post(`/api/bookings/${held.id}/checkout`)
        .set(writeHeaders(client))
        .expect(201);
      await fake.completeCheckout(sessionOf(held.id).id);
      // The $250 package charged a deposit; pay the balance too by completing the session.
      travelPastSession(t, held);
      await request(server)
        .post(`/api/bookings/${held.id}/complete`)
        .set(writeHeaders(dollar.who))
        .expect(200);
      expect((await get(held.id)).payment).toMatchObject({ status: 'paid', amountDueCents: 0 });
      await adminRefund(held.id, 5_000).expect(204);
      expect((await get(held.id)).payment).toMatchObject({
        status: 'partially_refunded',
        amountPaidCents: 25_000,
        amountRefundedCents: 5_000,
        amountDueCents: 0,
      });
    });

    it('leaves the balance of a deposit-paid booking unchanged by a refund, and charges exactly it', async () => {
      const booking = await aPaidBooking(euro);
      await adminRefund(booking.id, 1_000).expect(204);
      expect((await get(booking.id)).payment).toMatchObject({
        amountPaidCents: 7_200,
        amountRefundedCents: 1_000,
        amountDueCents: 16_800,
      });
      travelPastSession(t, booking);
      await request(server)
        .post(`/api/bookings/${booking.id}/complete`)
        .set(writeHeaders(euro.who))
        .expect(200);
      const balance = fake
        .all('pi_')
        .filter((pi) => (pi.metadata as { referenceId?: string }).referenceId === booking.id)
        .find((pi) => (pi.metadata as { kind?: string }).kind === 'balance');
      expect(balance).toMatchObject({ amount: 16_800, currency: 'eur' });
      expect((await get(booking.id)).payment).toMatchObject({
        amountPaidCents: 24_000,
        amountRefundedCents: 1_000,
        amountDueCents: 0,
      });
    });
  });

  describe('refund retries', () => {
    it('retries a refund that failed after the cancellation with the same key until Stripe answers', async () => {
      const booking = await aPaidBooking(euro);
      // The SDK tries three times (maxNetworkRetries 2): all fail.
      fake.injectFault({ status: 500 }, 3);
      await request(server)
        .post(`/api/bookings/${booking.id}/cancel`)
        .set(writeHeaders(euro.who))
        .expect(200);
      const cancelled = await get(booking.id);
      expect(cancelled.status).toBe('cancelled_by_photographer');
      expect(cancelled.payment.amountRefundedCents).toBe(0);

      const listed = async (): Promise<AdminRefundRequestDto | undefined> =>
        (
          (
            await request(server)
              .get('/api/admin/refunds')
              .query({ pageSize: 100 })
              .set('Cookie', admin.cookie)
              .expect(200)
          ).body.items as AdminRefundRequestDto[]
        ).find((r) => r.referenceId === booking.id);
      expect(await listed()).toMatchObject({
        status: 'retrying',
        attempts: 1,
        amountCents: 7_200,
        currency: 'EUR',
        reason: 'cancelled_by_photographer',
        lastError: expect.any(String),
        nextAttemptAt: expect.any(String),
      });

      // Not due yet: nothing happens; once due, the job refunds it.
      await t.app.get(RefundsService).retryDue();
      expect((await listed())!.status).toBe('retrying');
      t.clock.advance(2 * HOUR);
      await t.app.get(RefundsService).retryDue();
      const done = await listed();
      expect(done).toMatchObject({ status: 'succeeded', providerRefundId: expect.any(String) });
      expect((await get(booking.id)).payment).toMatchObject({
        status: 'refunded',
        amountRefundedCents: 7_200,
      });
      const keys = fake.requests
        .filter((r) => r.path === '/v1/refunds' && r.method === 'POST')
        .filter((r) => r.idempotencyKey?.endsWith('-cancelled_by_photographer'))
        .filter((r) => r.params.payment_intent === intentOf(booking.id))
        .map((r) => r.idempotencyKey);
      expect(keys.length).toBeGreaterThanOrEqual(4);
      expect(new Set(keys).size).toBe(1);

      const retry = await request(server)
        .post(`/api/admin/refunds/${done!.id}/retry`)
        .set(writeHeaders(admin))
        .expect(409);
      expect(retry.body.code).toBe('REFUND_NOT_RETRYABLE');
      await request(server)
        .post(`/api/admin/refunds/${randomUUID()}/retry`)
        .set(writeHeaders(admin))
        .expect(404);
      await request(server)
        .get('/api/admin/refunds')
        .query({ status: 'nonsense' })
        .set('Cookie', admin.cookie)
        .expect(400);
    });

    it('lets an admin retry a refund now', async () => {
      const booking = await aPaidBooking(euro);
      fake.injectFault({ status: 500 }, 3);
      await adminRefund(booking.id, 3_000).expect(503);
      const request0 = (
        (
          await request(server)
            .get('/api/admin/refunds')
            .query({ status: 'retrying', pageSize: 100 })
            .set('Cookie', admin.cookie)
            .expect(200)
        ).body.items as AdminRefundRequestDto[]
      ).find((r) => r.referenceId === booking.id)!;
      const retried = await request(server)
        .post(`/api/admin/refunds/${request0.id}/retry`)
        .set(writeHeaders(admin))
        .expect(200);
      expect(retried.body).toMatchObject({ status: 'succeeded', attempts: 2 });
      expect((await get(booking.id)).payment.amountRefundedCents).toBe(3_000);
    });
  });

  describe('the ledger against Stripe (property)', () => {
    type Step =
      | { kind: 'our_refund'; cents: number; early: boolean }
      | { kind: 'dashboard_refund'; cents: number }
      | { kind: 'redeliver'; pick: number }
      | { kind: 'transfer' };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({
        kind: fc.constant('our_refund' as const),
        cents: fc.integer({ min: 1, max: 4_000 }),
        early: fc.boolean(),
      }),
      fc.record({
        kind: fc.constant('dashboard_refund' as const),
        cents: fc.integer({ min: 1, max: 4_000 }),
      }),
      fc.record({ kind: fc.constant('redeliver' as const), pick: fc.nat() }),
      fc.record({ kind: fc.constant('transfer' as const) }),
    );

    it('for any order of charges, refunds (ours and the Dashboard’s), transfers and redeliveries, the ledger equals Stripe and nothing counts twice', async () => {
      await request(server)
        .post('/api/payments/connect/onboarding')
        .set(writeHeaders(euro.who))
        .expect(201);
      await fake.enableAccount(fake.all('acct').at(-1)!.id);
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 2, maxLength: 7 }), async (steps) => {
          const booking = await aPaidBooking(euro);
          const intent = intentOf(booking.id);
          const seen: FakeStripeEvent[] = [...fake.events.slice(-1)];
          let requestNo = 0;
          for (const s of steps) {
            const before = fake.events.length;
            const charge = fake.get<{ amount: number; amount_refunded: number }>(
              String(fake.get<{ latest_charge: string }>(intent).latest_charge),
            );
            const left = charge.amount - charge.amount_refunded;
            if (s.kind === 'our_refund' && left > 0) {
              fake.webhooksBeforeAnswer = s.early;
              await adminRefund(
                booking.id,
                Math.min(s.cents, left),
                `00000000-0000-4000-8000-${String(++requestNo).padStart(12, '0')}`,
              ).expect(204);
              fake.webhooksBeforeAnswer = false;
            } else if (s.kind === 'dashboard_refund' && left > 0) {
              await fake.dashboardRefund(intent, Math.min(s.cents, left), { deliver: false });
            } else if (s.kind === 'redeliver' && seen.length > 0) {
              await fake.deliver(seen[s.pick % seen.length]!);
            } else if (s.kind === 'transfer') {
              await t.app.get(BookingPayoutsService).transferShare(booking.id);
            }
            seen.push(...fake.events.slice(before));
          }
          // Stripe eventually delivers everything, in some order, some twice.
          for (const event of [...seen].reverse()) await fake.deliver(event);
          for (const event of seen) await fake.deliver(event);

          const charge = fake.get<{ amount: number; amount_refunded: number }>(
            String(fake.get<{ latest_charge: string }>(intent).latest_charge),
          );
          const rows = await ledgerRows(booking.id);
          const sum = (type: string) =>
            rows.filter((r) => r.type === type).reduce((t2, r) => t2 + Number(r.amount_cents), 0);
          expect(sum('charge')).toBe(charge.amount);
          expect(sum('refund')).toBe(charge.amount_refunded);
          const refundIds = rows.filter((r) => r.type === 'refund').map((r) => r.provider_ref);
          expect(new Set(refundIds).size).toBe(refundIds.length);
          const stripeRefunds = fake.all('re_').filter((r) => r.payment_intent === intent);
          expect(new Set(refundIds)).toEqual(new Set(stripeRefunds.map((r) => r.id)));
          const transfer = fake
            .all('tr_')
            .find((tr) => tr.transfer_group === `booking-${booking.id}`);
          expect(sum('transfer')).toBe(Number(transfer?.amount ?? 0));
          expect(sum('transfer_reversal')).toBe(Number(transfer?.amount_reversed ?? 0));
          const after = await get(booking.id);
          expect(after.payment.amountRefundedCents).toBe(charge.amount_refunded);
          expect(after.payment.amountPaidCents).toBe(charge.amount);
        }),
        { numRuns: 8 },
      );
    });
  });
});
