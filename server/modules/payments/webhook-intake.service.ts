import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { PaymentProvider } from './payment-provider';
import { PaymentsRepository } from './payments.repository';
import { type AfterCommit, WebhookHandlers } from './webhook-handlers.service';

export interface WebhookOutcome {
  eventId: string;
  type: string;
  /** `duplicate`: seen before, nothing done; `ignored`: no handler for this type. */
  result: 'applied' | 'duplicate' | 'ignored';
}

/**
 * The provider's webhooks: verified, then applied exactly once by the handlers other services
 * register (`WebhookHandlers`).
 */
@Injectable()
export class WebhookIntakeService {
  private readonly logger = new Logger(WebhookIntakeService.name);

  constructor(
    private readonly provider: PaymentProvider,
    private readonly repository: PaymentsRepository,
    private readonly handlers: WebhookHandlers,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /**
   * Verifies a provider webhook and applies it exactly once: the event id is recorded in the
   * same transaction as its effect, so a redelivery changes nothing and a failure leaves
   * nothing half-applied (the provider retries).
   */
  async receiveWebhook(
    rawBody: Buffer | undefined,
    signature: string | undefined,
  ): Promise<WebhookOutcome> {
    const event = await this.provider.readWebhook(rawBody ?? Buffer.alloc(0), signature);
    const handlers = this.handlers.for(event.kind);
    const afterCommit: AfterCommit[] = [];
    const result = await this.dataSource.transaction(async (manager) => {
      const receivedAt = this.clock.now();
      if (!(await this.repository.recordEvent(manager, event.eventId, event.kind, receivedAt))) {
        return 'duplicate' as const;
      }
      for (const handler of handlers) {
        const followUp = await handler(event, manager);
        if (followUp) afterCommit.push(followUp);
      }
      return handlers.length > 0 ? ('applied' as const) : ('ignored' as const);
    });
    const type = event.kind === 'unhandled' ? event.providerType : event.kind;
    if (result === 'ignored') this.logger.log(`Ignored webhook ${type} (${event.eventId})`);
    for (const followUp of afterCommit) {
      // The event is applied; a failed follow-up is logged and retried by its owner's sweeper.
      await followUp().catch((error: unknown) =>
        this.logger.error(`After ${type} (${event.eventId}): ${String(error)}`),
      );
    }
    return { eventId: event.eventId, type, result };
  }
}
