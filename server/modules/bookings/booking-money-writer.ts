import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { amountDueCents } from '../../../shared/bookings/amount-due';
import { CHARGED_STATUSES, SESSION_PAYMENT_KINDS } from '../payments/domain/payment-status';
import { LedgerQueriesService } from '../payments/ledger-queries.service';
import { AuditEvent } from '../audit/audit-event.entity';
import { auditRecord } from '../audit/audit-log.service';
import { Booking } from './booking.entity';
import { sessionPaymentStatus } from './domain/session-payment-status';

/**
 * Writes a booking's money fields with an audit event, in the caller's transaction, always
 * from the payments (whose refunded amounts come from the ledger) so the booking never drifts
 * from what the provider reported.
 */
@Injectable()
export class BookingMoneyWriter {
  constructor(private readonly queries: LedgerQueriesService) {}

  /**
   * The booking's paid and refunded totals and payment status from its session payments
   * (whose refunded amounts come from the ledger), as the booking will be in `status`.
   */
  async of(
    manager: EntityManager,
    booking: Booking,
    status: Booking['status'],
  ): Promise<Pick<Booking, 'amountPaidCents' | 'amountRefundedCents' | 'paymentStatus'>> {
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

  async record(
    manager: EntityManager,
    booking: Booking,
    patch: Partial<Booking>,
    now: Date,
    event: { action: string; toStatus: string; details: Record<string, unknown> },
  ): Promise<void> {
    await manager.update(Booking, { id: booking.id }, { ...patch, updatedAt: now });
    await manager.save(
      AuditEvent,
      auditRecord(
        { type: 'booking', id: booking.id },
        {
          action: event.action,
          fromStatus: booking.status,
          toStatus: event.toStatus,
          actorId: null,
          actorRole: 'system',
          details: event.details,
        },
        now,
      ),
    );
  }
}
