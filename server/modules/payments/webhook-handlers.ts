import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ProviderEvent } from './payment-provider';

/** Work to do once the event's transaction has committed (e.g. a call to the provider). */
export type AfterCommit = () => Promise<void>;

export type WebhookHandler = (
  event: ProviderEvent,
  manager: EntityManager,
) => Promise<void | AfterCommit>;

/**
 * Which module applies which provider event. Feature modules register their handlers at
 * start-up (bookings: checkout completed/expired, refunds; drafts: unlocks), so payments
 * never depends on them. A handler runs inside the transaction that records the event id.
 */
@Injectable()
export class WebhookHandlers {
  private readonly handlers = new Map<string, WebhookHandler[]>();

  register(type: string, handler: WebhookHandler): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler]);
  }

  for(type: string): WebhookHandler[] {
    return this.handlers.get(type) ?? [];
  }
}
