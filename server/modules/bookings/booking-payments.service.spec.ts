import type { DataSource } from 'typeorm';
import { FixedClock } from '../../common/clock';
import type { CheckoutService } from '../payments/checkout.service';
import type { LedgerQueriesService } from '../payments/ledger-queries.service';
import type { Payment } from '../payments/payment.entity';
import type { RefundsService } from '../payments/refunds.service';
import type { BookingBalanceService } from './booking-balance.service';
import { BookingPaymentsService } from './booking-payments.service';
import type { BookingPayoutsService } from './booking-payouts.service';
import type { BookingWriter } from './booking-writer';
import { BookingsService } from './bookings.service';
import type { BookingsRepository } from './bookings.repository';
import type { SlotsService } from './slots.service';
import {
  aBooking,
  InMemoryBookings,
  aClient,
  aPhotographer,
  accessOver,
} from './testing/booking-fakes';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const client = aClient;
const photographer = aPhotographer;

/**
 * A cancellation's refund, from the policy tier (BookingsService) to the provider's refund
 * requests (BookingPaymentsService): a booking paid in two parts gets its money back from the
 * newest payment first, and never more than each payment has left.
 */
describe(BookingPaymentsService.name, () => {
  let db: InMemoryBookings;
  let clock: FixedClock;
  let payments: Payment[];
  let refunded: { parts: { paymentId: string; amountCents: number }[]; reason: string }[];
  let provider: 'stripe' | 'manual';
  let bookings: BookingsService;

  beforeEach(() => {
    db = new InMemoryBookings();
    clock = new FixedClock('2030-05-20T09:00:00Z');
    payments = [];
    refunded = [];
    provider = 'stripe';
    const checkout = {
      get providerName() {
        return provider;
      },
      get online() {
        return provider === 'stripe';
      },
    } as unknown as CheckoutService;
    const refunds = {
      refundAll: (parts: { paymentId: string; amountCents: number }[], reason: string) => {
        refunded.push({ parts, reason });
        return Promise.resolve();
      },
    } as unknown as RefundsService;
    const queries = {
      paymentsFor: (_purpose: string, referenceId: string) =>
        Promise.resolve(payments.filter((p) => p.referenceId === referenceId)),
    } as unknown as LedgerQueriesService;
    const dataSource = {
      getRepository: () => ({
        findOneByOrFail: ({ id }: { id: string }) => Promise.resolve(db.row(id)),
        findOneBy: ({ id }: { id: string }) => Promise.resolve(db.rows.has(id) ? db.row(id) : null),
      }),
    } as unknown as DataSource;
    const sut = new BookingPaymentsService(
      checkout,
      refunds,
      queries,
      {} as BookingPayoutsService,
      dataSource,
      {} as BookingBalanceService,
    );

    const repository = db.repository as unknown as BookingsRepository;
    const writer = db.writer as unknown as BookingWriter;
    const access = accessOver(db, clock);
    bookings = new BookingsService(repository, access, writer, {} as SlotsService, sut, clock);
  });

  /** 200 € on 10 June 2030: the 60 € deposit at booking, the 140 € balance later. */
  function aBookingPaidInTwoParts(balanceRefundedCents = 0) {
    const booking = aBooking({
      paymentProvider: 'stripe',
      paymentStatus: 'paid',
      amountPaidCents: 20_000,
      amountRefundedCents: balanceRefundedCents,
    });
    db.add(booking);
    const payment = (id: string, kind: Payment['kind'], amountCents: number, refundedCents = 0) =>
      ({
        id,
        referenceId: booking.id,
        kind,
        status: refundedCents > 0 ? 'partially_refunded' : 'succeeded',
        amountCents,
        refundedCents,
      }) as Payment;
    payments.push(
      payment('deposit', 'deposit', 6_000),
      payment('balance', 'balance', 14_000, balanceRefundedCents),
    );
    return booking;
  }

  it('gives all 200 € back a week ahead: 140 € from the balance, then 60 € from the deposit', async () => {
    const booking = aBookingPaidInTwoParts();
    clock.set(new Date(booking.startsAt.getTime() - 8 * DAY));

    const cancelled = await bookings.act(client, booking.id, 'cancel');

    expect(cancelled.status).toBe('cancelled_by_client');
    expect(refunded).toEqual([
      {
        reason: 'cancelled_by_client',
        parts: [
          { paymentId: 'balance', amountCents: 14_000 },
          { paymentId: 'deposit', amountCents: 6_000 },
        ],
      },
    ]);
  });

  it('gives half back three days ahead (the 48-hour tier), all of it from the balance', async () => {
    const booking = aBookingPaidInTwoParts();
    clock.set(new Date(booking.startsAt.getTime() - 3 * DAY));

    await bookings.act(client, booking.id, 'cancel');

    expect(refunded).toEqual([
      { reason: 'cancelled_by_client', parts: [{ paymentId: 'balance', amountCents: 10_000 }] },
    ]);
  });

  it('takes what the balance has left after an earlier refund, then the deposit', async () => {
    const booking = aBookingPaidInTwoParts(9_000);
    clock.set(new Date(booking.startsAt.getTime() - 3 * DAY));

    await bookings.act(client, booking.id, 'cancel');

    expect(refunded).toEqual([
      {
        reason: 'cancelled_by_client',
        parts: [
          { paymentId: 'balance', amountCents: 5_000 },
          { paymentId: 'deposit', amountCents: 5_000 },
        ],
      },
    ]);
  });

  it('gives back everything not yet refunded when the photographer cancels, whatever the notice', async () => {
    const booking = aBookingPaidInTwoParts(9_000);
    clock.set(new Date(booking.startsAt.getTime() - 2 * HOUR));

    await bookings.act(photographer, booking.id, 'cancel');

    expect(refunded).toEqual([
      {
        reason: 'cancelled_by_photographer',
        parts: [
          { paymentId: 'balance', amountCents: 5_000 },
          { paymentId: 'deposit', amountCents: 6_000 },
        ],
      },
    ]);
  });

  it('moves no money with the manual provider: the price is settled at the studio', async () => {
    provider = 'manual';
    const booking = aBookingPaidInTwoParts();
    clock.set(new Date(booking.startsAt.getTime() - 8 * DAY));

    expect((await bookings.act(client, booking.id, 'cancel')).status).toBe('cancelled_by_client');
    expect(refunded).toEqual([]);
  });
});
