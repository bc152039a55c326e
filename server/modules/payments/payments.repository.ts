import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { PayoutAccount } from './payout-account.entity';
import { ProcessedWebhookEvent } from './processed-webhook-event.entity';

@Injectable()
export class PaymentsRepository {
  constructor(
    @InjectRepository(PayoutAccount) private readonly accounts: Repository<PayoutAccount>,
  ) {}

  findPayoutAccountOf(userId: string): Promise<PayoutAccount | null> {
    return this.accounts.findOneBy({ userId });
  }

  async savePayoutAccount(
    account: Partial<PayoutAccount> & { userId: string },
  ): Promise<PayoutAccount> {
    return this.accounts.save(this.accounts.create(account));
  }

  findPayoutAccountByProviderId(
    providerAccountId: string,
    manager: EntityManager = this.accounts.manager,
  ): Promise<PayoutAccount | null> {
    return manager.findOneBy(PayoutAccount, { providerAccountId });
  }

  /**
   * Records an event id; false when it was already recorded (a redelivery). Two deliveries of
   * one event at the same instant: the primary key fails the second transaction, which rolls
   * back and answers 500, and the provider's retry then finds the event recorded.
   */
  async recordEvent(
    manager: EntityManager,
    eventId: string,
    type: string,
    at: Date,
  ): Promise<boolean> {
    if (await manager.existsBy(ProcessedWebhookEvent, { eventId })) return false;
    await manager.insert(ProcessedWebhookEvent, { eventId, type, processedAt: at });
    return true;
  }
}
