import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { SESSION_PAYMENT_KINDS } from '../payments/domain/payment-status';
import {
  type PaymentPurposeHandler,
  PaymentPurposes,
  type SettledRefund,
} from '../payments/payment-purposes';
import type { Payment } from '../payments/payment.entity';
import type { AfterCommit } from '../payments/webhook-handlers';
import { BookingMoneyWriter } from './booking-money-writer';
import { BookingPaymentsService } from './booking-payments.service';
import { Booking } from './booking.entity';
import { DraftCredit } from './draft-credit.entity';
import { rowLock } from '../../database/row-lock';

/**
 * What a booking does when the provider reports its money (each in the webhook's or the
 * refund's transaction): a paid checkout confirms the held slot, a delayed one keeps it held,
 * a failed one releases it, a late one is refunded, and every refund, ours or the
 * Dashboard's, updates the booking's totals from the ledger.
 */
@Injectable()
export class BookingPaymentEvents implements OnModuleInit, PaymentPurposeHandler {
  constructor(
    private readonly purposes: PaymentPurposes,
    private readonly money: BookingMoneyWriter,
    private readonly payments: BookingPaymentsService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.purposes.register('booking', this);
  }

  /** Runs in the webhook's transaction: the money arrived, so the held slot becomes the client's. */
  async onPaymentSucceeded(payment: Payment, manager: EntityManager): Promise<void | AfterCommit> {
    const booking = await manager.findOneBy(Booking, { id: payment.referenceId });
    if (!booking) return;
    const now = this.clock.now();
    const details = {
      amountCents: payment.amountCents,
      currency: payment.currency,
      kind: payment.kind,
    };
    if (payment.kind === 'extra_images') {
      // Extra photos picked after the session: outside the session price, kept in the ledger.
      await this.money.record(manager, booking, {}, now, {
        action: 'extras_paid',
        toStatus: booking.status,
        details,
      });
      return;
    }
    if (payment.kind === 'balance') {
      await this.money.record(
        manager,
        booking,
        { ...(await this.money.of(manager, booking, booking.status)), payUrl: null },
        now,
        { action: 'balance_paid', toStatus: booking.status, details },
      );
      return;
    }
    if (booking.status === 'held') {
      const to = booking.policy.bookingMode === 'approval' ? 'requested' : 'confirmed';
      await this.money.record(
        manager,
        booking,
        {
          status: to,
          holdExpiresAt: null,
          ...(await this.money.of(manager, booking, to)),
          sequence: booking.sequence + 1,
        },
        now,
        { action: 'payment_received', toStatus: to, details },
      );
      return;
    }
    // Paid after the hold lapsed (or the booking ended meanwhile): give the money back.
    const { amountPaidCents } = await this.money.of(manager, booking, booking.status);
    await this.money.record(manager, booking, { amountPaidCents }, now, {
      action: 'late_payment',
      toStatus: booking.status,
      details: { ...details, reason: 'The hold had ended; the payment is refunded in full' },
    });
    return () => this.payments.refundSession(booking.id, payment.amountCents, 'late-payment');
  }

  /**
   * Checkout finished with a delayed method (SEPA Direct Debit and the like): the money is not
   * here yet, so nothing is confirmed, but the time stays held until the bank answers (at
   * most until the session would start).
   */
  async onPaymentProcessing(payment: Payment, manager: EntityManager): Promise<void> {
    const booking = await manager.findOneBy(Booking, { id: payment.referenceId });
    if (!booking || booking.status !== 'held' || payment.kind === 'extra_images') return;
    await this.money.record(
      manager,
      booking,
      { holdExpiresAt: booking.startsAt, paymentStatus: 'payment_processing' },
      this.clock.now(),
      {
        action: 'payment_processing',
        toStatus: 'held',
        details: { amountCents: payment.amountCents, currency: payment.currency },
      },
    );
  }

  /** The delayed payment failed: the time is released and the client is told (by email). */
  async onPaymentFailed(payment: Payment, manager: EntityManager): Promise<void> {
    const booking = await manager.findOneBy(Booking, { id: payment.referenceId });
    if (!booking || booking.status !== 'held' || payment.kind === 'extra_images') return;
    await manager.delete(DraftCredit, { bookingId: booking.id });
    await this.money.record(
      manager,
      booking,
      {
        status: 'expired',
        holdExpiresAt: null,
        paymentStatus: 'payment_failed',
        sequence: booking.sequence + 1,
      },
      this.clock.now(),
      {
        action: 'payment_failed',
        toStatus: 'expired',
        details: { amountCents: payment.amountCents, currency: payment.currency },
      },
    );
  }

  /**
   * A refund is in the ledger (ours, or made in the provider's dashboard): the booking's
   * refunded total and payment status follow the ledger, and the audit trail says who did it.
   */
  async onRefundSettled(
    payment: Payment,
    refund: SettledRefund,
    manager: EntityManager,
  ): Promise<void> {
    // Locked (PostgreSQL) so two refunds recorded at once both count in the totals.
    const booking = await manager.findOne(Booking, {
      where: { id: payment.referenceId },
      ...rowLock(manager.connection),
    });
    if (!booking) return;
    const details = {
      refundCents: refund.amountCents,
      currency: payment.currency,
      refundId: refund.refundId,
      source: refund.source,
      reason: refund.reason,
      paymentKind: payment.kind,
    };
    if (!SESSION_PAYMENT_KINDS.includes(payment.kind)) {
      await this.money.record(manager, booking, {}, this.clock.now(), {
        action: 'extras_refunded',
        toStatus: booking.status,
        details,
      });
      return;
    }
    await this.money.record(
      manager,
      booking,
      await this.money.of(manager, booking, booking.status),
      this.clock.now(),
      { action: 'refunded', toStatus: booking.status, details },
    );
  }
}
