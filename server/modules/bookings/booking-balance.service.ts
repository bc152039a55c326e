import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { amountDueCents } from '../../../shared/bookings/amount-due';
import { Clock } from '../../common/clock';
import { CheckoutService } from '../payments/checkout.service';
import { CHARGED_STATUSES } from '../../../shared/payments/payment-status';
import { LedgerQueriesService } from '../payments/ledger-queries.service';
import { PaymentError } from '../payments/payments.errors';
import { BookingMoneyWriter } from './booking-money-writer';
import { BookingPayoutsService } from './booking-payouts.service';
import { Booking } from './booking.entity';

/**
 * The balance of a deposit booking, charged once the session is completed (off-session, on the
 * card saved with the deposit); packages without a delivery step then pay the photographer.
 */
@Injectable()
export class BookingBalanceService {
  constructor(
    private readonly checkout: CheckoutService,
    private readonly queries: LedgerQueriesService,
    private readonly money: BookingMoneyWriter,
    private readonly payouts: BookingPayoutsService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * The session was completed: the balance is charged to the card saved with the deposit, or,
   * when the bank wants the card holder, a hosted page for it is linked from the booking.
   */
  async chargeOnCompletion(bookingId: string): Promise<void> {
    const now = this.clock.now();
    const booking = await this.dataSource.getRepository(Booking).findOneByOrFail({ id: bookingId });
    const balance = amountDueCents({
      status: booking.status,
      totalCents: booking.price.totalCents,
      amountPaidCents: booking.amountPaidCents,
    });
    // A balance whose pay link is out waits for the client; otherwise "due" alone decides.
    if (booking.paymentStatus === 'balance_due') return;
    if (balance <= 0) return this.transferIfNoDelivery(booking);
    const deposit = (await this.queries.paymentsFor('booking', bookingId)).find(
      (p) => p.kind === 'deposit' && CHARGED_STATUSES.includes(p.status),
    );
    if (!deposit) return;
    try {
      const payment = await this.checkout.chargeSavedCard({
        firstPayment: deposit,
        kind: 'balance',
        amountCents: balance,
        description: `${booking.price.packageName} — balance`,
      });
      await this.dataSource.transaction((manager) =>
        this.money.apply(
          manager,
          booking.id,
          'money_recorded',
          {
            action: 'balance_charged',
            details: { amountCents: payment.amountCents, currency: payment.currency },
          },
          (current, to) => this.money.of(manager, current, to),
          now,
        ),
      );
      await this.transferIfNoDelivery(booking);
    } catch (error) {
      if (!(error instanceof PaymentError) || error.code !== 'PAYMENT_AUTHENTICATION_REQUIRED')
        throw error;
      // The bank wants the card holder: a hosted page for the balance, linked from the booking.
      const { url } = await this.checkout.startCheckout({
        purpose: 'booking',
        referenceId: booking.id,
        payerId: booking.clientId,
        kind: 'balance',
        amountCents: balance,
        currency: booking.price.currency,
        description: `${booking.price.packageName} — balance`,
        returnPath: `/app/bookings/${booking.id}`,
        expiresAt: new Date(now.getTime() + 23 * 3600_000),
        saveCard: false,
        transferGroup: `booking-${booking.id}`,
      });
      await this.dataSource.transaction((manager) =>
        this.money.apply(
          manager,
          booking.id,
          'money_recorded',
          {
            action: 'balance_needs_authentication',
            details: { amountCents: balance, currency: booking.price.currency, payUrl: url },
          },
          () => ({ paymentStatus: 'balance_due', payUrl: url }),
          now,
        ),
      );
    }
  }

  /** Packages without a delivery step pay the photographer when the session is completed. */
  private async transferIfNoDelivery(booking: Booking): Promise<void> {
    if (booking.price.deliveryDays === 0) await this.payouts.transferShare(booking.id);
  }
}
