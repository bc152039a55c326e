import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BookingLedgerDto } from '../../../shared/bookings/bookings.types';
import type { AdminRefundInput } from '../../../shared/payments/payments.types';
import { CheckoutService } from '../payments/checkout.service';
import { CHARGED_STATUSES, SESSION_PAYMENT_KINDS } from '../../../shared/payments/payment-status';
import { LedgerQueriesService } from '../payments/ledger-queries.service';
import { PaymentError } from '../payments/payments.errors';
import { RefundsService } from '../payments/refunds.service';
import { BookingBalanceService } from './booking-balance.service';
import { BookingPayoutsService } from './booking-payouts.service';
import { Booking } from './booking.entity';
import type { NewAuditEvent } from './booking-writer';
import { BookingError } from './bookings.errors';

/**
 * A booking's money through the payments module, always in the booking's currency: deposit
 * or full price at checkout, the balance when the session is completed, refunds by the policy
 * snapshot on cancellation. What the provider then reports is applied by BookingPaymentEvents.
 * With the `manual` provider nothing here moves money: the price is due at the studio.
 */
@Injectable()
export class BookingPaymentsService {
  private readonly logger = new Logger(BookingPaymentsService.name);

  constructor(
    private readonly checkout: CheckoutService,
    private readonly refunds: RefundsService,
    private readonly queries: LedgerQueriesService,
    private readonly payouts: BookingPayoutsService,
    private readonly dataSource: DataSource,
    private readonly balance: BookingBalanceService,
  ) {}

  get online(): boolean {
    return this.checkout.online;
  }

  get providerName(): 'manual' | 'stripe' {
    return this.checkout.providerName;
  }

  /**
   * Money that follows a booking transition, after it has committed: refunds on cancellation
   * and decline, the balance on completion, the photographer's share on delivery.
   */
  async afterTransition(bookingId: string, event: NewAuditEvent): Promise<void> {
    if (!this.online) return;
    try {
      switch (event.toStatus) {
        case 'cancelled_by_client':
        case 'cancelled_by_photographer':
        case 'declined': {
          const booking = await this.dataSource
            .getRepository(Booking)
            .findOneByOrFail({ id: bookingId });
          const refundCents =
            event.toStatus === 'cancelled_by_client'
              ? Number((event.details as { refundCents?: number } | null)?.refundCents ?? 0)
              : booking.amountPaidCents - booking.amountRefundedCents;
          if (refundCents > 0) await this.refundSession(bookingId, refundCents, event.toStatus);
          return;
        }
        case 'completed':
          await this.balance.chargeOnCompletion(bookingId);
          return;
        case 'delivered':
          await this.payouts.transferShare(bookingId);
          return;
        default:
          return;
      }
    } catch (error) {
      // The booking's new state stands; a refund is retried by its job, the rest is logged.
      this.logger.error(
        `Payment step after ${event.action} on booking ${bookingId} failed: ${String(error)}`,
      );
    }
  }

  /** An admin's refund on a booking, once per request id, within what was paid. */
  async refundByAdmin(bookingId: string, input: AdminRefundInput): Promise<void> {
    if (!this.online) throw PaymentError.onlinePaymentsDisabled();
    const booking = await this.dataSource.getRepository(Booking).findOneBy({ id: bookingId });
    if (!booking) throw BookingError.notFound();
    if (booking.amountPaidCents - booking.amountRefundedCents <= 0)
      throw PaymentError.nothingToRefund();
    await this.refundSession(bookingId, input.amountCents, `admin-${input.requestId}`);
  }

  async ledgerOf(booking: Booking): Promise<BookingLedgerDto> {
    const summary = await this.queries.summary('booking', booking.id);
    const entries = await this.queries.entriesFor('booking', booking.id);
    return {
      currency: summary.currency ?? booking.price.currency,
      paidCents: summary.paidCents,
      refundedCents: summary.refundedCents,
      entries: entries
        .filter((e) => e.type === 'charge' || e.type === 'refund')
        .map((e) => ({
          type: e.type,
          amountCents: e.amountCents,
          currency: e.currency,
          at: e.createdAt.toISOString(),
          note: e.note,
        })),
    };
  }

  /**
   * Refunds `amountCents` across the booking's session payments, newest first, once per
   * reason. The booking's totals follow when each refund is recorded (see onRefundSettled).
   */
  async refundSession(bookingId: string, amountCents: number, reason: string): Promise<void> {
    let left = amountCents;
    const parts: { paymentId: string; amountCents: number }[] = [];
    const charged = (await this.queries.paymentsFor('booking', bookingId))
      .filter((p) => SESSION_PAYMENT_KINDS.includes(p.kind) && CHARGED_STATUSES.includes(p.status))
      .reverse();
    for (const payment of charged) {
      const part = Math.min(left, payment.amountCents - payment.refundedCents);
      if (part <= 0) continue;
      parts.push({ paymentId: payment.id, amountCents: part });
      left -= part;
      if (left <= 0) break;
    }
    if (parts.length === 0) throw PaymentError.nothingToRefund();
    await this.refunds.refundAll(parts, reason);
  }
}
