import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Clock } from '../../common/clock';
import { SESSION_PAYMENT_KINDS } from '../../../shared/payments/payment-status';
import {
  type PaymentPurposeHandler,
  PaymentPurposes,
  type SettledRefund,
} from '../payments/payment-purposes.service';
import type { Payment } from '../payments/payments.types';
import type { AfterCommit } from '../payments/webhook-handlers.service';
import { BookingMoneyWriter } from './booking-money-writer';
import { BookingPaymentsService } from './booking-payments.service';

/**
 * What a booking does when the provider reports its money (each in the webhook's or the
 * refund's transaction), each a state-machine transition by the `system` actor: a paid
 * checkout confirms the held slot, a delayed one keeps it held, a failed one releases it, a
 * late one is refunded, and every refund, ours or the Dashboard's, updates the booking's
 * totals from the ledger.
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
    const bookingId = payment.referenceId;
    const now = this.clock.now();
    const details = {
      amountCents: payment.amountCents,
      currency: payment.currency,
      kind: payment.kind,
    };
    if (payment.kind === 'extra_images') {
      // Extra photos picked after the session: outside the session price, kept in the ledger.
      const extras = { action: 'extras_paid', details };
      await this.money.apply(manager, bookingId, 'money_recorded', extras, () => ({}), now);
      return;
    }
    if (payment.kind === 'balance') {
      await this.money.apply(
        manager,
        bookingId,
        'money_recorded',
        { action: 'balance_paid', details },
        async (booking, to) => ({ ...(await this.money.of(manager, booking, to)), payUrl: null }),
        now,
      );
      return;
    }
    const confirmed = await this.money.apply(
      manager,
      bookingId,
      'payment_received',
      { action: 'payment_received', details },
      async (booking, to) => ({
        holdExpiresAt: null,
        ...(await this.money.of(manager, booking, to)),
      }),
      now,
    );
    if (confirmed) return;
    // Paid after the hold ended (or the booking ended meanwhile): give the money back.
    const late = await this.money.apply(
      manager,
      bookingId,
      'money_recorded',
      {
        action: 'late_payment',
        details: { ...details, reason: 'The hold had ended; the payment is refunded in full' },
      },
      async (booking, to) => ({
        amountPaidCents: (await this.money.of(manager, booking, to)).amountPaidCents,
      }),
      now,
    );
    if (!late) return;
    return () => this.payments.refundSession(bookingId, payment.amountCents, 'late-payment');
  }

  /**
   * Checkout finished with a delayed method (SEPA Direct Debit and the like): the money is not
   * here yet, so nothing is confirmed, but the time stays held until the bank answers (at
   * most until the session would start).
   */
  async onPaymentProcessing(payment: Payment, manager: EntityManager): Promise<void> {
    if (payment.kind === 'extra_images') return;
    await this.money.apply(
      manager,
      payment.referenceId,
      'payment_processing',
      {
        action: 'payment_processing',
        details: { amountCents: payment.amountCents, currency: payment.currency },
      },
      (booking) => ({ holdExpiresAt: booking.startsAt, paymentStatus: 'payment_processing' }),
      this.clock.now(),
    );
  }

  /**
   * The delayed payment failed: the time is released (with any draft credit, which the
   * client can use again) and the client is told (by email).
   */
  async onPaymentFailed(payment: Payment, manager: EntityManager): Promise<void> {
    if (payment.kind === 'extra_images') return;
    await this.money.apply(
      manager,
      payment.referenceId,
      'payment_failed',
      {
        action: 'payment_failed',
        details: { amountCents: payment.amountCents, currency: payment.currency },
      },
      () => ({ holdExpiresAt: null, paymentStatus: 'payment_failed' }),
      this.clock.now(),
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
    const details = {
      refundCents: refund.amountCents,
      currency: payment.currency,
      refundId: refund.refundId,
      source: refund.source,
      reason: refund.reason,
      paymentKind: payment.kind,
    };
    const session = SESSION_PAYMENT_KINDS.includes(payment.kind);
    await this.money.apply(
      manager,
      payment.referenceId,
      'money_recorded',
      { action: session ? 'refunded' : 'extras_refunded', details },
      (booking, to) => (session ? this.money.of(manager, booking, to) : {}),
      this.clock.now(),
    );
  }
}
