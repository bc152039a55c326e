import type { EntityManager } from 'typeorm';
import { FixedClock } from '../../common/clock';
import type { LedgerQueriesService } from '../payments/ledger-queries.service';
import { PaymentPurposes } from '../payments/payment-purposes.service';
import { Payment } from '../payments/payment.entity';
import { BookingMoneyWriter } from './booking-money-writer';
import { BookingPaymentEvents } from './booking-payment-events';
import type { BookingPaymentsService } from './booking-payments.service';
import {
  aBooking,
  InMemoryBookings,
  InMemoryBookingWriter,
  inMemoryManager,
} from './testing/booking-fakes';

function aPayment(overrides: Partial<Payment> = {}): Payment {
  return Object.assign(new Payment(), {
    id: 'pay-1',
    purpose: 'booking',
    referenceId: 'booking-1',
    payerId: 'client-1',
    kind: 'deposit',
    provider: 'stripe',
    amountCents: 6_000,
    refundedCents: 0,
    currency: 'EUR',
    status: 'succeeded',
    ...overrides,
  } satisfies Partial<Payment>);
}

/**
 * What a booking does when the provider reports its money, on in-memory rows: the assertions
 * read the booking and its audit trail, not which collaborator wrote them.
 */
describe(BookingPaymentEvents.name, () => {
  let db: InMemoryBookings;
  let payments: Payment[];
  let credits: { bookingId: string }[];
  let refunds: { bookingId: string; amountCents: number; reason: string }[];
  let manager: EntityManager;
  let sut: BookingPaymentEvents;
  const clock = new FixedClock('2030-06-01T09:00:00Z');

  beforeEach(() => {
    db = new InMemoryBookings();
    payments = [];
    credits = [];
    refunds = [];
    manager = inMemoryManager(db, credits) as unknown as EntityManager;
    const queries = {
      paymentsFor: (_purpose: string, id: string) =>
        Promise.resolve(payments.filter((p) => p.referenceId === id)),
    } as unknown as LedgerQueriesService;
    const bookingPayments = {
      refundSession: (bookingId: string, amountCents: number, reason: string) => {
        refunds.push({ bookingId, amountCents, reason });
        return Promise.resolve();
      },
    } as unknown as BookingPaymentsService;
    sut = new BookingPaymentEvents(
      new PaymentPurposes(),
      new BookingMoneyWriter(queries, new InMemoryBookingWriter(db)),
      bookingPayments,
      clock,
    );
  });

  function aHold(overrides = {}) {
    const booking = aBooking({
      id: 'booking-1',
      status: 'held',
      paymentProvider: 'stripe',
      holdExpiresAt: new Date(clock.now().getTime() + 15 * 60_000),
      ...overrides,
    });
    db.add(booking);
    return booking;
  }

  it('confirms the held slot when the deposit arrives', async () => {
    aHold();
    const payment = aPayment();
    payments.push(payment);
    expect(await sut.onPaymentSucceeded(payment, manager)).toBeUndefined();
    expect(db.row('booking-1')).toMatchObject({
      status: 'confirmed',
      holdExpiresAt: null,
      amountPaidCents: 6_000,
    });
    expect(db.actionsOf('booking-1')).toEqual(['payment_received']);
    expect(refunds).toEqual([]);
  });

  it('makes a paid booking a request when the photographer approves bookings by hand', async () => {
    const held = aHold();
    held.policy = { ...held.policy, bookingMode: 'approval' };
    const payment = aPayment();
    payments.push(payment);
    await sut.onPaymentSucceeded(payment, manager);
    expect(db.row('booking-1').status).toBe('requested');
  });

  it('refunds in full a payment that arrives after the hold expired, and keeps it expired', async () => {
    aHold({ status: 'expired', holdExpiresAt: null });
    const payment = aPayment();
    payments.push(payment);
    const followUp = await sut.onPaymentSucceeded(payment, manager);
    expect(db.row('booking-1')).toMatchObject({ status: 'expired', amountPaidCents: 6_000 });
    expect(db.actionsOf('booking-1')).toEqual(['late_payment']);
    // The refund goes out after the webhook's transaction commits.
    expect(refunds).toEqual([]);
    await (followUp as () => Promise<void>)();
    expect(refunds).toEqual([
      { bookingId: 'booking-1', amountCents: 6_000, reason: 'late-payment' },
    ]);
  });

  it('keeps the time held until the session starts while a bank payment is on its way', async () => {
    const held = aHold();
    await sut.onPaymentProcessing(aPayment({ status: 'pending' }), manager);
    expect(db.row('booking-1')).toMatchObject({
      status: 'held',
      holdExpiresAt: held.startsAt,
      paymentStatus: 'payment_processing',
    });
  });

  it('releases the time and the draft credit when the bank payment fails', async () => {
    aHold();
    credits.push({ bookingId: 'booking-1' });
    await sut.onPaymentFailed(aPayment({ status: 'failed' }), manager);
    expect(db.row('booking-1')).toMatchObject({
      status: 'expired',
      paymentStatus: 'payment_failed',
    });
    expect(credits).toEqual([]);
  });

  it('takes a refund made in the provider’s dashboard into the booking’s totals', async () => {
    aHold({ status: 'confirmed', holdExpiresAt: null, amountPaidCents: 6_000 });
    const payment = aPayment({ refundedCents: 2_000, status: 'partially_refunded' });
    payments.push(payment);
    await sut.onRefundSettled(
      payment,
      { amountCents: 2_000, refundId: 're_1', source: 'provider', reason: null },
      manager,
    );
    expect(db.row('booking-1')).toMatchObject({
      amountPaidCents: 6_000,
      amountRefundedCents: 2_000,
    });
    expect(db.actionsOf('booking-1')).toEqual(['refunded']);
  });
});
