import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { PaymentEvent, PaymentEventKind } from './payment-events';

/** Work to do once the event's transaction has committed (e.g. a call to the provider). */
export type AfterCommit = () => Promise<void>;

export type WebhookHandler<K extends PaymentEventKind = PaymentEventKind> = (
  event: Extract<PaymentEvent, { kind: K }>,
  manager: EntityManager,
) => Promise<void | AfterCommit>;

/**
 * Which module applies which payment event. Payments registers its own (checkouts, refunds);
 * feature modules register theirs at start-up (bookings: payout account ready), so payments
 * never depends on them. A handler runs inside the transaction that records the event id.
 */
@Injectable()
export class WebhookHandlers {
  private readonly handlers = new Map<PaymentEventKind, WebhookHandler[]>();

  register<K extends PaymentEventKind>(kind: K, handler: WebhookHandler<K>): void {
    this.handlers.set(kind, [
      ...(this.handlers.get(kind) ?? []),
      handler as unknown as WebhookHandler,
    ]);
  }

  for(kind: PaymentEventKind): WebhookHandler[] {
    return this.handlers.get(kind) ?? [];
  }
}
