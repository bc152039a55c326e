import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { type EntityManager, In } from 'typeorm';
import { Clock } from '../../common/clock';
import { CHARGED_STATUSES, statusAfterRefunds } from '../../../shared/payments/payment-status';
import { LedgerRepository } from './ledger.repository';
import type { PaymentEvent, ReportedRefund } from './payment-events';
import { PaymentPurposes, type SettledRefund } from './payment-purposes.service';
import { Payment } from './payment.entity';
import { RefundRequest } from './refund-request.entity';
import { TransfersService } from './transfers.service';
import { type AfterCommit, WebhookHandlers } from './webhook-handlers.service';

/**
 * Records every refund the provider reports — our API call's answer, `charge.refunded` /
 * `refund.*` webhooks, refunds made in its dashboard — once by its refund id, whichever report
 * arrives first, in any order, any number of times; then brings the payment (and through its
 * purpose, e.g. the booking) up to date from the ledger and reverses a transfer in proportion.
 */
@Injectable()
export class RefundReconciler implements OnModuleInit {
  private readonly logger = new Logger(RefundReconciler.name);

  constructor(
    private readonly ledger: LedgerRepository,
    private readonly purposes: PaymentPurposes,
    private readonly transfers: TransfersService,
    private readonly handlers: WebhookHandlers,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register('refunds_reported', (event, manager) =>
      this.applyReported(event, manager),
    );
  }

  /** The provider's report of refunds (a webhook): each one recorded once by its id. */
  private async applyReported(
    event: Extract<PaymentEvent, { kind: 'refunds_reported' }>,
    manager: EntityManager,
  ): Promise<AfterCommit | void> {
    const afterCommit: AfterCommit[] = [];
    for (const refund of event.refunds) {
      if (refund.state !== 'settled') {
        this.logger.warn(`Refund ${refund.refundId} failed at the provider; nothing recorded`);
        continue;
      }
      const payment = await manager.findOneBy(Payment, {
        paymentIntentId: refund.paymentIntentId,
        status: In([...CHARGED_STATUSES]),
      });
      if (!payment) continue; // a charge this installation did not make
      const request = refund.requestId
        ? await manager.findOneBy(RefundRequest, { id: refund.requestId })
        : null;
      if (request && request.status !== 'succeeded') {
        await manager.update(
          RefundRequest,
          { id: request.id },
          {
            status: 'succeeded',
            providerRefundId: refund.refundId,
            nextAttemptAt: null,
            updatedAt: this.clock.now(),
          },
        );
      }
      const source = request ? 'lensbridge' : 'provider';
      afterCommit.push(
        ...(await this.record(manager, payment, refund, source, request?.reason ?? null)),
      );
    }
    if (afterCommit.length === 0) return;
    return async () => {
      for (const step of afterCommit) {
        await step().catch((error: unknown) =>
          this.logger.error(`After refund report ${event.eventId}: ${String(error)}`),
        );
      }
    };
  }

  /**
   * Records one provider refund in the ledger unless it already is, then brings the payment
   * (and through its purpose, e.g. the booking) up to date from the ledger.
   */
  async record(
    manager: EntityManager,
    payment: Payment,
    refund: ReportedRefund,
    source: SettledRefund['source'],
    reason: string | null,
  ): Promise<AfterCommit[]> {
    const locked = (await this.ledger.lockPayment(manager, payment.id)) ?? payment;
    const now = this.clock.now();
    const inserted = await this.ledger.recordOnce(
      manager,
      locked,
      {
        type: 'refund',
        amountCents: refund.amountCents,
        providerRef: refund.refundId,
        key: `refund-${refund.refundId}`,
        note: source === 'provider' ? 'Refunded in the payment provider’s dashboard' : reason,
      },
      now,
    );
    if (!inserted) return [];
    locked.refundedCents = await this.ledger.refundedCentsOf(manager, locked.id);
    locked.status = statusAfterRefunds(locked.amountCents, locked.refundedCents);
    locked.updatedAt = now;
    await manager.save(Payment, locked);
    const settled: SettledRefund = {
      refundId: refund.refundId,
      amountCents: refund.amountCents,
      source,
      reason,
    };
    const followUp = await this.purposes
      .of(locked.purpose)
      ?.onRefundSettled?.(locked, settled, manager);
    return [
      ...(followUp ? [followUp] : []),
      () => this.transfers.reverseAfterRefund(locked, refund.refundId, refund.amountCents),
    ];
  }
}
