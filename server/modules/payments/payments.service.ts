import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  OnboardingLinkDto,
  PaymentOptionsDto,
  PayoutAccountDto,
} from '../../../shared/payments/payments.types';
import type { AuthContext } from '../../common/auth/auth-context';
import type { AppConfig } from '../../config/app-config';
import { Clock } from '../../common/clock';
import { APP_CONFIG } from '../../config/config.module';
import { UsersService } from '../users/users.service';
import { payoutAccountStatus } from './domain/payout-account-status';
import type { PaymentEvent } from './payment-events';
import { PaymentProvider } from './payment-provider';
import { PayoutAccount } from './payout-account.entity';
import { PaymentsRepository } from './payments.repository';
import { WebhookHandlers } from './webhook-handlers.service';

/**
 * The payments module's face to the rest of the app: which provider is on, and photographers'
 * payout accounts (onboarding, and the provider's updates to them). Webhooks arrive through
 * `WebhookIntakeService`.
 */
@Injectable()
export class PaymentsService implements OnModuleInit {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly provider: PaymentProvider,
    private readonly repository: PaymentsRepository,
    private readonly handlers: WebhookHandlers,
    private readonly users: UsersService,
    private readonly clock: Clock,
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
    const account = await this.repository.findPayoutAccountByProviderId(providerAccountId);
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
        updatedAt: this.clock.now(),
      });
    }
    const payoutsPage = `${this.config.publicUrl}/app/payouts`;
    return this.provider.createOnboardingLink({
      accountId: account.providerAccountId,
      returnUrl: `${payoutsPage}?onboarding=done`,
      refreshUrl: `${payoutsPage}?onboarding=retry`,
    });
  }

  private async applyAccountUpdate(
    event: Extract<PaymentEvent, { kind: 'payout_account_updated' }>,
    manager: EntityManager,
  ): Promise<void> {
    const account = await this.repository.findPayoutAccountByProviderId(event.accountId, manager);
    if (!account) return; // an account this installation did not create
    account.payoutsEnabled = event.payoutsEnabled;
    account.status = payoutAccountStatus({
      payoutsEnabled: event.payoutsEnabled,
      detailsSubmitted: event.detailsSubmitted,
    });
    account.updatedAt = this.clock.now();
    await manager.save(PayoutAccount, account);
  }
}
