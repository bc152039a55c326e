import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type {
  OnboardingLinkDto,
  PaymentOptionsDto,
  PayoutAccountDto,
} from '../../../shared/payments/payments.types';
import type { AuthContext } from '../../common/auth/auth-context';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { UsersService } from '../users/users.service';
import { payoutAccountStatus } from './domain/payout-account-status';
import type { PaymentEvent } from './payment-events';
import { PaymentProvider } from './payment-provider';
import { PayoutAccount } from './payout-account.entity';
import { PaymentsRepository } from './payments.repository';
import { type AfterCommit, WebhookHandlers } from './webhook-handlers.service';

export interface WebhookOutcome {
  eventId: string;
  type: string;
  /** `duplicate`: seen before, nothing done; `ignored`: no handler for this type. */
  result: 'applied' | 'duplicate' | 'ignored';
}

@Injectable()
export class PaymentsService implements OnModuleInit {
  private readonly logger = new Logger(PaymentsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly provider: PaymentProvider,
    private readonly repository: PaymentsRepository,
    private readonly handlers: WebhookHandlers,
    private readonly users: UsersService,
    private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.handlers.register('payout_account_updated', (event, manager) =>
      this.applyAccountUpdate(event, manager),
    );
  }

  options(): PaymentOptionsDto {
    return {
      provider: this.provider.name,
      currency: this.config.payments.currency,
      draftUnlockPriceCents: this.config.payments.draftUnlockPriceCents,
    };
  }

  get platformFeePercent(): number {
    return this.config.payments.platformFeePercent;
  }

  get providerName(): PaymentProvider['name'] {
    return this.provider.name;
  }

  payoutAccount(auth: AuthContext): Promise<PayoutAccountDto> {
    return this.payoutAccountOf(auth.userId);
  }

  async payoutAccountOf(userId: string): Promise<PayoutAccountDto> {
    const account = await this.repository.findPayoutAccountOf(userId);
    return {
      provider: this.provider.name,
      status: account?.status ?? 'not_connected',
      payoutsEnabled: account?.payoutsEnabled ?? false,
      updatedAt: account?.updatedAt.toISOString() ?? null,
    };
  }

  /** The user whose payout account this is, if this installation created it. */
  async payoutAccountOwner(providerAccountId: string): Promise<string | null> {
    const account = await this.repository.findPayoutAccountByProviderId(
      this.dataSource.manager,
      providerAccountId,
    );
    return account?.userId ?? null;
  }

  /** Creates the connected account once, then a fresh hosted-onboarding link each time. */
  async startOnboarding(auth: AuthContext): Promise<OnboardingLinkDto> {
    let account = await this.repository.findPayoutAccountOf(auth.userId);
    if (!account) {
      const user = await this.users.findById(auth.userId);
      const { accountId } = await this.provider.createConnectedAccount({
        email: user?.email ?? '',
        idempotencyKey: `connect-account-${auth.userId}`,
      });
      account = await this.repository.savePayoutAccount({
        userId: auth.userId,
        providerAccountId: accountId,
        status: 'onboarding',
        payoutsEnabled: false,
        updatedAt: new Date(),
      });
    }
    const payoutsPage = `${this.config.publicUrl}/app/payouts`;
    return this.provider.createOnboardingLink({
      accountId: account.providerAccountId,
      returnUrl: `${payoutsPage}?onboarding=done`,
      refreshUrl: `${payoutsPage}?onboarding=retry`,
    });
  }

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
      if (!(await this.repository.recordEvent(manager, event.eventId, event.kind, new Date()))) {
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

  private async applyAccountUpdate(
    event: Extract<PaymentEvent, { kind: 'payout_account_updated' }>,
    manager: EntityManager,
  ): Promise<void> {
    const account = await this.repository.findPayoutAccountByProviderId(manager, event.accountId);
    if (!account) return; // an account this installation did not create
    account.payoutsEnabled = event.payoutsEnabled;
    account.status = payoutAccountStatus({
      payoutsEnabled: event.payoutsEnabled,
      detailsSubmitted: event.detailsSubmitted,
    });
    account.updatedAt = new Date();
    await manager.save(PayoutAccount, account);
  }
}
