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
});
