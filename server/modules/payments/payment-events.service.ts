import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import type { PaymentStatus } from '../../../shared/payments/payments.types';
import { Clock } from '../../common/clock';
import { LedgerRepository } from './ledger.repository';
import type { PaymentEvent } from './payment-events';
import { PaymentPurposes } from './payment-purposes.service';
import { Payment } from './payment.entity';
import { type AfterCommit, WebhookHandlers } from './webhook-handlers.service';

type EventOf<K extends PaymentEvent['kind']> = Extract<PaymentEvent, { kind: K }>;

/**
 * Applies checkout events to our payments, in any order: a payment only moves forward
 * (pending → processing → succeeded | failed; pending → expired → succeeded for a late payment),
 * so a stale or repeated event changes nothing. Each runs in the webhook's transaction.
 */
@Injectable()
export class PaymentEventsService implements OnModuleInit {
  constructor(
    private readonly ledger: LedgerRepository,
    private readonly purposes: PaymentPurposes,
    private readonly handlers: WebhookHandlers,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.handlers.register('checkout_paid', (e, m) => this.onCheckoutPaid(e, m));
    this.handlers.register('checkout_processing', (e, m) => this.onCheckoutProcessing(e, m));
    this.handlers.register('checkout_failed', (e, m) => this.onCheckoutFailed(e, m));
    this.handlers.register('checkout_expired', (e, m) => this.onCheckoutExpired(e, m));
    this.handlers.register('payment_failed', (e, m) => this.onPaymentFailed(e, m));
  }

  private async onCheckoutPaid(
    event: EventOf<'checkout_paid'>,
    manager: EntityManager,
  ): Promise<void | AfterCommit> {
    const payment = await this.moveSession(
      manager,
      event.sessionId,
      ['pending', 'expired', 'processing'],
      'succeeded',
      event,
    );
    if (!payment) return;
    await this.ledger.recordOnce(
      manager,
      payment,
      {
        type: 'charge',
        amountCents: payment.amountCents,
        providerRef: payment.paymentIntentId,
        key: `charge-${payment.id}`,
        note: payment.kind,
      },
      this.clock.now(),
    );
    return this.purposes.of(payment.purpose)?.onPaymentSucceeded(payment, manager);
  }

  private async onCheckoutProcessing(
    event: EventOf<'checkout_processing'>,
    manager: EntityManager,
  ): Promise<void | AfterCommit> {
    const payment = await this.moveSession(
      manager,
      event.sessionId,
      ['pending', 'expired'],
      'processing',
      event,
    );
    if (!payment) return;
    return this.purposes.of(payment.purpose)?.onPaymentProcessing?.(payment, manager);
  }

  private async onCheckoutFailed(
    event: EventOf<'checkout_failed'>,
    manager: EntityManager,
  ): Promise<void | AfterCommit> {
    const payment = await this.moveSession(
      manager,
      event.sessionId,
      ['pending', 'processing'],
      'failed',
    );
    if (!payment) return;
    return this.purposes.of(payment.purpose)?.onPaymentFailed?.(payment, manager);
  }

  private async onCheckoutExpired(
    event: EventOf<'checkout_expired'>,
    manager: EntityManager,
  ): Promise<void | AfterCommit> {
    // An expiry that arrives after the payment completed changes nothing.
    const payment = await this.moveSession(manager, event.sessionId, ['pending'], 'expired');
    if (!payment) return;
    return this.purposes.of(payment.purpose)?.onPaymentExpired?.(payment, manager);
  }

  /**
   * A declined card. On a hosted Checkout page the customer simply tries again (the session
   * stays open), and off-session balance charges learn of it synchronously; a payment of ours
   * still pending on this intent is marked failed so nobody waits for it.
   */
  private async onPaymentFailed(
    event: EventOf<'payment_failed'>,
    manager: EntityManager,
  ): Promise<void> {
    const payment = await manager.findOneBy(Payment, {
      paymentIntentId: event.paymentIntentId,
      status: 'pending',
    });
    if (!payment) return;
    payment.status = 'failed';
    payment.updatedAt = this.clock.now();
    await manager.save(Payment, payment);
  }

  /** The session's payment moved from one of `from` to `to`, or null when it is elsewhere. */
  private async moveSession(
    manager: EntityManager,
    sessionId: string,
    from: PaymentStatus[],
    to: PaymentStatus,
    refs?: { paymentIntentId: string | null; customerRef: string | null },
  ): Promise<Payment | null> {
    const payment = await manager.findOneBy(Payment, {
      checkoutSessionId: sessionId,
      status: In(from),
    });
    if (!payment) return null;
    payment.status = to;
    if (refs) {
      payment.paymentIntentId = refs.paymentIntentId ?? payment.paymentIntentId;
      payment.customerRef = refs.customerRef ?? payment.customerRef;
    }
    payment.updatedAt = this.clock.now();
    return manager.save(Payment, payment);
  }
}
