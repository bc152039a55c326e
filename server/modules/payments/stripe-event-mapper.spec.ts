import { toPaymentEvent } from './stripe-event-mapper';

const event = (type: string, object: unknown) => ({ id: 'evt_1', type, data: { object } });
const session = (fields: Record<string, unknown>) => ({
  id: 'cs_1',
  object: 'checkout.session',
  payment_intent: 'pi_1',
  customer: 'cus_1',
  ...fields,
});

describe(toPaymentEvent.name, () => {
  it.each([
    ['checkout.session.completed', session({ payment_status: 'paid' }), 'checkout_paid'],
    [
      'checkout.session.completed',
      session({ payment_status: 'no_payment_required' }),
      'checkout_paid',
    ],
    ['checkout.session.completed', session({ payment_status: 'unpaid' }), 'checkout_processing'],
    ['checkout.session.async_payment_succeeded', session({}), 'checkout_paid'],
    ['checkout.session.async_payment_failed', session({}), 'checkout_failed'],
    ['checkout.session.expired', session({}), 'checkout_expired'],
    ['payment_intent.payment_failed', { id: 'pi_1' }, 'payment_failed'],
    ['account.updated', { id: 'acct_1', payouts_enabled: true }, 'payout_account_updated'],
    ['customer.created', null, 'unhandled'],
  ])('maps %s to %s', (type, object, kind) => {
    expect(toPaymentEvent(event(type, object))).toMatchObject({ kind, eventId: 'evt_1' });
  });

  it('keeps the session, intent and customer ids of a paid checkout (expanded objects too)', () => {
    expect(
      toPaymentEvent(
        event(
          'checkout.session.completed',
          session({ payment_status: 'paid', customer: { id: 'cus_9', object: 'customer' } }),
        ),
      ),
    ).toEqual({
      kind: 'checkout_paid',
      eventId: 'evt_1',
      sessionId: 'cs_1',
      paymentIntentId: 'pi_1',
      customerRef: 'cus_9',
    });
  });

  it('reports every refund of a refunded charge by its id, with upper-case currency and our request id', () => {
    const refunds = [
      { id: 're_1', amount: 2_235, currency: 'usd', status: 'succeeded', metadata: {} },
      {
        id: 're_2',
        amount: 100,
        currency: 'usd',
        status: 'pending',
        payment_intent: 'pi_1',
        metadata: { refundRequestId: 'rr_1' },
      },
      { id: 're_3', amount: 50, currency: 'usd', status: 'failed', metadata: {} },
    ];
    expect(
      toPaymentEvent(event('charge.refunded', { id: 'ch_1', payment_intent: 'pi_1' }), refunds),
    ).toEqual({
      kind: 'refunds_reported',
      eventId: 'evt_1',
      refunds: [
        {
          refundId: 're_1',
          paymentIntentId: 'pi_1',
          amountCents: 2_235,
          currency: 'USD',
          state: 'settled',
          requestId: null,
        },
        {
          refundId: 're_2',
          paymentIntentId: 'pi_1',
          amountCents: 100,
          currency: 'USD',
          state: 'settled',
          requestId: 'rr_1',
        },
        {
          refundId: 're_3',
          paymentIntentId: 'pi_1',
          amountCents: 50,
          currency: 'USD',
          state: 'failed',
          requestId: null,
        },
      ],
    });
  });

  it.each([
    ['no event id', { type: 'checkout.session.completed', data: { object: session({}) } }],
    ['a null object', event('checkout.session.completed', null)],
    ['an array object', event('account.updated', [])],
    ['a session without an id', event('checkout.session.completed', { payment_status: 'paid' })],
    [
      'an unknown payment status',
      event('checkout.session.completed', session({ payment_status: 'x' })),
    ],
    ['a refunded charge without its intent', event('charge.refunded', { id: 'ch_1' })],
    [
      'a refund with a fractional amount',
      event('refund.created', { id: 're_1', amount: 1.5, currency: 'eur', payment_intent: 'pi' }),
    ],
    [
      'a refund without a currency',
      event('refund.created', { id: 're_1', amount: 1, payment_intent: 'pi' }),
    ],
  ])('refuses %s as WEBHOOK_MALFORMED', (_, malformed) => {
    expect(() => toPaymentEvent(malformed)).toThrow(
      expect.objectContaining({ code: 'WEBHOOK_MALFORMED' }),
    );
  });
});
