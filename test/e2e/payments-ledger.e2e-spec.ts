import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types';
import { DataSource } from 'typeorm';
import { CheckoutService } from '../../server/modules/payments/checkout.service';
import { LedgerQueriesService } from '../../server/modules/payments/ledger-queries.service';
import { PaymentPurposes } from '../../server/modules/payments/payment-purposes.service';
import type { Payment } from '../../server/modules/payments/payment.entity';
import { RefundsService } from '../../server/modules/payments/refunds.service';
import { TransfersService } from '../../server/modules/payments/transfers.service';
import { signUp, writeHeaders } from '../support/accounts';
import { FakeStripe } from '../support/fake-stripe/fake-stripe';
import { startTestAppWithStripe } from '../support/fake-stripe/stripe-test-app';
import type { TestApp } from '../support/test-app';

/**
 * The money engine on its own, with the real SDK, the fake Stripe server and real webhooks.
 * A stand-in purpose handler records what the owning feature would be told.
 */
describe('payments ledger: checkout, refunds, transfers (e2e)', () => {
  const fake = new FakeStripe();
  let t: TestApp;
  let server: App;
  let checkout: CheckoutService;
  let refunds: RefundsService;
  let transfers: TransfersService;
  let ledger: LedgerQueriesService;
  const succeeded: string[] = [];
  const expired: string[] = [];

  beforeAll(async () => {
    t = await startTestAppWithStripe(fake, {
      PLATFORM_FEE_PERCENT: '15',
    });
    server = t.app.getHttpServer() as App;
    checkout = t.app.get(CheckoutService);
    refunds = t.app.get(RefundsService);
    transfers = t.app.get(TransfersService);
    ledger = t.app.get(LedgerQueriesService);
    t.app.get(PaymentPurposes).register('booking', {
      onPaymentSucceeded: async (payment: Payment) => void succeeded.push(payment.referenceId),
      onPaymentExpired: async (payment: Payment) => void expired.push(payment.referenceId),
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.stop();
  });

  const aCheckout = (referenceId = randomUUID(), amountCents = 20_000) =>
    checkout.startCheckout({
      purpose: 'booking',
      referenceId,
      payerId: randomUUID(),
      kind: 'full',
      amountCents,
      currency: 'EUR',
      description: 'Studio headshot session',
      returnPath: `/app/bookings/${referenceId}`,
      expiresAt: new Date(Date.now() + 30 * 60_000),
      saveCard: true,
      transferGroup: `booking-${referenceId}`,
    });

  async function paid(referenceId = randomUUID(), amountCents = 20_000) {
    const { payment } = await aCheckout(referenceId, amountCents);
    await fake.completeCheckout(payment.checkoutSessionId!);
    return payment;
  }

  it('charges exactly the server amount and tells the owning feature once, however often Stripe says so', async () => {
    const referenceId = randomUUID();
    const { payment, url } = await aCheckout(referenceId, 12_345);
    expect(url).toContain(fake.baseUrl);
    expect(fake.get(payment.checkoutSessionId!)).toMatchObject({
      amount_total: 12_345,
      currency: 'eur',
    });

    const [completed] = await fake.completeCheckout(payment.checkoutSessionId!);
    await fake.deliver(completed!);
    await fake.deliver(completed!);
    expect(succeeded.filter((id) => id === referenceId)).toHaveLength(1);
    await expect(ledger.summary('booking', referenceId)).resolves.toMatchObject({
      paidCents: 12_345,
      refundedCents: 0,
    });
  });

  it('returns the same open session when checkout is started twice', async () => {
    const referenceId = randomUUID();
    const first = await aCheckout(referenceId);
    const second = await aCheckout(referenceId);
    expect(second.payment.id).toBe(first.payment.id);
    expect(second.url).toBe(first.url);
    expect(
      fake
        .all('cs_test')
        .filter((s) => (s.metadata as { referenceId?: string }).referenceId === referenceId),
    ).toHaveLength(1);
  });

  it('keeps the payment pending when Stripe fails, and the retry uses the same idempotency key', async () => {
    const referenceId = randomUUID();
    fake.injectFault({ status: 500 }, 3);
    await expect(aCheckout(referenceId)).rejects.toMatchObject({
      code: 'PAYMENT_PROVIDER_UNAVAILABLE',
    });
    const retry = await aCheckout(referenceId);
    expect(retry.payment.status).toBe('pending');
    const keys = fake.requests.filter(
      (r) => r.path === '/v1/checkout/sessions' && r.idempotencyKey?.includes(referenceId),
    );
    expect(new Set(keys.map((r) => r.idempotencyKey))).toEqual(
      new Set([`booking-${referenceId}-full`]),
    );
  });

  it('ignores an expiry that arrives after the payment completed (order-independent)', async () => {
    const referenceId = randomUUID();
    const payment = await paid(referenceId);
    await fake.deliver(
      fake.event('checkout.session.expired', {
        ...fake.get(payment.checkoutSessionId!),
        status: 'expired',
      }),
    );
    expect(expired).not.toContain(referenceId);
    const [row] = await ledger.paymentsFor('booking', referenceId);
    expect(row!.status).toBe('succeeded');
  });

  it('reports an unpaid hosted page that expired', async () => {
    const referenceId = randomUUID();
    const { payment } = await aCheckout(referenceId);
    await fake.expireCheckoutByTime(payment.checkoutSessionId!);
    expect(expired).toContain(referenceId);
  });

  it('refunds once when the same refund is requested twice at the same time', async () => {
    const referenceId = randomUUID();
    const payment = await paid(referenceId, 20_000);
    const [a, b] = await Promise.all([
      refunds.refund(payment.id, 10_000, 'client-cancellation'),
      refunds.refund(payment.id, 10_000, 'client-cancellation'),
    ]);
    expect(a.id).toBe(b.id);
    expect(
      fake
        .all('re_')
        .filter((r) => r.payment_intent === fake.get(payment.checkoutSessionId!).payment_intent),
    ).toHaveLength(1);
    await expect(ledger.summary('booking', referenceId)).resolves.toMatchObject({
      paidCents: 20_000,
      refundedCents: 10_000,
    });
    const [row] = await ledger.paymentsFor('booking', referenceId);
    expect(row).toMatchObject({ status: 'partially_refunded', refundedCents: 10_000 });
  });

  it('never refunds more than was paid', async () => {
    const payment = await paid(randomUUID(), 5_000);
    await refunds.refund(payment.id, 9_999, 'photographer-cancelled');
    await expect(refunds.refund(payment.id, 1, 'second-try')).rejects.toMatchObject({
      code: 'NOTHING_TO_REFUND',
    });
  });

  it('holds the photographer’s share until their account can receive it, then transfers it minus the fee', async () => {
    const referenceId = randomUUID();
    await paid(referenceId, 20_000);
    const photographer = await signUp(server, { role: 'photographer' });
    await expect(
      transfers.transferShare('booking', referenceId, photographer.session.user.id),
    ).rejects.toMatchObject({
      code: 'PAYOUT_ACCOUNT_NOT_READY',
    });

    await request(server)
      .post('/api/payments/connect/onboarding')
      .set(writeHeaders(photographer))
      .expect(201);
    const account = fake.all('acct').at(-1)!;
    await fake.enableAccount(account.id);

    const transfer = await transfers.transferShare(
      'booking',
      referenceId,
      photographer.session.user.id,
    );
    const again = await transfers.transferShare(
      'booking',
      referenceId,
      photographer.session.user.id,
    );
    expect(again!.id).toBe(transfer!.id);
    expect(fake.get(transfer!.providerRef!)).toMatchObject({
      amount: 17_000,
      destination: account.id,
      transfer_group: `booking-${referenceId}`,
    });
    await expect(ledger.summary('booking', referenceId)).resolves.toMatchObject({
      transferredCents: 17_000,
      platformFeeCents: 3_000,
    });

    // A refund after the transfer takes back the same share of it.
    const [payment] = await ledger.paymentsFor('booking', referenceId);
    await refunds.refund(payment!.id, 10_000, 'goodwill');
    expect(fake.get(transfer!.providerRef!)).toMatchObject({ amount_reversed: 8_500 });
    await expect(ledger.summary('booking', referenceId)).resolves.toMatchObject({
      refundedCents: 10_000,
      reversedCents: 8_500,
    });
  });

  it('keeps every ledger amount in whole minor units', async () => {
    const rows: { amount_cents: number }[] = await t.app
      .get(DataSource)
      .query('SELECT amount_cents FROM ledger_entries');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => Number.isInteger(Number(r.amount_cents)))).toBe(true);
  });

  it('marks a pending payment failed when its card is declined', async () => {
    const referenceId = randomUUID();
    const { payment } = await aCheckout(referenceId);
    await t.app
      .get(DataSource)
      .query(
        t.dialect === 'postgres'
          ? 'UPDATE payments SET payment_intent_id = $1 WHERE id = $2'
          : 'UPDATE payments SET payment_intent_id = ? WHERE id = ?',
        ['pi_declined', payment.id],
      );
    const delivery = await fake.deliver(
      fake.event('payment_intent.payment_failed', { id: 'pi_declined', object: 'payment_intent' }),
    );
    expect(delivery.body).toMatchObject({ result: 'applied' });
    const [row] = await ledger.paymentsFor('booking', referenceId);
    expect(row!.status).toBe('failed');
  });
});
