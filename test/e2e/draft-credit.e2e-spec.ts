import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import type { BookingDto } from '../../shared/bookings/bookings.types';
import { BookingsService } from '../../server/modules/bookings/bookings.service';
import { LedgerEntry } from '../../server/modules/payments/ledger-entry.entity';
import { Payment } from '../../server/modules/payments/payment.entity';
import { signUp, type SignedIn, writeHeaders } from '../support/accounts';
import { photos, uploadPhoto, waitForDraft } from '../support/draft-fixtures';
import type { ComparisonDto, DraftCreditDto } from '../../shared/compare/compare.types';
import { FakeStripe } from '../support/fake-stripe/fake-stripe';
import { startTestAppWithStripe } from '../support/fake-stripe/stripe-test-app';
import {
  aListedPhotographer,
  aPackageInput,
  BOOKING_TEST_ENV,
  freeSlots,
  type ListedPhotographer,
  signInAdmin,
} from '../support/photographers';
import type { TestApp } from '../support/test-app';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
// The default test package: 240.00 EUR, 30 % deposit; the unlock: 9.00 EUR.
const PRICE = 24_000;
const UNLOCK = 900;

describe('a paid draft unlock credited against a studio booking (e2e)', () => {
  const fake = new FakeStripe();
  let t: TestApp;
  let server: App;
  let studio: ListedPhotographer;
  let client: SignedIn;
  let draftId: string;
  let slotIndex = 0;

  beforeAll(async () => {
    t = await startTestAppWithStripe(fake, {
      ...BOOKING_TEST_ENV,
      DRAFT_UNLOCK_PRICE_CENTS: String(UNLOCK),
      PLATFORM_FEE_PERCENT: '15',
      NOTIFICATIONS_INTERVAL_SECONDS: '0',
    });
    server = t.app.getHttpServer() as App;
    studio = await aListedPhotographer(server, await signInAdmin(server));
    client = await signUp(server, { role: 'client' });

    // The client unlocks a draft's HD images through the (fake) Stripe Checkout.
    const created = await uploadPhoto(server, client, await photos.astronaut()).expect(202);
    const draft = await waitForDraft(server, client, created.body.id);
    expect(draft.status).toBe('ready');
    draftId = draft.id;
    await request(server)
      .post(`/api/drafts/${draftId}/unlock`)
      .set(writeHeaders(client))
      .expect(200);
    const session = fake
      .all('cs_test')
      .find((s) => (s.metadata as { referenceId?: string }).referenceId === draftId)!;
    await fake.completeCheckout(session.id);
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });
  afterEach(() => t.clock.reset());

  async function nextSlot(): Promise<string> {
    // Ten days after the app's now, which a test may have moved.
    const from = new Date(t.clock.now().getTime() + 10 * DAY);
    const to = new Date(from.getTime() + 20 * HOUR);
    const { slots } = await freeSlots(server, studio.profile.id, studio.packageId, {
      from: from.toISOString(),
      to: to.toISOString(),
    });
    slotIndex += 3;
    return slots[slotIndex % slots.length]!;
  }

  async function book(body: Record<string, unknown> = {}, who: SignedIn = client) {
    return request(server)
      .post('/api/bookings')
      .set(writeHeaders(who))
      .send({ packageId: studio.packageId, startsAt: await nextSlot(), ...body });
  }

  const credits = async (who: SignedIn = client): Promise<DraftCreditDto[]> =>
    (await request(server).get('/api/draft-credits').set('Cookie', who.cookie).expect(200))
      .body as DraftCreditDto[];

  const get = async (id: string): Promise<BookingDto> =>
    (await request(server).get(`/api/bookings/${id}`).set('Cookie', client.cookie).expect(200))
      .body as BookingDto;

  const bookingCount = async () =>
    (await request(server).get('/api/bookings').set('Cookie', client.cookie).expect(200)).body
      .total as number;

  /** Releases whatever booking holds the credit (its hold lapses), so the next test has it. */
  async function releaseCredit(bookingId: string): Promise<void> {
    const { holdExpiresAt } = await get(bookingId);
    t.clock.travelTo(new Date(Date.parse(holdExpiresAt!) + 1000));
    expect((await get(bookingId)).status).toBe('expired');
    t.clock.reset();
  }

  it('lists the paid unlock as a credit for 30 days (photographers have none)', async () => {
    const [credit] = await credits();
    expect(await credits()).toHaveLength(1);
    expect(credit).toMatchObject({ draftId, amountCents: UNLOCK, currency: 'EUR' });
    const days = (Date.parse(credit!.expiresAt) - Date.now()) / DAY;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    expect(await credits(studio.who)).toEqual([]);
  });

  it('shows the credit on the comparison, taken off what each studio costs', async () => {
    const { body } = await request(server)
      .get('/api/compare')
      .query({ useCase: 'profile', draftId })
      .set('Cookie', client.cookie)
      .expect(200);
    const comparison = body as ComparisonDto;
    expect(comparison.credit).toMatchObject({ draftId, amountCents: UNLOCK });
    expect(comparison.ai).toMatchObject({ unlocked: true, hdUnlockPriceCents: UNLOCK });
    const [row] = comparison.studios;
    expect(row).toMatchObject({ creditCents: UNLOCK, payableCents: row!.totalCents - UNLOCK });
  });

  it('takes the credit off the total, the deposit follows, and it cannot be used twice', async () => {
    const held = await book({ creditDraftId: draftId });
    expect(held.status).toBe(201);
    const booking = held.body as BookingDto;
    const total = PRICE - UNLOCK;
    const deposit = Math.round(total * 0.3);
    expect(booking.price).toMatchObject({
      packagePriceCents: PRICE,
      draftCredit: { draftId, amountCents: UNLOCK },
      totalCents: total,
      depositCents: deposit,
      balanceCents: total - deposit,
    });
    expect(booking.payment.amountDueCents).toBe(total);
    expect(await credits()).toEqual([]);

    await request(server)
      .post(`/api/bookings/${booking.id}/checkout`)
      .set(writeHeaders(client))
      .expect(201);
    const session = fake
      .all('cs_test')
      .find((s) => (s.metadata as { referenceId?: string }).referenceId === booking.id)!;
    expect(session).toMatchObject({ amount_total: deposit, currency: 'eur' });

    const before = await bookingCount();
    const again = await book({ creditDraftId: draftId });
    expect([again.status, again.body.code]).toEqual([409, 'CREDIT_ALREADY_USED']);
    expect(await bookingCount()).toBe(before);

    await releaseCredit(booking.id);
    expect(await credits()).toHaveLength(1);
  });

  it('lets only one of two bookings made at the same moment use the credit', async () => {
    const [first, second] = await Promise.all([
      book({ creditDraftId: draftId }),
      book({ creditDraftId: draftId }),
    ]);
    const results = [first, second].map((r) => [r.status, r.body.code ?? null]).sort();
    expect(results).toEqual([
      [201, null],
      [409, 'CREDIT_ALREADY_USED'],
    ]);
    const winner = first.status === 201 ? first : second;
    await releaseCredit(winner.body.id);
  });

  it('gives the credit back when the client cancels a paid booking', async () => {
    const held = (await book({ creditDraftId: draftId })).body as BookingDto;
    await request(server)
      .post(`/api/bookings/${held.id}/checkout`)
      .set(writeHeaders(client))
      .expect(201);
    const session = fake
      .all('cs_test')
      .find((s) => (s.metadata as { referenceId?: string }).referenceId === held.id)!;
    await fake.completeCheckout(session.id);
    expect((await get(held.id)).status).toBe('confirmed');
    expect(await credits()).toEqual([]);

    await request(server)
      .post(`/api/bookings/${held.id}/cancel`)
      .set(writeHeaders(client))
      .expect(200);
    expect(await credits()).toHaveLength(1);
  });

  it('refuses a draft that is not theirs and a refunded or expired unlock, writing nothing', async () => {
    const before = await bookingCount();
    const stranger = await book({ creditDraftId: randomUUID() });
    expect([stranger.status, stranger.body.code]).toEqual([404, 'DRAFT_NOT_FOUND']);

    const other = await signUp(server, { role: 'client' });
    const notTheirs = await book({ creditDraftId: draftId }, other);
    expect([notTheirs.status, notTheirs.body.code]).toEqual([404, 'DRAFT_NOT_FOUND']);

    // 31 days after the unlock was paid, the credit has lapsed.
    const data = t.app.get(DataSource);
    const payment = await data
      .getRepository(Payment)
      .findOneByOrFail({ purpose: 'draft_unlock', referenceId: draftId });
    const charge = await data
      .getRepository(LedgerEntry)
      .findOneByOrFail({ paymentId: payment.id, type: 'charge' });
    t.clock.travelTo(new Date(charge.createdAt.getTime() + 31 * DAY));
    const expired = await book({ creditDraftId: draftId });
    expect([expired.status, expired.body.code]).toEqual([409, 'CREDIT_EXPIRED']);
    expect(await credits()).toEqual([]);
    t.clock.reset();

    // A refunded unlock (the refund is set behind the API's back: that is money, not time).
    await data
      .getRepository(Payment)
      .update({ id: payment.id }, { status: 'refunded', refundedCents: UNLOCK });
    const refunded = await book({ creditDraftId: draftId });
    expect([refunded.status, refunded.body.code]).toEqual([409, 'CREDIT_NOT_AVAILABLE']);
    await data
      .getRepository(Payment)
      .update({ id: payment.id }, { status: 'succeeded', refundedCents: 0 });

    expect(await bookingCount()).toBe(before);
    expect(await credits()).toHaveLength(1);
  });

  it('always leaves the smallest card payment to pay, and confirms a free package without checkout', async () => {
    const small = await request(server)
      .post('/api/photographers/me/packages')
      .set(writeHeaders(studio.who))
      .send(
        aPackageInput({ name: 'Mini', priceCents: 600, deposit: { kind: 'percent', percent: 0 } }),
      )
      .expect(201);
    const credited = await book({ packageId: small.body.id, creditDraftId: draftId });
    expect(credited.status).toBe(201);
    expect((credited.body as BookingDto).price).toMatchObject({
      totalCents: 50,
      draftCredit: { draftId, amountCents: 550 },
    });
    await releaseCredit(credited.body.id);

    const free = await request(server)
      .post('/api/photographers/me/packages')
      .set(writeHeaders(studio.who))
      .send(aPackageInput({ name: 'Free mini', priceCents: 0 }))
      .expect(201);
    const freeHold = await book({ packageId: free.body.id });
    expect(freeHold.status).toBe(201);
    const held = freeHold.body as BookingDto;
    const checkout = await request(server)
      .post(`/api/bookings/${held.id}/checkout`)
      .set(writeHeaders(client))
      .expect(409);
    expect(checkout.body.code).toBe('BOOKING_NOTHING_TO_PAY');
    const confirmed = await request(server)
      .post(`/api/bookings/${held.id}/confirm`)
      .set(writeHeaders(client))
      .expect(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', payment: { status: 'paid' } });
  });

  it('pays the photographer their share of the full price: the platform funds the credit', async () => {
    const held = (await book({ creditDraftId: draftId })).body as BookingDto;
    await request(server)
      .post(`/api/bookings/${held.id}/checkout`)
      .set(writeHeaders(client))
      .expect(201);
    const session = fake
      .all('cs_test')
      .find((s) => (s.metadata as { referenceId?: string }).referenceId === held.id)!;
    await fake.completeCheckout(session.id);
    // A day after the session: it is completed (balance charged) and delivered.
    t.clock.travelTo(new Date(Date.parse(held.startsAt) + 26 * HOUR));
    await request(server)
      .post(`/api/bookings/${held.id}/complete`)
      .set(writeHeaders(studio.who))
      .expect(200);
    expect((await get(held.id)).payment).toMatchObject({
      status: 'paid',
      amountPaidCents: PRICE - UNLOCK,
    });

    await request(server)
      .post('/api/payments/connect/onboarding')
      .set(writeHeaders(studio.who))
      .expect(201);
    await fake.enableAccount(fake.all('acct').at(-1)!.id);
    await t.app.get(BookingsService).markDelivered(
      {
        userId: studio.who.session.user.id,
        role: 'photographer',
        sessionId: 'x',
        csrfToken: 'x',
        emailVerified: true,
        sessionExpiresAt: new Date(),
      },
      held.id,
    );
    const transfer = fake.all('tr').find((tr) => tr.transfer_group === `booking-${held.id}`);
    expect(transfer).toMatchObject({ amount: PRICE - Math.floor(PRICE * 0.15) });
    // Delivered: the credit is spent for good.
    expect(await credits()).toEqual([]);
  });
});
