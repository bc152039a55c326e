import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { amountDueCents } from '../../../shared/bookings/amount-due';
import { rowLock } from '../../database/row-lock';
import { CHARGED_STATUSES, SESSION_PAYMENT_KINDS } from '../../../shared/payments/payment-status';
import { LedgerQueriesService } from '../payments/ledger-queries.service';
import { Booking } from './booking.entity';
import { BookingWriter } from './booking-writer';
import { subjectOf } from './bookings.mappers';
import { decideTransition, type MoneyAction } from './domain/booking-state-machine';
import { sessionPaymentStatus } from './domain/session-payment-status';

/** How the audit trail names a money event ('balance_paid', 'refunded', …), with its facts. */
export interface MoneyEvent {
  action: string;
  details: Record<string, unknown>;
}

type MoneyFields = Pick<Booking, 'amountPaidCents' | 'amountRefundedCents' | 'paymentStatus'>;

/** A lost race is retried this often: another writer moved the booking between read and write. */
const ATTEMPTS = 3;

/**
 * Applies what the provider reports about a booking's money as a state-machine transition by
 * the `system` actor (docs/design.md §4), written by BookingWriter with its audit event in the
 * caller's transaction. The money fields always come from the payments (whose refunded
 * amounts come from the ledger), so the booking never drifts from what the provider reported.
 */
@Injectable()
export class BookingMoneyWriter {
  constructor(
    private readonly queries: LedgerQueriesService,
    private readonly writer: BookingWriter,
  ) {}

  /**
   * The booking's paid and refunded totals and payment status from its session payments
   * (whose refunded amounts come from the ledger), as the booking will be in `status`.
   */
  async of(
    manager: EntityManager,
    booking: Booking,
    status: Booking['status'],
  ): Promise<MoneyFields> {
    const payments = (await this.queries.paymentsFor('booking', booking.id, manager)).filter(
      (p) => SESSION_PAYMENT_KINDS.includes(p.kind) && CHARGED_STATUSES.includes(p.status),
    );
    const paidCents = payments.reduce((t, p) => t + p.amountCents, 0);
    const refundedCents = payments.reduce((t, p) => t + p.refundedCents, 0);
    const dueCents = amountDueCents({
      status,
      totalCents: booking.price.totalCents,
      amountPaidCents: paidCents,
    });
    return {
      amountPaidCents: paidCents,
      amountRefundedCents: refundedCents,
      paymentStatus: sessionPaymentStatus({ paidCents, refundedCents, dueCents }),
    };
  }

  /**
   * Applies `action` to the booking if the state machine allows it from the status the booking
   * is in now: `patchFor` gets that booking and the status it moves to. Answers the booking as
   * it was before the change, or null when there is no such booking or the move is refused.
   */
  async apply(
    manager: EntityManager,
    bookingId: string,
    action: MoneyAction,
    event: MoneyEvent,
    patchFor: (
      booking: Booking,
      to: Booking['status'],
    ) => Partial<Booking> | Promise<Partial<Booking>>,
    now: Date,
  ): Promise<Booking | null> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      // Locked on PostgreSQL, so two refunds recorded at once both count in the totals.
      const booking = await manager.findOne(Booking, {
        where: { id: bookingId },
        ...rowLock(manager.connection),
      });
      if (!booking) return null;
      const decision = decideTransition(subjectOf(booking), action, 'system', now);
      if (!decision.ok) return null;
      const moves = decision.to !== booking.status;
      const applied = await this.writer.applyWithin(
        manager,
        {
          id: booking.id,
          from: booking.status,
          patch: {
            ...(await patchFor(booking, decision.to)),
            ...(moves ? { status: decision.to, sequence: booking.sequence + 1 } : {}),
            updatedAt: now,
          },
          event: {
            action: event.action,
            fromStatus: booking.status,
            toStatus: decision.to,
            actorId: null,
            actorRole: 'system',
            details: event.details,
          },
          movesRange: false,
        },
        now,
      );
      if (applied) return booking;
    }
    throw new Error(`Booking ${bookingId} kept changing while its money was recorded`);
  }
}
