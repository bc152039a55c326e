import Stripe from 'stripe';
import { FakeStripe } from './fake-stripe';

/** The fake must behave like Stripe for the real SDK, or tests built on it prove nothing. */
describe(FakeStripe.name, () => {
  const fake = new FakeStripe();
  let stripe: Stripe;

  beforeAll(async () => {
    const url = new URL(await fake.start());
    stripe = new Stripe('sk_test_fake', {
      host: url.hostname,
      port: url.port,
      protocol: 'http',
      maxNetworkRetries: 0,
      telemetry: false,
    });
  });
  afterAll(() => fake.stop());

  async function aPaidSession(amount = 6000) {
    const session = await stripe.checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: { currency: 'eur', unit_amount: amount, product_data: { name: 'Deposit' } },
          },
        ],
        payment_intent_data: { transfer_group: 'booking-1', setup_future_usage: 'off_session' },
        success_url: 'http://app.test/ok?s={CHECKOUT_SESSION_ID}',
        cancel_url: 'http://app.test/cancel',
        metadata: { bookingId: 'b-1' },
      },
      { idempotencyKey: `booking-${amount}-${Math.random()}` },
    );
    await fake.completeCheckout(session.id, { deliver: false });
    return stripe.checkout.sessions.retrieve(session.id);
  }

  it('creates, retrieves and completes a Checkout Session with the server-side amount', async () => {
    const paid = await aPaidSession(6000);
    expect(paid).toMatchObject({
      status: 'complete',
      payment_status: 'paid',
      amount_total: 6000,
      metadata: { bookingId: 'b-1' },
    });
    const intent = await stripe.paymentIntents.retrieve(String(paid.payment_intent));
    expect(intent).toMatchObject({
      status: 'succeeded',
      amount: 6000,
      transfer_group: 'booking-1',
    });
  });

  it('replays the first answer for a repeated idempotency key', async () => {
    const params = { type: 'express' as const, email: 'p@example.com' };
    const a = await stripe.accounts.create(params, { idempotencyKey: 'acct-1' });
    const b = await stripe.accounts.create(params, { idempotencyKey: 'acct-1' });
    expect(b.id).toBe(a.id);
  });

  it('refunds at most what was charged', async () => {
    const paid = await aPaidSession(5000);
    const pi = String(paid.payment_intent);
    await expect(
      stripe.refunds.create({ payment_intent: pi, amount: 2000 }),
    ).resolves.toMatchObject({ amount: 2000 });
    await expect(stripe.refunds.create({ payment_intent: pi, amount: 4000 })).rejects.toMatchObject(
      { statusCode: 400 },
    );
  });

  it('reports authentication_required for an off-session charge on a card that needs it', async () => {
    const paid = await aPaidSession();
    const intent = await stripe.paymentIntents.retrieve(String(paid.payment_intent));
    fake.cardsNeedingAuthentication.add(String(paid.customer));
    await expect(
      stripe.paymentIntents.create({
        amount: 9000,
        currency: 'eur',
        customer: String(paid.customer),
        payment_method: String(intent.payment_method),
        off_session: true,
        confirm: true,
      }),
    ).rejects.toMatchObject({ code: 'authentication_required' });
  });

  it('transfers to a connected account and reverses part of it', async () => {
    const account = await stripe.accounts.create({ type: 'express' });
    const transfer = await stripe.transfers.create({
      amount: 8000,
      currency: 'eur',
      destination: account.id,
      transfer_group: 'booking-1',
    });
    await stripe.transfers.createReversal(transfer.id, { amount: 3000 });
    expect(fake.get(transfer.id)).toMatchObject({ amount_reversed: 3000, reversed: false });
  });

  it('answers injected faults', async () => {
    fake.injectFault({ status: 500 });
    await expect(stripe.accounts.create({ type: 'express' })).rejects.toMatchObject({
      statusCode: 500,
    });
    await expect(stripe.accounts.create({ type: 'express' })).resolves.toMatchObject({
      object: 'account',
    });
  });
  it('completes a delayed method unpaid, then settles it as Stripe’s async Checkout events say', async () => {
    const session = await stripe.checkout.sessions.create({
      mode: 'payment',
      line_items: [
        {
          quantity: 1,
          price_data: { currency: 'eur', unit_amount: 4200, product_data: { name: 'x' } },
        },
      ],
      success_url: 'http://app.test/ok',
      cancel_url: 'http://app.test/cancel',
    });
    const [completed] = await fake.completeCheckout(session.id, {
      method: 'sepa_debit',
      deliver: false,
    });
    expect(completed!.data.object).toMatchObject({ payment_status: 'unpaid', status: 'complete' });
    const intentId = String(completed!.data.object.payment_intent);
    await expect(stripe.paymentIntents.retrieve(intentId)).resolves.toMatchObject({
      status: 'processing',
      latest_charge: null,
    });
    const settled = await fake.settleDelayedPayment(session.id, 'succeeded', { deliver: false });
    expect(settled.type).toBe('checkout.session.async_payment_succeeded');
    expect(settled.data.object).toMatchObject({ payment_status: 'paid' });
    await expect(stripe.paymentIntents.retrieve(intentId)).resolves.toMatchObject({
      status: 'succeeded',
      amount_received: 4200,
    });
  });

  it('lists a charge’s refunds, ours and the Dashboard’s, each announced by charge.refunded and refund.created', async () => {
    const paid = await aPaidSession(5000);
    const intentId = String(paid.payment_intent);
    const ours = await stripe.refunds.create(
      { payment_intent: intentId, amount: 1000, metadata: { refundRequestId: 'rr-1' } },
      { idempotencyKey: `refund-${intentId}` },
    );
    const { refund: dashboard, events } = await fake.dashboardRefund(intentId, 500, {
      deliver: false,
    });
    expect(events.map((e) => e.type)).toEqual(['charge.refunded', 'refund.created']);
    expect(events[0]!.data.object).toMatchObject({ amount_refunded: 1500 });
    expect(events[0]!.data.object).not.toHaveProperty('refunds');
    const chargeId = String((await stripe.paymentIntents.retrieve(intentId)).latest_charge);
    const listed = await stripe.refunds.list({ charge: chargeId }).autoPagingToArray({ limit: 10 });
    expect(listed.map((r) => [r.id, r.amount, r.metadata])).toEqual([
      [dashboard.id, 500, {}],
      [ours.id, 1000, { refundRequestId: 'rr-1' }],
    ]);
  });
});
