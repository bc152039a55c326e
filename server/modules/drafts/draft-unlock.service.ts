import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UnlockDto } from '../../../shared/drafts/drafts.types';
import type { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { CheckoutService } from '../payments/checkout.service';
import { type PaymentPurposeHandler, PaymentPurposes } from '../payments/payment-purposes.service';
import type { Payment } from '../payments/payments.types';
import { PaymentsService } from '../payments/payments.service';
import { UsersService } from '../users/users.service';
import type { Draft } from './draft.entity';
import { DraftsRepository } from './drafts.repository';

/**
 * The HD unlock of a draft. With Stripe it is sold through Checkout at DRAFT_UNLOCK_PRICE_CENTS
 * and the payment unlocks the draft; with the `manual` provider (no keys) the documented demo
 * rule unlocks it for free and says so.
 */
@Injectable()
export class DraftUnlockService implements OnModuleInit, PaymentPurposeHandler {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly checkout: CheckoutService,
    private readonly purposes: PaymentPurposes,
    private readonly payments: PaymentsService,
    private readonly users: UsersService,
    private readonly drafts: DraftsRepository,
  ) {}

  onModuleInit(): void {
    this.purposes.register('draft_unlock', this);
  }

  get online(): boolean {
    return this.payments.providerName === 'stripe';
  }

  async startCheckout(draft: Draft, now: Date): Promise<UnlockDto> {
    const user = await this.users.findById(draft.ownerId);
    const { url } = await this.checkout.startCheckout({
      purpose: 'draft_unlock',
      referenceId: draft.id,
      payerId: draft.ownerId,
      kind: 'draft_unlock',
      amountCents: this.config.payments.draftUnlockPriceCents,
      currency: this.config.payments.currency,
      description: 'Lensbridge AI draft — HD images (AI-generated)',
      customerEmail: user?.email,
      returnPath: `/app/drafts/${draft.id}`,
      expiresAt: new Date(now.getTime() + 60 * 60_000),
      saveCard: false,
    });
    return {
      unlocked: false,
      method: 'stripe',
      checkoutUrl: url,
      note: 'Pay on the secure payment page; the HD images unlock as soon as the payment arrives.',
    };
  }

  /** Runs in the webhook's transaction. */
  async onPaymentSucceeded(payment: Payment, manager: EntityManager): Promise<void> {
    // The HD images are asked for in the same transaction; the render queue finds them.
    await this.drafts.unlockDraft(payment.referenceId, 'stripe', manager);
  }
}
